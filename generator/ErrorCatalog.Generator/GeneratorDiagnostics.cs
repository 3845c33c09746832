namespace ErrorCatalog.Generator;

/// <summary>
/// Turns diagnostics carried as data (<see cref="CatalogDiagnostic"/>) into compiler diagnostics.
/// The loader's ids (ECAT001.., and ECAT108.. for platforms' values and runs-on) keep their titles and explanations from
/// <see cref="CatalogDiagnosticDescriptors"/>; the generator adds its own ids from ECAT101 on.
/// </summary>
internal static class GeneratorDiagnostics
{
    public const string Category = "ErrorCatalog";

    /// <summary>ErrorCatalogNamespace or ErrorCatalogPrefix item metadata is not a valid C# name.</summary>
    public const string InvalidOverrideId = "ECAT101";

    /// <summary>Two catalogs would generate types with the same names.</summary>
    public const string DuplicateOutputId = "ECAT102";

    /// <summary>The generator failed on a catalog; nothing was generated for it.</summary>
    public const string GeneratorFailureId = "ECAT103";

    /// <summary>The project's C# version cannot compile the generated code.</summary>
    public const string LanguageVersionId = "ECAT104";

    /// <summary>An entry's or group's symbol, or the prefix, would give a generated type or member a name the generated code already uses.</summary>
    public const string ReservedSymbolId = "ECAT105";

    /// <summary>Two catalogs of the compilation generate clashing type or namespace names.</summary>
    public const string GeneratedNameClashId = "ECAT106";

    /// <summary>An AdditionalFiles item's ErrorCatalog metadata is neither true nor false.</summary>
    public const string UnclearCatalogMetadataId = "ECAT107";

    public static readonly DiagnosticDescriptor InvalidOverride = Create(InvalidOverrideId, CatalogDiagnosticDescriptors.InvalidOverride);

    public static readonly DiagnosticDescriptor DuplicateOutput = Create(DuplicateOutputId, CatalogDiagnosticDescriptors.DuplicateOutput);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(GeneratorFailureId, CatalogDiagnosticDescriptors.GeneratorFailure);

    public static readonly DiagnosticDescriptor LanguageVersion = Create(LanguageVersionId, CatalogDiagnosticDescriptors.LanguageVersion);

    public static readonly DiagnosticDescriptor ReservedSymbol = Create(ReservedSymbolId, CatalogDiagnosticDescriptors.ReservedSymbol);

    public static readonly DiagnosticDescriptor GeneratedNameClash = Create(GeneratedNameClashId, CatalogDiagnosticDescriptors.GeneratedNameClash);

    public static readonly DiagnosticDescriptor UnclearCatalogMetadata = Create(UnclearCatalogMetadataId, CatalogDiagnosticDescriptors.UnclearCatalogMetadata);

    // The loader's diagnostics as compiler descriptors, one field each with its id written out:
    // the release-tracking analyzer follows such field initializers, so a loader id missing from
    // AnalyzerReleases.*.md fails the build. A test checks that these cover the loader's table.
    private static readonly DiagnosticDescriptor YamlSyntax = Create("ECAT001", CatalogDiagnosticDescriptors.YamlSyntax);

    private static readonly DiagnosticDescriptor InputTooLarge = Create("ECAT002", CatalogDiagnosticDescriptors.InputTooLarge);

    private static readonly DiagnosticDescriptor NestingTooDeep = Create("ECAT003", CatalogDiagnosticDescriptors.NestingTooDeep);

    private static readonly DiagnosticDescriptor UnknownKey = Create("ECAT004", CatalogDiagnosticDescriptors.UnknownKey);

    private static readonly DiagnosticDescriptor MissingField = Create("ECAT005", CatalogDiagnosticDescriptors.MissingField);

    private static readonly DiagnosticDescriptor WrongType = Create("ECAT006", CatalogDiagnosticDescriptors.WrongType);

    private static readonly DiagnosticDescriptor DuplicateName = Create("ECAT007", CatalogDiagnosticDescriptors.DuplicateName);

    private static readonly DiagnosticDescriptor DuplicateSymbol = Create("ECAT008", CatalogDiagnosticDescriptors.DuplicateSymbol);

    private static readonly DiagnosticDescriptor DuplicateCode = Create("ECAT009", CatalogDiagnosticDescriptors.DuplicateCode);

    private static readonly DiagnosticDescriptor UnknownPlatform = Create("ECAT010", CatalogDiagnosticDescriptors.UnknownPlatform);

    private static readonly DiagnosticDescriptor UnknownSource = Create("ECAT011", CatalogDiagnosticDescriptors.UnknownSource);

    private static readonly DiagnosticDescriptor UnknownFamily = Create("ECAT012", CatalogDiagnosticDescriptors.UnknownFamily);

    private static readonly DiagnosticDescriptor InvalidSymbol = Create("ECAT013", CatalogDiagnosticDescriptors.InvalidSymbol);

    private static readonly DiagnosticDescriptor NumberOutOfRange = Create("ECAT014", CatalogDiagnosticDescriptors.NumberOutOfRange);

    private static readonly DiagnosticDescriptor MissingPlatformCode = Create("ECAT015", CatalogDiagnosticDescriptors.MissingPlatformCode);

    private static readonly DiagnosticDescriptor UnknownClassification = Create("ECAT016", CatalogDiagnosticDescriptors.UnknownClassification);

    private static readonly DiagnosticDescriptor UnknownAttribution = Create("ECAT017", CatalogDiagnosticDescriptors.UnknownAttribution);

    private static readonly DiagnosticDescriptor UnknownSocketError = Create("ECAT018", CatalogDiagnosticDescriptors.UnknownSocketError);

    private static readonly DiagnosticDescriptor DuplicateId = Create("ECAT019", CatalogDiagnosticDescriptors.DuplicateId);

    private static readonly DiagnosticDescriptor InvalidName = Create("ECAT020", CatalogDiagnosticDescriptors.InvalidName);

    private static readonly DiagnosticDescriptor InconsistentAlias = Create("ECAT021", CatalogDiagnosticDescriptors.InconsistentAlias);

    private static readonly DiagnosticDescriptor UnsupportedSchema = Create("ECAT022", CatalogDiagnosticDescriptors.UnsupportedSchema);

    private static readonly DiagnosticDescriptor EmptyCatalog = Create("ECAT023", CatalogDiagnosticDescriptors.EmptyCatalog);

    private static readonly DiagnosticDescriptor UnknownGroup = Create("ECAT024", CatalogDiagnosticDescriptors.UnknownGroup);

    private static readonly DiagnosticDescriptor DuplicateValue = Create("ECAT025", CatalogDiagnosticDescriptors.DuplicateValue);

    private static readonly DiagnosticDescriptor UnknownScenarioResult = Create("ECAT026", CatalogDiagnosticDescriptors.UnknownScenarioResult);

    private static readonly DiagnosticDescriptor NaiveEqualsResult = Create("ECAT027", CatalogDiagnosticDescriptors.NaiveEqualsResult);

    private static readonly DiagnosticDescriptor UnknownScenarioTerm = Create("ECAT028", CatalogDiagnosticDescriptors.UnknownScenarioTerm);

    private static readonly DiagnosticDescriptor NeedsNoneMixed = Create("ECAT029", CatalogDiagnosticDescriptors.NeedsNoneMixed);

    private static readonly DiagnosticDescriptor UnknownScenario = Create("ECAT030", CatalogDiagnosticDescriptors.UnknownScenario);

    private static readonly DiagnosticDescriptor NotReturnedContradicted = Create("ECAT031", CatalogDiagnosticDescriptors.NotReturnedContradicted);

    private static readonly DiagnosticDescriptor NotReturnedUntried = Create("ECAT032", CatalogDiagnosticDescriptors.NotReturnedUntried);

    private static readonly DiagnosticDescriptor SocketErrorWithoutSocketBase = Create("ECAT033", CatalogDiagnosticDescriptors.SocketErrorWithoutSocketBase);

    private static readonly DiagnosticDescriptor TooManyProblems = Create("ECAT034", CatalogDiagnosticDescriptors.TooManyProblems);

    private static readonly DiagnosticDescriptor UnknownOperatingSystem = Create("ECAT108", CatalogDiagnosticDescriptors.UnknownOperatingSystem);

    private static readonly DiagnosticDescriptor UnknownArchitecture = Create("ECAT109", CatalogDiagnosticDescriptors.UnknownArchitecture);

    private static readonly DiagnosticDescriptor DuplicateDeclarationValue = Create("ECAT110", CatalogDiagnosticDescriptors.DuplicateDeclarationValue);

    private static readonly DiagnosticDescriptor OverlappingRunsOn = Create("ECAT111", CatalogDiagnosticDescriptors.OverlappingRunsOn);

    private static readonly DiagnosticDescriptor EmptyRunsOnList = Create("ECAT112", CatalogDiagnosticDescriptors.EmptyRunsOnList);

    private static readonly DiagnosticDescriptor[] LoaderDescriptors =
    {
        YamlSyntax,
        InputTooLarge,
        NestingTooDeep,
        UnknownKey,
        MissingField,
        WrongType,
        DuplicateName,
        DuplicateSymbol,
        DuplicateCode,
        UnknownPlatform,
        UnknownSource,
        UnknownFamily,
        InvalidSymbol,
        NumberOutOfRange,
        MissingPlatformCode,
        UnknownClassification,
        UnknownAttribution,
        UnknownSocketError,
        DuplicateId,
        InvalidName,
        InconsistentAlias,
        UnsupportedSchema,
        EmptyCatalog,
        UnknownGroup,
        DuplicateValue,
        UnknownScenarioResult,
        NaiveEqualsResult,
        UnknownScenarioTerm,
        NeedsNoneMixed,
        UnknownScenario,
        NotReturnedContradicted,
        NotReturnedUntried,
        SocketErrorWithoutSocketBase,
        TooManyProblems,
        UnknownOperatingSystem,
        UnknownArchitecture,
        DuplicateDeclarationValue,
        OverlappingRunsOn,
        EmptyRunsOnList,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors = BuildDescriptors();

    public static Diagnostic ToDiagnostic(CatalogDiagnostic diagnostic)
    {
        var descriptor = Find(diagnostic.Id);
        var severity = diagnostic.Severity == CatalogSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
        return Diagnostic.Create(
            descriptor,
            ToLocation(diagnostic),
            severity,
            additionalLocations: null,
            properties: null,
            diagnostic.Message);
    }

    /// <summary>The descriptor of <paramref name="id"/>; a test checks that every id of the shared table has one.</summary>
    public static DiagnosticDescriptor Find(string id) => Descriptors[id];

    private static Location ToLocation(CatalogDiagnostic diagnostic)
    {
        var span = diagnostic.Span;
        var start = span.Start < 0 ? 0 : span.Start;
        var length = span.Length < 0 ? 0 : span.Length;
        var startLine = span.Line < 1 ? 0 : span.Line - 1;
        var startColumn = span.Column < 1 ? 0 : span.Column - 1;
        var endLine = span.EndLine - 1 < startLine ? startLine : span.EndLine - 1;
        var endColumn = span.EndColumn < 1 ? 0 : span.EndColumn - 1;
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        return Location.Create(
            diagnostic.Path,
            new TextSpan(start, length),
            new LinePositionSpan(new LinePosition(startLine, startColumn), new LinePosition(endLine, endColumn)));
    }

    private static Dictionary<string, DiagnosticDescriptor> BuildDescriptors()
    {
        var descriptors = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var loaderDescriptor in LoaderDescriptors)
        {
            descriptors[loaderDescriptor.Id] = loaderDescriptor;
        }

        foreach (var own in new[] { InvalidOverride, DuplicateOutput, GeneratorFailure, LanguageVersion, ReservedSymbol, GeneratedNameClash, UnclearCatalogMetadata })
        {
            descriptors[own.Id] = own;
        }

        return descriptors;
    }

    /// <summary>
    /// A compiler descriptor with the id given here and the texts of the shared table, which the docs
    /// site renders too. The generator's own ids stay constants so that release tracking sees them;
    /// a test checks they equal the table's.
    /// </summary>
    private static DiagnosticDescriptor Create(string id, CatalogDiagnosticDescriptor shared) =>
        Create(id, shared.Title, shared.Explanation + " " + shared.Fix, shared.Severity == CatalogSeverity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error);

    // The id reaches the constructor as a parameter; every caller passes a constant.
#pragma warning disable RS1017 // DiagnosticId for analyzers must be a non-null constant
    private static DiagnosticDescriptor Create(string id, string title, string description, DiagnosticSeverity severity) => new(
        id,
        title,
        messageFormat: "{0}",
        Category,
        severity,
        isEnabledByDefault: true,
        description: description,
        helpLinkUri: CatalogDiagnosticDescriptors.HelpLink(id));
#pragma warning restore RS1017
}
