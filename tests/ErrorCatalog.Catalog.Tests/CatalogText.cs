using System;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>Helpers shared by the loader tests: fixtures, edits, and positions of markers in a text.</summary>
internal static class CatalogText
{
    public static string Minimal { get; } = Fixture("minimal.yaml");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestCatalogs", name));

    /// <summary>Replaces the one occurrence of <paramref name="find"/> (failing if there is not exactly one).</summary>
    public static string Edit(this string text, string find, string replace)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, "the fixture no longer contains: " + find);
        Assert.True(text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, "the fixture contains more than once: " + find);
        return text.Substring(0, first) + replace + text.Substring(first + find.Length);
    }

    /// <summary>1-based line and column of the <paramref name="occurrence"/>-th <paramref name="marker"/>, plus <paramref name="shift"/> characters.</summary>
    public static (int Line, int Column) PositionOf(string text, string marker, int shift = 0, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, "marker not found: " + marker);
        }

        return LineAndColumn(text, index + shift);
    }

    /// <summary>Line and column of an offset, counting line breaks as Roslyn does (CR LF, CR, LF, NEL, LS, PS).</summary>
    public static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    /// <summary>Loads <paramref name="text"/> and asserts it failed with <paramref name="id"/> at the given position.</summary>
    public static CatalogDiagnostic AssertFails(string text, string id, (int Line, int Column) at)
    {
        var result = CatalogLoader.Load("test.yaml", text);
        Assert.Null(result.Catalog);
        Assert.False(result.Succeeded);
        var matches = result.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count > 0, "expected " + id + " but got:\n" + string.Join("\n", result.Diagnostics));
        var match = matches.FirstOrDefault(d => d.Span.Line == at.Line && d.Span.Column == at.Column);
        Assert.True(
            match.Id is not null,
            $"expected {id} at {at.Line},{at.Column} but got:\n" + string.Join("\n", result.Diagnostics));
        Assert.Equal("test.yaml", match.Path);
        Assert.Equal(CatalogSeverity.Error, match.Severity);
        Assert.Equal(at, LineAndColumn(text, match.Span.Start));
        return match;
    }
}
