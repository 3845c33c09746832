using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Replay.Tests;

/// <summary>The repository's catalogs (every catalog/*.yaml: connect.yaml, socket.yaml, ...), each loaded once for all tests.</summary>
internal static class RepositoryCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, Catalog.Model.Catalog>> s_catalogs = new(LoadAll);

    /// <summary>Every catalog by file name, in ordinal order of the names.</summary>
    internal static IReadOnlyDictionary<string, Catalog.Model.Catalog> All => s_catalogs.Value;

    internal static Catalog.Model.Catalog Load(string fileName) => All[fileName];

    /// <summary>Every catalog file name, as theory data.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in All.Keys)
        {
            data.Add(file);
        }

        return data;
    }

    private static IReadOnlyDictionary<string, Catalog.Model.Catalog> LoadAll()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string folder = Path.Combine(directory.FullName, "catalog");
            if (File.Exists(Path.Combine(folder, "connect.yaml")))
            {
                var catalogs = new SortedDictionary<string, Catalog.Model.Catalog>(StringComparer.Ordinal);
                foreach (string path in Directory.EnumerateFiles(folder, "*.yaml"))
                {
                    var result = CatalogLoader.LoadFile(path);
                    catalogs.Add(Path.GetFileName(path), result.Catalog ?? throw new InvalidOperationException(
                        $"catalog/{Path.GetFileName(path)} did not load:" + System.Environment.NewLine + string.Join(System.Environment.NewLine, result.Diagnostics.Select(d => d.ToString()))));
                }

                return catalogs;
            }
        }

        throw new InvalidOperationException($"No ancestor of {AppContext.BaseDirectory} contains catalog/connect.yaml.");
    }
}
