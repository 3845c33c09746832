using System;
using System.Collections.Generic;
using System.Threading;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;
using Microsoft.CodeAnalysis;
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

    /// <summary>True when the item's <c>ErrorCatalog</c> metadata is <c>true</c> (any case).</summary>
    public static bool IsCatalog(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue(CatalogMetadata, out var value)
        && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static CatalogFile ReadCatalogFile(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(file);
        var text = file.GetText(cancellationToken)?.ToString();
        return new CatalogFile(
            file.Path,
            text,
            ReadMetadata(fileOptions, NamespaceMetadata),
            ReadMetadata(fileOptions, PrefixMetadata));
    }

    public static ParseResult Parse(CatalogFile file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (file.Text is null)
        {
            return Failed(Error(CatalogDiagnosticDescriptors.YamlSyntax.Id, "The catalog file could not be read.", file.Path));
        }

        CatalogLoadResult loaded;
        try
        {
            loaded = CatalogLoader.Load(file.Path, file.Text);
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

        var diagnostics = new List<CatalogDiagnostic>(loaded.Diagnostics);
        var ns = file.NamespaceOverride ?? catalog.Info.Namespace;
        var prefix = file.PrefixOverride ?? catalog.Info.Prefix;
        var valid = true;
        if (!IsValidNamespace(ns))
        {
            diagnostics.Add(Error(GeneratorDiagnostics.InvalidOverrideId, $"Namespace '{ns}' is not a valid C# namespace (dotted identifiers, no keywords).", file.Path));
            valid = false;
        }

        if (!IsValidIdentifier(prefix))
        {
            diagnostics.Add(Error(GeneratorDiagnostics.InvalidOverrideId, $"Prefix '{prefix}' is not a valid C# identifier.", file.Path));
            valid = false;
        }

        valid &= CheckNestedTypeNames(catalog, prefix, file, diagnostics);
        var spec = valid ? new CatalogSpec(file.Path, FileNameOf(file.Path), ns, prefix, catalog) : (CatalogSpec?)null;
        return new ParseResult(spec, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Keeps, for each namespace and prefix, the catalog with the first path (ordinal order, so
    /// the choice does not depend on item order) and reports the others.
    /// </summary>
    public static CatalogSet Deduplicate(IEnumerable<CatalogSpec> specs, CancellationToken cancellationToken)
    {
        var ordered = new List<CatalogSpec>(specs);
        ordered.Sort(static (left, right) => string.CompareOrdinal(left.Path, right.Path));
        // Case-insensitive because generated file names must be unique regardless of case.
        var owners = new Dictionary<string, CatalogSpec>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<CatalogSpec>();
        var diagnostics = new List<CatalogDiagnostic>();
        foreach (var spec in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = spec.Namespace + "." + spec.Prefix;
            if (owners.TryGetValue(key, out var owner))
            {
                diagnostics.Add(Error(
                    GeneratorDiagnostics.DuplicateOutputId,
                    $"This catalog would generate {key}Error and the other {spec.Prefix}* types in namespace {spec.Namespace}, which '{owner.FileName}' already generates. Set ErrorCatalogPrefix or ErrorCatalogNamespace metadata on one of the two AdditionalFiles items.",
                    spec.Path));
                continue;
            }

            owners.Add(key, spec);
            kept.Add(spec);
        }

        return new CatalogSet(kept.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    public static bool IsLanguageVersionSupported(ParseOptions options) =>
        options is not CSharpParseOptions csharp || csharp.LanguageVersion >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9;

    private static bool CheckNestedTypeNames(Catalog.Model.Catalog catalog, string prefix, CatalogFile file, List<CatalogDiagnostic> diagnostics)
    {
        var valid = true;
        var exceptionName = GeneratedNames.ExceptionClass(prefix);
        var groupSymbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in catalog.Groups)
        {
            valid &= CheckNestedTypeName(group.Symbol, $"Group '{group.Id}'", exceptionName, file, diagnostics);
            groupSymbols.Add(group.Symbol);
        }

        foreach (var error in catalog.Errors)
        {
            valid &= CheckNestedTypeName(error.Symbol, $"Entry {error.Name}", exceptionName, file, diagnostics);
            if (groupSymbols.Contains(error.Symbol))
            {
                diagnostics.Add(new CatalogDiagnostic(
                    GeneratorDiagnostics.ReservedSymbolId,
                    CatalogSeverity.Error,
                    $"Entry {error.Name} has symbol '{error.Symbol}', which a group also uses; both become types nested in {exceptionName}. Rename one.",
                    file.Path,
                    LocateSymbol(file.Text!, error.Symbol)));
                valid = false;
            }
        }

        return valid;
    }

    private static bool CheckNestedTypeName(string symbol, string owner, string exceptionName, CatalogFile file, List<CatalogDiagnostic> diagnostics)
    {
        if (!GeneratedNames.IsExceptionMember(symbol) && !string.Equals(symbol, exceptionName, StringComparison.Ordinal))
        {
            return true;
        }

        diagnostics.Add(new CatalogDiagnostic(
            GeneratorDiagnostics.ReservedSymbolId,
            CatalogSeverity.Error,
            $"{owner} has symbol '{symbol}', which would become a type nested in {exceptionName}, where that name is already used. Choose another symbol.",
            file.Path,
            LocateSymbol(file.Text!, symbol)));
        return false;
    }

    /// <summary>
    /// The model carries no positions, so the generator's own checks find the value in the text:
    /// the first <c>symbol: X</c> line (quoted or not). Falls back to the start of the file.
    /// </summary>
    internal static SourceSpan LocateSymbol(string text, string symbol)
    {
        var line = 1;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var content = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
            var trimmed = content.TrimStart(' ', '-');
            if (trimmed.StartsWith("symbol:", StringComparison.Ordinal))
            {
                var value = trimmed.Substring("symbol:".Length).Trim().Trim('"', '\'');
                if (string.Equals(value, symbol, StringComparison.Ordinal))
                {
                    var column = content.IndexOf(symbol, content.IndexOf("symbol:", StringComparison.Ordinal), StringComparison.Ordinal);
                    return new SourceSpan(lineStart + column, symbol.Length, line, column + 1, line, column + 1 + symbol.Length);
                }
            }

            lineStart = lineEnd + 1;
            line++;
        }

        return SourceSpan.Empty;
    }

    private static string? ReadMetadata(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name)
        && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.GlobalKeyword;

    private static bool IsValidNamespace(string ns)
    {
        if (ns.Length == 0)
        {
            return false;
        }

        foreach (var part in ns.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static string FileNameOf(string path)
    {
        var slash = path.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static ParseResult Failed(CatalogDiagnostic diagnostic) => new(null, EquatableArray.Create(diagnostic));

    private static CatalogDiagnostic Error(string id, string message, string path) =>
        new(id, CatalogSeverity.Error, message, path, SourceSpan.Empty);
}
