using System;
using System.IO;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>The repository the tests run from, found from the test's output folder upwards.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string Catalog => Path.Combine(Root, "catalog", "connect.yaml");

    public static string Schema => Path.Combine(Root, "catalog", "errorcatalog.schema.json");

    public static string CatalogReadme => Path.Combine(Root, "catalog", "README.md");

    public static string InRepository(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Build.props"))
                && File.Exists(Path.Combine(directory.FullName, "catalog", "connect.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Directory.Build.props and catalog/connect.yaml) is not above " + AppContext.BaseDirectory);
    }
}
