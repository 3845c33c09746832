using ErrorCatalog.Replay;

namespace ErrorCatalog.Cli.Commands;

/// <summary>
/// <c>errcat reproduce [NAME...] [--all] [--list] [--json]</c>: replays the scenarios of every
/// built-in catalog (or of a --catalog file) on this machine's kernel and compares what happens with
/// what the catalog says.
/// </summary>
public static class ReproduceCommand
{
    public static Command Create(CliContext context)
    {
        var namesArgument = CommonOptions.ZeroOrMore("NAME", "Scenario ids (of any built-in catalog), or error names (every scenario of every catalog whose result is that error).");
        var allOption = CommonOptions.Flag("--all", "Replay every scenario of every built-in catalog (or of the --catalog file).");
        var listOption = CommonOptions.Flag("--list", "List the scenarios named (all without names) with their catalog, expected result and needs, instead of replaying them.");
        var command = new Command(
            "reproduce",
            "Replay the catalogs' scenarios on this machine's kernel (through libc and through .NET's Socket) and report, per scenario, what the catalog expects and what happened. Scenarios that need what this user lacks (root, network namespaces, nftables) are skipped with the reason.")
        {
            namesArgument,
            allOption,
            listOption,
        };
        var common = CommonOptions.AddTo(command);
        command.SetAction(context.Guard(parseResult =>
        {
            var catalogs = context.RequireCatalogs(common.CatalogPath(parseResult));
            var names = parseResult.GetValue(namesArgument) ?? [];
            bool all = parseResult.GetValue(allOption);
            bool list = parseResult.GetValue(listOption);
            bool json = common.WantsJson(parseResult);
            if (names.Length == 0 && !all && !list)
            {
                throw new CliException(ExitCodes.Usage, "name the scenarios or errors to reproduce, or pass --all (see 'errcat reproduce --help')");
            }

            if (names.Length > 0 && all)
            {
                throw new CliException(ExitCodes.Usage, "give either names or --all, not both");
            }

            var scenarios = names.Length > 0
                ? Select(catalogs, names)
                : catalogs.SelectMany(catalog => catalog.Scenarios.Select(scenario => (catalog, scenario))).ToList();
            if (list)
            {
                WriteList(context, scenarios, several: catalogs.Count > 1, json);
                return ExitCodes.Success;
            }

            var runners = new Dictionary<CatalogModel, ScenarioRunner>(ReferenceEqualityComparer.Instance);
            var reports = new List<(CatalogModel Catalog, ScenarioReport Report)>();
            foreach (var (catalog, scenario) in scenarios)
            {
                if (!runners.TryGetValue(catalog, out var runner))
                {
                    runner = new ScenarioRunner(catalog);
                    runners.Add(catalog, runner);
                }

                var report = runner.Run(scenario);
                reports.Add((catalog, report));
                if (!json)
                {
                    WriteLine(context, report);
                }
            }

            if (json)
            {
                context.WriteJson(writer => WriteJson(writer, reports));
            }
            else
            {
                int matched = reports.Count(r => r.Report.Ok);
                int skipped = reports.Count(r => r.Report.Skipped is not null);
                int differed = reports.Count - matched - skipped;
                context.Output.Write(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{reports.Count} scenario{(reports.Count == 1 ? "" : "s")}: {matched} matched, {differed} differed, {skipped} skipped\n"));
            }

            return reports.All(r => r.Report.Ok || r.Report.Skipped is not null) ? ExitCodes.Success : ExitCodes.ReproduceMismatch;
        }));
        return command;
    }

    /// <summary>
    /// Per name: a scenario id (it must be in one catalog only), or else an error name (canonical,
    /// alias or symbol, any case) that selects every scenario of every catalog with that result;
    /// anything else is not found.
    /// </summary>
    internal static List<(CatalogModel Catalog, Scenario Scenario)> Select(IReadOnlyList<CatalogModel> catalogs, IEnumerable<string> names)
    {
        var selected = new List<(CatalogModel Catalog, Scenario Scenario)>();
        foreach (var name in names)
        {
            var withId = catalogs.Select(c => (Catalog: c, Scenario: c.FindScenario(name))).Where(found => found.Scenario is not null).ToList();
            if (withId.Count > 1)
            {
                throw new CliException(
                    ExitCodes.Usage,
                    $"the scenario id '{name}' is in several catalogs ({string.Join(", ", withId.Select(found => found.Catalog.Info.Id))}); choose one with --catalog FILE");
            }

            if (withId.Count == 1)
            {
                selected.Add((withId[0].Catalog, withId[0].Scenario!));
                continue;
            }

            var errors = catalogs.Select(c => (Catalog: c, Error: Lookup.FindError(c, name))).Where(found => found.Error is not null).ToList();
            var matching = errors.SelectMany(found => found.Catalog.ScenariosWithResult(found.Error!.Name).Select(scenario => (found.Catalog, scenario))).ToList();
            if (matching.Count == 0)
            {
                throw new CliException(
                    ExitCodes.NotFound,
                    errors.Count == 0
                        ? $"'{name}' is neither a scenario id nor an error of {CatalogsText(catalogs)} (see 'errcat reproduce --list' for the scenario ids)"
                        : $"no scenario of {CatalogsText(catalogs)} results in {errors[0].Error!.Name}");
            }

            selected.AddRange(matching);
        }

        return selected.DistinctBy(found => (found.Catalog.Info.Id, found.Scenario.Id)).ToList();
    }

    private static string CatalogsText(IReadOnlyList<CatalogModel> catalogs) =>
        catalogs.Count == 1 ? "the catalog" : $"the catalogs ({string.Join(", ", catalogs.Select(c => c.Info.Id))})";

    /// <summary><c>--list</c>: what each scenario is and needs, without running anything.</summary>
    private static void WriteList(CliContext context, IReadOnlyList<(CatalogModel Catalog, Scenario Scenario)> scenarios, bool several, bool json)
    {
        if (json)
        {
            context.WriteJson(writer =>
            {
                writer.WriteStartArray();
                foreach (var (catalog, scenario) in scenarios)
                {
                    // The scenario as export writes it, under the id of its catalog.
                    writer.WriteStartObject();
                    writer.WriteString("catalog", catalog.Info.Id);
                    writer.WritePropertyName("scenario");
                    CatalogJson.WriteScenario(writer, scenario);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            return;
        }

        var table = several ? new TextTable("CATALOG", "SCENARIO", "RESULT", "NEEDS") : new TextTable("SCENARIO", "RESULT", "NEEDS");
        foreach (var (catalog, scenario) in scenarios)
        {
            var needs = scenario.NeedsNothing ? "nothing" : string.Join(", ", scenario.Needs);
            table.Add(several ? [catalog.Info.Id, scenario.Id, scenario.Result, needs] : [scenario.Id, scenario.Result, needs]);
        }

        table.WriteTo(context.Output);
    }

    private static void WriteLine(CliContext context, ScenarioReport report)
    {
        if (report.Skipped is { } reason)
        {
            context.Output.Write($"skip  {report.Id}: {reason}\n");
            return;
        }

        var libc = report.Runs[0];
        string dotnet = report.Runs.Count < 2 ? string.Empty
            : report.Runs[1].Driver == ConnectDriver.DotNetSocket ? "; .NET new Socket " + report.Runs[1].Observed
            : "; .NET Connect " + report.Runs[1].Observed + ", ConnectAsync " + (report.Runs.Count > 2 ? report.Runs[2].Observed : "-");
        context.Output.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"{(report.Ok ? "ok  " : "FAIL")}  {report.Id}: expected {report.Expected}, observed {libc.Observed}{dotnet} ({report.Duration.TotalMilliseconds:0} ms)\n"));
        foreach (var run in report.Runs.Where(run => !run.Ok))
        {
            context.Output.Write($"      {run.Driver}: expected {run.Expected ?? "(not recorded)"}, observed {run.Observed}{(run.Detail is null ? "" : ": " + run.Detail)}\n");
        }
    }

    private static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<(CatalogModel Catalog, ScenarioReport Report)> reports)
    {
        writer.WriteStartArray();
        foreach (var (catalog, report) in reports)
        {
            writer.WriteStartObject();
            writer.WriteString("catalog", catalog.Info.Id);
            writer.WriteString("id", report.Id);
            writer.WriteString("result", report.Expected);
            CatalogJson.WriteOptional(writer, "observed", report.Observed);

            writer.WriteBoolean("ok", report.Ok);
            writer.WriteBoolean("skipped", report.Skipped is not null);
            if (report.Skipped is { } reason)
            {
                writer.WriteString("reason", reason);
            }

            writer.WriteNumber("durationMs", Math.Round(report.Duration.TotalMilliseconds, 1));
            writer.WriteStartArray("runs");
            foreach (var run in report.Runs)
            {
                writer.WriteStartObject();
                writer.WriteString("driver", DriverName(run.Driver));
                CatalogJson.WriteOptional(writer, "expected", run.Expected);

                writer.WriteString("observed", run.Observed);
                writer.WriteBoolean("ok", run.Ok);
                if (run.Detail is { } detail)
                {
                    writer.WriteString("detail", detail);
                }

                writer.WriteNumber("durationMs", Math.Round(run.Duration.TotalMilliseconds, 1));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string DriverName(ConnectDriver driver) => driver switch
    {
        ConnectDriver.Libc => "libc",
        ConnectDriver.DotNetConnect => "dotnet-connect",
        ConnectDriver.DotNetSocket => "dotnet-socket",
        _ => "dotnet-connect-async",
    };
}
