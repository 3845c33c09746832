using System;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>The repository's real catalog loads without diagnostics, so data and loader stay in step.</summary>
public class RealCatalogTests
{
    internal static string RepositoryFile(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "catalog", "README.md")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new InvalidOperationException("The test does not run inside the repository: no catalog/README.md above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Connect_catalog_loads_without_diagnostics()
    {
        var path = RepositoryFile(Path.Combine("catalog", "connect.yaml"));
        var result = CatalogLoader.LoadFile(path);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Empty(result.Diagnostics);

        var catalog = result.Catalog!;
        Assert.Equal("Connect", catalog.Info.Prefix);
        Assert.NotEmpty(catalog.Errors);
        Assert.All(catalog.Errors, error => Assert.Equal(catalog.Platforms.Select(p => p.Id), error.Codes.Select(c => c.Platform)));
        Assert.Equal(result, CatalogLoader.LoadFile(path));
    }
}
