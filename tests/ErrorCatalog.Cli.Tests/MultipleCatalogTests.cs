using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// errcat with two built-in catalogs: this test assembly embeds connect.yaml and the generator
/// tests' bind.yaml through the same ErrcatCatalog item list and targets as errcat, and errcat runs
/// with them as its built-in catalogs.
/// </summary>
public sealed class MultipleCatalogTests
{
    private static readonly EmbeddedCatalogs TwoCatalogs = new(typeof(MultipleCatalogTests).Assembly);

    private static Catalog.Model.Catalog Bind => TwoCatalogs.Load("bind.yaml").Catalog!;

    private static CliRun Run(params string[] args) => CliHarness.RunWith(TwoCatalogs, args);

    [Fact]
    public void TheItemListIsEmbeddedInOrder()
    {
        Assert.Equal(new[] { "connect.yaml", "bind.yaml" }, TwoCatalogs.FileNames);
        Assert.All(TwoCatalogs.LoadAll(), loaded => Assert.True(loaded.Result.Succeeded, loaded.Path));
        Assert.Equal(new[] { "connect.yaml", "socket.yaml" }, EmbeddedCatalogs.Errcat.FileNames);
    }

    [Fact]
    public void ShowNamesEveryCatalogThatHasTheError()
    {
        var run = Run("show", "eaddrinuse");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("'eaddrinuse' names an error in 2 catalogs: connect, bind\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("In the connect catalog (connect()):\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("In the bind catalog (bind()):\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE (BindError.", run.Output, StringComparison.Ordinal);

        var json = Run("show", "EADDRINUSE", "--json");
        using var document = json.Json();
        Assert.Equal(new[] { "connect", "bind" }, document.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("catalog").GetString()));
    }

    [Fact]
    public void ANumberIsLookedUpInEveryCatalogAndNamedThePlatformsWay()
    {
        var bindWinsock = Bind.Platforms.Single(p => p.Kind == Catalog.Model.PlatformKind.Winsock);
        var entry = Bind.Errors.First(e => e.CodeOn(bindWinsock.Id) is not null);
        var code = entry.CodeOn(bindWinsock.Id)!.Value;

        var run = Run("show", code.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = run.Json();
        var matches = document.RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.Contains(matches, m => m.GetProperty("catalog").GetString() == "bind"
            && m.GetProperty("platform").GetString() == bindWinsock.Id
            && m.GetProperty("nativeName").GetString() == "WSA" + entry.Name);
        Assert.Contains(matches, m => m.GetProperty("catalog").GetString() == "connect" && m.GetProperty("platform").GetString() == "windows");

        var text = Run("show", code.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("PLATFORM  NAME", text.Output, StringComparison.Ordinal);
        Assert.Contains("CATALOG", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ListCoversEveryCatalogAndFiltersEachByItsOwnIds()
    {
        var connect = CliHarness.ConnectCatalog;
        var all = Run("list");
        Assert.EndsWith($"{connect.Errors.Count + Bind.Errors.Count} of {connect.Errors.Count + Bind.Errors.Count} errors\n", all.Output, StringComparison.Ordinal);
        Assert.StartsWith("NAME", all.Output, StringComparison.Ordinal);
        Assert.Contains("CATALOG", all.Output.Split('\n')[0], StringComparison.Ordinal);

        // linux-parisc is a platform of both catalogs (hppa is an alias of it); 'local' is bind's
        // family id and, in the connect catalog, an alias of its 'unix' family.
        var parisc = Run("list", "--platform", "hppa", "--json");
        using (var json = parisc.Json())
        {
            var catalogs = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("catalog").GetString()).Distinct();
            Assert.Equal(new[] { "connect", "bind" }, catalogs);
        }

        var local = Run("list", "--family", "local", "--json");
        using (var json = local.Json())
        {
            var names = json.RootElement.GetProperty("errors").EnumerateArray()
                .Select(e => (Catalog: e.GetProperty("catalog").GetString(), Name: e.GetProperty("name").GetString()))
                .ToList();
            var expected = connect.Errors.Where(e => e.Families.Any(f => f.Family == "unix")).Select(e => ("connect", e.Name))
                .Concat(Bind.Errors.Where(e => e.Families.Any(f => f.Family == "local")).Select(e => ("bind", e.Name)));
            Assert.Equal(expected, names.Select(n => (n.Catalog!, n.Name!)));
        }

        // An id no catalog has is suggested from all of them.
        var typo = Run("list", "--source", "man-page");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("did you mean man-pages?", typo.Error, StringComparison.Ordinal);
        Assert.Contains("these catalogs have:", typo.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportWritesEveryCatalogOrTheOneNamedById()
    {
        var both = Run("export");
        using (var json = both.Json())
        {
            Assert.Equal(new[] { "connect", "bind" }, json.RootElement.EnumerateArray().Select(c => c.GetProperty("catalog").GetProperty("id").GetString()));
        }

        var one = Run("export", "bind");
        using (var json = one.Json())
        {
            Assert.Equal("bind", json.RootElement.GetProperty("catalog").GetProperty("id").GetString());
        }

        var tsv = Run("export", "--format", "tsv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("catalog\tname\t", tsv[0], StringComparison.Ordinal);
        Assert.Equal(
            CliHarness.ConnectCatalog.Errors.Count * CliHarness.ConnectCatalog.Platforms.Count + Bind.Errors.Count * Bind.Platforms.Count,
            tsv.Length - 1);
        Assert.Contains(tsv, row => row.StartsWith("bind\tEADDRINUSE\t", StringComparison.Ordinal));
    }

    [Fact]
    public void DocsRendersEveryCatalog()
    {
        using var directory = new TempDirectory("errcat-cli");
        var run = Run("docs", "--out", directory.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = run.Json();
        Assert.Equal(2, json.RootElement.GetProperty("catalogs").GetInt32());
        Assert.Equal(CliHarness.ConnectCatalog.Errors.Count + Bind.Errors.Count, json.RootElement.GetProperty("errors").GetInt32());
        Assert.Contains(Directory.EnumerateFiles(directory.Path, "*.html", SearchOption.AllDirectories), f => f.Contains("bind", StringComparison.Ordinal));
    }
}
