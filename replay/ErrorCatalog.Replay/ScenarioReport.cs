using System;
using System.Collections.Generic;
using System.Linq;

namespace ErrorCatalog.Replay;

/// <summary>What one driver of one scenario saw, beside what the catalog expects.</summary>
/// <param name="Driver">Who made the observed connect.</param>
/// <param name="Expected">The catalog's value: the scenario's `result` for libc, its `dotnet` value for .NET drivers (null: not recorded).</param>
/// <param name="Observed">What the run saw (see <see cref="Observation"/>).</param>
/// <param name="Ok">Whether the observation agrees with the catalog.</param>
/// <param name="Detail">Why it does not agree, or what else the run said.</param>
/// <param name="Duration">How long the run took, setup and cleanup included.</param>
public sealed record DriverReport(ConnectDriver Driver, string? Expected, string Observed, bool Ok, string? Detail, TimeSpan Duration);

/// <summary>The replay of one scenario.</summary>
/// <param name="Id">The scenario id.</param>
/// <param name="Expected">The catalog's `result`.</param>
/// <param name="Skipped">Why it did not run (a missing need), or null when it ran.</param>
/// <param name="Runs">One report per driver that ran: libc first, then .NET's Connect and ConnectAsync.</param>
public sealed record ScenarioReport(string Id, string Expected, string? Skipped, IReadOnlyList<DriverReport> Runs)
{
    /// <summary>Ran, and every driver agreed with the catalog.</summary>
    public bool Ok => Skipped is null && Runs.Count > 0 && Runs.All(run => run.Ok);

    /// <summary>What libc observed (the scenario's real result), or null if it did not run.</summary>
    public string? Observed => Runs.Count > 0 ? Runs[0].Observed : null;

    public TimeSpan Duration => TimeSpan.FromTicks(Runs.Sum(run => run.Duration.Ticks));
}
