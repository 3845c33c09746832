using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ErrorCatalog.Catalog.Diagnostics;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

public sealed class ValidateAndExportTests
{
    [Fact]
    public void ValidateAcceptsTheRealCatalogWithAOneLineSummary()
    {
        var catalog = CliHarness.ConnectCatalog;
        var run = CliHarness.Run("validate", CliHarness.ConnectCatalogPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Equal(
            $"OK: {CliHarness.ConnectCatalogPath}: {catalog.Errors.Count} errors, {catalog.Platforms.Count} platforms, {catalog.Sources.Count} sources, {catalog.Families.Count} families\n",
            run.Output);
    }

    [Fact]
    public void ValidateWithoutFilesChecksEveryEmbeddedCatalog()
    {
        var builtIn = CliHarness.BuiltInCatalogs;
        var run = CliHarness.Run("validate");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"OK: {builtIn.Count} catalogs, {builtIn.Sum(c => c.Errors.Count)} errors in all\n", run.Output);

        // The JSON names each embedded catalog, in the item list's order.
        using var json = CliHarness.Run("validate", "--json").Json();
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(EmbeddedCatalogs.Errcat.FileNames.Select(EmbeddedCatalogs.DisplayPath), files.Select(f => f.GetProperty("path").GetString()));
        Assert.Equal(builtIn.Select(c => c.Info.Id), files.Select(f => f.GetProperty("catalog").GetProperty("id").GetString()));
        Assert.Equal(builtIn.Select(c => c.Errors.Count), files.Select(f => f.GetProperty("catalog").GetProperty("errors").GetInt32()));
    }

    [Fact]
    public void ValidateReportsATypoAtItsLineAndColumnInCompilerFormat()
    {
        using var directory = new TempDirectory("errcat-cli");
        var text = File.ReadAllText(CliHarness.ConnectCatalogPath);
        const string original = "    symbol: ConnectionRefused\n";
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at > 0);
        var line = text.Substring(0, at).Count(c => c == '\n') + 1;
        var path = directory.File("typo.yaml");
        File.WriteAllText(path, text.Substring(0, at) + "    symbool: ConnectionRefused\n" + text.Substring(at + original.Length));

        var run = CliHarness.Run("validate", path);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{path}({line},5): error ECAT004: Unknown key 'symbool'", StringComparison.Ordinal));
        var diagnosticFormat = new Regex(@"^" + Regex.Escape(path) + @"\(\d+,\d+\): (error|warning) ECAT\d{3}: \S.*$");
        Assert.All(lines.Take(lines.Length - 1), l => Assert.Matches(diagnosticFormat, l));
        Assert.StartsWith("FAILED: 1 of 1 catalog with errors", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateReportsYamlSyntaxAndMissingFilesAndKeepsGoing()
    {
        using var directory = new TempDirectory("errcat-cli");
        var broken = directory.File("broken.yaml");
        File.WriteAllText(broken, "schema: 1\ncatalog: [\n");
        var missing = directory.File("missing.yaml");

        var run = CliHarness.Run("validate", broken, CliHarness.ConnectCatalogPath, missing);

        // A file that cannot be read makes it an I/O failure (4), even beside a broken catalog.
        Assert.Equal(ExitCodes.IoError, run.ExitCode);
        Assert.Contains($"{broken}(3,1): error ECAT001: ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{missing}(1,1): error ECAT001: ", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("FAILED: 2 of 3 catalogs with errors (2 errors, 0 warnings)\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateOfAMissingFileExitsWithTheIoCode()
    {
        using var directory = new TempDirectory("errcat-cli");
        var missing = directory.File("missing.yaml");

        var run = CliHarness.Run("validate", missing);

        Assert.Equal(ExitCodes.IoError, run.ExitCode);
        Assert.Contains($"{missing}(1,1): error ECAT001: ", run.Output, StringComparison.Ordinal);

        var broken = directory.File("broken.yaml");
        File.WriteAllText(broken, "schema: 1\ncatalog: [\n");
        Assert.Equal(ExitCodes.InvalidCatalog, CliHarness.Run("validate", broken).ExitCode);
    }

    [Fact]
    public void ValidateJsonListsDiagnosticsWithPositionsAndHelpLinks()
    {
        using var directory = new TempDirectory("errcat-cli");
        var broken = directory.File("broken.yaml");
        File.WriteAllText(broken, "schema: 1\ncatalog: [\n");

        var run = CliHarness.Run("validate", "--json", broken, CliHarness.ConnectCatalogPath);

        Assert.Equal(1, run.ExitCode);
        using var json = run.Json();
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        var files = json.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        var diagnostic = files[0].GetProperty("diagnostics")[0];
        Assert.Equal("ECAT001", diagnostic.GetProperty("id").GetString());
        Assert.Equal(3, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(CatalogDiagnosticDescriptors.HelpLinkBase + "ECAT001.html", diagnostic.GetProperty("helpLink").GetString());
        Assert.True(files[1].GetProperty("ok").GetBoolean());
        Assert.Equal(CliHarness.ConnectCatalog.Errors.Count, files[1].GetProperty("catalog").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void ExportJsonHasCodesWithNullsForAbsenceAndSourcesOnlyWhereListed()
    {
        var catalog = CliHarness.ConnectCatalog;
        var run = CliHarness.Run("export", CliHarness.ConnectCatalogPath, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = run.Json();
        var errors = json.RootElement.GetProperty("errors");
        Assert.Equal(catalog.Errors.Count, errors.GetArrayLength());

        var refused = errors.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "ECONNREFUSED");
        Assert.Equal("ConnectionRefused", refused.GetProperty("symbol").GetString());
        Assert.Equal(111, refused.GetProperty("codes").GetProperty("linux").GetInt32());
        Assert.Equal(10061, refused.GetProperty("codes").GetProperty("windows").GetInt32());
        Assert.Equal("shall-fail", refused.GetProperty("sources").GetProperty("posix")[0].GetProperty("how").GetString());
        Assert.Equal("WSAECONNREFUSED", refused.GetProperty("sources").GetProperty("winsock")[0].GetProperty("name").GetString());
        Assert.True(refused.GetProperty("families").TryGetProperty("inet", out _));

        var sawNull = false;
        var sawUnlisted = false;
        foreach (var (error, element) in catalog.Errors.Zip(errors.EnumerateArray()))
        {
            Assert.Equal(error.Name, element.GetProperty("name").GetString());
            var codes = element.GetProperty("codes");
            foreach (var platform in catalog.Platforms)
            {
                var code = codes.GetProperty(platform.Id);
                if (error.CodeOn(platform.Id) is int value)
                {
                    Assert.Equal(value, code.GetInt32());
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, code.ValueKind);
                    sawNull = true;
                }
            }

            foreach (var source in catalog.Sources)
            {
                var listed = element.GetProperty("sources").TryGetProperty(source.Id, out _);
                Assert.Equal(error.ListingBy(source.Id) is not null, listed);
                sawUnlisted |= !listed;
            }

            Assert.Equal(error.Aliases.Count, element.GetProperty("aliases").GetArrayLength());
        }

        Assert.True(sawNull && sawUnlisted, "the real catalog has absent codes and unlisted errors; the export must show both");
        Assert.Equal(catalog.Platforms.Count, json.RootElement.GetProperty("platforms").GetArrayLength());
        foreach (var (platform, element) in catalog.Platforms.Zip(json.RootElement.GetProperty("platforms").EnumerateArray()))
        {
            Assert.Equal(platform.Value, element.GetProperty("value").GetInt32());
            if (platform.RunsOn is { } runsOn)
            {
                var written = element.GetProperty("runs-on");
                Assert.Equal(runsOn.OperatingSystems, written.GetProperty("os").EnumerateArray().Select(os => os.GetString()!));
                Assert.Equal(runsOn.Architectures, written.TryGetProperty("arch", out var arch) ? arch.EnumerateArray().Select(a => a.GetString()!) : Enumerable.Empty<string>());
            }
            else
            {
                Assert.False(element.TryGetProperty("runs-on", out _), $"{platform.Id} has no runs-on in the catalog");
            }
        }

        Assert.Contains(catalog.Platforms, p => p.RunsOn is null);
        Assert.Contains(catalog.Platforms, p => p.RunsOn is { Architectures.IsEmpty: false });
        Assert.Equal(catalog.Classifications.Select(c => c.Value), json.RootElement.GetProperty("classifications").EnumerateArray().Select(c => c.GetProperty("value").GetInt32()));
        Assert.Equal(catalog.Sources.Count, json.RootElement.GetProperty("sources").GetArrayLength());
        Assert.Equal(catalog.Info.Id, json.RootElement.GetProperty("catalog").GetProperty("id").GetString());
    }

    [Fact]
    public void ExportJsonCarriesEveryScenarioFieldAndTheKernelEvidenceOfEntries()
    {
        var catalog = CliHarness.ConnectCatalog;
        var run = CliHarness.Run("export", CliHarness.ConnectCatalogPath, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = run.Json();
        var scenarios = json.RootElement.GetProperty("scenarios");
        Assert.True(catalog.Scenarios.Count >= 3, "connect.yaml carries the seed scenarios");
        Assert.Equal(catalog.Scenarios.Count, scenarios.GetArrayLength());
        foreach (var (scenario, element) in catalog.Scenarios.Zip(scenarios.EnumerateArray()))
        {
            Assert.Equal(
                new[] { "id", "platform", "family", "socket", "setup", "needs", "via", "result", "naive", "naive-source", "dotnet", "note" },
                element.EnumerateObject().Select(p => p.Name));
            Assert.Equal(scenario.Id, element.GetProperty("id").GetString());
            Assert.Equal(scenario.Platform, element.GetProperty("platform").GetString());
            Assert.Equal(scenario.Family, element.GetProperty("family").GetString());
            Assert.Equal(scenario.Socket, element.GetProperty("socket").GetString());
            Assert.Equal(scenario.Setup, element.GetProperty("setup").GetString());
            Assert.Equal(scenario.Needs, element.GetProperty("needs").EnumerateArray().Select(n => n.GetString()!));
            Assert.Equal(scenario.Via, element.GetProperty("via").GetString());
            Assert.Equal(scenario.Result, element.GetProperty("result").GetString());
            Assert.Equal(scenario.Naive, element.GetProperty("naive").GetString());
            Assert.Equal(scenario.NaiveSource, element.GetProperty("naive-source").GetString());
            Assert.Equal(scenario.DotNetConnect, element.GetProperty("dotnet").GetProperty("connect").GetString());
            Assert.Equal(scenario.DotNetConnectAsync, element.GetProperty("dotnet").GetProperty("connect-async").GetString());
            Assert.Equal(scenario.Note, element.GetProperty("note").GetString());
        }

        var drop = scenarios.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "nft-output-drop-tcp-syn");
        Assert.Equal(new[] { "root", "netns", "nftables" }, drop.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("EPERM", drop.GetProperty("naive").GetString());
        var missing = scenarios.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "unix-stream-path-missing");
        Assert.Equal(0, missing.GetProperty("needs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("naive").ValueKind);

        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        foreach (var (error, element) in catalog.Errors.Zip(errors))
        {
            var kernelSources = element.GetProperty("kernel-sources").EnumerateArray().ToList();
            Assert.Equal(error.KernelSources.Select(k => k.At), kernelSources.Select(k => k.GetProperty("at").GetString()));
            Assert.Equal(error.KernelSources.Select(k => k.Says), kernelSources.Select(k => k.GetProperty("says").GetString()));
            Assert.Equal(
                error.KernelSources.Select(k => string.Join(",", k.Families)),
                kernelSources.Select(k => string.Join(",", k.GetProperty("families").EnumerateArray().Select(f => f.GetString()))));
            var notReturned = element.GetProperty("not-returned").EnumerateArray().ToList();
            Assert.Equal(error.NotReturned.Select(n => (n.Platform, n.Why)), notReturned.Select(n => (n.GetProperty("platform").GetString()!, n.GetProperty("why").GetString()!)));
            Assert.Equal(
                error.Quirks.Select(q => string.Join(",", q.Scenarios)),
                element.GetProperty("quirks").EnumerateArray().Select(q => string.Join(",", q.GetProperty("scenarios").EnumerateArray().Select(i => i.GetString()))));
        }

        var noBuffers = errors.Single(e => e.GetProperty("name").GetString() == "ENOBUFS");
        var cited = Assert.Single(
            noBuffers.GetProperty("kernel-sources").EnumerateArray(),
            k => k.GetProperty("at").GetString() == "net/ipv4/route.c __mkroute_output()");
        Assert.Equal(new[] { "inet" }, cited.GetProperty("families").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void ExportIsDeterministicAndTheEmbeddedCatalogsAreTheRepositorysCatalogs()
    {
        var paths = CliHarness.BuiltInCatalogPaths;
        Assert.Equal(new[] { "connect.yaml", "socket.yaml" }, paths.Select(Path.GetFileName));

        var all = CliHarness.Run("export");
        Assert.Equal(0, all.ExitCode);
        Assert.Equal(all.Output, CliHarness.Run("export").Output);
        using var array = all.Json();
        var exported = array.RootElement.EnumerateArray().ToList();
        Assert.Equal(paths.Count, exported.Count);

        foreach (var (path, element) in paths.Zip(exported))
        {
            var fromFile = CliHarness.Run("export", path);
            var again = CliHarness.Run("export", "--catalog", path);
            Assert.Equal(0, fromFile.ExitCode);
            Assert.Equal(fromFile.Output, again.Output);
            Assert.DoesNotContain('\r', fromFile.Output);

            // The built-in catalog with the file's id is the file, byte for byte, and so is its
            // element of the export of every built-in catalog.
            using var single = fromFile.Json();
            var id = single.RootElement.GetProperty("catalog").GetProperty("id").GetString()!;
            Assert.Equal(fromFile.Output, CliHarness.Run("export", id).Output);
            Assert.True(JsonElement.DeepEquals(single.RootElement, element), $"the export of every built-in catalog differs from {path} at {id}");
        }
    }

    [Fact]
    public void ExportTsvHasOneRowPerErrorAndPlatform()
    {
        var builtIn = CliHarness.BuiltInCatalogs;
        var run = CliHarness.Run("export", "--format", "tsv");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        lines = lines[..^1];
        Assert.Equal(builtIn.Sum(c => c.Errors.Count * c.Platforms.Count) + 1, lines.Length);
        var header = lines[0].Split('\t');
        Assert.Equal(new[] { "catalog", "name", "symbol", "platform", "code", "aliases" }, header.Take(6));
        Assert.All(lines, l => Assert.Equal(header.Length, l.Split('\t').Length));

        var rows = lines.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal("111", rows.Single(r => r[0] == "connect" && r[1] == "ECONNREFUSED" && r[3] == "linux")[4]);
        Assert.Equal("10061", rows.Single(r => r[0] == "connect" && r[1] == "ECONNREFUSED" && r[3] == "windows")[4]);
        Assert.Equal(builtIn.Select(c => c.Info.Id), rows.Select(r => r[0]).Distinct());
        foreach (var catalog in builtIn)
        {
            foreach (var error in catalog.Errors)
            {
                foreach (var platform in catalog.Platforms)
                {
                    var row = rows.Single(r => r[0] == catalog.Info.Id && r[1] == error.Name && r[3] == platform.Id);
                    Assert.Equal(error.CodeOn(platform.Id)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row[4]);
                }
            }
        }

        // One catalog, by id: no catalog column.
        var connect = CliHarness.Run("export", "connect", "--format", "tsv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "name", "symbol", "platform", "code", "aliases" }, connect[0].Split('\t').Take(5));
        Assert.Equal(CliHarness.ConnectCatalog.Errors.Count * CliHarness.ConnectCatalog.Platforms.Count + 1, connect.Length);
    }

    [Fact]
    public void ExportWritesToAFileAndFailsCleanlyWhenItCannot()
    {
        using var directory = new TempDirectory("errcat-cli");
        var target = directory.File("catalog.json");
        var run = CliHarness.Run("export", "--out", target);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(CliHarness.Run("export").Output, File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(directory.Path));

        var nowhere = Path.Combine(directory.Path, "no-such-folder", "catalog.json");
        var failed = CliHarness.Run("export", "--out", nowhere);
        Assert.Equal(4, failed.ExitCode);
        Assert.StartsWith("errcat: ", failed.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(nowhere));
    }

    [Theory]
    [InlineData("export", "--format", "xml")]
    [InlineData("export", "--format", "tsv", "--json")]
    [InlineData("validate", "--nope")]
    [InlineData("frobnicate")]
    [InlineData]
    public void UsageErrorsExitWithTwoAndOneLine(params string[] args)
    {
        var run = CliHarness.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith("errcat: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void ABrokenCatalogGivenToAnyCommandExitsWithOneAndItsDiagnostics()
    {
        using var directory = new TempDirectory("errcat-cli");
        var broken = directory.File("broken.yaml");
        File.WriteAllText(broken, "schema: 2\n");

        foreach (var args in new[] { new[] { "show", "ECONNREFUSED", "--catalog", broken }, new[] { "list", "--catalog", broken }, new[] { "export", broken } })
        {
            var run = CliHarness.Run(args);
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.Output);
            Assert.Contains($"{broken}(", run.Error, StringComparison.Ordinal);
            Assert.Contains("errcat: the catalog " + broken + " has ", run.Error, StringComparison.Ordinal);
        }
    }
}
