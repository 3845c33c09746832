using System;
using System.IO;
using ErrorCatalog.Catalog.Loading;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site.Tests;

/// <summary>Finds the repository (from the test's output folder upwards) and loads its real catalog.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);
    private static readonly Lazy<CatalogModel> Connect = new(LoadConnectCatalog);

    public static string RootDirectory => Root.Value;

    public static string ConnectCatalogPath => Path.Combine(Root.Value, "catalog", "connect.yaml");

    public static CatalogModel ConnectCatalog => Connect.Value;

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

    private static CatalogModel LoadConnectCatalog()
    {
        var result = CatalogLoader.LoadFile(ConnectCatalogPath);
        if (result.Catalog is null)
        {
            throw new InvalidOperationException("catalog/connect.yaml does not load: " + string.Join("; ", result.Diagnostics));
        }

        return result.Catalog;
    }
}
