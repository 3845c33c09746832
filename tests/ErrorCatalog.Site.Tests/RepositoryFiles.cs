using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Loading;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site.Tests;

/// <summary>Finds the repository (from the test's output folder upwards) and loads its real catalog.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<CatalogModel> Connect = new(() => Load(ConnectCatalogPath));
    private static readonly Lazy<CatalogModel> Bind = new(() => Load(BindCatalogPath));
    private static readonly ConcurrentDictionary<string, CatalogModel> Loaded = new(StringComparer.Ordinal);

    public static string RootDirectory => Root.Value;

    public static string ConnectCatalogPath => Path.Combine(Root.Value, "catalog", "connect.yaml");

    public static CatalogModel ConnectCatalog => Connect.Value;

    /// <summary>The generator tests' catalog of bind() errors: a second catalog with its own prefix, platforms and families.</summary>
    public static string BindCatalogPath => Path.Combine(Root.Value, "tests", "ErrorCatalog.Generator.Tests", "Catalogs", "bind.yaml");

    public static CatalogModel BindCatalog => Bind.Value;

    /// <summary>
    /// Every catalog of the repository (catalog/*.yaml, by file name), then bind.yaml: what a site
    /// with several catalogs is tested with, so a catalog added to catalog/ is covered at once.
    /// </summary>
    public static IReadOnlyList<string> SiteCatalogPaths =>
        Directory.GetFiles(Path.Combine(Root.Value, "catalog"), "*.yaml")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Append(BindCatalogPath)
            .ToList();

    public static CatalogModel[] SiteCatalogs => SiteCatalogPaths.Select(Catalog).ToArray();

    /// <summary>The catalog at <paramref name="path"/>, loaded once.</summary>
    public static CatalogModel Catalog(string path) => Loaded.GetOrAdd(Path.GetFullPath(path), p => p == Path.GetFullPath(ConnectCatalogPath) ? ConnectCatalog : Load(p));

    /// <summary>Where screenshots and other artifacts go: $ARTIFACTS_DIR, or TestResults/ in the repository.</summary>
    public static string ArtifactsDirectory(string name)
    {
        var root = Environment.GetEnvironmentVariable("ARTIFACTS_DIR");
        var directory = string.IsNullOrWhiteSpace(root)
            ? Path.Combine(Root.Value, "TestResults", name)
            : Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props"))
                && Directory.Exists(Path.Combine(directory.FullName, "catalog")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }

    private static CatalogModel Load(string path)
    {
        var result = CatalogLoader.LoadFile(path);
        if (result.Catalog is null)
        {
            throw new InvalidOperationException(Path.GetRelativePath(Root.Value, path) + " does not load: " + string.Join("; ", result.Diagnostics));
        }

        return result.Catalog;
    }
}
