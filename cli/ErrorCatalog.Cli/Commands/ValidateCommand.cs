using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Validation;

namespace ErrorCatalog.Cli.Commands;

/// <summary><c>errcat validate FILE...</c>: load each file and print its diagnostics in compiler format.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var files = CommonOptions.ZeroOrMore("FILE", "Catalog files to check. Without any, the catalog given with --catalog, or else the built-in one, is checked.");
        var command = new Command("validate", "Check catalog files; print each problem as file(line,col): error ECATnnn: message.") { files };
        var common = CommonOptions.AddTo(command);
        command.SetAction(context.Guard(parseResult =>
        {
            var paths = parseResult.GetValue(files) ?? System.Array.Empty<string>();
            var catalogPath = common.CatalogPath(parseResult);
            if (paths.Length > 0 && catalogPath is not null)
            {
                throw new CliException(ExitCodes.Usage, "give the catalogs to validate either as FILE arguments or with --catalog, not both");
            }

            // The parser takes an unknown option for a FILE; say what it most likely is.
            foreach (var path in paths)
            {
                if (path.StartsWith('-') && !System.IO.File.Exists(path))
                {
                    throw new CliException(ExitCodes.Usage, $"unknown option '{path}' (see 'errcat validate --help')");
                }
            }

            var results = new List<(string Path, CatalogLoadResult Result)>();
            if (paths.Length == 0)
            {
                if (catalogPath is null)
                {
                    // Every built-in catalog, checked together as the runtime's build checks them.
                    results.AddRange(context.Catalogs.LoadAll());
                }
                else
                {
                    results.Add((catalogPath, CatalogLoader.LoadFile(catalogPath)));
                }
            }
            else
            {
                results.AddRange(paths.Select(p => (p, CatalogLoader.LoadFile(p))));
            }

            // The files are checked together as one project would generate them: two catalogs
            // whose generated names clash fail here as they would in the build.
            var checkedTogether = CatalogValidator.CheckLoadedTogether(results.Select(r => r.Result).ToList());
            results = results.Select((r, index) => (r.Path, checkedTogether[index])).ToList();
            var failed = results.Any(r => !r.Result.Succeeded);
            // A file that is not there (or is a folder) is an I/O problem, not a catalog error: its
            // diagnostic is printed like the others, and the exit code says which kind of failure it was.
            var unreadable = results.Any(r => !context.Catalogs.IsDisplayPath(r.Path) && !System.IO.File.Exists(r.Path));
            if (common.WantsJson(parseResult))
            {
                WriteJson(context, results, failed);
            }
            else
            {
                WriteText(context, results);
            }

            return unreadable ? ExitCodes.IoError : failed ? ExitCodes.InvalidCatalog : ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteText(CliContext context, List<(string Path, CatalogLoadResult Result)> results)
    {
        foreach (var (path, result) in results)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                context.Output.Write(diagnostic.ToString());
                context.Output.Write('\n');
            }
        }

        var valid = results.Where(r => r.Result.Succeeded).ToList();
        var invalid = results.Count - valid.Count;
        var warnings = results.Sum(r => r.Result.Diagnostics.Count(d => d.Severity == CatalogSeverity.Warning));
        if (invalid == 0)
        {
            var errors = valid.Sum(r => r.Result.Catalog!.Errors.Count);
            var what = results.Count == 1
                ? $"{results[0].Path}: {Describe(results[0].Result)}"
                : $"{results.Count} catalogs, {errors} errors in all";
            context.Output.Write($"OK: {what}{(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? string.Empty : "s")}" : string.Empty)}\n");
        }
        else
        {
            var errorCount = results.Sum(r => r.Result.Diagnostics.Count(d => d.Severity == CatalogSeverity.Error));
            context.Output.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"FAILED: {invalid} of {results.Count} catalog{(results.Count == 1 ? string.Empty : "s")} with errors ({errorCount} error{(errorCount == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")})\n"));
        }
    }

    private static string Describe(CatalogLoadResult result)
    {
        var catalog = result.Catalog!;
        return $"{catalog.Errors.Count} errors, {catalog.Platforms.Count} platforms, {catalog.Sources.Count} sources, {catalog.Families.Count} families";
    }

    private static void WriteJson(CliContext context, List<(string Path, CatalogLoadResult Result)> results, bool failed)
    {
        context.WriteJson(writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("ok", !failed);
            writer.WriteStartArray("files");
            foreach (var (path, result) in results)
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                writer.WriteBoolean("ok", result.Succeeded);
                writer.WriteNumber("errors", result.Diagnostics.Count(d => d.Severity == CatalogSeverity.Error));
                writer.WriteNumber("warnings", result.Diagnostics.Count(d => d.Severity == CatalogSeverity.Warning));
                if (result.Catalog is { } catalog)
                {
                    writer.WriteStartObject("catalog");
                    writer.WriteString("id", catalog.Info.Id);
                    foreach (var (name, count) in new[] { ("errors", catalog.Errors.Count), ("platforms", catalog.Platforms.Count), ("sources", catalog.Sources.Count), ("families", catalog.Families.Count) })
                    {
                        writer.WriteNumber(name, count);
                    }

                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("catalog");
                }

                writer.WriteStartArray("diagnostics");
                foreach (var diagnostic in result.Diagnostics)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", diagnostic.Id);
                    writer.WriteString("severity", diagnostic.Severity == CatalogSeverity.Error ? "error" : "warning");
                    writer.WriteString("message", diagnostic.Message);
                    writer.WriteString("path", diagnostic.Path);
                    writer.WriteNumber("line", diagnostic.Span.Line);
                    writer.WriteNumber("column", diagnostic.Span.Column);
                    writer.WriteNumber("endLine", diagnostic.Span.EndLine);
                    writer.WriteNumber("endColumn", diagnostic.Span.EndColumn);
                    writer.WriteString("helpLink", CatalogDiagnosticDescriptors.HelpLink(diagnostic.Id));
                    writer.WriteString("text", diagnostic.ToString());
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
