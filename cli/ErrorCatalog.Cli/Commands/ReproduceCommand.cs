using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Cli.Output;
using ErrorCatalog.Replay;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Cli.Commands;

/// <summary>
/// <c>errcat reproduce [NAME...] [--all] [--json]</c>: replays the catalog's scenarios on this
/// machine's kernel and compares what happens with what the catalog says.
/// </summary>
public static class ReproduceCommand
{
    public static Command Create(CliContext context)
    {
        var namesArgument = new Argument<string[]>("NAME")
        {
            Description = "Scenario ids, or error names (every scenario whose result is that error).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var allOption = new Option<bool>("--all")
        {
            Description = "Replay every scenario of the catalog.",
        };
        var catalogOption = CliContext.CatalogOption();
        var jsonOption = CliContext.JsonOption();
        var command = new Command(
            "reproduce",
            "Replay the catalog's scenarios on this machine's kernel (through libc and through .NET's Socket) and report, per scenario, what the catalog expects and what happened. Scenarios that need what this user lacks (root, network namespaces, nftables) are skipped with the reason.")
        {
            namesArgument,
            allOption,
            catalogOption,
            jsonOption,
        };
        command.SetAction(context.Guard(parseResult =>
        {
            var catalog = context.RequireCatalog(parseResult.GetValue(catalogOption));
            var names = parseResult.GetValue(namesArgument) ?? [];
            bool all = parseResult.GetValue(allOption);
            if (names.Length == 0 && !all)
            {
                throw new CliException(ExitCodes.Usage, "name the scenarios or errors to reproduce, or pass --all (see 'errcat reproduce --help')");
            }

            if (names.Length > 0 && all)
            {
                throw new CliException(ExitCodes.Usage, "give either names or --all, not both");
            }

            var scenarios = all ? catalog.Scenarios.ToList() : Select(catalog, names);
            var runner = new ScenarioRunner(catalog);
            bool json = parseResult.GetValue(jsonOption);
            var reports = new List<ScenarioReport>();
            foreach (var scenario in scenarios)
            {
                var report = runner.Run(scenario);
                reports.Add(report);
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
                int matched = reports.Count(r => r.Ok);
                int skipped = reports.Count(r => r.Skipped is not null);
                int differed = reports.Count - matched - skipped;
                context.Output.Write(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{reports.Count} scenario{(reports.Count == 1 ? "" : "s")}: {matched} matched, {differed} differed, {skipped} skipped\n"));
            }

            return reports.All(r => r.Ok || r.Skipped is not null) ? ExitCodes.Success : ExitCodes.ReproduceMismatch;
        }));
        return command;
    }

    /// <summary>Scenario ids first, then error names (canonical, alias or symbol, any case); anything else is not found.</summary>
    private static List<Scenario> Select(CatalogModel catalog, IEnumerable<string> names)
    {
        var selected = new List<Scenario>();
        foreach (var name in names)
        {
            if (catalog.FindScenario(name) is { } scenario)
            {
                selected.Add(scenario);
                continue;
            }

            var error = Lookup.FindError(catalog, name);
            var matching = error is null ? [] : catalog.ScenariosWithResult(error.Name).ToList();
            if (matching.Count == 0)
            {
                throw new CliException(
                    ExitCodes.NotFound,
                    error is null
                        ? $"'{name}' is neither a scenario id nor an error of the catalog (see 'errcat export --format json' for the scenario ids)"
                        : $"no scenario of the catalog results in {error.Name}");
            }

            selected.AddRange(matching);
        }

        return selected.Distinct().ToList();
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

    private static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<ScenarioReport> reports)
    {
        writer.WriteStartArray();
        foreach (var report in reports)
        {
            writer.WriteStartObject();
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
