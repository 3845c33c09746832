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
using Xunit;

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

    /// <summary>Every tracking name the generator declares.</summary>
    public static readonly IReadOnlyCollection<string> GeneratorStepNames = typeof(ErrorCatalogGenerator.TrackingNames)
        .GetFields()
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

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
        var first = driver.GetRunResult().Results.Single();
        AssertNoRoslynObjectsInSteps(first);
        AssertSecondRunIsCached(first, driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single());
        return new GeneratorRun(driver, compilation, output, first);
    }

    /// <summary>
    /// Every test that runs the generator also runs it a second time on an equal compilation and
    /// requires every tracked step and every output to come from the cache: a model that is not
    /// value-equatable (a plain array, a class without Equals) shows up here as Modified.
    /// </summary>
    public static void AssertSecondRunIsCached(GeneratorRunResult first, GeneratorRunResult second)
    {
        Assert.Equal(first.TrackedSteps.Keys.OrderBy(k => k, StringComparer.Ordinal), second.TrackedSteps.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, runs) in second.TrackedSteps.Concat(second.TrackedOutputSteps))
        {
            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"On the second run with an equal compilation, step {name} output was {output.Reason}.");
            }
        }

        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    /// <summary>
    /// The values the generator's own steps produce must not hold a Compilation, symbol, syntax node
    /// or syntax tree: those change with every edit and keep the whole compilation alive.
    /// </summary>
    public static void AssertNoRoslynObjectsInSteps(GeneratorRunResult result)
    {
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var (name, runs) in result.TrackedSteps)
        {
            if (!GeneratorStepNames.Contains(name) || name is ErrorCatalogGenerator.TrackingNames.AdditionalFilesWithOptions or ErrorCatalogGenerator.TrackingNames.MarkedFiles)
            {
                // The driver's own steps (source output with its diagnostics), and the driver's inputs
                // (the AdditionalText and the options provider) paired by the first two steps.
                continue;
            }

            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, visited);
            }
        }
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || (!value.GetType().IsValueType && !visited.Add(value)))
        {
            return;
        }

        Assert.False(
            value is Compilation or ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Location,
            $"Step {step} holds a {value.GetType().FullName}.");
        if (value.GetType().GetProperty("IsDefault") is { PropertyType: var flag } isDefault && flag == typeof(bool) && (bool)isDefault.GetValue(value)!)
        {
            // A default ImmutableArray holds nothing and cannot be enumerated.
            return;
        }

        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, visited);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, visited);
        }
    }

    public static GeneratorRun Run(params CatalogInput[] catalogs) => Run(catalogs, null, null);

    /// <summary>Spec and emit steps for one loaded catalog, without the driver (for tests that build a catalog in code).</summary>
    public static string EmitWithoutDriver(CatalogSpec spec) =>
        Emit.Emitter.Emit(Spec.SpecBuilder.Build(spec, CancellationToken.None), CancellationToken.None).ToString();

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
