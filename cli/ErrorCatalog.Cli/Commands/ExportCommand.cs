using System;
using System.CommandLine;
using System.IO;
using System.Text;
using ErrorCatalog.Cli.Output;

namespace ErrorCatalog.Cli.Commands;

/// <summary><c>errcat export [FILE] --format json|tsv [--out PATH]</c>: the normalized catalog, for other tools.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The catalog to export (default: --catalog, or else the built-in catalog).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "json: the whole model; tsv: one row per error and platform.",
            DefaultValueFactory = _ => "json",
            HelpName = "json|tsv",
        };
        format.AcceptOnlyFromAmong("json", "tsv");
        var outOption = new Option<string?>("--out", "-o")
        {
            Description = "Write to this file instead of standard output (replaced only once the export is complete).",
            HelpName = "PATH",
        };
        var catalogOption = CliContext.CatalogOption();
        var jsonOption = CliContext.JsonOption();
        jsonOption.Description = "Same as --format json (accepted so every command takes --json).";
        var command = new Command("export", "Write the normalized catalog as JSON or TSV; the same catalog always gives the same bytes.")
        {
            file,
            format,
            outOption,
            catalogOption,
            jsonOption,
        };
        command.SetAction(context.Guard(parseResult =>
        {
            var path = parseResult.GetValue(file);
            var catalogPath = parseResult.GetValue(catalogOption);
            if (path is not null && catalogPath is not null)
            {
                throw new CliException(ExitCodes.Usage, "give the catalog either as FILE or with --catalog, not both");
            }

            var formatName = parseResult.GetValue(format) ?? "json";
            var formatGiven = parseResult.GetResult(format) is { Implicit: false };
            if (parseResult.GetValue(jsonOption))
            {
                if (formatGiven && formatName != "json")
                {
                    throw new CliException(ExitCodes.Usage, "--json contradicts --format " + formatName);
                }

                formatName = "json";
            }

            var catalog = context.RequireCatalog(path ?? catalogPath);
            var text = formatName == "tsv"
                ? CatalogTsv.Build(catalog)
                : CatalogJson.Build(writer => CatalogJson.WriteCatalog(writer, catalog));
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
