using System.Text;

namespace ErrorCatalog.Cli.Commands;

/// <summary><c>errcat export [FILE] --format json|tsv [--out PATH]</c>: the normalized catalog, for other tools.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The catalog file to export, or the id of a catalog built into errcat (default: --catalog, or else every built-in catalog).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = CommonOptions.Valued<string>("--format", "json|tsv", "json: the whole model; tsv: one row per error and platform.", "-f");
        format.DefaultValueFactory = _ => "json";
        format.AcceptOnlyFromAmong("json", "tsv");
        var outOption = CommonOptions.Valued<string?>("--out", "PATH", "Write to this file instead of standard output (replaced only once the export is complete).", "-o");
        var command = new Command("export", "Write the normalized catalog as JSON or TSV; the same catalog always gives the same bytes.") { file, format, outOption };
        var common = CommonOptions.AddTo(command, "Same as --format json (accepted so every command takes --json).");
        command.SetAction(context.Guard(parseResult =>
        {
            var path = parseResult.GetValue(file);
            var catalogPath = common.CatalogPath(parseResult);
            if (path is not null && catalogPath is not null)
            {
                throw new CliException(ExitCodes.Usage, "give the catalog either as FILE or with --catalog, not both");
            }

            var formatName = parseResult.GetValue(format) ?? "json";
            var formatGiven = parseResult.GetResult(format) is { Implicit: false };
            if (common.WantsJson(parseResult))
            {
                if (formatGiven && formatName != "json")
                {
                    throw new CliException(ExitCodes.Usage, "--json contradicts --format " + formatName);
                }

                formatName = "json";
            }

            var catalogs = path is not null && !File.Exists(path) && context.EmbeddedWithId(path) is { } embedded
                ? new[] { embedded }
                : context.RequireCatalogs(path ?? catalogPath);
            var text = formatName == "tsv" ? Tsv(catalogs) : Json(catalogs);
            var outPath = parseResult.GetValue(outOption);
            if (outPath is null)
            {
                context.Output.Raw.Write(text);
            }
            else
            {
                WriteReplacing(outPath, text);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One catalog's object; for several, a JSON array of them in the built-in order.</summary>
    private static string Json(IReadOnlyList<CatalogModel> catalogs) => CatalogJson.Build(writer =>
    {
        if (catalogs.Count == 1)
        {
            CatalogJson.WriteCatalog(writer, catalogs[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var catalog in catalogs)
        {
            CatalogJson.WriteCatalog(writer, catalog);
        }

        writer.WriteEndArray();
    });

    /// <summary>One catalog's table; for several, one header and a first column <c>catalog</c> with each row's catalog id.</summary>
    private static string Tsv(IReadOnlyList<CatalogModel> catalogs)
    {
        if (catalogs.Count == 1)
        {
            return CatalogTsv.Build(catalogs[0]);
        }

        var text = new StringBuilder();
        foreach (var catalog in catalogs)
        {
            var lines = CatalogTsv.Build(catalog).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (text.Length == 0)
            {
                text.Append("catalog\t").Append(lines[0]).Append('\n');
            }

            foreach (var line in lines.Skip(1))
            {
                text.Append(catalog.Info.Id).Append('\t').Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Writes beside the target and then renames, so a failed export never leaves a truncated file behind.</summary>
    internal static void WriteReplacing(string path, string text)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new CliException(ExitCodes.IoError, $"'{path}' is a folder; give a file name for --out");
        }

        var directory = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(directory))
        {
            throw new CliException(ExitCodes.IoError, $"the folder '{directory}' does not exist");
        }

        var temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
