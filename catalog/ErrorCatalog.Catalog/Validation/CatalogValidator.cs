using System.Threading;
using ErrorCatalog.Catalog.Loading;

namespace ErrorCatalog.Catalog.Validation;

/// <summary>
/// The checks that need the names the generator will write (<see cref="GeneratedNames"/>), after
/// any build override: one catalog's names against the generated types (run by the loader, so the
/// generator and <c>errcat validate</c> report the same), and the catalogs of one compilation
/// against each other (<see cref="CheckTogether"/>).
/// </summary>
public static class CatalogValidator
{
    /// <summary>
    /// Checks the catalogs that one compilation (or one <c>errcat validate</c> run) generates
    /// together: two catalogs may not write the same file (same namespace and prefix, ignoring
    /// case), the same type, or a type where another catalog's namespace is. The catalog with the
    /// first path (ordinal order, so item order does not matter) keeps its names; each later one
    /// that clashes is rejected with one diagnostic at its prefix.
    /// </summary>
    public static CatalogSetCheck CheckTogether(IEnumerable<GeneratedCatalog> catalogs, CancellationToken cancellationToken = default)
    {
        var ordered = new List<GeneratedCatalog>(catalogs);
        ordered.Sort(static (left, right) => string.CompareOrdinal(left.Path, right.Path));
        var files = new Dictionary<string, GeneratedCatalog>(StringComparer.OrdinalIgnoreCase);
        var types = new Dictionary<string, GeneratedCatalog>(StringComparer.Ordinal);
        var namespaces = new Dictionary<string, GeneratedCatalog>(StringComparer.Ordinal);
        var rejected = new List<string>();
        var diagnostics = new List<CatalogDiagnostic>();
        foreach (var catalog in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var problem = Clash(catalog, files, types, namespaces);
            if (problem is not null)
            {
                rejected.Add(catalog.Path);
                diagnostics.Add(new CatalogDiagnostic(problem.Value.Id, CatalogSeverity.Error, problem.Value.Message, catalog.Path, catalog.Spans.Of(CatalogSpans.Catalog, string.Empty, "prefix")));
                continue;
            }

            files.Add(catalog.Namespace + "." + catalog.Prefix, catalog);
            foreach (var type in GeneratedNames.TopLevelTypes(catalog.Prefix, catalog.Catalog))
            {
                types[catalog.Namespace + "." + type] = catalog;
            }

            foreach (var ns in NamespaceAndParents(catalog.Namespace))
            {
                if (!namespaces.ContainsKey(ns))
                {
                    namespaces.Add(ns, catalog);
                }
            }
        }

        return new CatalogSetCheck(rejected.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// <see cref="CheckTogether"/> over loaded files, as <c>errcat validate FILE...</c> checks
    /// them (each with its own namespace and prefix): a rejected file's result loses its model
    /// and gains the diagnostic; the others are returned unchanged, in the order given.
    /// </summary>
    public static IReadOnlyList<CatalogLoadResult> CheckLoadedTogether(IReadOnlyList<CatalogLoadResult> results, CancellationToken cancellationToken = default)
    {
        var loaded = new List<GeneratedCatalog>();
        foreach (var result in results)
        {
            if (result.Catalog is { } catalog)
            {
                loaded.Add(new GeneratedCatalog(result.Spans.Path, catalog.Info.Namespace, catalog.Info.Prefix, catalog, result.Spans));
            }
        }

        var check = CheckTogether(loaded, cancellationToken);
        var checkedResults = new List<CatalogLoadResult>(results.Count);
        foreach (var result in results)
        {
            var added = new List<CatalogDiagnostic>();
            foreach (var diagnostic in check.Diagnostics)
            {
                if (result.Catalog is not null && diagnostic.Path == result.Spans.Path)
                {
                    added.Add(diagnostic);
                }
            }

            checkedResults.Add(added.Count == 0
                ? result
                : new CatalogLoadResult(null, Concat(result.Diagnostics, added), result.Spans));
        }

        return checkedResults;
    }

    /// <summary>The problems of one loaded catalog's generated names, with the namespace and prefix it is generated under.</summary>
    internal static List<CatalogDiagnostic> CheckNames(Model.Catalog catalog, CatalogSpans spans, string ns, string prefix)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        void Report(CatalogDiagnosticDescriptor descriptor, CatalogPlace place, string message) =>
            diagnostics.Add(new CatalogDiagnostic(descriptor.Id, CatalogSeverity.Error, message, spans.Path, spans.Of(place)));

        // Groups and entries both become types nested in the exception class.
        var exceptionClass = GeneratedNames.ExceptionClass(prefix);
        var nestedTypes = catalog.Groups.Select(g => (g.Symbol, Owner: $"Group '{g.Id}'", Place: new CatalogPlace(CatalogSpans.Groups, g.Id, "symbol")))
            .Concat(catalog.Errors.Select(e => (e.Symbol, Owner: $"Entry {e.Name}", Place: new CatalogPlace(CatalogSpans.Errors, e.Name, "symbol"))));
        foreach (var (symbol, owner, place) in nestedTypes)
        {
            if (GeneratedNames.IsExceptionMember(symbol) || string.Equals(symbol, exceptionClass, StringComparison.Ordinal))
            {
                Report(
                    CatalogDiagnosticDescriptors.ReservedSymbol,
                    place,
                    $"{owner} has symbol '{symbol}', which would become {GeneratedNames.ExceptionType(prefix, symbol)}, a name {exceptionClass} already uses. Choose another symbol.");
            }
        }

        CheckPlatformNames(catalog, Report);
        return diagnostics;
    }

    /// <summary>Why an override of the namespace or prefix cannot name generated code, or null when both are fine.</summary>
    internal static string? OverrideProblem(NameOverrides overrides)
    {
        if (overrides.Namespace is { } ns && Naming.NamespaceProblem(ns) is { } nsProblem)
        {
            return $"Namespace '{ns}' (ErrorCatalogNamespace metadata) is not a valid C# namespace: {nsProblem}.";
        }

        if (overrides.Prefix is { } prefix && Naming.SymbolProblem(prefix) is { } prefixProblem)
        {
            return $"Prefix '{prefix}' (ErrorCatalogPrefix metadata) cannot start generated type names: {prefixProblem}.";
        }

        return null;
    }

    /// <summary>
    /// Each platform's code enum has one member per native name, and Winsock writes a name with a
    /// <c>WSA</c> prefix: an entry <c>EFOO</c> and an alias <c>WSAEFOO</c> are one member there.
    /// That is fine for one error with one number (a catalog may list Winsock's own spelling as an
    /// alias), but two errors, or two numbers, under one member cannot be generated.
    /// </summary>
    private static void CheckPlatformNames(Model.Catalog catalog, Action<CatalogDiagnosticDescriptor, CatalogPlace, string> report)
    {
        foreach (var platform in catalog.Platforms)
        {
            // Sized for one name per entry (aliases with numbers of their own are few), so it is not regrown on a large catalog.
            var seen = new Dictionary<string, (ErrorEntry Error, string Name, int Code)>(catalog.Errors.Count, StringComparer.Ordinal);
            foreach (var error in catalog.Errors)
            {
                foreach (var (name, code) in error.NamesOn(platform.Id))
                {
                    var native = platform.NativeName(name);
                    if (!seen.TryGetValue(native, out var first))
                    {
                        seen.Add(native, (error, name, code));
                        continue;
                    }

                    if (ReferenceEquals(first.Error, error) && first.Code == code)
                    {
                        continue;
                    }

                    var place = name == error.Name
                        ? new CatalogPlace(CatalogSpans.Errors, error.Name, "name")
                        : new CatalogPlace(CatalogSpans.Aliases, name, "name");
                    report(
                        CatalogDiagnosticDescriptors.DuplicateName,
                        place,
                        string.Format(
                            CultureInfo.InvariantCulture,
                            "On platform '{0}' the name '{1}' is written {2}, which is also how '{3}' of {4} is written there ({5} and {6}); the platform's code enum cannot hold both. Write each name once, without the WSA prefix.",
                            platform.Id,
                            name,
                            native,
                            first.Name,
                            first.Error.Name,
                            code,
                            first.Code));
                }
            }
        }
    }

    private static (string Id, string Message)? Clash(
        GeneratedCatalog catalog,
        Dictionary<string, GeneratedCatalog> files,
        Dictionary<string, GeneratedCatalog> types,
        Dictionary<string, GeneratedCatalog> namespaces)
    {
        const string Fix = "Set ErrorCatalogPrefix or ErrorCatalogNamespace metadata on one of the two AdditionalFiles items, or change the catalog's prefix.";
        var key = catalog.Namespace + "." + catalog.Prefix;
        if (files.TryGetValue(key, out var owner))
        {
            return (
                CatalogDiagnosticDescriptors.DuplicateOutput.Id,
                $"This catalog would generate {GeneratedNames.ErrorEnum(catalog.Prefix)} and the other {catalog.Prefix}* types in namespace {catalog.Namespace}, which '{FileName(owner.Path)}' already generates. {Fix}");
        }

        foreach (var type in GeneratedNames.TopLevelTypes(catalog.Prefix, catalog.Catalog))
        {
            var fullName = catalog.Namespace + "." + type;
            if (types.TryGetValue(fullName, out owner) || namespaces.TryGetValue(fullName, out owner))
            {
                return (
                    CatalogDiagnosticDescriptors.GeneratedNameClash.Id,
                    $"This catalog would generate the type {fullName}, a name '{FileName(owner.Path)}' already uses for its own generated {(types.ContainsKey(fullName) ? "type" : "namespace")}. {Fix}");
            }
        }

        foreach (var ns in NamespaceAndParents(catalog.Namespace))
        {
            if (types.TryGetValue(ns, out owner))
            {
                return (
                    CatalogDiagnosticDescriptors.GeneratedNameClash.Id,
                    $"This catalog's namespace {catalog.Namespace} needs the name {ns}, which is a type '{FileName(owner.Path)}' generates. {Fix}");
            }
        }

        return null;
    }

    private static EquatableArray<CatalogDiagnostic> Concat(EquatableArray<CatalogDiagnostic> first, List<CatalogDiagnostic> second)
    {
        var all = new List<CatalogDiagnostic>(first);
        all.AddRange(second);
        return all.ToEquatableArray();
    }

    private static IEnumerable<string> NamespaceAndParents(string ns)
    {
        for (var end = ns.Length; end > 0; end = ns.LastIndexOf('.', end - 1))
        {
            yield return ns.Substring(0, end);
        }
    }

    private static string FileName(string path)
    {
        var slash = path.LastIndexOfAny(new[] { '/', '\\' });
        return slash < 0 ? path : path.Substring(slash + 1);
    }
}
