using System;
using System.Linq;
using System.Text;
using ErrorCatalog.Replay.Scenarios;
using Xunit;

namespace ErrorCatalog.Replay.Tests;

/// <summary>
/// Every scenario of the catalog, replayed on this machine's kernel with libc and with .NET's
/// Socket; a scenario whose needs this user lacks is skipped with the reason, except in CI
/// (CI=true), where every scenario must run.
/// </summary>
public sealed class ReplayTests
{
    private static readonly ScenarioRunner Runner = new(RepositoryCatalog.Catalog);

    public static TheoryData<string> ScenarioIds()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in RepositoryCatalog.Catalog.Scenarios)
        {
            data.Add(scenario.Id);
        }

        return data;
    }

    [Fact]
    public void Every_scenario_has_an_implementation_and_every_implementation_a_scenario()
    {
        var inCatalog = RepositoryCatalog.Catalog.Scenarios.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var implemented = ScenarioImplementations.All.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(inCatalog.Except(implemented).Order(StringComparer.Ordinal));
        Assert.Empty(implemented.Except(inCatalog).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(ScenarioIds))]
    public void Scenario_replays_as_the_catalog_says(string id)
    {
        var scenario = RepositoryCatalog.Catalog.FindScenario(id)!;
        var report = Runner.Run(scenario);
        if (report.Skipped is { } reason)
        {
            if (IsCi)
            {
                Assert.Fail($"CI=true, but scenario '{id}' could not run: {reason}");
            }

            Skip.If(true, reason);
        }

        Assert.True(report.Ok, Describe(report));
    }

    private static bool IsCi => string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Describe(ScenarioReport report)
    {
        var text = new StringBuilder($"scenario {report.Id}:");
        foreach (var run in report.Runs)
        {
            text.Append(System.Environment.NewLine)
                .Append($"  {run.Driver}: expected {run.Expected ?? "(not recorded)"}, observed {run.Observed}{(run.Ok ? "" : "  <-- differs")}");
            if (run.Detail is not null)
            {
                text.Append($" ({run.Detail})");
            }
        }

        return text.ToString();
    }
}
