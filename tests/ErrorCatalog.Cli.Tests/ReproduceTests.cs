using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// errcat reproduce: replays scenarios on this machine's kernel. These use the no-privilege
/// loopback scenario (a closed port on 127.0.0.1), so they run for every user.
/// </summary>
public sealed class ReproduceTests
{
    private const string LoopbackScenario = "tcp-loopback-closed-port";

    [Fact]
    public void Reproduces_a_scenario_by_id_and_reports_the_kernel_result()
    {
        var run = CliHarness.Run("reproduce", LoopbackScenario, "--catalog", CliHarness.ConnectCatalogPath);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"ok    {LoopbackScenario}: expected ECONNREFUSED, observed ECONNREFUSED", run.Output);
        Assert.Contains("1 scenario: 1 matched, 0 differed, 0 skipped", run.Output);
    }

    [Fact]
    public void Json_is_an_array_of_reports_with_the_documented_fields()
    {
        var run = CliHarness.Run("reproduce", LoopbackScenario, "--json", "--catalog", CliHarness.ConnectCatalogPath);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = run.Json();
        var report = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(LoopbackScenario, report.GetProperty("id").GetString());
        Assert.Equal("ECONNREFUSED", report.GetProperty("result").GetString());
        Assert.Equal("ECONNREFUSED", report.GetProperty("observed").GetString());
        Assert.True(report.GetProperty("ok").GetBoolean());
        Assert.False(report.GetProperty("skipped").GetBoolean());
        var drivers = report.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("driver").GetString()).ToArray();
        Assert.Equal(new[] { "libc", "dotnet-connect", "dotnet-connect-async" }, drivers);
    }

    [Fact]
    public void An_error_name_selects_every_scenario_with_that_result()
    {
        var run = CliHarness.Run("reproduce", "econnrefused", "--json", "--catalog", CliHarness.ConnectCatalogPath);
        using var json = run.Json();
        var ids = json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        var expected = CliHarness.ConnectCatalog.ScenariosWithResult("ECONNREFUSED").Select(s => s.Id).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void A_catalog_claim_the_kernel_contradicts_fails_with_exit_7_and_shows_both()
    {
        using var directory = new TempDirectory("errcat-cli");
        string text = File.ReadAllText(CliHarness.ConnectCatalogPath);
        int at = text.IndexOf("- id: " + LoopbackScenario, System.StringComparison.Ordinal);
        int result = text.IndexOf("result: ECONNREFUSED", at, System.StringComparison.Ordinal);
        string wrong = text[..result] + "result: ETIMEDOUT" + text[(result + "result: ECONNREFUSED".Length)..];
        string path = directory.File("wrong.yaml");
        File.WriteAllText(path, wrong);

        var run = CliHarness.Run("reproduce", LoopbackScenario, "--catalog", path);
        Assert.True(run.ExitCode == ExitCodes.ReproduceMismatch, run.ToString());
        Assert.Contains($"FAIL  {LoopbackScenario}: expected ETIMEDOUT, observed ECONNREFUSED", run.Output);
    }

    [Fact]
    public void Without_names_or_all_it_is_a_usage_error()
    {
        var run = CliHarness.Run("reproduce");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--all", run.Error);
    }

    [Fact]
    public void An_unknown_name_is_not_found()
    {
        var run = CliHarness.Run("reproduce", "no-such-scenario");
        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("no-such-scenario", run.Error);
    }

    [Fact]
    public void A_scenario_id_of_the_socket_catalog_is_found_without_catalog()
    {
        // socket() with family 255 needs nothing: the kernel refuses it before any module is looked for.
        var run = CliHarness.Run("reproduce", "socket-unknown-family", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = run.Json();
        var report = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("socket", report.GetProperty("catalog").GetString());
        Assert.Equal("socket-unknown-family", report.GetProperty("id").GetString());
        Assert.Equal("EAFNOSUPPORT", report.GetProperty("observed").GetString());
        Assert.True(report.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void List_shows_the_scenarios_of_every_built_in_catalog_without_running_them()
    {
        var run = CliHarness.Run("reproduce", "--list", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = run.Json();
        var listed = json.RootElement.EnumerateArray()
            .Select(s => (s.GetProperty("catalog").GetString(), s.GetProperty("scenario").GetProperty("id").GetString(), s.GetProperty("scenario").GetProperty("result").GetString()))
            .ToList();
        var expected = CliHarness.BuiltInCatalogs
            .SelectMany(c => c.Scenarios.Select(s => ((string?)c.Info.Id, (string?)s.Id, (string?)s.Result)))
            .ToList();
        Assert.Equal(expected, listed);
        Assert.Contains(listed, s => s.Item1 == "socket");
        Assert.False(json.RootElement.EnumerateArray().First().TryGetProperty("observed", out _));

        var text = CliHarness.Run("reproduce", "--list");
        Assert.StartsWith("CATALOG", text.Output, System.StringComparison.Ordinal);
        Assert.Equal(expected.Count + 1, text.Output.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void An_error_name_selects_its_scenarios_in_every_catalog()
    {
        var run = CliHarness.Run("reproduce", "eperm", "--list", "--json");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = run.Json();
        var listed = json.RootElement.EnumerateArray().Select(s => s.GetProperty("catalog").GetString() + "/" + s.GetProperty("scenario").GetProperty("id").GetString()).ToHashSet();
        var expected = CliHarness.BuiltInCatalogs
            .SelectMany(c => c.ScenariosWithResult("EPERM").Select(s => c.Info.Id + "/" + s.Id))
            .ToHashSet();
        Assert.Equal(expected, listed);
        Assert.Contains(listed, id => id.StartsWith("connect/", System.StringComparison.Ordinal));
        Assert.Contains(listed, id => id.StartsWith("socket/", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_id_in_two_catalogs_is_a_usage_error_naming_both_and_catalog()
    {
        var copy = Catalog.Loading.CatalogLoader.Load(
            "copy.yaml",
            File.ReadAllText(CliHarness.ConnectCatalogPath).Replace("  id: connect\n", "  id: connect-copy\n", System.StringComparison.Ordinal)).Catalog!;
        Assert.Equal("connect-copy", copy.Info.Id);
        var catalogs = new[] { CliHarness.ConnectCatalog, copy };

        var exception = Assert.Throws<CliException>(() => Commands.ReproduceCommand.Select(catalogs, new[] { LoopbackScenario }));
        Assert.Equal(ExitCodes.Usage, exception.ExitCode);
        Assert.Contains("connect, connect-copy", exception.Message, System.StringComparison.Ordinal);
        Assert.Contains("--catalog", exception.Message, System.StringComparison.Ordinal);

        // An error name is not ambiguous: it selects the scenarios of both.
        var both = Commands.ReproduceCommand.Select(catalogs, new[] { "ECONNREFUSED" });
        Assert.Equal(2 * CliHarness.ConnectCatalog.ScenariosWithResult("ECONNREFUSED").Count(), both.Count);
    }
}
