using ErrorCatalog.Generator.Emit;
using ErrorCatalog.Generator.Spec;

namespace ErrorCatalog.Generator;

/// <summary>
/// Generates enums, mapping switches, XML documentation and exception types from every
/// AdditionalFiles item marked <c>ErrorCatalog="true"</c>. The whole pipeline is in this file;
/// <see cref="Parser"/> loads and checks catalogs, <see cref="SpecBuilder"/> turns each into the
/// spec the emitter needs, and <see cref="Emitter"/> writes the text.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ErrorCatalogGenerator : IIncrementalGenerator
{
    private readonly Func<EmitSpec, CancellationToken, SourceText> emit;

    public ErrorCatalogGenerator()
        : this(Emitter.Emit)
    {
    }

    /// <summary>Lets tests substitute an emitter that fails, to prove a failure becomes a diagnostic.</summary>
    internal ErrorCatalogGenerator(Func<EmitSpec, CancellationToken, SourceText> emit) => this.emit = emit;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var catalogFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .WithTrackingName(TrackingNames.AdditionalFilesWithOptions)
            .Where(static pair => Parser.IsCatalog(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.MarkedFiles)
            .Select(static (pair, cancellationToken) => Parser.ReadCatalogFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.CatalogFiles);

        var parsed = catalogFiles
            .Select(static (file, cancellationToken) => Parser.Parse(file, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedCatalogs);

        var catalogDiagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.CatalogDiagnostics);

        var catalogSet = parsed
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!.Value)
            .WithTrackingName(TrackingNames.ValidCatalogs)
            .Collect()
            .WithTrackingName(TrackingNames.AllValidCatalogs)
            .Select(static (specs, cancellationToken) => Parser.Deduplicate(specs, cancellationToken))
            .WithTrackingName(TrackingNames.CatalogSet);

        var duplicateDiagnostics = catalogSet
            .Select(static (set, _) => set.Diagnostics)
            .WithTrackingName(TrackingNames.DuplicateDiagnostics);

        var languageVersionSupported = context.ParseOptionsProvider
            .Select(static (options, _) => Parser.IsLanguageVersionSupported(options))
            .WithTrackingName(TrackingNames.LanguageVersion);

        var emitRequests = catalogSet
            .SelectMany(static (set, _) => set.Specs)
            .WithTrackingName(TrackingNames.CatalogsToEmit)
            .Select(static (spec, cancellationToken) => Plan(spec, cancellationToken))
            .WithTrackingName(TrackingNames.EmitSpecs)
            .Combine(languageVersionSupported)
            .WithTrackingName(TrackingNames.CatalogsWithLanguageVersion)
            .Select(static (pair, _) => new EmitRequest(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EmitRequests);

        context.RegisterSourceOutput(catalogDiagnostics, static (context, diagnostics) => Report(context, diagnostics));
        context.RegisterSourceOutput(duplicateDiagnostics, static (context, diagnostics) => Report(context, diagnostics));
        context.RegisterSourceOutput(emitRequests, (context, request) => Generate(context, request, emit));
    }

    private static void Report(SourceProductionContext context, EquatableArray<CatalogDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(GeneratorDiagnostics.ToDiagnostic(diagnostic));
        }
    }

    /// <summary>
    /// Builds the emit-ready spec. An exception here is a generator bug; it is kept as data so that
    /// the output step reports it as ECAT103 instead of the driver dropping all output (CS8785).
    /// </summary>
    private static EmitPlan Plan(CatalogSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return new EmitPlan(spec.Path, spec.FileName, SpecBuilder.Build(spec, cancellationToken), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EmitPlan(spec.Path, spec.FileName, null, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static void Generate(SourceProductionContext context, EmitRequest request, Func<EmitSpec, CancellationToken, SourceText> emit)
    {
        var plan = request.Plan;
        if (!request.LanguageVersionSupported)
        {
            Report(context, plan, GeneratorDiagnostics.LanguageVersionId, $"Code for '{plan.FileName}' was not generated: it needs C# 9 or later. Set <LangVersion>9.0</LangVersion> or later in the project.");
            return;
        }

        if (plan.Spec is not { } spec)
        {
            ReportFailure(context, plan, plan.Failure!);
            return;
        }

        SourceText text;
        try
        {
            text = emit(spec, context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An exception escaping a generator becomes warning CS8785 and silently drops all output;
            // an error on the catalog says what happened and fails the build instead.
            ReportFailure(context, plan, exception.GetType().Name + ": " + exception.Message);
            return;
        }

        context.AddSource(spec.HintName, text);
    }

    private static void ReportFailure(SourceProductionContext context, EmitPlan plan, string failure) =>
        Report(context, plan, GeneratorDiagnostics.GeneratorFailureId, $"Code for '{plan.FileName}' was not generated: {failure}");

    private static void Report(SourceProductionContext context, EmitPlan plan, string id, string message) =>
        context.ReportDiagnostic(GeneratorDiagnostics.ToDiagnostic(new CatalogDiagnostic(id, CatalogSeverity.Error, message, plan.Path, SourceSpan.Empty)));

    /// <summary>Tracking names of the pipeline's steps, for tests of incremental caching.</summary>
    public static class TrackingNames
    {
        /// <summary>Every AdditionalFiles item, paired with the analyzer config options.</summary>
        public const string AdditionalFilesWithOptions = nameof(AdditionalFilesWithOptions);

        /// <summary>The items whose <c>ErrorCatalog</c> metadata is <c>true</c>.</summary>
        public const string MarkedFiles = nameof(MarkedFiles);

        /// <summary>The AdditionalFiles items marked as catalogs, read with their per-file options.</summary>
        public const string CatalogFiles = nameof(CatalogFiles);

        /// <summary>Each catalog loaded and checked: a spec or diagnostics.</summary>
        public const string ParsedCatalogs = nameof(ParsedCatalogs);

        /// <summary>The diagnostics of each catalog.</summary>
        public const string CatalogDiagnostics = nameof(CatalogDiagnostics);

        /// <summary>Each catalog that loaded without errors.</summary>
        public const string ValidCatalogs = nameof(ValidCatalogs);

        /// <summary>The valid catalogs, collected to check their generated names against each other.</summary>
        public const string AllValidCatalogs = nameof(AllValidCatalogs);

        /// <summary>All valid catalogs, without those whose generated names collide.</summary>
        public const string CatalogSet = nameof(CatalogSet);

        /// <summary>The diagnostics for catalogs left out because of a name collision.</summary>
        public const string DuplicateDiagnostics = nameof(DuplicateDiagnostics);

        /// <summary>Whether the compilation's C# version can compile the generated code.</summary>
        public const string LanguageVersion = nameof(LanguageVersion);

        /// <summary>The catalogs to emit, one by one again, so each is cached on its own.</summary>
        public const string CatalogsToEmit = nameof(CatalogsToEmit);

        /// <summary>
        /// Each catalog's emit-ready spec: the cache boundary in front of the emitter. A catalog edit
        /// that changes nothing the emitter writes stops here.
        /// </summary>
        public const string EmitSpecs = nameof(EmitSpecs);

        /// <summary>Each catalog to emit, paired with the language-version check.</summary>
        public const string CatalogsWithLanguageVersion = nameof(CatalogsWithLanguageVersion);

        /// <summary>One request per catalog to emit.</summary>
        public const string EmitRequests = nameof(EmitRequests);
    }
}
