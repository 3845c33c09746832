using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Cli.Output;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Cli;

/// <summary>What every command shares: the output writers, catalog loading and the common options.</summary>
public sealed class CliContext
{
    /// <summary>The logical name of the catalog compiled into errcat (see the project file).</summary>
    public const string EmbeddedCatalogResource = "ErrorCatalog.Cli.connect.yaml";

    /// <summary>How diagnostics name the embedded catalog.</summary>
    public const string EmbeddedCatalogPath = "connect.yaml (embedded)";

    public CliContext(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public static Option<string?> CatalogOption() => new("--catalog")
    {
        Description = "Use this catalog file instead of the connect() catalog built into errcat.",
        HelpName = "FILE",
    };

    public static Option<bool> JsonOption() => new("--json")
    {
        Description = "Write the result as JSON, for scripts.",
    };

    /// <summary>Prints a one-line error to the error writer.</summary>
    public void Fail(string message)
    {
        Error.Write("errcat: " + message);
        Error.Write('\n');
    }

    /// <summary>Wraps a command's work so that its expected failures become one line and an exit code.</summary>
    public Func<ParseResult, int> Guard(Func<ParseResult, int> action) => parseResult =>
    {
        try
        {
            return action(parseResult);
        }
        catch (CliException exception)
        {
            Fail(exception.Message);
            return exception.ExitCode;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fail(exception.Message);
            return ExitCodes.IoError;
        }
    };

    public void WriteJson(Action<Utf8JsonWriter> write) => Output.Write(CatalogJson.Build(write));

    /// <summary>The catalog built into errcat, loaded through the same loader as any file.</summary>
    public static CatalogLoadResult LoadEmbedded()
    {
        using var stream = typeof(CliContext).Assembly.GetManifestResourceStream(EmbeddedCatalogResource)
            ?? throw new InvalidOperationException($"The catalog resource '{EmbeddedCatalogResource}' is missing from errcat.");
        using var reader = new StreamReader(stream);
        return CatalogLoader.Load(EmbeddedCatalogPath, reader.ReadToEnd());
    }

    /// <summary>Loads <paramref name="path"/> (or the embedded catalog when null), or prints its diagnostics and fails with <see cref="ExitCodes.InvalidCatalog"/>.</summary>
    public CatalogModel RequireCatalog(string? path)
    {
        var result = path is null ? LoadEmbedded() : CatalogLoader.LoadFile(path);
        foreach (var diagnostic in result.Diagnostics)
        {
            Error.Write(diagnostic.ToString());
            Error.Write('\n');
        }

        if (result.Catalog is null)
        {
            var errors = result.Diagnostics.Count(d => d.Severity == ErrorCatalog.Catalog.Diagnostics.CatalogSeverity.Error);
            throw new CliException(
                ExitCodes.InvalidCatalog,
                $"the catalog {path ?? EmbeddedCatalogPath} has {errors} error{(errors == 1 ? string.Empty : "s")}; nothing was done");
        }

        return result.Catalog;
    }
}
