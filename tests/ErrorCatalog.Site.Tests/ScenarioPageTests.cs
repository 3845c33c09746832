using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Model;
using Xunit;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site.Tests;

/// <summary>The scenario sections of the error pages and the scenarios page, checked against the model they are built from.</summary>
public sealed class ScenarioPageTests
{
    private static readonly HtmlParser Parser = new();

    // Invented setups with text no catalog contains, so a page can only show them if it renders the model.
    private const string InventedSetup = "Invented setup for the site test: a socket is asked to connect to the moon.";
    private const string InventedWhy = "Invented for the site test: three thousand tries never produced it.";

    [Theory]
    [InlineData("ECONNREFUSED")]
    [InlineData("EPERM")]
    public void RealCatalogPagesShowTheScenariosOfTheModel(string name)
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var page = Render(catalog, $"errors/{name}.html");
        AssertSectionsMatchModel(catalog, catalog.FindError(name)!, page);
    }

    [Fact]
    public void EveryErrorPageMatchesTheModel()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = Files(catalog);
        foreach (var error in catalog.Errors)
        {
            AssertSectionsMatchModel(catalog, error, Parse(files, $"errors/{error.Name}.html"));
        }
    }

    [Fact]
    public void AddedScenarioAndNotReturnedAppearWhereTheModelPutsThem()
    {
        var real = RepositoryFiles.ConnectCatalog;
        var invented = new Scenario(
            "site-test-invented", "linux", "inet6", ScenarioVocabulary.Stream, InventedSetup,
            new[] { ScenarioVocabulary.Root, ScenarioVocabulary.Netns }.ToEquatableArray(), ScenarioVocabulary.ViaSoError,
            Result: "EPERM", Naive: "ECONNREFUSED", NaiveSource: "the site test's own intuition",
            DotNetConnect: "AccessDenied", DotNetConnectAsync: "HostUnreachable", Note: null);
        var refused = real.FindError("ECONNREFUSED")!;
        var catalog = real with
        {
            Scenarios = real.Scenarios.Append(invented).ToEquatableArray(),
            Errors = real.Errors.Select(e => e == refused ? e with { NotReturned = new[] { new NotReturned("linux", InventedWhy) }.ToEquatableArray() } : e).ToEquatableArray(),
        };

        var files = Files(catalog);
        var eperm = Parse(files, "errors/EPERM.html");
        var item = eperm.QuerySelector("#happens-linux li#scenario-site-test-invented")!;
        Assert.NotNull(item);
        Assert.Contains(InventedSetup, item.TextContent, StringComparison.Ordinal);
        Assert.Contains("SO_ERROR", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("IPv6", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("netns", item.TextContent, StringComparison.Ordinal);
        Assert.Equal("../errors/ECONNREFUSED.html#scenario-site-test-invented", item.QuerySelector("dd a[href*='ECONNREFUSED']")!.GetAttribute("href"));

        // .NET: the errno table says AccessDenied; ConnectAsync reported something else and is marked.
        var row = eperm.QuerySelectorAll("#dotnet tbody tr").Single(r => r.TextContent.Contains("site-test-invented", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").ToList();
        Assert.False(cells[0].ClassList.Contains("differs"));
        Assert.True(cells[1].ClassList.Contains("differs"));
        Assert.Contains("SocketError.HostUnreachable", cells[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("SocketError.AccessDenied", eperm.QuerySelector("#dotnet tr.errno-table")!.TextContent, StringComparison.Ordinal);

        var refusedPage = Parse(files, "errors/ECONNREFUSED.html");
        var blamed = refusedPage.QuerySelector("#blamed li#scenario-site-test-invented")!;
        Assert.Contains(InventedSetup, blamed.TextContent, StringComparison.Ordinal);
        Assert.Contains("the site test's own intuition", blamed.TextContent, StringComparison.Ordinal);
        Assert.Contains(blamed.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../errors/EPERM.html#scenario-site-test-invented");
        var never = refusedPage.QuerySelector("#never-linux")!;
        Assert.Contains("Linux never returns it", never.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(InventedWhy, never.TextContent, StringComparison.Ordinal);
        Assert.Contains(never.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#scenario-site-test-invented");

        var index = Parse(files, "scenarios.html");
        Assert.NotNull(index.QuerySelector("tr#scenario-site-test-invented"));
        AssertSectionsMatchModel(catalog, catalog.FindError("EPERM")!, eperm);
        AssertSectionsMatchModel(catalog, catalog.FindError("ECONNREFUSED")!, refusedPage);
    }

    [Fact]
    public void WithoutADotNetNameTheErrnoTableFallbackIsTheComparison()
    {
        var real = RepositoryFiles.ConnectCatalog;
        var unmapped = real.Errors.First(e => e.DotNet is null);
        var fallback = new Scenario(
            "site-test-fallback", "linux", "inet", ScenarioVocabulary.Stream, InventedSetup, default, ScenarioVocabulary.ViaConnect,
            Result: unmapped.Name, Naive: null, NaiveSource: null, DotNetConnect: "SocketError", DotNetConnectAsync: "TimedOut", Note: null);
        var catalog = real with { Scenarios = real.Scenarios.Append(fallback).ToEquatableArray() };

        var page = Render(catalog, $"errors/{unmapped.Name}.html");
        Assert.Contains("SocketError.SocketError", page.QuerySelector("#dotnet tr.errno-table")!.TextContent, StringComparison.Ordinal);
        var cells = page.QuerySelectorAll("#dotnet tbody tr").Single(r => r.TextContent.Contains("site-test-fallback", StringComparison.Ordinal)).QuerySelectorAll("td").ToList();
        Assert.False(cells[0].ClassList.Contains("differs"));
        Assert.True(cells[1].ClassList.Contains("differs"));
    }

    [Fact]
    public void WithoutScenariosNoScenarioSectionIsRendered()
    {
        var real = RepositoryFiles.ConnectCatalog;
        var bare = real with
        {
            Scenarios = default,
            Errors = real.Errors.Select(e => e with { KernelSources = default, NotReturned = default, Quirks = e.Quirks.Select(q => q with { Scenarios = default }).ToEquatableArray() }).ToEquatableArray(),
        };
        var files = Files(bare);
        foreach (var error in bare.Errors)
        {
            var page = Parse(files, $"errors/{error.Name}.html");
            Assert.Empty(page.QuerySelectorAll("section[id^='happens-'], #blamed, section[id^='never-'], #kernel-source, li.scenario"));
        }

        var index = Parse(files, "scenarios.html");
        Assert.Empty(index.QuerySelectorAll("table.scenario-list"));
        Assert.Contains("no scenarios", index.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ScenariosPageListsEveryScenarioWithItsResult()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        Assert.NotEmpty(catalog.Scenarios);
        var page = Render(catalog, "scenarios.html");
        var rows = page.QuerySelectorAll("table.scenario-list tbody tr").ToList();
        Assert.Equal(catalog.Scenarios.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var scenario = catalog.Scenarios[i];
            Assert.Equal("scenario-" + scenario.Id, rows[i].Id);
            var resultCell = rows[i].QuerySelectorAll("td")[1];
            if (scenario.Succeeds)
            {
                Assert.Equal(ScenarioVocabulary.Success, resultCell.TextContent.Trim());
            }
            else
            {
                Assert.Equal($"errors/{scenario.Result}.html#scenario-{scenario.Id}", resultCell.QuerySelector("a")!.GetAttribute("href"));
            }
        }

        // Every page's navigation leads to it.
        Assert.Contains(Render(catalog, "index.html").QuerySelectorAll("nav[aria-label='Site'] a"), a => a.GetAttribute("href") == "scenarios.html");
    }

    [Fact]
    public void QuirkScenariosLinkToTheScenario()
    {
        var real = RepositoryFiles.ConnectCatalog;
        var scenario = real.Scenarios.First(s => s.Naive is null);
        var elsewhere = real.Errors.First(e => e.Quirks.Count > 0 && e.Name != scenario.Result);
        var resultEntry = real.FindError(scenario.Result)!;

        // One quirk names a scenario shown on its own page, another one shown only elsewhere.
        var quirk = new Quirk(new[] { "linux" }.ToEquatableArray(), "Invented quirk for the site test.", null, new[] { scenario.Id }.ToEquatableArray());
        var catalog = real with
        {
            Errors = real.Errors.Select(e => e == resultEntry || e == elsewhere ? e with { Quirks = e.Quirks.Append(quirk).ToEquatableArray() } : e).ToEquatableArray(),
        };

        using var directory = new TempDirectory("errcat-site-quirks");
        SiteGenerator.Write(directory.Path, new[] { catalog }, CatalogDiagnosticDescriptors.WithGenerator);
        Assert.Empty(new SiteLinkChecker(directory.Path).FindProblems());

        var files = Files(catalog);
        string QuirkLink(string name) => Parse(files, $"errors/{name}.html").QuerySelectorAll("#quirks li")
            .Single(li => li.TextContent.Contains("Invented quirk", StringComparison.Ordinal))
            .QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal("#scenario-" + scenario.Id, QuirkLink(resultEntry.Name));
        Assert.Equal("../scenarios.html#scenario-" + scenario.Id, QuirkLink(elsewhere.Name));
    }

    [Fact]
    public void KernelSourcesAreShown()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = Files(catalog);
        var withSources = catalog.Errors.Where(e => !e.KernelSources.IsEmpty).ToList();
        Assert.NotEmpty(withSources);
        foreach (var error in withSources)
        {
            var items = Parse(files, $"errors/{error.Name}.html").QuerySelectorAll("#kernel-source li").ToList();
            Assert.Equal(error.KernelSources.Count, items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                Assert.Equal(error.KernelSources[i].At, items[i].QuerySelector("code")!.TextContent);
                foreach (var family in error.KernelSources[i].Families)
                {
                    Assert.Contains(items[i].QuerySelectorAll(".tag"), t => t.TextContent == family);
                }
            }
        }
    }

    [Fact]
    public void ScenarioTextIsEscaped()
    {
        var real = RepositoryFiles.ConnectCatalog;
        var hostile = real.Scenarios[0] with { Setup = "<img src=x onerror=alert(1)> & `code`", Note = "<b>bold</b>" };
        var catalog = real with { Scenarios = new[] { hostile }.Concat(real.Scenarios.Skip(1)).ToEquatableArray() };
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Content));
        foreach (var path in new[] { "scenarios.html", $"errors/{hostile.Result}.html" })
        {
            Assert.DoesNotContain("<img src=x", files[path], StringComparison.Ordinal);
            Assert.DoesNotContain("<b>bold", files[path], StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; <code>code</code>", files[path], StringComparison.Ordinal);
        }
    }

    /// <summary>Each section lists exactly the scenarios the model's helpers give, in file order, with their setup.</summary>
    private static void AssertSectionsMatchModel(CatalogModel catalog, ErrorEntry error, IDocument page)
    {
        foreach (var platform in catalog.Platforms)
        {
            var expected = catalog.ScenariosWithResult(error.Name).Where(s => s.Platform == platform.Id).ToList();
            var section = page.QuerySelector($"#happens-{platform.Id}");
            Assert.Equal(expected.Count > 0, section is not null);
            if (section is not null)
            {
                AssertItems(expected, section.QuerySelectorAll("li.scenario"));
                Assert.StartsWith("How it happens on ", section.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
            }
        }

        var blaming = catalog.ScenariosBlaming(error.Name).ToList();
        var blamed = page.QuerySelector("#blamed");
        Assert.Equal(blaming.Count > 0, blamed is not null);
        if (blamed is not null)
        {
            AssertItems(blaming, blamed.QuerySelectorAll("li.scenario"));
            foreach (var scenario in blaming.Where(s => !s.Succeeds))
            {
                Assert.Contains(blamed.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"../errors/{scenario.Result}.html#scenario-{scenario.Id}");
            }
        }

        foreach (var notReturned in error.NotReturned)
        {
            Assert.Contains(notReturned.Why, page.QuerySelector($"#never-{notReturned.Platform}")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(error.NotReturned.Count, page.QuerySelectorAll("section[id^='never-']").Length);

        var dotnetRows = page.QuerySelectorAll("#dotnet tbody tr:not(.errno-table)").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        var recorded = catalog.ScenariosWithResult(error.Name).Where(s => s.DotNetConnect is not null || s.DotNetConnectAsync is not null).Select(s => s.Id).ToList();
        Assert.Equal(recorded, dotnetRows);
    }

    private static void AssertItems(List<Scenario> expected, IHtmlCollection<IElement> items)
    {
        Assert.Equal(expected.Select(s => "scenario-" + s.Id), items.Select(i => i.Id));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Contains(NormalizeSpace(expected[i].Setup.Replace("`", string.Empty, StringComparison.Ordinal)), NormalizeSpace(items[i].TextContent), StringComparison.Ordinal);
        }
    }

    private static string NormalizeSpace(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, byte[]> Files(CatalogModel catalog) =>
        SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);

    private static IDocument Render(CatalogModel catalog, string path) => Parse(Files(catalog), path);

    private static IDocument Parse(Dictionary<string, byte[]> files, string path)
    {
        Assert.True(files.ContainsKey(path), path + " was not rendered");
        return Parser.ParseDocument(System.Text.Encoding.UTF8.GetString(files[path]));
    }
}
