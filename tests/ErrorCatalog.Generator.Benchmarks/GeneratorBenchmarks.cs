using System;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Generator.Benchmarks;

/// <summary>
/// The generator's running time through the real pipeline (CSharpGeneratorDriver): a full run on
/// catalog/connect.yaml and on synthetic catalogs, and an incremental re-run after an unrelated
/// C# edit, which should cost next to nothing because every step is cached.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation compilation = null!;
    private CSharpCompilation editedCompilation = null!;
    private AdditionalText catalog = null!;
    private GeneratorDriver warmDriver = null!;
    private bool edited;

    // EmitterBenchmarks measures the emitter alone on the same sizes, built in code without YAML.
    [Params("connect.yaml", "synthetic-100", "synthetic-1000", "synthetic-10000")]
    public string Catalog { get; set; } = "connect.yaml";

    [GlobalSetup]
    public void Setup()
    {
        var text = Catalog == "connect.yaml"
            ? File.ReadAllText(FindConnectCatalog())
            : SyntheticCatalog.Yaml(int.Parse(Catalog.Substring("synthetic-".Length), System.Globalization.CultureInfo.InvariantCulture));
        catalog = new CatalogText("/bench/" + Catalog + (Catalog.EndsWith(".yaml", StringComparison.Ordinal) ? string.Empty : ".yaml"), text);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        compilation = CSharpCompilation.Create(
            "Bench",
            new[] { CSharpSyntaxTree.ParseText("internal static class Existing { }", parseOptions) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        editedCompilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("internal static class Unrelated { }", parseOptions));

        // Fail loudly rather than time a run that produced nothing.
        var result = CreateDriver().RunGenerators(compilation).GetRunResult();
        if (result.GeneratedTrees.Length != 1)
        {
            throw new InvalidOperationException($"{Catalog}: expected one generated file, got {result.GeneratedTrees.Length}; diagnostics: {string.Join("; ", result.Diagnostics)}");
        }

        warmDriver = CreateDriver().RunGenerators(compilation);
    }

    [Benchmark(Description = "full run")]
    public int FullRun() => CreateDriver().RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark(Description = "incremental re-run after an unrelated edit")]
    public int IncrementalRun()
    {
        // Alternate between two compilations so that every invocation sees a changed syntax tree.
        edited = !edited;
        warmDriver = warmDriver.RunGenerators(edited ? editedCompilation : compilation);
        return warmDriver.GetRunResult().GeneratedTrees.Length;
    }

    private GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        new[] { new ErrorCatalogGenerator().AsSourceGenerator() },
        new[] { catalog },
        new CSharpParseOptions(LanguageVersion.Latest),
        new MarkedCatalogOptions());

    internal static string FindConnectCatalog()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "catalog", "connect.yaml");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("catalog/connect.yaml not found above " + AppContext.BaseDirectory);
    }

    private sealed class CatalogText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }

    /// <summary>Marks every additional file as a catalog, as ErrorCatalog="true" item metadata would.</summary>
    internal sealed class MarkedCatalogOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Marked = new Options(true);
        private static readonly AnalyzerConfigOptions None = new Options(false);

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Marked;

        private sealed class Options(bool marked) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = marked && key == "build_metadata.AdditionalFiles.ErrorCatalog" ? "true" : null;
                return value is not null;
            }
        }
    }
}
