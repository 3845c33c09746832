using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ErrorCatalog.Catalog.Model;
using Xunit;

namespace ErrorCatalog.Replay.Tests;

/// <summary>
/// Every catalog's Linux claims are backed: each entry Linux defines is either replayed by a
/// scenario, cited from kernel source, or marked as never returned by the catalog's call on Linux;
/// each family it lists has a scenario or a citation of its own; each Linux quirk names its
/// scenarios or cites the kernel.
/// </summary>
public sealed partial class BackingTests
{
    private const string Linux = "linux";

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void Every_entry_Linux_defines_is_replayed_cited_or_marked_never_returned(string file)
    {
        var catalog = RepositoryCatalog.Load(file);
        var unbacked = LinuxEntries(catalog)
            .Where(entry => !IsNeverReturned(entry) && !LinuxScenarios(catalog, entry).Any() && entry.KernelSources.Count == 0)
            .Select(entry => entry.Name)
            .ToList();
        Assert.True(unbacked.Count == 0, "No scenario, kernel source or not-returned for: " + string.Join(", ", unbacked));
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void Every_family_an_entry_lists_has_its_own_scenario_or_citation(string file)
    {
        var catalog = RepositoryCatalog.Load(file);
        var unbacked = new List<string>();
        foreach (var entry in LinuxEntries(catalog).Where(entry => !IsNeverReturned(entry)))
        {
            foreach (var use in entry.Families)
            {
                bool replayed = LinuxScenarios(catalog, entry).Any(scenario => scenario.Family == use.Family);
                bool cited = entry.KernelSources.Any(source => source.Families.Count == 0 || source.Families.Contains(use.Family));
                if (!replayed && !cited)
                {
                    unbacked.Add($"{entry.Name}/{use.Family}");
                }
            }
        }

        Assert.True(unbacked.Count == 0, "Families listed without a scenario or kernel source: " + string.Join(", ", unbacked));
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void Every_Linux_quirk_names_its_scenarios_or_cites_the_kernel(string file)
    {
        var catalog = RepositoryCatalog.Load(file);
        var unbacked = new List<string>();
        foreach (var entry in catalog.Errors)
        {
            foreach (var quirk in entry.Quirks.Where(q => q.Platforms.Count == 0 || q.Platforms.Contains(Linux)))
            {
                if (quirk.Scenarios.Count == 0 && !(quirk.Evidence is { } evidence && KernelPath().IsMatch(evidence)))
                {
                    unbacked.Add($"{entry.Name}: {Shorten(quirk.Text)}");
                }
            }
        }

        Assert.True(unbacked.Count == 0, "Linux quirks without scenarios or a kernel source citation:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, unbacked));
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void A_never_returned_entry_names_the_scenarios_that_tried_it(string file)
    {
        var catalog = RepositoryCatalog.Load(file);
        foreach (var entry in LinuxEntries(catalog).Where(IsNeverReturned))
        {
            Assert.False(LinuxScenarios(catalog, entry).Any(), $"{entry.Name} is marked not-returned on Linux, yet a scenario returns it");
            Assert.True(catalog.Scenarios.Any(s => s.Platform == Linux && s.Naive == entry.Name), $"{entry.Name} is marked not-returned on Linux, but no scenario tried it (naive: {entry.Name})");
        }
    }

    [Theory]
    [InlineData("connect.yaml", 120, 30)]
    [InlineData("socket.yaml", 20, 8)]
    public void The_replay_covers_the_surface_the_issues_ask_for(string file, int scenarios, int results)
    {
        var linux = RepositoryCatalog.Load(file).Scenarios.Where(s => s.Platform == Linux).ToList();
        Assert.True(linux.Count >= scenarios, $"{linux.Count} Linux scenarios; at least {scenarios} are expected");
        int distinct = linux.Select(s => s.Result).Distinct(StringComparer.Ordinal).Count();
        Assert.True(distinct >= results, $"{distinct} distinct results; at least {results} are expected");
    }

    private static IEnumerable<ErrorEntry> LinuxEntries(Catalog.Model.Catalog catalog) => catalog.Errors.Where(entry => entry.CodeOn(Linux) is not null);

    private static bool IsNeverReturned(ErrorEntry entry) => entry.NotReturned.Any(n => n.Platform == Linux);

    private static IEnumerable<Scenario> LinuxScenarios(Catalog.Model.Catalog catalog, ErrorEntry entry) =>
        catalog.Scenarios.Where(s => s.Platform == Linux && s.Result == entry.Name);

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..90] + "...";

    /// <summary>A Linux source path such as net/ipv4/af_inet.c or include/net/sock.h.</summary>
    [GeneratedRegex(@"\b(net|include|fs|kernel|security|mm)/[\w/.-]+\.[ch]\b")]
    private static partial Regex KernelPath();
}
