using System;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;

namespace ErrorCatalog.CatalogData.Tests;

/// <summary>Finds the repository and loads its real catalog once for all tests.</summary>
public static class RepositoryCatalog
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);
    private static readonly Lazy<CatalogLoadResult> LoadResult = new(() => CatalogLoader.LoadFile(CatalogPath));

    /// <summary>The repository root: the nearest ancestor of the test binaries holding catalog/connect.yaml.</summary>
    public static string Root => RootDirectory.Value;

    public static string CatalogPath => Path.Combine(Root, "catalog", "connect.yaml");

    public static CatalogLoadResult Result => LoadResult.Value;

    /// <summary>The loaded catalog; fails the calling test with every diagnostic if it did not load.</summary>
    public static Catalog.Model.Catalog Catalog
    {
        get
        {
            var result = Result;
            if (result.Catalog is null)
            {
                throw new Xunit.Sdk.XunitException(
                    "catalog/connect.yaml did not load:" + Environment.NewLine +
                    string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
            }

            return result.Catalog;
        }
    }

    private static string FindRoot()
    {
        // The solution file may not exist yet, so the catalog itself marks the root.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "catalog", "connect.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            "No ancestor of " + AppContext.BaseDirectory + " contains catalog/connect.yaml; run the tests from inside the repository.");
    }

    /// <summary>Every native name of an entry (canonical first, then aliases) with its code on <paramref name="platform"/>, null where absent.</summary>
    public static (string Name, int? Code)[] NamesWithCodes(ErrorEntry entry, string platform)
    {
        var canonical = entry.CodeOn(platform);
        return new[] { (entry.Name, canonical) }
            .Concat(entry.Aliases.Select(alias => (alias.Name, alias.CodeOn(platform, canonical))))
            .ToArray();
    }
}
