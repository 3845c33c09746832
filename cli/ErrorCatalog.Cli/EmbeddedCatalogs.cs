using System.Reflection;
using ErrorCatalog.Catalog.Loading;

namespace ErrorCatalog.Cli;

/// <summary>
/// The catalogs compiled into an assembly by ErrcatCatalogs.targets (the MSBuild item list
/// <c>ErrcatCatalog</c>): their file names in list order, and each one loaded on first use.
/// </summary>
public sealed class EmbeddedCatalogs
{
    /// <summary>The assembly metadata key that holds the file names, in order.</summary>
    public const string MetadataKey = "ErrcatCatalogs";

    /// <summary>The prefix of every catalog resource's logical name.</summary>
    public const string ResourcePrefix = "ErrorCatalog.Cli.Catalogs.";

    private readonly Assembly assembly;
    private readonly Dictionary<string, CatalogLoadResult> loaded = new(StringComparer.Ordinal);

    public EmbeddedCatalogs(Assembly assembly)
    {
        this.assembly = assembly;
        var names = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value ?? string.Empty;
        FileNames = names.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The catalogs built into errcat itself.</summary>
    public static EmbeddedCatalogs Errcat { get; } = new(typeof(EmbeddedCatalogs).Assembly);

    /// <summary>The embedded file names, in the item list's order (for example <c>connect.yaml</c>).</summary>
    public IReadOnlyList<string> FileNames { get; }

    /// <summary>How diagnostics and <c>validate</c> name an embedded catalog.</summary>
    public static string DisplayPath(string fileName) => fileName + " (embedded)";

    /// <summary>Whether <paramref name="path"/> is how an embedded catalog is named rather than a file.</summary>
    public bool IsDisplayPath(string path) => FileNames.Any(f => DisplayPath(f) == path);

    /// <summary>Every embedded catalog, loaded through the same loader as any file, in list order.</summary>
    public IReadOnlyList<(string Path, CatalogLoadResult Result)> LoadAll() =>
        FileNames.Select(f => (DisplayPath(f), Load(f))).ToList();

    /// <summary>One embedded catalog by file name; loaded once per process.</summary>
    public CatalogLoadResult Load(string fileName)
    {
        lock (loaded)
        {
            if (!loaded.TryGetValue(fileName, out var result))
            {
                using var stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
                    ?? throw new InvalidOperationException($"The catalog resource '{ResourcePrefix + fileName}' is missing from {assembly.GetName().Name}.");
                using var reader = new StreamReader(stream);
                result = CatalogLoader.Load(DisplayPath(fileName), reader.ReadToEnd());
                loaded.Add(fileName, result);
            }

            return result;
        }
    }
}
