using System;
using System.Linq;
using CsCheck;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>
/// Random edits of a valid catalog: whatever the text, the loader returns (never throws) either a
/// catalog with no error, or no catalog and diagnostics that point inside the text.
/// </summary>
public class FuzzTests
{
    private static readonly string[] Punctuation =
    {
        ":", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&b [*a, *a] ", "!", "!!str ", "|", ">", "#", "'", "\"", "? ", "---\n",
        "...\n", "\t", "\n", "\r", "\r\n", "%YAML 1.2\n", "@", "`", "<<: *a", "~", "\\", "\u2028", "\u0085", "\uFEFF", "\ud800", "\0",
    };

    private static readonly string[] Numbers = { "0", "-1", "1", "4095", "4096", "10035", "111", "99999999999", "1.5", "0x10", "011", "+7", "1e3", "absent", "same", "~", "" };

    // Words the scenario fields use, swapped for one another so that mutations reach their checks.
    private static readonly string[] Words =
    {
        "none", "success", "root", "[none, root]", "[]", "stream", "dgram", "so-error", "ECONNREFUSED", "EAGAIN", "EWOULDBLOCK", "EPERM",
        "refused-loopback", "unix-dgram-bound-path", "linux", "windows", "inet", "unix", "TimedOut", "Success", "~",
    };

    private static readonly string[] Keys =
    {
        "name", "symbol", "value", "summary", "codes", "aliases", "sources", "families", "quirks", "how", "platforms", "id", "kind",
        "min", "max", "group", "dotnet", "schema", "sumary", "Name", "linux", "windows", "posix", "zig", "inet", "unix", "errors",
        "scenarios", "platform", "family", "socket", "setup", "needs", "via", "result", "naive", "note", "connect", "at", "says", "why",
    };

    private static readonly char[] Characters = "aZ09 -_:[]{},#&*!|>'\"?%@`\t\n\r~.\\é".ToCharArray();

    internal static readonly Gen<(int Kind, int A, int B, int Pick)> Mutation =
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, 1000]);

    [Fact]
    public void Random_edits_never_throw_and_always_explain_failure()
    {
        Mutation.Array[1, 6].Sample(
            mutations =>
            {
                var text = mutations.Aggregate(CatalogText.Minimal, Apply);
                Check(text);
            },
            iter: 5_000,
            print: mutations => string.Join("; ", mutations.Select(m => m.ToString())));
    }

    internal static void Check(string text)
    {
        var result = CatalogLoader.Load("fuzz.yaml", text);
        if (result.Catalog is not null)
        {
            Assert.DoesNotContain(result.Diagnostics, d => d.Severity == CatalogSeverity.Error);
            return;
        }

        Assert.NotEmpty(result.Diagnostics);
        var lines = CatalogText.LineAndColumn(text, text.Length).Line;
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.NotNull(CatalogDiagnosticDescriptors.Find(diagnostic.Id));
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            Assert.False(diagnostic.Message.Contains("loader failed unexpectedly", StringComparison.Ordinal), diagnostic.ToString());
            var span = diagnostic.Span;
            Assert.InRange(span.Start, 0, text.Length);
            Assert.InRange(span.Start + span.Length, span.Start, text.Length);
            Assert.InRange(span.Line, 1, lines);
            Assert.Equal(CatalogText.LineAndColumn(text, span.Start), (span.Line, span.Column));
            Assert.Equal(CatalogText.LineAndColumn(text, span.Start + span.Length), (span.EndLine, span.EndColumn));
        }
    }

    internal static string Apply(string text, (int Kind, int A, int B, int Pick) mutation)
    {
        var lines = text.Split('\n').ToList();
        var line = mutation.A % lines.Count;
        var position = text.Length == 0 ? 0 : mutation.A % (text.Length + 1);
        switch (mutation.Kind)
        {
            case 0:
                lines.RemoveAt(line);
                return string.Join("\n", lines);
            case 1:
                lines.Insert(line, lines[line]);
                return string.Join("\n", lines);
            case 2:
                var other = mutation.B % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join("\n", lines);
            case 3:
                if (position >= text.Length)
                {
                    return text;
                }

                return text.Substring(0, position) + Characters[mutation.Pick % Characters.Length] + text.Substring(position + 1);
            case 4:
                return text.Insert(position, Punctuation[mutation.Pick % Punctuation.Length]);
            case 5:
                return text.Substring(0, position);
            case 6:
                return ReplaceNth(text, @"(?<=: )-?\d+", mutation.B, Numbers[mutation.Pick % Numbers.Length]);
            case 7:
                return ReplaceNth(text, @"[a-z]+(?=:)", mutation.B, Keys[mutation.Pick % Keys.Length]);
            case 10:
                return ReplaceNth(text, @"(?<=: )[A-Za-z][A-Za-z-]*(?=\n)", mutation.B, Words[mutation.Pick % Words.Length]);
            case 8:
                lines[line] = "  " + lines[line];
                return string.Join("\n", lines);
            default:
                lines[line] = lines[line].TrimStart(' ');
                return string.Join("\n", lines);
        }
    }

    private static string ReplaceNth(string text, string pattern, int n, string replacement)
    {
        var matches = System.Text.RegularExpressions.Regex.Matches(text, pattern);
        if (matches.Count == 0)
        {
            return text;
        }

        var match = matches[n % matches.Count];
        return text.Substring(0, match.Index) + replacement + text.Substring(match.Index + match.Length);
    }
}
