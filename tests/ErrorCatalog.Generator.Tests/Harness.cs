using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Generator.Tests;

/// <summary>A catalog handed to the generator as an AdditionalFiles item, with its item metadata.</summary>
internal sealed record CatalogInput(string Path, string Text, bool Marked = true, string? Namespace = null, string? Prefix = null)
{
    public static CatalogInput FromFile(string path) => new(path, File.ReadAllText(path));
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorRunResult Result)
{
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.GeneratedSources;

    /// <summary>Every diagnostic of the compilation that includes the generated code, warnings included.</summary>
    public IReadOnlyList<Diagnostic> CompilationDiagnostics() =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden).ToList();
}

/// <summary>Runs the generator in memory, as the compiler would, and compiles what it produced.</summary>
internal static class Harness
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>Parse options of a documentation build, so missing or malformed XML docs are warnings.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static string RepositoryRoot => Root.Value;

    public static string ConnectCatalogPath => Path.Combine(RepositoryRoot, "catalog", "connect.yaml");

    public static string TestProjectDirectory => Path.Combine(RepositoryRoot, "tests", "ErrorCatalog.Generator.Tests");

    public static string BindCatalogPath => Path.Combine(TestProjectDirectory, "Catalogs", "bind.yaml");

    /// <summary>The project's catalog for <c>connect</c>, otherwise a test catalog under Catalogs/.</summary>
    public static string CatalogPath(string name) => name == "connect" ? ConnectCatalogPath : Path.Combine(TestProjectDirectory, "Catalogs", name + ".yaml");

    public static string BrokenCatalogDirectory => Path.Combine(TestProjectDirectory, "Catalogs", "Broken");

    public static string SnapshotDirectory => Path.Combine(TestProjectDirectory, "Snapshots");

    public static string GeneratorSourceDirectory => Path.Combine(RepositoryRoot, "generator", "ErrorCatalog.Generator");

    public static IReadOnlyList<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            "GeneratedCodeUnderTest",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions, path: $"Input{index}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    /// <summary>A driver for <paramref name="catalogs"/>; pass <paramref name="texts"/> to keep the AdditionalText objects (to replace them later).</summary>
    public static GeneratorDriver CreateDriver(
        IEnumerable<CatalogInput> catalogs,
        IIncrementalGenerator? generator = null,
        CSharpParseOptions? parseOptions = null,
        IEnumerable<AdditionalText>? texts = null)
    {
        catalogs = catalogs.ToList();
        var additionalTexts = (texts ?? catalogs.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.Text))).ToImmutableArray();
        return CSharpGeneratorDriver.Create(
            new[] { (generator ?? new ErrorCatalogGenerator()).AsSourceGenerator() },
            additionalTexts,
            parseOptions ?? ParseOptions,
            new TestOptionsProvider(catalogs),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRun Run(
        IEnumerable<CatalogInput> catalogs,
        IIncrementalGenerator? generator = null,
        CSharpParseOptions? parseOptions = null,
        params string[] sources)
    {
        var catalogList = catalogs.ToList();
        var compilation = CreateCompilation(sources.Length == 0 ? new[] { "internal static class Placeholder { }" } : sources, parseOptions);
        var driver = CreateDriver(catalogList, generator, parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, compilation, output, driver.GetRunResult().Results.Single());
    }

    public static GeneratorRun Run(params CatalogInput[] catalogs) => Run(catalogs, null, null);

    /// <summary>Spec and emit steps for one loaded catalog, without the driver (for tests that build a catalog in code).</summary>
    public static string EmitWithoutDriver(CatalogSpec spec) =>
        Emit.Emitter.Emit(Spec.SpecBuilder.Build(spec, CancellationToken.None), CancellationToken.None);

    /// <summary>Emits the compilation and loads it into a collectible context, so generated code can be executed.</summary>
    public static Assembly EmitAndLoad(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", emitted.Diagnostics));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("GeneratedCode" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static string FormatDiagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var file = Path.GetFileName(span.Path);
        return $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1}): "
            + $"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "catalog", "connect.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " contains catalog/connect.yaml; run the tests from inside the repository.");
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        // The test host runs on the same framework the generated code targets; its assemblies are
        // the reference set, as in a net10.0 project.
        var trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText sourceText = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => sourceText;
    }

    /// <summary>Serves build_metadata.AdditionalFiles.* per file, as the compiler would from the .props.</summary>
    private sealed class TestOptionsProvider(IEnumerable<CatalogInput> catalogs) : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, DictionaryOptions> byPath = catalogs.ToDictionary(
            c => c.Path,
            c =>
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                if (c.Marked)
                {
                    values["build_metadata.AdditionalFiles.ErrorCatalog"] = "true";
                }

                if (c.Namespace is not null)
                {
                    values["build_metadata.AdditionalFiles.ErrorCatalogNamespace"] = c.Namespace;
                }

                if (c.Prefix is not null)
                {
                    values["build_metadata.AdditionalFiles.ErrorCatalogPrefix"] = c.Prefix;
                }

                return new DictionaryOptions(values);
            });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            byPath.TryGetValue(textFile.Path, out var options) ? options : GlobalOptions;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
