using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

public sealed class QueryAndDocsTests
{
    [Theory]
    [InlineData("ECONNREFUSED")]
    [InlineData("econnrefused")]
    [InlineData("ConnectionRefused")]
    [InlineData("WSAECONNREFUSED")]
    [InlineData("Errno::ECONNREFUSED")]
    public void ShowFindsAnErrorByNameSymbolOrASourcesName(string query)
    {
        var run = CliHarness.Run("show", query);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ECONNREFUSED (ConnectError.ConnectionRefused)\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nlinux +111\n", run.Output);
        Assert.Matches(@"\nwindows +10061\n", run.Output);
        Assert.Contains("SocketError.ConnectionRefused", run.Output, StringComparison.Ordinal);
        Assert.Contains("ERRATUM: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowFindsAnErrorByAlias()
    {
        var catalog = CliHarness.ConnectCatalog;
        var withAlias = catalog.Errors.First(e => e.Aliases.Count > 0);
        var run = CliHarness.Run("show", withAlias.Aliases[0].Name.ToLowerInvariant());

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(
            $"{withAlias.Aliases[0].Name} is another name for {withAlias.Name}\n\n{withAlias.Name} (ConnectError.{withAlias.Symbol})\n",
            run.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ShowNumberListsEveryPlatformWhereItNamesAnError()
    {
        var run = CliHarness.Run("show", "111");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\nlinux +ECONNREFUSED +connect +ECONNREFUSED +", run.Output);

        // 61 is ECONNREFUSED on the BSDs, Darwin and some Linux architectures, and other names elsewhere.
        var sixtyOne = CliHarness.Run("show", "61", "--json");
        Assert.Equal(0, sixtyOne.ExitCode);
        using var json = sixtyOne.Json();
        var matches = json.RootElement.GetProperty("matches").EnumerateArray()
            .Select(m => (Catalog: m.GetProperty("catalog").GetString()!, Platform: m.GetProperty("platform").GetString()!, Name: m.GetProperty("nativeName").GetString()!))
            .ToList();
        // Every built-in catalog is searched, in the item list's order, each over its own platforms.
        var expected = CliHarness.BuiltInCatalogs
            .SelectMany(c => c.Platforms.SelectMany(p => c.ErrorsWithCode(p.Id, 61).Select(m => (Catalog: c.Info.Id, Platform: p.Id, Name: m.NativeName))))
            .ToList();
        Assert.Equal(expected, matches);
        Assert.Contains(("connect", "darwin", "ECONNREFUSED"), matches);
        Assert.True(matches.Select(m => m.Name).Distinct().Count() > 1, "61 means different errors on different platforms");

        // 13 is EACCES for both connect() and socket(): one row per catalog, each named.
        var thirteen = CliHarness.Run("show", "13");
        Assert.Matches(@"\nlinux +EACCES +connect +EACCES +", thirteen.Output);
        Assert.Matches(@"\nlinux +EACCES +socket +EACCES +", thirteen.Output);
    }

    [Fact]
    public void ShowNumberWithPlatformShowsThatPlatformsError()
    {
        var run = CliHarness.Run("show", "10061", "--platform", "windows");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("10061 on windows is WSAECONNREFUSED (in the connect catalog)\n", run.Output, StringComparison.Ordinal);

        var json = CliHarness.Run("show", "146", "--platform", "LINUX-MIPS", "--json");
        Assert.Equal(0, json.ExitCode);
        using var document = json.Json();
        var match = document.RootElement.GetProperty("matches").EnumerateArray().Single();
        Assert.Equal("linux-mips", match.GetProperty("platform").GetString());
        Assert.Equal("ECONNREFUSED", match.GetProperty("error").GetProperty("name").GetString());
    }

    [Fact]
    public void ShowJsonForANameCarriesTheWholeEntry()
    {
        var run = CliHarness.Run("show", "econnrefused", "--platform", "darwin", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = run.Json();
        Assert.Equal(61, json.RootElement.GetProperty("code").GetInt32());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("ECONNREFUSED", error.GetProperty("name").GetString());
        Assert.Equal(10061, error.GetProperty("codes").GetProperty("windows").GetInt32());
    }

    [Theory]
    [InlineData(3, "show", "ENOTANERROR")]
    [InlineData(3, "show", "999999")]
    [InlineData(3, "show", "111", "--platform", "windows")]
    [InlineData(2, "show", "ECONNREFUSED", "--platform", "plan9")]
    [InlineData(2, "show", "12x")]
    [InlineData(2, "show", "-5")]
    [InlineData(2, "show", "99999999999")]
    [InlineData(2, "show")]
    [InlineData(2, "list", "--platform", "plan9")]
    [InlineData(2, "list", "--source", "wikipedia")]
    [InlineData(2, "list", "--family", "appletalk")]
    [InlineData(2, "list", "--bogus")]
    public void BadQueriesGiveOneLineAndTheDocumentedExitCode(int exitCode, params string[] args)
    {
        var run = CliHarness.Run(args);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith("errcat: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void ListFiltersByPlatformSourceAndFamily()
    {
        var catalog = CliHarness.ConnectCatalog;

        var windows = CliHarness.Run("list", "--platform", "windows");
        Assert.Equal(0, windows.ExitCode);
        var rows = windows.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var builtIn = CliHarness.BuiltInCatalogs;
        var allErrors = builtIn.Sum(c => c.Errors.Count);
        var definedInAll = builtIn.Sum(c => c.Errors.Count(e => e.NamesOn("windows").Any()));
        Assert.Equal($"{definedInAll} of {allErrors} errors", rows[^1]);
        Assert.Equal(new[] { "NAME", "CATALOG", "CODE" }, rows[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));

        // Each catalog's rows come in list order, sorted by their code on the platform.
        var defined = catalog.Errors.Where(e => e.NamesOn("windows").Any()).ToList();
        var cells = rows.Skip(1).Take(definedInAll).Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length > 2 && c[1] == catalog.Info.Id)
            .Select(c => c.Where((_, i) => i != 1).ToArray())
            .ToList();
        var codes = cells.Select(c => int.Parse(c[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(defined.Select(e => e.NamesOn("windows").First().Code).OrderBy(c => c), codes);

        // An entry Windows knows only under an alias is listed under that name and number.
        var aliasOnly = catalog.Errors.First(e => e.CodeOn("windows") is null && e.NamesOn("windows").Any());
        var (aliasName, aliasCode) = aliasOnly.NamesOn("windows").First();
        // Winsock spells its names with the WSA prefix (EWOULDBLOCK is WSAEWOULDBLOCK there).
        var winsock = catalog.FindPlatform("windows")!;
        Assert.StartsWith("WSA", winsock.NativeName(aliasName), StringComparison.Ordinal);
        Assert.Contains(cells, c => c[0] == aliasOnly.Name && c[1] == aliasCode.ToString(CultureInfo.InvariantCulture) && c[2] == winsock.NativeName(aliasName));

        var zig = CliHarness.Run("list", "--source", "zig", "--json");
        using (var json = zig.Json())
        {
            var names = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("catalog").GetString()!, e.GetProperty("name").GetString()!)).ToList();
            Assert.Equal(CliHarness.BuiltInCatalogs.SelectMany(c => c.Errors.Where(e => e.ListingBy("zig") is not null).Select(e => (c.Info.Id, e.Name))), names);
            Assert.Equal(names.Count, json.RootElement.GetProperty("count").GetInt32());
        }

        var unixOnWindows = CliHarness.Run("list", "--family", "AF_UNIX", "--platform", "windows", "--source", "posix", "--catalog", CliHarness.ConnectCatalogPath, "--json");
        using (var json = unixOnWindows.Json())
        {
            var expected = catalog.Errors
                .Where(e => e.Families.Any(f => f.Family == "unix") && e.NamesOn("windows").Any() && e.ListingBy("posix") is not null)
                .OrderBy(e => e.NamesOn("windows").First().Code)
                .Select(e => e.Name);
            Assert.Equal(expected, json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
            Assert.Equal("unix", json.RootElement.GetProperty("filter").GetProperty("family").GetString());
        }

        var all = CliHarness.Run("list");
        Assert.EndsWith($"{allErrors} of {allErrors} errors\n", all.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsWritesTheSiteAndSummarises()
    {
        using var directory = new TempDirectory("errcat-cli");
        var site = Path.Combine(directory.Path, "site");
        var run = CliHarness.Run("docs", "--out", site);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(site, "index.html")));
        // Several built-in catalogs: each has its own folder of error pages, named by its id.
        foreach (var catalog in CliHarness.BuiltInCatalogs)
        {
            Assert.Equal(catalog.Errors.Count, Directory.GetFiles(Path.Combine(site, catalog.Info.Id, "errors"), "*.html").Length);
        }

        Assert.True(File.Exists(Path.Combine(site, "connect", "errors", "ECONNREFUSED.html")));
        Assert.True(File.Exists(Path.Combine(site, "socket", "errors", "EAFNOSUPPORT.html")));
        Assert.True(File.Exists(Path.Combine(site, "diagnostics", "ECAT001.html")));
        // The generator's own ids get pages too: its help links point at them.
        Assert.True(File.Exists(Path.Combine(site, "diagnostics", "ECAT105.html")));
        Assert.EndsWith($"Open {Path.Combine(site, "index.html")}\n", run.Output, StringComparison.Ordinal);

        using (var every = CliHarness.Run("docs", "--out", site, "--json").Json())
        {
            Assert.Equal(CliHarness.BuiltInCatalogs.Count, every.RootElement.GetProperty("catalogs").GetInt32());
            Assert.Equal(CliHarness.BuiltInCatalogs.Sum(c => c.Errors.Count), every.RootElement.GetProperty("errors").GetInt32());
            Assert.Equal(Directory.GetFiles(site, "*", SearchOption.AllDirectories).Length, every.RootElement.GetProperty("files").GetInt32());
        }

        // One catalog file: a site of its own (a fresh folder, since the one-catalog layout differs).
        var single = Path.Combine(directory.Path, "single");
        var json = CliHarness.Run("docs", "--out", single, "--catalog", CliHarness.ConnectCatalogPath, "--json");
        Assert.Equal(0, json.ExitCode);
        using var summary = json.Json();
        Assert.Equal(CliHarness.ConnectCatalog.Errors.Count, summary.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(Directory.GetFiles(single, "*", SearchOption.AllDirectories).Length, summary.RootElement.GetProperty("files").GetInt32());
        Assert.True(File.Exists(Path.Combine(single, "errors", "ECONNREFUSED.html")));
    }

    [Fact]
    public void DocsRefusesAFileAsOutputAndDuplicateCatalogs()
    {
        using var directory = new TempDirectory("errcat-cli");
        var file = directory.File("not-a-folder");
        File.WriteAllText(file, "keep me");

        var run = CliHarness.Run("docs", "--out", file);
        Assert.Equal(4, run.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(file));

        var twice = CliHarness.Run("docs", "--out", directory.File("site"), "--catalog", CliHarness.ConnectCatalogPath, CliHarness.ConnectCatalogPath);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("connect", twice.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("site")));

        var missing = CliHarness.Run("docs");
        Assert.Equal(2, missing.ExitCode);
    }

    [Theory]
    [InlineData]
    [InlineData("validate")]
    [InlineData("export")]
    [InlineData("show")]
    [InlineData("list")]
    [InlineData("connect")]
    [InlineData("docs")]
    public void HelpWorksEverywhere(params string[] command)
    {
        var run = CliHarness.Run(command.Append("--help").ToArray());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("errcat " + string.Join(" ", command), run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }
}
