using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ErrorCatalog.Catalog.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

public class DiagnosticTests
{
    public static TheoryData<string> BrokenCatalogs()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Harness.BrokenCatalogDirectory, "*.yaml").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenCatalogs))]
    public void BrokenCatalogGivesDiagnosticsAndNoCode(string name)
    {
        var path = Path.Combine(Harness.BrokenCatalogDirectory, name + ".yaml");
        var run = Harness.Run(CatalogInput.FromFile(path));

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Sources);
        Assert.Contains(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        foreach (var diagnostic in run.Diagnostics)
        {
            Assert.Equal("ErrorCatalog", diagnostic.Descriptor.Category);
            Assert.Equal(CatalogDiagnosticDescriptors.HelpLink(diagnostic.Id), diagnostic.Descriptor.HelpLinkUri);
            Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
            Assert.StartsWith("ECAT", diagnostic.Id, StringComparison.Ordinal);
        }

        // No CS8785 (generator crashed) or any other compiler diagnostic caused by the generator.
        Assert.DoesNotContain(run.CompilationDiagnostics(), d => d.Id == "CS8785");
        Snapshot.Verify(string.Join("\n", run.Diagnostics.Select(Harness.FormatDiagnostic)) + "\n", "broken-" + name);
    }

    [Fact]
    public void UnknownKeyIsReportedAtItsLineAndColumnInTheYaml()
    {
        var path = Path.Combine(Harness.BrokenCatalogDirectory, "unknown-key.yaml");
        var text = File.ReadAllText(path);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var line = Array.FindIndex(lines, l => l.TrimStart().StartsWith("sumary:", StringComparison.Ordinal));
        var column = lines[line].IndexOf("sumary", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Harness.Run(CatalogInput.FromFile(path)).Diagnostics, d => d.Id == "ECAT004");

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(line, span.StartLinePosition.Line);
        Assert.Equal(column, span.StartLinePosition.Character);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("sumary", diagnostic.GetMessage(), StringComparison.Ordinal);
        // The span is the key in the text too, for editors that squiggle by offset.
        Assert.Equal("sumary", text.Substring(diagnostic.Location.SourceSpan.Start, "sumary".Length));
    }

    [Fact]
    public void EveryLoaderDiagnosticIdHasADescriptorWithItsTitleAndHelpLink()
    {
        foreach (var loader in CatalogDiagnosticDescriptors.All)
        {
            var descriptor = GeneratorDiagnostics.Find(loader.Id);
            Assert.Equal(loader.Id, descriptor.Id);
            Assert.Equal(loader.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(CatalogDiagnosticDescriptors.HelpLink(loader.Id), descriptor.HelpLinkUri);
            Assert.Equal("ErrorCatalog", descriptor.Category);
        }
    }

    [Fact]
    public void TheGeneratorsOwnIdsMatchTheSharedTableTheDocsSiteRenders()
    {
        var own = new[]
        {
            GeneratorDiagnostics.InvalidOverride, GeneratorDiagnostics.DuplicateOutput, GeneratorDiagnostics.GeneratorFailure,
            GeneratorDiagnostics.LanguageVersion, GeneratorDiagnostics.ReservedSymbol, GeneratorDiagnostics.GeneratedNameClash,
            GeneratorDiagnostics.UnclearCatalogMetadata,
        };
        Assert.Equal(CatalogDiagnosticDescriptors.Generator.Select(d => d.Id), own.Select(d => d.Id));
        foreach (var descriptor in own)
        {
            var shared = CatalogDiagnosticDescriptors.Find(descriptor.Id)!;
            Assert.Equal(shared.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(CatalogDiagnosticDescriptors.HelpLink(descriptor.Id), descriptor.HelpLinkUri);
            Assert.Same(descriptor, GeneratorDiagnostics.Find(descriptor.Id));
        }
    }

    [Fact]
    public void AFailingEmitterBecomesAnErrorOnTheCatalogInsteadOfACrash()
    {
        var generator = new ErrorCatalogGenerator((_, _) => throw new InvalidOperationException("emitter exploded"));
        var run = Harness.Run(new[] { CatalogInput.FromFile(Harness.BindCatalogPath) }, generator);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ECAT103", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("emitter exploded", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Harness.BindCatalogPath, diagnostic.Location.GetLineSpan().Path);
        Assert.DoesNotContain(run.CompilationDiagnostics(), d => d.Id == "CS8785");
    }

    [Fact]
    public void CancellationFromTheEmitterIsNotTurnedIntoADiagnostic()
    {
        // Cancellation must reach the driver (which then abandons the run), never become ECAT103.
        var generator = new ErrorCatalogGenerator((_, _) => throw new OperationCanceledException());
        var run = Harness.Run(new[] { CatalogInput.FromFile(Harness.BindCatalogPath) }, generator);

        Assert.IsAssignableFrom<OperationCanceledException>(run.Result.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "ECAT103");
    }

    [Fact]
    public void TwoCatalogsWithTheSameNamesAreReportedNotCrashed()
    {
        var text = File.ReadAllText(Harness.BindCatalogPath);
        var run = Harness.Run(new CatalogInput("/project/b/bind.yaml", text), new CatalogInput("/project/a/bind.yaml", text));

        Assert.Null(run.Result.Exception);
        Assert.Single(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ECAT102", diagnostic.Id);
        // The first path in ordinal order keeps the names, whatever the item order.
        Assert.Equal("/project/b/bind.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void ABrokenCatalogDoesNotStopAValidOneFromBeingGenerated()
    {
        var run = Harness.Run(
            CatalogInput.FromFile(Path.Combine(Harness.BrokenCatalogDirectory, "duplicate-code.yaml")),
            CatalogInput.FromFile(Harness.BindCatalogPath));

        Assert.Equal("ErrorCatalog.Tests.Bind.Bind.g.cs", Assert.Single(run.Sources).HintName);
        Assert.Equal("ECAT009", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Theory]
    [InlineData("Not.A.Valid-Namespace", null)]
    [InlineData("Company.class", null)]
    [InlineData(null, "2Fast")]
    [InlineData(null, "Bad Prefix")]
    public void InvalidNamespaceOrPrefixMetadataIsReported(string? ns, string? prefix)
    {
        var run = Harness.Run(new CatalogInput(Harness.BindCatalogPath, File.ReadAllText(Harness.BindCatalogPath), Namespace: ns, Prefix: prefix));

        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ECAT101", diagnostic.Id);
        Assert.Contains(ns ?? prefix!, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ECAT106CatalogsWhosePrefixesMakeClashingTypesAreReportedAtThePrefix()
    {
        // Accept's NativeError struct is AcceptNativeError, which is also AcceptNative's Error enum.
        var text = File.ReadAllText(Harness.BindCatalogPath);
        var run = Harness.Run(new CatalogInput("/project/b.yaml", text, Prefix: "AcceptNative"), new CatalogInput("/project/a.yaml", text, Prefix: "Accept"));

        Assert.Single(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ECAT106", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/b.yaml", span.Path);
        var prefixLine = text.Substring(0, text.IndexOf("  prefix: ", StringComparison.Ordinal)).Count(c => c == '\n');
        Assert.Equal((prefixLine, "  prefix: ".Length), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Empty(run.CompilationDiagnostics());
    }

    [Fact]
    public void ECAT105ReservedSymbolComesFromTheLoaderAtTheSymbol()
    {
        var text = File.ReadAllText(Harness.BindCatalogPath);
        var firstSymbol = text.IndexOf("    symbol: ", text.IndexOf("errors:", StringComparison.Ordinal), StringComparison.Ordinal) + "    symbol: ".Length;
        var end = text.IndexOf('\n', firstSymbol);
        var broken = text.Substring(0, firstSymbol) + "HelpLink" + text.Substring(end);
        var run = Harness.Run(new CatalogInput("/project/bind.yaml", broken));

        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("ECAT105", diagnostic.Id);
        var line = broken.Substring(0, firstSymbol).Count(c => c == '\n');
        Assert.Equal((line, "    symbol: ".Length), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    public void ECAT107ErrorCatalogMetadataThatIsNeitherTrueNorFalseWarns(string value)
    {
        var options = new MarkingOptions(value);
        var text = new Harness.InMemoryAdditionalText("/project/bind.yaml", File.ReadAllText(Harness.BindCatalogPath));
        Assert.True(Parser.IsCatalog(text, options));
        var file = Parser.ReadCatalogFile(text, options, CancellationToken.None);
        var parsed = Parser.Parse(file, CancellationToken.None);

        Assert.Null(parsed.Spec);
        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal("ECAT107", diagnostic.Id);
        Assert.Equal(CatalogSeverity.Warning, diagnostic.Severity);
        Assert.Equal((1, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains(value, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, GeneratorDiagnostics.ToDiagnostic(diagnostic).Severity);

        Assert.False(Parser.IsCatalog(text, new MarkingOptions("FALSE")));
        Assert.True(Parser.IsCatalog(text, new MarkingOptions("True")));
        Assert.Null(Parser.ReadCatalogFile(text, new MarkingOptions(" TRUE "), CancellationToken.None).UnclearMarking);
    }

    [Fact]
    public void ECAT034AHugeBrokenCatalogGivesAHundredErrorsAndOneWarning()
    {
        var text = File.ReadAllText(Harness.BindCatalogPath);
        var broken = text + string.Concat(Enumerable.Range(0, 300).Select(i => "unknown" + i + ": x\n"));
        var run = Harness.Run(new CatalogInput("/project/bind.yaml", broken));

        Assert.Equal(101, run.Diagnostics.Length);
        Assert.Equal(100, run.Diagnostics.Count(d => d.Id == "ECAT004" && d.Severity == DiagnosticSeverity.Error));
        var summary = run.Diagnostics.Single(d => d.Id == "ECAT034");
        Assert.Equal(DiagnosticSeverity.Warning, summary.Severity);
        var line = broken.Substring(0, broken.IndexOf("unknown100:", StringComparison.Ordinal)).Count(c => c == '\n');
        Assert.Equal((line, 0), (summary.Location.GetLineSpan().StartLinePosition.Line, summary.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void OldLanguageVersionIsReportedInsteadOfEmittingCodeThatCannotCompile()
    {
        var options = Harness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp7_3);
        var run = Harness.Run(new[] { CatalogInput.FromFile(Harness.BindCatalogPath) }, null, options, "class C { }");

        Assert.Empty(run.Sources);
        Assert.Equal("ECAT104", Assert.Single(run.Diagnostics).Id);
    }

    [Fact]
    public void UnreadableFileIsReportedNotCrashed()
    {
        var parsed = Parser.Parse(new CatalogFile("/missing/bind.yaml", null, null, null), CancellationToken.None);

        Assert.Null(parsed.Spec);
        var diagnostic = Assert.Single(parsed.Diagnostics);
        Assert.Equal("ECAT001", diagnostic.Id);
        Assert.Equal("/missing/bind.yaml", diagnostic.Path);
    }

    public static IEnumerable<object[]> HostileTexts()
    {
        yield return new object[] { string.Empty };
        yield return new object[] { "\0\0\0" };
        yield return new object[] { "[" + new string('[', 5000) };
        yield return new object[] { "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e]\n" };
        yield return new object[] { "schema: 2\n" };
        yield return new object[] { "- just\n- a\n- list\n" };
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void HostileTextNeverCrashesTheGenerator(string text)
    {
        var run = Harness.Run(new CatalogInput("/project/hostile.yaml", text));

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Sources);
        Assert.Contains(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("ECAT", StringComparison.Ordinal));
    }

    /// <summary>Options with one ErrorCatalog metadata value for every file.</summary>
    private sealed class MarkingOptions(string marking) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        private readonly Values values = new(marking);

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => values;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => values;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => values;

        private sealed class Values(string marking) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = key == Parser.CatalogMetadata ? marking : null;
                return value is not null;
            }
        }
    }
}
