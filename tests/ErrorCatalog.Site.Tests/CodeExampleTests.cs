using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Threading;
using AngleSharp.Html.Parser;
using ErrorCatalog.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site.Tests;

/// <summary>
/// Every error page's C# example compiles against what the generator really writes for its
/// catalog (run here in memory, as the compiler runs it for a project), and the program does
/// what it says. A generated type or member renamed without the site following breaks this test.
/// </summary>
public sealed class CodeExampleTests
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private static readonly object ConsoleLock = new();

    /// <summary>Every catalog the site is tested with, as a path relative to the repository.</summary>
    public static TheoryData<string> Catalogs => new(RepositoryFiles.SiteCatalogPaths.Select(p => Path.GetRelativePath(RepositoryFiles.RootDirectory, p)));

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void EveryExampleCompilesAgainstTheGeneratedTypes(string catalogFile)
    {
        var (catalog, path) = Catalog(catalogFile);
        var generated = GenerateCatalogTypes(path);
        var problems = new List<string>();
        foreach (var error in catalog.Errors)
        {
            var tree = CSharpSyntaxTree.ParseText(CodeExamples.For(catalog, error), ParseOptions, path: error.Name + ".cs");
            var compilation = generated.AddSyntaxTrees(tree);
            problems.AddRange(compilation.GetSemanticModel(tree).GetDiagnostics()
                .Where(d => d.Severity >= DiagnosticSeverity.Warning)
                .Select(d => d.ToString()));
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void TheExampleOfTheFirstErrorWithACodePrintsItsActionAndCatchesItsException(string catalogFile)
    {
        var (catalog, path) = Catalog(catalogFile);
        var error = catalog.Errors.First(e => catalog.Platforms.Any(p => e.CodeOn(p.Id) is not null));
        var platform = catalog.Platforms.First(p => error.CodeOn(p.Id) is not null);
        var tree = CSharpSyntaxTree.ParseText(CodeExamples.For(catalog, error), ParseOptions, path: error.Name + ".cs");
        var printed = Run(GenerateCatalogTypes(path).AddSyntaxTrees(tree));

        var lines = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(Squeeze(error.Action), Squeeze(lines[0]));
        Assert.StartsWith($"{error.CodeOn(platform.Id)!.Value.ToString(CultureInfo.InvariantCulture)} on {platform.Symbol}: ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorPageShowsTheExampleTheTestsCompile()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);
        foreach (var error in catalog.Errors)
        {
            var page = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(files[$"errors/{error.Name}.html"]));
            Assert.Equal(CodeExamples.For(catalog, error), page.QuerySelector("#names pre.example code")!.TextContent);
        }
    }

    [Fact]
    public void ARenamedGeneratedTypeBreaksTheExample()
    {
        // The same example against a catalog whose generated names changed (another prefix) must not compile.
        var (catalog, path) = (RepositoryFiles.BindCatalog, RepositoryFiles.BindCatalogPath);
        var renamed = catalog with { Info = catalog.Info with { Prefix = "Renamed" } };
        var tree = CSharpSyntaxTree.ParseText(CodeExamples.For(renamed, renamed.Errors[0]), ParseOptions, path: "renamed.cs");
        var diagnostics = GenerateCatalogTypes(path).AddSyntaxTrees(tree).GetSemanticModel(tree).GetDiagnostics();
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id == "CS0246");
    }

    private static (CatalogModel Catalog, string Path) Catalog(string relativePath)
    {
        var path = Path.Combine(RepositoryFiles.RootDirectory, relativePath);
        return (RepositoryFiles.Catalog(path), path);
    }

    /// <summary>An executable compilation holding only what the generator writes for the catalog at <paramref name="path"/>.</summary>
    private static CSharpCompilation GenerateCatalogTypes(string path)
    {
        var compilation = CSharpCompilation.Create(
            "SiteExample",
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        var catalog = new CatalogText(path, File.ReadAllText(path));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new ErrorCatalogGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(catalog),
            ParseOptions,
            new MarkedAsCatalog(catalog));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotEmpty(output.SyntaxTrees);
        return (CSharpCompilation)output;
    }

    /// <summary>Emits the program, runs its entry point in a collectible context and returns what it printed ('\n' line ends).</summary>
    private static string Run(CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("SiteExample", isCollectible: true);
        try
        {
            var entryPoint = context.LoadFromStream(image).EntryPoint!;
            using var printed = new StringWriter(CultureInfo.InvariantCulture);
            lock (ConsoleLock)
            {
                var previous = Console.Out;
                Console.SetOut(printed);
                try
                {
                    entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() });
                }
                finally
                {
                    Console.SetOut(previous);
                }
            }

            return printed.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Squeeze(string text) => string.Join(" ", text.Replace("`", string.Empty, StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The framework's reference assemblies as the test host has them: what a net10.0 project compiles against.</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList());

    private sealed class CatalogText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }

    /// <summary>The item metadata ErrorCatalog="true" that marks the file as a catalog, as the generator's .props passes it.</summary>
    private sealed class MarkedAsCatalog(AdditionalText catalog) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Marked = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.ErrorCatalog"] = "true" });
        private static readonly Options None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile == catalog ? Marked : None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value);
        }
    }
}
