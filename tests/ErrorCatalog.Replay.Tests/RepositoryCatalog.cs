using System;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Loading;

namespace ErrorCatalog.Replay.Tests;

/// <summary>The repository's catalog/connect.yaml, loaded once for all tests.</summary>
internal static class RepositoryCatalog
{
    private static readonly Lazy<Catalog.Model.Catalog> s_catalog = new(Load);

    internal static Catalog.Model.Catalog Catalog => s_catalog.Value;

    private static Catalog.Model.Catalog Load()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string path = Path.Combine(directory.FullName, "catalog", "connect.yaml");
            if (File.Exists(path))
            {
                var result = CatalogLoader.LoadFile(path);
                return result.Catalog ?? throw new InvalidOperationException(
                    "catalog/connect.yaml did not load:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, result.Diagnostics.Select(d => d.ToString())));
            }
        }

        throw new InvalidOperationException($"No ancestor of {AppContext.BaseDirectory} contains catalog/connect.yaml.");
    }
}
