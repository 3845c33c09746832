namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// What loading a catalog produced: a validated model, or (when any error was found) no model and
/// the diagnostics that say why. Never both a model and an error. <see cref="Spans"/> says where
/// the model's values are in the file, for checks made after loading
/// (<see cref="Validation.CatalogValidator.CheckTogether"/>); the model itself holds no positions.
/// </summary>
public sealed record CatalogLoadResult(Model.Catalog? Catalog, EquatableArray<CatalogDiagnostic> Diagnostics, CatalogSpans Spans)
{
    public bool Succeeded => Catalog is not null;
}
