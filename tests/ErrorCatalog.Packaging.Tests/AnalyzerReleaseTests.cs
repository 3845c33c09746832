using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ErrorCatalog.Catalog.Diagnostics;
using Xunit;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>
/// AnalyzerReleases.*.md lists every diagnostic id a user can meet, the loader's as well as the
/// generator's, with its category and severity, and lists nothing that does not exist.
/// </summary>
public class AnalyzerReleaseTests
{
    private static readonly Regex RuleRow = new(@"^(ECAT\d{3})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|", RegexOptions.Multiline);

    [Fact]
    public void EveryDiagnosticIdIsListedOnceWithItsCategoryAndSeverity()
    {
        var folder = RepositoryPaths.InRepository("generator", "ErrorCatalog.Generator");
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => RuleRow.Matches(File.ReadAllText(Path.Combine(folder, file))))
            .Select(match => (Id: match.Groups[1].Value, Category: match.Groups[2].Value, Severity: match.Groups[3].Value))
            .ToList();

        var known = CatalogDiagnosticDescriptors.WithGenerator.Select(d => d.Id).ToList();
        Assert.NotEmpty(known);
        foreach (var descriptor in CatalogDiagnosticDescriptors.WithGenerator)
        {
            var listed = rows.Where(row => row.Id == descriptor.Id).ToList();
            Assert.True(listed.Count == 1, $"{descriptor.Id} is listed {listed.Count} times in AnalyzerReleases.*.md");
            Assert.Equal("ErrorCatalog", listed[0].Category);
            Assert.Equal(descriptor.Severity == CatalogSeverity.Warning ? "Warning" : "Error", listed[0].Severity);
        }

        var unknown = rows.Select(row => row.Id).Except(known, StringComparer.Ordinal).ToList();
        Assert.True(unknown.Count == 0, "AnalyzerReleases.*.md lists ids no descriptor has: " + string.Join(", ", unknown));
    }
}
