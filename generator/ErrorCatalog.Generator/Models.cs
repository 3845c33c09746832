namespace ErrorCatalog.Generator;

// The values that flow between the pipeline's steps. Each is value-equatable and holds no Roslyn
// type (no Compilation, ISymbol, SyntaxNode or Location), so the incremental driver can compare
// them and skip work whose input has not changed.

/// <summary>An AdditionalFiles item marked as a catalog: its text and its per-file options.</summary>
/// <param name="Path">The file's path, used in diagnostics.</param>
/// <param name="Text">The file's text, or null when the compiler could not read it.</param>
/// <param name="NamespaceOverride">The <c>ErrorCatalogNamespace</c> item metadata, if set.</param>
/// <param name="PrefixOverride">The <c>ErrorCatalogPrefix</c> item metadata, if set.</param>
/// <param name="UnclearMarking">The <c>ErrorCatalog</c> metadata when it is neither true nor false (then the file is not read), else null.</param>
internal readonly record struct CatalogFile(string Path, string? Text, string? NamespaceOverride, string? PrefixOverride, string? UnclearMarking = null);

/// <summary>A validated catalog and the names its generated code uses.</summary>
/// <param name="Path">The catalog file's path (diagnostics only; never written into generated code).</param>
/// <param name="FileName">The file name alone, written into the generated file's header.</param>
/// <param name="Namespace">Namespace of the generated types, after build metadata overrides.</param>
/// <param name="Prefix">Prefix of every generated type name, after build metadata overrides.</param>
/// <param name="Catalog">The loader's validated model.</param>
/// <param name="Spans">Where the model's values are in the file (the loader's side table), for the checks across catalogs; not needed to emit.</param>
internal readonly record struct CatalogSpec(string Path, string FileName, string Namespace, string Prefix, Catalog.Model.Catalog Catalog, CatalogSpans? Spans = null)
{
    /// <summary>Name of the generated file; unique per namespace and prefix.</summary>
    public string HintName => GeneratedNames.HintName(Namespace, Prefix);
}

/// <summary>What parsing one catalog file produced: a spec, or diagnostics that explain why there is none.</summary>
/// <param name="Spec">Null when the catalog has errors; then nothing is generated for it.</param>
/// <param name="Diagnostics">Errors and warnings, as data.</param>
internal readonly record struct ParseResult(CatalogSpec? Spec, EquatableArray<CatalogDiagnostic> Diagnostics);

/// <summary>Every catalog of the compilation after removing those whose generated names collide.</summary>
/// <param name="Specs">The catalogs to generate, ordered by path.</param>
/// <param name="Diagnostics">One per catalog that was left out because an earlier one uses its names.</param>
internal readonly record struct CatalogSet(EquatableArray<CatalogSpec> Specs, EquatableArray<CatalogDiagnostic> Diagnostics);

/// <summary>
/// A catalog after the spec step: where it came from (for diagnostics) and either its emit-ready
/// spec or why building the spec failed.
/// </summary>
/// <param name="Path">The catalog file's path (diagnostics only; never written into generated code).</param>
/// <param name="FileName">The file name alone, for diagnostic messages.</param>
/// <param name="Spec">What to emit; null when building it failed.</param>
/// <param name="Failure">Why building the spec failed (a generator bug), or null.</param>
internal sealed record EmitPlan(string Path, string FileName, Spec.EmitSpec? Spec, string? Failure);

/// <summary>A catalog ready to emit, with whether the compilation's C# version can compile the output.</summary>
internal readonly record struct EmitRequest(EmitPlan Plan, bool LanguageVersionSupported);
