using System;
using System.Linq;
using System.Text;
using ErrorCatalog.Replay.Scenarios;
using Xunit;

namespace ErrorCatalog.Replay.Tests;

/// <summary>
/// Every scenario of every catalog, replayed on this machine's kernel with libc and with .NET's
/// Socket; a scenario whose needs this user lacks is skipped with the reason, except in CI
/// (CI=true), where every scenario must run.
/// </summary>
public sealed class ReplayTests
{
    public static TheoryData<string, string> ScenarioIds()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, catalog) in RepositoryCatalog.All)
        {
            foreach (var scenario in catalog.Scenarios)
            {
                data.Add(file, scenario.Id);
            }
        }

        return data;
    }

    [Fact]
    public void Scenario_ids_are_unique_across_catalogs()
    {
        // One registry of implementations serves every catalog, so an id names one setup only.
        var repeated = RepositoryCatalog.All.Values.SelectMany(c => c.Scenarios).GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeated);
    }

    [Fact]
    public void Every_scenario_has_an_implementation_and_every_implementation_a_scenario()
    {
        var inCatalog = RepositoryCatalog.All.Values.SelectMany(c => c.Scenarios).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var implemented = ScenarioImplementations.All.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(inCatalog.Except(implemented).Order(StringComparer.Ordinal));
        Assert.Empty(implemented.Except(inCatalog).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(ScenarioIds))]
    public void Scenario_replays_as_the_catalog_says(string file, string id)
    {
        var catalog = RepositoryCatalog.Load(file);
        var report = new ScenarioRunner(catalog).Run(catalog.FindScenario(id)!);
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
