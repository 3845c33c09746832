using System.Linq;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Validation;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorCatalog.Generator;

/// <summary>
/// Turns the generator's inputs into small value-equatable records: which additional files are
/// catalogs, what the loader makes of them, and which of them can be generated together.
/// </summary>
internal static class Parser
{
    /// <summary>Item metadata that marks an AdditionalFiles item as a catalog (<c>ErrorCatalog="true"</c>).</summary>
    public const string CatalogMetadata = "build_metadata.AdditionalFiles.ErrorCatalog";

    /// <summary>Item metadata that overrides the catalog's <c>namespace</c>.</summary>
    public const string NamespaceMetadata = "build_metadata.AdditionalFiles.ErrorCatalogNamespace";

    /// <summary>Item metadata that overrides the catalog's <c>prefix</c>.</summary>
    public const string PrefixMetadata = "build_metadata.AdditionalFiles.ErrorCatalogPrefix";

    /// <summary>
    /// True when the item's <c>ErrorCatalog</c> metadata is set to anything but <c>false</c> (any
    /// case): <c>true</c> makes it a catalog, and any other value is kept so that
    /// <see cref="Parse"/> can warn about it (ECAT107) instead of ignoring the item silently.
    /// </summary>
    public static bool IsCatalog(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        ReadMetadata(options.GetOptions(file), CatalogMetadata) is { } value && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    public static CatalogFile ReadCatalogFile(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        var marking = ReadMetadata(fileOptions, CatalogMetadata);
        var unclear = string.Equals(marking, "true", StringComparison.OrdinalIgnoreCase) ? null : marking;
        var text = unclear is null ? file.GetText(cancellationToken)?.ToString() : null;
        return new CatalogFile(
            file.Path,
            text,
            ReadMetadata(fileOptions, NamespaceMetadata),
            ReadMetadata(fileOptions, PrefixMetadata),
            unclear);
    }

    public static ParseResult Parse(CatalogFile file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (file.UnclearMarking is { } marking)
        {
            return Failed(new CatalogDiagnostic(
                CatalogDiagnosticDescriptors.UnclearCatalogMetadata.Id,
                CatalogDiagnosticDescriptors.UnclearCatalogMetadata.Severity,
                $"The AdditionalFiles item has ErrorCatalog=\"{marking}\", which is neither true nor false, so it is not read as a catalog. Write ErrorCatalog=\"true\" to generate code from it, or remove the metadata.",
                file.Path,
                SourceSpan.Empty));
        }

        if (file.Text is null)
        {
            return Failed(Error(CatalogDiagnosticDescriptors.YamlSyntax.Id, "The catalog file could not be read.", file.Path));
        }

        CatalogLoadResult loaded;
        try
        {
            loaded = CatalogLoader.Load(file.Path, file.Text, new NameOverrides(file.NamespaceOverride, file.PrefixOverride));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The loader promises never to throw; if it does anyway, the build gets an error rather than a crash.
            return Failed(Error(GeneratorDiagnostics.GeneratorFailureId, "Loading the catalog failed: " + exception.GetType().Name + ": " + exception.Message, file.Path));
        }

        if (loaded.Catalog is not { } catalog)
        {
            return new ParseResult(null, loaded.Diagnostics);
        }

        var spec = new CatalogSpec(
            file.Path,
            FileNameOf(file.Path),
            file.NamespaceOverride ?? catalog.Info.Namespace,
            file.PrefixOverride ?? catalog.Info.Prefix,
            catalog,
            loaded.Spans);
        return new ParseResult(spec, loaded.Diagnostics);
    }

    /// <summary>
    /// Checks the valid catalogs of the compilation against each other (the catalog library's
    /// <see cref="CatalogValidator.CheckTogether"/>, which <c>errcat validate</c> runs too) and
    /// keeps those whose generated names clash with no earlier one.
    /// </summary>
    public static CatalogSet Deduplicate(IEnumerable<CatalogSpec> specs, CancellationToken cancellationToken)
    {
        var ordered = new List<CatalogSpec>(specs);
        ordered.Sort(static (left, right) => string.CompareOrdinal(left.Path, right.Path));
        var check = CatalogValidator.CheckTogether(
            ordered.Select(static spec => new GeneratedCatalog(spec.Path, spec.Namespace, spec.Prefix, spec.Catalog, spec.Spans ?? CatalogSpans.None(spec.Path))),
            cancellationToken);
        var rejected = new HashSet<string>(check.Rejected, StringComparer.Ordinal);
        return new CatalogSet(ordered.Where(spec => !rejected.Contains(spec.Path)).ToEquatableArray(), check.Diagnostics);
    }

    public static bool IsLanguageVersionSupported(ParseOptions options) =>
        options is not CSharpParseOptions csharp || csharp.LanguageVersion >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9;

    private static string? ReadMetadata(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string FileNameOf(string path)
    {
        var slash = path.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static ParseResult Failed(CatalogDiagnostic diagnostic) => new(null, EquatableArray.Create(diagnostic));

    private static CatalogDiagnostic Error(string id, string message, string path) =>
        new(id, CatalogSeverity.Error, message, path, SourceSpan.Empty);
}
