namespace ErrorCatalog.Catalog.Validation;

/// <summary>Build metadata that renames a catalog's generated code (<c>ErrorCatalogNamespace</c>, <c>ErrorCatalogPrefix</c>); null keeps the catalog's own.</summary>
public readonly record struct NameOverrides(string? Namespace, string? Prefix);

/// <summary>A valid catalog with the namespace and prefix its code is generated under (after overrides), and where its values are in its file.</summary>
/// <param name="Path">The catalog file.</param>
/// <param name="Namespace">The namespace of the generated code.</param>
/// <param name="Prefix">The prefix of every generated type name.</param>
/// <param name="Catalog">The loaded model.</param>
/// <param name="Spans">Where the model's values are in <paramref name="Path"/>.</param>
public sealed record GeneratedCatalog(string Path, string Namespace, string Prefix, Model.Catalog Catalog, CatalogSpans Spans);

/// <summary>What checking the catalogs of one compilation together found.</summary>
/// <param name="Rejected">Paths of the catalogs that must not be generated because an earlier one (ordinal path order) already uses their names.</param>
/// <param name="Diagnostics">One error per rejected catalog.</param>
public sealed record CatalogSetCheck(EquatableArray<string> Rejected, EquatableArray<CatalogDiagnostic> Diagnostics);
