using System;
using System.IO;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

/// <summary>Catalog prose that would break XML docs, comments or string literals if copied naively.</summary>
public class ProseEscapingTests
{
    // YAML double-quoted escapes: \" quote, \\ backslash, \t tab, \n newline, \L line separator (U+2028), \P paragraph separator (U+2029).
    private const string TrickySummaryYaml = "\"Quotes \\\"here\\\", a back\\\\slash, </summary> & <b>bold</b>, tab\\tand\\nnewline, line\\Lseparator, paragraph\\Pseparator, {0} and */ too.\"";

    [Fact]
    public void HostileProseCompilesCleanlyAndSurvivesExactly()
    {
        var minimal = File.ReadAllText(Harness.CatalogPath("minimal"));
        var text = minimal
            .Replace("summary: The descriptor is not open.", "summary: " + TrickySummaryYaml, StringComparison.Ordinal)
            .Replace("title: Errors of an imaginary probe() call", "title: \"Title with <tags> & a\\nline break\"", StringComparison.Ordinal);
        Assert.NotEqual(minimal, text);
        var path = "/project/tricky.yaml";
        var loaded = CatalogLoader.Load(path, text);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var expected = loaded.Catalog!.Errors.Single(e => e.Name == "EBADF").Summary;
        Assert.Contains("\u2028", expected, StringComparison.Ordinal);
        Assert.Contains("</summary>", expected, StringComparison.Ordinal);

        var run = Harness.Run(new CatalogInput(path, text));

        Assert.Empty(run.Diagnostics);
        var diagnostics = run.CompilationDiagnostics();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
        var generated = Assert.Single(run.Sources).SourceText.ToString();
        Assert.DoesNotContain("\u2028", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2029", generated, StringComparison.Ordinal);
        Assert.Contains("&lt;/summary&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", generated, StringComparison.Ordinal);

        var errors = Harness.EmitAndLoad(run.OutputCompilation).GetType("ErrorCatalog.Tests.Probe.ProbeErrors", throwOnError: true)!;
        var errorType = errors.Assembly.GetType("ErrorCatalog.Tests.Probe.ProbeError", throwOnError: true)!;
        var summary = errors.GetMethod("GetSummary", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, new[] { Enum.ToObject(errorType, 1) });
        Assert.Equal(expected, summary);
    }
}
