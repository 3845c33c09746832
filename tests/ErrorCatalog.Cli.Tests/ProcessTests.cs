using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>errcat run as a real process, for what only a process shows: the width it fits, colour, what a user types.</summary>
public sealed class ProcessTests
{
    /// <summary>An ANSI colour or style sequence (SGR); .NET's console writes other terminal sequences of its own on a terminal.</summary>
    private const string Colour = "\u001b\\[[0-9;]*m";

    public static TheoryData<string> Commands() => new()
    {
        "list",
        "list --platform windows",
        "list --source zig --family unix --platform linux",
        "show ECONNREFUSED",
        "show EPERM --platform windows",
        "show 61",
        "show refused",
        "--help",
        "show --help",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void EveryLineFitsColumnsAndTheDefaultIs80(string command)
    {
        var args = command.Split(' ');
        foreach (var width in new[] { 60, 80, 100, 132 })
        {
            var run = ErrcatProcess.Run(new Dictionary<string, string?> { ["COLUMNS"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture) }, args);
            Assert.True(run.ExitCode == 0, run.ToString());
            ErrcatProcess.AssertFits(run.Output, width, $"COLUMNS={width} errcat {command}");
        }

        // Not a terminal and no COLUMNS: 80 columns.
        var plain = ErrcatProcess.Run(args);
        ErrcatProcess.AssertFits(plain.Output, 80, "errcat " + command);
    }

    [Fact]
    public void AWideTerminalGetsWideLinesAndListKeepsItsColumnsWhenThereIsRoom()
    {
        var wide = ErrcatProcess.Run(new Dictionary<string, string?> { ["COLUMNS"] = "200" }, "list");
        Assert.Contains(wide.Output.Split('\n'), line => line.Length > 80);
        // Several built-in catalogs: the CATALOG column follows the name and is never left out.
        Assert.Equal(new[] { "NAME", "CATALOG", "SYMBOL", "CLASS", "SOURCES", "SUMMARY" }, wide.Output.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        // At 80 columns the optional columns give way so that the summary stays readable.
        var narrow = ErrcatProcess.Run("list");
        Assert.Equal(new[] { "NAME", "CATALOG", "CLASS", "SUMMARY" }, narrow.Output.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [SkippableFact]
    public void ColourOnlyOnATerminalAndNeverWithNoColor()
    {
        Assert.DoesNotMatch(Colour, ErrcatProcess.Run("show", "ECONNREFUSED").Output);

        // script(1) gives errcat a pseudo-terminal as its standard output.
        var script = ErrcatProcess.FindOnPath("script");
        Skip.If(script is null || !OperatingSystem.IsLinux(), "script(1) from util-linux is needed to run errcat on a pseudo-terminal");
        var onTerminal = ErrcatProcess.RunProgram(script!, new[] { "-qec", "errcat show ECONNREFUSED", "/dev/null" }, new Dictionary<string, string?> { ["TERM"] = "xterm" });
        Assert.Matches(Colour, onTerminal.Output);

        var noColor = ErrcatProcess.RunProgram(script!, new[] { "-qec", "errcat show ECONNREFUSED", "/dev/null" }, new Dictionary<string, string?> { ["TERM"] = "xterm", ["NO_COLOR"] = "1" });
        Assert.DoesNotMatch(Colour, noColor.Output);
        Assert.Contains("ECONNREFUSED (ConnectError.ConnectionRefused)", noColor.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AWinsockNumberIsNamedTheWinsockWay()
    {
        var run = ErrcatProcess.Run("show", "10061");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\nwindows +WSAECONNREFUSED +connect +ECONNREFUSED +", run.Output);
        Assert.DoesNotMatch(@"\nwindows +ECONNREFUSED ", run.Output);

        var onWindows = ErrcatProcess.Run("show", "10061", "--platform", "win32");
        Assert.StartsWith("10061 on windows is WSAECONNREFUSED (in the connect catalog)\n", onWindows.Output, StringComparison.Ordinal);

        // Every catalog and platform where the number exists, each with its own spelling.
        var sixtyOne = ErrcatProcess.Run("show", "61", "--json");
        using var json = sixtyOne.Json();
        var expected = CliHarness.BuiltInCatalogs.SelectMany(c => c.Platforms
            .SelectMany(p => c.ErrorsWithCode(p.Id, 61).Select(m => (c.Info.Id, p.Id, p.NativeName(m.NativeName)))));
        Assert.Equal(expected, json.RootElement.GetProperty("matches").EnumerateArray().Select(m => (m.GetProperty("catalog").GetString()!, m.GetProperty("platform").GetString()!, m.GetProperty("nativeName").GetString()!)));
    }

    [Fact]
    public void ShowFindsErrorsByTheirTextAndSaysWhichFieldMatched()
    {
        var catalog = CliHarness.ConnectCatalog;
        var several = ErrcatProcess.Run(new Dictionary<string, string?> { ["COLUMNS"] = "250" }, "show", "refused");
        Assert.Equal(0, several.ExitCode);
        // Every built-in catalog is searched; each match names its catalog.
        var expected = CliHarness.BuiltInCatalogs
            .SelectMany(c => c.Errors.Where(e => TextSearch.MatchingField(e, "refused") is not null).Select(e => (Catalog: c.Info.Id, Error: e)))
            .ToList();
        Assert.True(expected.Select(m => m.Catalog).Distinct().Count() > 1, "both catalogs should have errors whose text says 'refused'");
        Assert.StartsWith($"No error is named 'refused'; {expected.Count} errors contain it (MATCHED says where):\nNAME ", several.Output, StringComparison.Ordinal);
        foreach (var (catalogId, error) in expected)
        {
            Assert.Matches($@"\n{error.Name} +{catalogId} +{System.Text.RegularExpressions.Regex.Escape(TextSearch.MatchingField(error, "refused")!)} +", several.Output);
        }

        // Any case; and a phrase that names one error shows it in full, saying how it matched.
        var one = ErrcatProcess.Run(new Dictionary<string, string?> { ["COLUMNS"] = "250" }, "show", "Connection Refused");
        Assert.Equal(0, one.ExitCode);
        Assert.StartsWith("No error is named 'Connection Refused'; it matched ECONNREFUSED (connect) by its symbol ConnectionRefused.\n\nECONNREFUSED (ConnectError.ConnectionRefused)\n", one.Output, StringComparison.Ordinal);

        var summary = catalog.Errors.First(e => e.Name == "ETIMEDOUT").Summary;
        var phrase = summary.Substring(0, Math.Min(30, summary.Length)).ToUpperInvariant();
        var bySummary = ErrcatProcess.Run("show", phrase, "--json");
        using var json = bySummary.Json();
        Assert.Contains(json.RootElement.GetProperty("matches").EnumerateArray(), m => m.GetProperty("error").GetProperty("name").GetString() == "ETIMEDOUT" && m.GetProperty("field").GetString() == "summary");
    }

    [Theory]
    [InlineData("show ECONNREFUZED", 3, "did you mean ECONNREFUSED?")]
    [InlineData("list --platform macso", 2, "did you mean darwin?")]
    [InlineData("list --platform darwn", 2, "did you mean darwin?")]
    [InlineData("list --source micrsoft", 2, "did you mean winsock?")]
    [InlineData("list --family inett6", 2, "did you mean inet6?")]
    [InlineData("show 111 --platform linx", 2, "did you mean linux?")]
    public void UnknownNamesSuggestTheNearest(string command, int exitCode, string suggestion)
    {
        var run = ErrcatProcess.Run(command.Split(' '));
        Assert.Equal(exitCode, run.ExitCode);
        Assert.StartsWith("errcat: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(suggestion, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("macos", "darwin")]
    [InlineData("OSX", "darwin")]
    [InlineData("win", "windows")]
    [InlineData("winsock", "windows")]
    [InlineData("msvc", "windows-crt")]
    [InlineData("hppa", "linux-parisc")]
    public void PlatformAliasesAreAccepted(string alias, string id)
    {
        using var viaAlias = ErrcatProcess.Run("list", "--platform", alias, "--json").Json();
        using var viaId = ErrcatProcess.Run("list", "--platform", id, "--json").Json();
        Assert.Equal(id, viaAlias.RootElement.GetProperty("filter").GetProperty("platform").GetString());
        Assert.Equal(viaId.RootElement.GetRawText(), viaAlias.RootElement.GetRawText());
    }

    [Theory]
    [InlineData("--family", "ipv6", "inet6")]
    [InlineData("--family", "local", "unix")]
    [InlineData("--source", "man", "linux")]
    [InlineData("--source", "microsoft", "winsock")]
    public void FamilyAndSourceAliasesAreAccepted(string option, string alias, string id)
    {
        using var json = ErrcatProcess.Run("list", option, alias, "--json").Json();
        Assert.Equal(id, json.RootElement.GetProperty("filter").GetProperty(option.TrimStart('-')).GetString());
    }

    [SkippableFact]
    public void ARegularFileAtAUnixPathIsNotASocket()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "Linux's answer (ECONNREFUSED) and its scenario are what is checked");
        using var directory = new TempDirectory("errcat-cli");
        var path = directory.File("plain-file");
        File.WriteAllText(path, string.Empty);

        var run = ErrcatProcess.Run(new Dictionary<string, string?> { ["COLUMNS"] = "300" }, "connect", "unix:" + path);

        Assert.Equal(5, run.ExitCode);
        var scenario = CliHarness.ConnectCatalog.FindScenario("unix-stream-regular-file")!;
        Assert.Equal("ECONNREFUSED", scenario.Result);
        Assert.Contains($"\nthis case       {path} is a regular file, not a socket\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"\nscenario        unix-stream-regular-file: {scenario.Setup} On linux that gives ECONNREFUSED too, not {scenario.Naive}", run.Output, StringComparison.Ordinal);
        // The entry's general AF_UNIX meaning (a socket file without a listener) is not this case.
        var unixMeaning = CliHarness.ConnectCatalog.FindError("ECONNREFUSED")!.Families.Single(f => f.Family == "unix").Meaning!;
        Assert.DoesNotContain(unixMeaning, run.Output, StringComparison.Ordinal);

        using var json = ErrcatProcess.Run("connect", "unix:" + path, "--json").Json();
        Assert.Equal("unix-stream-regular-file", json.RootElement.GetProperty("case").GetProperty("scenario").GetString());
    }

    [SkippableFact]
    public void ATcpFailureIsExplainedWithTheMeaningForItsFamily()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the raw code checked is Linux's");
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;

        var run = ErrcatProcess.Run(new Dictionary<string, string?> { ["COLUMNS"] = "300" }, "connect", $"127.0.0.1:{port}");

        Assert.Equal(5, run.ExitCode);
        Assert.DoesNotContain("AF_UNIX", run.Output.Split('\n', 2)[1], StringComparison.Ordinal);
        Assert.Contains("\nscenario        tcp-loopback-closed-port: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nthis case", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ALinkLocalAddressWithoutScopeSuggestsTheInterface()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the EINVAL answer checked is Linux's (nothing is sent: the kernel needs an interface first)");
        var run = ErrcatProcess.Run(new Dictionary<string, string?> { ["COLUMNS"] = "300" }, "connect", "[fe80::1]:80");

        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith("connect to [fe80::1]:80 (stream socket, AF_INET6): failed with EINVAL\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("\nhint            add the interface as a scope id: [fe80::1%INTERFACE]:80", run.Output, StringComparison.Ordinal);
        Assert.Contains("\nscenario        tcp6-link-local-without-scope: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectedNeedsNoCatalogAndFailuresLoadIt()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var run = ErrcatProcess.Run("connect", $"127.0.0.1:{port}");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"connect to 127.0.0.1:{port} (stream socket, AF_INET): connected\n", run.Output);
    }
}
