using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Site;

namespace ErrorCatalog.Cli.Commands;

/// <summary><c>errcat docs --out DIR [--catalog FILE...]</c>: render the static docs site.</summary>
public static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var outOption = CommonOptions.Valued<string>("--out", "DIR", "The folder to write the site into (created if needed; files of the site are replaced, nothing else is touched).", "-o");
        outOption.Required = true;
        var catalogsOption = CommonOptions.Valued<string[]>("--catalog", "FILE", "Catalog files to document (repeat the option or list several); default: every catalog built into errcat.");
        catalogsOption.AllowMultipleArgumentsPerToken = true;
        var jsonOption = CommonOptions.Flag("--json", "Print a JSON summary of what was written.");
        var command = new Command("docs", "Render the static docs site (plain HTML, CSS and a little JavaScript; opens from disk without a server).") { outOption, catalogsOption, jsonOption };
        command.SetAction(context.Guard(parseResult =>
        {
            var outDirectory = parseResult.GetValue(outOption)!;
            var paths = parseResult.GetValue(catalogsOption) ?? Array.Empty<string>();
            var catalogs = paths.Length == 0
                ? context.RequireCatalogs(null).ToArray()
                : paths.Select(context.RequireCatalog).ToArray();
            if (File.Exists(outDirectory))
            {
                throw new CliException(ExitCodes.IoError, $"'{outDirectory}' is a file; --out needs a folder");
            }

            SiteWriteSummary summary;
            try
            {
                summary = SiteGenerator.Write(outDirectory, catalogs, CatalogDiagnosticDescriptors.WithGenerator);
            }
            catch (ArgumentException exception)
            {
                throw new CliException(ExitCodes.Usage, exception.Message);
            }

            var index = Path.Combine(summary.OutputDirectory, "index.html");
            if (parseResult.GetValue(jsonOption))
            {
                context.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("output", summary.OutputDirectory);
                    writer.WriteString("index", index);
                    writer.WriteNumber("files", summary.Files.Count);
                    writer.WriteNumber("bytes", summary.TotalBytes);
                    writer.WriteNumber("catalogs", summary.Catalogs);
                    writer.WriteNumber("errors", summary.Errors);
                    writer.WriteNumber("platforms", summary.Platforms);
                    writer.WriteNumber("diagnostics", summary.Diagnostics);
                    writer.WriteEndObject();
                });
            }
            else
            {
                context.Output.Write($"Wrote {summary.Files.Count} files ({summary.TotalBytes} bytes): {summary.Errors} error pages, {summary.Platforms} platform pages, {summary.Diagnostics} diagnostic pages.\n");
                context.Output.Write($"Open {index}\n");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
