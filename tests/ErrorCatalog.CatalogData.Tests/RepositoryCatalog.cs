using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;
using Xunit;

namespace ErrorCatalog.CatalogData.Tests;

/// <summary>Finds the repository and loads each of its real catalogs (every catalog/*.yaml) once for all tests.</summary>
public static class RepositoryCatalog
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);
    private static readonly ConcurrentDictionary<string, Lazy<CatalogLoadResult>> LoadResults = new(StringComparer.Ordinal);

    /// <summary>The repository root: the nearest ancestor of the test binaries holding catalog/connect.yaml.</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>The file names of the repository's catalogs (connect.yaml, socket.yaml, ...), in ordinal order.</summary>
    public static string[] FileNames => Directory.EnumerateFiles(Path.Combine(Root, "catalog"), "*.yaml")
        .Select(path => Path.GetFileName(path)!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every catalog file name, as theory data.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in FileNames)
        {
            data.Add(file);
        }

        return data;
    }

    public static string PathOf(string fileName) => Path.Combine(Root, "catalog", fileName);

    public static CatalogLoadResult Result(string fileName) =>
        LoadResults.GetOrAdd(fileName, name => new Lazy<CatalogLoadResult>(() => CatalogLoader.LoadFile(PathOf(name)))).Value;

    /// <summary>The loaded catalog; fails the calling test with every diagnostic if it did not load.</summary>
    public static Catalog.Model.Catalog Load(string fileName)
    {
        var result = Result(fileName);
        if (result.Catalog is null)
        {
            throw new Xunit.Sdk.XunitException(
                "catalog/" + fileName + " did not load:" + Environment.NewLine +
                string.Join(Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
        }

        return result.Catalog;
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
