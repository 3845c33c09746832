using System;
using System.Collections.Generic;
using System.Diagnostics;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Scenarios;

namespace ErrorCatalog.Replay;

/// <summary>
/// Replays a catalog's scenarios on the running kernel and compares what happens with what the
/// catalog says: the `result` for the libc run, the `dotnet` values for the runs through .NET's
/// Socket on the same setup.
/// </summary>
public sealed class ScenarioRunner
{
    /// <summary>How long one run (one driver of one scenario, setup included) may take before it counts as hung.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(60);

    private static readonly ConnectDriver[] ConnectDotNetDrivers = [ConnectDriver.DotNetConnect, ConnectDriver.DotNetConnectAsync];
    private static readonly ConnectDriver[] SocketDotNetDrivers = [ConnectDriver.DotNetSocket];

    private readonly ErrorCatalog.Catalog.Model.Catalog catalog;

    public ScenarioRunner(ErrorCatalog.Catalog.Model.Catalog catalog)
    {
        this.catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    /// <summary>Replays every scenario in catalog order.</summary>
    public IEnumerable<ScenarioReport> RunAll()
    {
        foreach (var scenario in catalog.Scenarios)
        {
            yield return Run(scenario);
        }
    }

    /// <summary>Why this process would skip <paramref name="scenario"/>, or null if it can run it.</summary>
    public static string? SkipReason(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Platform != "linux")
        {
            return $"scenarios for platform '{scenario.Platform}' have no replay yet";
        }

        return Capabilities.Missing(scenario.Needs);
    }

    public ScenarioReport Run(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var implementation = ScenarioImplementations.Find(scenario.Id);
        if (implementation is null)
        {
            var missing = new DriverReport(ConnectDriver.Libc, scenario.Result, "no implementation", false, $"the replay has no implementation for '{scenario.Id}'", TimeSpan.Zero);
            return new ScenarioReport(scenario.Id, scenario.Result, null, [missing]);
        }

        if (SkipReason(scenario) is { } reason)
        {
            return new ScenarioReport(scenario.Id, scenario.Result, reason, []);
        }

        var runs = new List<DriverReport>();
        var (libc, unavailable) = RunOnce(implementation, scenario, ConnectDriver.Libc, scenario.Result);
        if (unavailable is not null)
        {
            return new ScenarioReport(scenario.Id, scenario.Result, unavailable, []);
        }

        runs.Add(libc);
        foreach (var driver in scenario.Via == ScenarioVocabulary.ViaSocket ? SocketDotNetDrivers : ConnectDotNetDrivers)
        {
            string? expected = ExpectedDotNet(scenario, driver);
            var (run, skipped) = RunOnce(implementation, scenario, driver, expected);
            runs.Add(skipped is null ? run : run with { Ok = false, Observed = "unavailable", Detail = skipped });
        }

        return new ScenarioReport(scenario.Id, scenario.Result, null, runs);
    }

    /// <summary>What the catalog records for <paramref name="driver"/>, and the key it is written under.</summary>
    private static string? ExpectedDotNet(Scenario scenario, ConnectDriver driver) => driver switch
    {
        ConnectDriver.DotNetConnect => scenario.DotNetConnect,
        ConnectDriver.DotNetConnectAsync => scenario.DotNetConnectAsync,
        _ => scenario.DotNetSocket,
    };

    private static string DotNetKey(ConnectDriver driver) => driver switch
    {
        ConnectDriver.DotNetConnect => ScenarioVocabulary.DotNetConnectKey,
        ConnectDriver.DotNetConnectAsync => ScenarioVocabulary.DotNetConnectAsyncKey,
        _ => ScenarioVocabulary.DotNetSocketKey,
    };

    private (DriverReport Report, string? Unavailable) RunOnce(ScenarioImplementation implementation, Scenario scenario, ConnectDriver driver, string? expected)
    {
        var clock = Stopwatch.StartNew();
        Observation observation;
        try
        {
            bool finished = DedicatedThread.TryRun(
                () =>
                {
                    using var context = new ScenarioContext(catalog, scenario, driver);
                    return implementation.Run(context);
                },
                RunLimit,
                out observation);
            if (!finished)
            {
                return (new DriverReport(driver, expected, "hung", false, $"no outcome within {RunLimit.TotalSeconds:0} s", clock.Elapsed), null);
            }
        }
        catch (ScenarioUnavailableException exception)
        {
            return (new DriverReport(driver, expected, "unavailable", false, exception.Message, clock.Elapsed), exception.Message);
        }
        catch (ScenarioSetupException exception)
        {
            return (new DriverReport(driver, expected, "setup failed", false, exception.Message, clock.Elapsed), null);
        }

        return (Judge(scenario, driver, expected, observation, clock.Elapsed), null);
    }

    private static DriverReport Judge(Scenario scenario, ConnectDriver driver, string? expected, Observation observation, TimeSpan duration)
    {
        if (driver == ConnectDriver.Libc)
        {
            var stage = scenario.Via switch
            {
                ScenarioVocabulary.ViaSoError => ObservedStage.SoError,
                ScenarioVocabulary.ViaSecondConnect => ObservedStage.SecondConnect,
                ScenarioVocabulary.ViaSocket => ObservedStage.Socket,
                _ => ObservedStage.Connect,
            };
            bool ok = observation.Result == expected && observation.Stage == stage;
            string? detail = observation.Stage != stage
                ? $"seen through {observation.Stage}, but the catalog says via '{scenario.Via}'" + (observation.Detail is null ? "" : ": " + observation.Detail)
                : observation.Detail;
            return new DriverReport(driver, expected, observation.Result, ok, detail, duration);
        }

        if (observation.Stage == ObservedStage.NotExpressible)
        {
            return new DriverReport(
                driver,
                expected,
                observation.Result,
                expected is null,
                expected is null ? observation.Detail : $"the catalog records '{expected}', but {observation.Detail}",
                duration);
        }

        if (expected is null)
        {
            string key = DotNetKey(driver);
            return new DriverReport(driver, null, observation.Result, false, $"not recorded in the catalog: add dotnet: {{{key}: {observation.Result}}}", duration);
        }

        return new DriverReport(driver, expected, observation.Result, observation.Result == expected, observation.Detail, duration);
    }
}
