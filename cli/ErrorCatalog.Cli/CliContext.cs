using ErrorCatalog.Catalog.Loading;

namespace ErrorCatalog.Cli;

/// <summary>What every command shares: the output writers and catalog loading (the common options are in <see cref="CommonOptions"/>).</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, EmbeddedCatalogs? catalogs = null)
    {
        Output = output as TerminalWriter ?? new TerminalWriter(output, TerminalWriter.DefaultWidth, colour: false);
        Error = error;
        Catalogs = catalogs ?? EmbeddedCatalogs.Errcat;
    }

    /// <summary>How diagnostics name the first embedded catalog (the connect() catalog).</summary>
    public static string EmbeddedCatalogPath => EmbeddedCatalogs.DisplayPath(EmbeddedCatalogs.Errcat.FileNames[0]);

    /// <summary>Readable output, folded to the terminal's width; JSON and other machine output goes to its <see cref="TerminalWriter.Raw"/> writer.</summary>
    public TerminalWriter Output { get; }

    /// <summary>The catalogs this run treats as built in.</summary>
    public EmbeddedCatalogs Catalogs { get; }

    public TextWriter Error { get; }

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

    public void WriteJson(Action<Utf8JsonWriter> write) => Output.Raw.Write(CatalogJson.Build(write));

    /// <summary>The first catalog built into errcat (the connect() catalog), loaded through the same loader as any file.</summary>
    public static CatalogLoadResult LoadEmbedded() => EmbeddedCatalogs.Errcat.Load(EmbeddedCatalogs.Errcat.FileNames[0]);

    /// <summary>Loads <paramref name="path"/> (or the first embedded catalog when null), or prints its diagnostics and fails with <see cref="ExitCodes.InvalidCatalog"/>.</summary>
    public CatalogModel RequireCatalog(string? path) =>
        Require(path ?? EmbeddedCatalogs.DisplayPath(Catalogs.FileNames[0]), path is null ? Catalogs.Load(Catalogs.FileNames[0]) : CatalogLoader.LoadFile(path));

    /// <summary>The catalog file <paramref name="path"/>, or every embedded catalog in list order when it is null.</summary>
    public IReadOnlyList<CatalogModel> RequireCatalogs(string? path) =>
        path is not null
            ? new[] { RequireCatalog(path) }
            : Catalogs.FileNames.Select(f => Require(EmbeddedCatalogs.DisplayPath(f), Catalogs.Load(f))).ToArray();

    /// <summary>The embedded catalog whose id is <paramref name="id"/>, or null.</summary>
    public CatalogModel? EmbeddedWithId(string id) =>
        RequireCatalogs(null).FirstOrDefault(c => string.Equals(c.Info.Id, id, StringComparison.OrdinalIgnoreCase));

    private CatalogModel Require(string path, CatalogLoadResult result)
    {
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
                $"the catalog {path} has {errors} error{(errors == 1 ? string.Empty : "s")}; nothing was done");
        }

        return result.Catalog;
    }
}
