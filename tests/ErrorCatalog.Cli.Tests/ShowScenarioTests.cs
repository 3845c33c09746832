using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary><c>errcat show</c>'s short scenario form (text) and the full scenario objects (--json).</summary>
public sealed class ShowScenarioTests
{
    // A small catalog of its own, so the test sees several scenarios per entry, a success, a
    // not-returned and hostile text, whatever the real catalog holds today.
    private const string InventedCatalog = """
        schema: 1
        catalog:
          id: probe
          function: probe()
          title: Errors of an imaginary probe() call
          description: A catalog for the show tests.
          prefix: Probe
          namespace: ErrorCatalog.Tests.Probe
        sources:
          - id: manual
            title: The probe manual
            attributions:
              - id: listed
                description: listed among the errors
        platforms:
          - id: linux
            symbol: Linux
            value: 1
            title: Linux
            kind: errno
            reference: include/uapi/asm-generic/errno-base.h
        families:
          - id: inet
            title: IPv4
            native: AF_INET
        classifications:
          - id: misuse
            symbol: Misuse
            value: 1
            title: Programming error
            description: The call was made wrongly.
        errors:
          - name: EBADF
            symbol: BadDescriptor
            value: 1
            summary: The descriptor is not open.
            action: Fix the caller.
            classification: misuse
            dotnet: OperationAborted
            codes:
              linux: 9
            sources:
              manual: listed
            families: [inet]
          - name: EINVAL
            symbol: InvalidArgument
            value: 2
            summary: An argument is wrong.
            action: Fix the caller.
            classification: misuse
            codes:
              linux: 22
            sources:
              manual: listed
            families: [inet]
            not-returned:
              - platform: linux
                why: Invented; every probe tried gave EBADF instead.
        scenarios:
          - id: probe-closed
            platform: linux
            family: inet
            socket: stream
            setup: Probe a descriptor that was closed before.
            needs: none
            via: connect
            result: EBADF
            naive: EINVAL
            naive-source: the show test
            dotnet:
              connect: OperationAborted
              connect-async: Shutdown
          - id: probe-never-opened
            platform: linux
            family: inet
            socket: dgram
            setup: Probe a number that was never a descriptor.
            needs: [root]
            via: connect
            result: EBADF
          - id: probe-fine
            platform: linux
            family: inet
            socket: stream
            setup: Probe an open descriptor.
            needs: none
            via: connect
            result: success
            naive: EINVAL
        """;

    [Fact]
    public void TextShowsTheShortFormFromTheCatalog()
    {
        using var directory = new TempDirectory("errcat-cli");
        var path = directory.File("probe.yaml");
        System.IO.File.WriteAllText(path, InventedCatalog);

        var badf = CliHarness.Run("show", "EBADF", "--catalog", path);
        Assert.True(badf.ExitCode == 0, badf.ToString());
        Assert.Contains("\nOn the real kernel\n", badf.Output, StringComparison.Ordinal);
        Assert.Contains("  On linux: 2 scenarios (probe-closed, probe-never-opened)\n", badf.Output, StringComparison.Ordinal);
        Assert.Contains("  .NET in those scenarios: Socket.Connect OperationAborted, Socket.ConnectAsync Shutdown; the errno table maps it to SocketError.OperationAborted\n", badf.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Not this error", badf.Output, StringComparison.Ordinal);

        var inval = CliHarness.Run("show", "einval", "--catalog", path);
        Assert.True(inval.ExitCode == 0, inval.ToString());
        Assert.Contains("  Not this error: probe-closed gives EBADF (predicted by: the show test)\n", inval.Output, StringComparison.Ordinal);
        Assert.Contains("  Not this error: probe-fine gives success\n", inval.Output, StringComparison.Ordinal);
        Assert.Contains("  linux never returns it: Invented; every probe tried gave EBADF instead.\n", inval.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("On linux:", inval.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesTheFullScenarioObjects()
    {
        using var directory = new TempDirectory("errcat-cli");
        var path = directory.File("probe.yaml");
        System.IO.File.WriteAllText(path, InventedCatalog);

        var run = CliHarness.Run("show", "EINVAL", "--catalog", path, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = run.Json();
        var scenarios = json.RootElement.GetProperty("scenarios");
        Assert.Empty(scenarios.GetProperty("result").EnumerateArray());
        var naive = scenarios.GetProperty("naive").EnumerateArray().ToList();
        Assert.Equal(new[] { "probe-closed", "probe-fine" }, naive.Select(s => s.GetProperty("id").GetString()));
        Assert.All(naive, s => Assert.Equal("EINVAL", s.GetProperty("naive").GetString()));
        Assert.Equal("EBADF", naive[0].GetProperty("result").GetString());
        Assert.Equal("Shutdown", naive[0].GetProperty("dotnet").GetProperty("connect-async").GetString());
        Assert.Equal("success", naive[1].GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, naive[1].GetProperty("dotnet").GetProperty("connect").ValueKind);
        Assert.Equal("Invented; every probe tried gave EBADF instead.", json.RootElement.GetProperty("error").GetProperty("not-returned")[0].GetProperty("why").GetString());
    }

    [Fact]
    public void RealCatalogShowMatchesTheModelForEveryError()
    {
        foreach (var catalog in CliHarness.BuiltInCatalogs)
        {
            foreach (var error in catalog.Errors)
            {
                var text = CliHarness.Run("show", error.Name);
                Assert.True(text.ExitCode == 0, text.ToString());
                var inCatalogs = CliHarness.BuiltInCatalogs.Where(c => c.Errors.Any(e => e.Name == error.Name)).Select(c => c.Info.Id).ToList();
                var section = SectionOf(text.Output, catalog.Info.Id, inCatalogs);
                var happening = catalog.ScenariosWithResult(error.Name).ToList();
                var blaming = catalog.ScenariosBlaming(error.Name).ToList();
                foreach (var platform in happening.Select(s => s.Platform).Distinct())
                {
                    var ids = happening.Where(s => s.Platform == platform).Select(s => s.Id).ToList();
                    Assert.Contains($"On {platform}: {ids.Count} scenario", section, StringComparison.Ordinal);
                    Assert.Contains("(" + string.Join(", ", ids) + ")", section, StringComparison.Ordinal);
                }

                foreach (var scenario in blaming)
                {
                    Assert.Contains($"Not this error: {scenario.Id} gives {scenario.Result}", section, StringComparison.Ordinal);
                }

                var saysAnything = happening.Count > 0 || blaming.Count > 0 || !error.NotReturned.IsEmpty || !error.KernelSources.IsEmpty;
                Assert.Equal(saysAnything, section.Contains("\nOn the real kernel\n", StringComparison.Ordinal));

                using var json = CliHarness.Run("show", error.Name, "--json").Json();
                var shown = json.RootElement.TryGetProperty("matches", out var matches)
                    ? matches.EnumerateArray().Single(m => m.GetProperty("catalog").GetString() == catalog.Info.Id)
                    : json.RootElement;
                Assert.Equal(inCatalogs.Count > 1, json.RootElement.TryGetProperty("matches", out _));
                var scenarios = shown.GetProperty("scenarios");
                Assert.Equal(happening.Select(s => s.Id), scenarios.GetProperty("result").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
                Assert.Equal(blaming.Select(s => s.Id), scenarios.GetProperty("naive").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
            }

            Assert.NotEmpty(catalog.Scenarios);
        }
    }

    /// <summary>The part of <c>show</c>'s text about one catalog's entry: all of it when one catalog has the name.</summary>
    private static string SectionOf(string output, string catalogId, IReadOnlyList<string> catalogsWithTheName)
    {
        if (catalogsWithTheName.Count == 1)
        {
            return output;
        }

        Assert.StartsWith($"'", output, StringComparison.Ordinal);
        Assert.Contains($" names an error in {catalogsWithTheName.Count} catalogs: {string.Join(", ", catalogsWithTheName)}\n", output, StringComparison.Ordinal);
        var start = output.IndexOf($"\nIn the {catalogId} catalog (", StringComparison.Ordinal);
        Assert.True(start >= 0, $"show does not name the {catalogId} catalog:\n{output}");
        var next = output.IndexOf("\nIn the ", start + 1, StringComparison.Ordinal);
        return next < 0 ? output.Substring(start) : output.Substring(start, next - start);
    }
}
