namespace ErrorCatalog.Generator.Spec;

// The emit-ready spec: exactly what the emitter writes for one catalog, and nothing else. Names are
// resolved, catalog prose is already escaped for where it lands (XML doc text or a C# string
// literal), per-platform code tables are computed. Every record is value-equatable and holds no
// Roslyn type, so it is the incremental cache boundary in front of the emitter: an edit of the
// catalog that does not change any of these values (a source's URL, a scenario's note, a comment)
// leaves the emit step cached.

/// <summary>One catalog, ready to emit.</summary>
/// <param name="HintName">Name of the generated file; unique per namespace and prefix.</param>
/// <param name="HeaderFileName">The catalog's file name, made safe for the one-line header comment.</param>
/// <param name="HeaderCatalogId">The catalog id, made safe for the header comment.</param>
/// <param name="Names">The generated type names as the generated code refers to them (qualified only when it must be).</param>
/// <param name="DeclaredNames">The generated type names as their declarations write them: never qualified.</param>
/// <param name="Title">The catalog title, as a doc sentence.</param>
/// <param name="Description">The catalog description, as a doc sentence.</param>
/// <param name="CatalogIdXml">The catalog id, as doc text.</param>
/// <param name="FunctionXml">The native function, as doc text (for example <c>bind()</c>).</param>
/// <param name="FailedMessageLiteral">The literal that starts every exception message (<c>"bind() failed with "</c>).</param>
/// <param name="ExceptionBase">The exception type the generated exceptions derive from.</param>
/// <param name="Platforms">The platforms, in catalog order.</param>
/// <param name="Classifications">The classifications, in catalog order.</param>
/// <param name="Groups">The groups, in catalog order.</param>
/// <param name="Errors">The entries, in catalog order.</param>
/// <param name="ErrorTable">How error-indexed lookups are laid out.</param>
/// <param name="ParseArms">Every canonical name and alias, with the index of its entry, for <c>TryParse</c>.</param>
/// <param name="SocketErrorArms">For <c>TryFromSocketError</c>: each SocketError member with the first entry that maps to it (socket base only; empty otherwise).</param>
/// <param name="Detection">For <c>CurrentPlatform</c>: the platforms with a <c>runs-on</c>, in catalog order (empty when none says where it runs).</param>
internal sealed record EmitSpec(
    string HintName,
    string HeaderFileName,
    string HeaderCatalogId,
    TypeNames Names,
    TypeNames DeclaredNames,
    string Title,
    string Description,
    string CatalogIdXml,
    string FunctionXml,
    string FailedMessageLiteral,
    ExceptionBase ExceptionBase,
    EquatableArray<PlatformSpec> Platforms,
    EquatableArray<ClassificationSpec> Classifications,
    EquatableArray<GroupSpec> Groups,
    EquatableArray<ErrorSpec> Errors,
    TableLayout ErrorTable,
    EquatableArray<ParseArm> ParseArms,
    EquatableArray<SocketErrorArm> SocketErrorArms,
    EquatableArray<PlatformDetection> Detection);

/// <summary>
/// The generated type names of one catalog, as the generated code writes them: without their
/// namespace, unless a symbol or the prefix could make a short name bind to something else
/// (<see cref="GeneratedNames.OwnTypesNeedNamespace"/>); inside an exception class with a custom
/// base the emitter qualifies them too (<see cref="WithNamespace"/>). <c>IsQualified</c> says
/// whether they carry <c>global::{namespace}.</c>.
/// </summary>
internal sealed record TypeNames(string Namespace, bool IsQualified, string ErrorName, string PlatformName, string ClassificationName, string NativeErrorName, string ErrorsName, string ExceptionName)
{
    /// <summary>The names of the catalog generated under <paramref name="ns"/> and <paramref name="prefix"/>, without the namespace.</summary>
    public static TypeNames For(string ns, string prefix) =>
        new(
            ns,
            false,
            GeneratedNames.ErrorEnum(prefix),
            GeneratedNames.PlatformEnum(prefix),
            GeneratedNames.ClassificationEnum(prefix),
            GeneratedNames.NativeError(prefix),
            GeneratedNames.Mappings(prefix),
            GeneratedNames.ExceptionClass(prefix));

    /// <summary>The same names with <c>global::{namespace}.</c> before each.</summary>
    public TypeNames WithNamespace()
    {
        if (IsQualified)
        {
            return this;
        }

        string Qualified(string name) => GeneratedNames.Qualified(Namespace, name);
        return new TypeNames(
            Namespace,
            true,
            Qualified(ErrorName),
            Qualified(PlatformName),
            Qualified(ClassificationName),
            Qualified(NativeErrorName),
            Qualified(ErrorsName),
            Qualified(ExceptionName));
    }
}

/// <summary>
/// How a lookup keyed by an int (an error value, or a platform's code) is laid out: an array indexed
/// by <c>key - First</c> when the keys are dense, a switch otherwise.
/// </summary>
/// <param name="IsArray">True when the keys fill at least a quarter of their range.</param>
/// <param name="First">The smallest key (array layout only).</param>
/// <param name="Slots">Array layout only: for each key from <paramref name="First"/> on, the position of its item (an entry, or a code lookup), or -1 for a key without one.</param>
internal readonly record struct TableLayout(bool IsArray, int First, EquatableArray<int> Slots)
{
    /// <summary>True when some slot has no item, so the array holds a placeholder there.</summary>
    public bool HasGaps
    {
        get
        {
            foreach (var slot in Slots)
            {
                if (slot < 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>One platform.</summary>
/// <param name="Symbol">Its C# name, for example <c>Linux</c>.</param>
/// <param name="Value">Its value in the platform enum.</param>
/// <param name="IdXml">The catalog id as doc text.</param>
/// <param name="IdLiteral">The catalog id as a C# string literal.</param>
/// <param name="TitleXml">The title as doc text.</param>
/// <param name="KindXml">How the platform reports errors, as doc text.</param>
/// <param name="ReferenceXml">Where the numbers come from, as doc text.</param>
/// <param name="Min">The smallest valid code.</param>
/// <param name="Max">The largest valid code.</param>
/// <param name="CodeEnumName">The name of the platform's code enum.</param>
/// <param name="Members">The names of the mapping class's members for this platform.</param>
/// <param name="CodeMembers">The code enum's members, in catalog order.</param>
/// <param name="Codes">Each code with its entry and native name, first one wins, ordered as in the catalog.</param>
/// <param name="CodeTable">How code-keyed lookups are laid out.</param>
/// <param name="CanonicalCodes">The canonical code of each entry (catalog order) on this platform, null where absent.</param>
internal sealed record PlatformSpec(
    string Symbol,
    int Value,
    string IdXml,
    string IdLiteral,
    string TitleXml,
    string KindXml,
    string ReferenceXml,
    int Min,
    int Max,
    string CodeEnumName,
    PlatformMembers Members,
    EquatableArray<CodeMember> CodeMembers,
    EquatableArray<CodeLookup> Codes,
    TableLayout CodeTable,
    EquatableArray<NullableCode> CanonicalCodes);

/// <summary>Where one platform's codes are reported, as <c>CurrentPlatform</c> tests it.</summary>
/// <param name="Symbol">The platform's C# name.</param>
/// <param name="OperatingSystemLiterals">The operating system names, as C# literals, in catalog order.</param>
/// <param name="OperatingSystemNames">The operating system names as written in the catalog, comma-separated, for the doc comment (vocabulary words, safe as doc text).</param>
/// <param name="ArchitectureValues">The numeric <c>Architecture</c> values, in catalog order; empty means any processor.</param>
/// <param name="ArchitectureNames">The architecture names as written in the catalog, comma-separated, for the doc comment (empty when any).</param>
internal sealed record PlatformDetection(string Symbol, EquatableArray<string> OperatingSystemLiterals, string OperatingSystemNames, EquatableArray<int> ArchitectureValues, string ArchitectureNames);

/// <summary>A code that may be absent (an <c>int?</c> that <see cref="EquatableArray{T}"/> can hold).</summary>
internal readonly record struct NullableCode(int? Code);

/// <summary>A member of a platform's code enum: a native name with its number there.</summary>
/// <param name="Name">The native name on that platform (an identifier).</param>
/// <param name="Code">Its number.</param>
/// <param name="ErrorIndex">The index of the entry it names.</param>
/// <param name="IsAlias">True when the name is an alias of the entry, not its canonical name.</param>
internal readonly record struct CodeMember(string Name, int Code, int ErrorIndex, bool IsAlias);

/// <summary>A code on one platform, the entry it maps to, and its native name as a C# literal.</summary>
internal readonly record struct CodeLookup(int Code, int ErrorIndex, string NameLiteral);

/// <summary>A name <c>TryParse</c> accepts, as a C# literal, and the index of its entry.</summary>
internal readonly record struct ParseArm(string NameLiteral, int ErrorIndex);

/// <summary>A SocketError member and the index of the entry <c>TryFromSocketError</c> gives for it.</summary>
internal readonly record struct SocketErrorArm(string Member, int ErrorIndex);

/// <summary>One classification.</summary>
internal sealed record ClassificationSpec(string Symbol, int Value, string TitleXml, string DescriptionSentence);

/// <summary>One group: an abstract exception type its entries derive from.</summary>
internal sealed record GroupSpec(string Symbol, string SummarySentence);

/// <summary>One entry.</summary>
/// <param name="Symbol">Its C# name.</param>
/// <param name="Value">Its stable enum value.</param>
/// <param name="NameXml">The canonical native name, as doc text.</param>
/// <param name="NameLiteral">The canonical native name, as a C# literal.</param>
/// <param name="SummarySentence">The summary, as a doc sentence.</param>
/// <param name="SummaryLiteral">The summary, as a C# literal.</param>
/// <param name="ActionSentence">The advice, as a doc sentence.</param>
/// <param name="ActionLiteral">The advice, as a C# literal.</param>
/// <param name="ClassificationIndex">The index of its classification.</param>
/// <param name="GroupSymbol">The symbol of its group, if any.</param>
/// <param name="SocketErrorMember">Its SocketError member, if any (always null unless the base is socket).</param>
/// <param name="Doc">The prose of its enum member's remarks.</param>
internal sealed record ErrorSpec(
    string Symbol,
    int Value,
    string NameXml,
    string NameLiteral,
    string SummarySentence,
    string SummaryLiteral,
    string ActionSentence,
    string ActionLiteral,
    int ClassificationIndex,
    string? GroupSymbol,
    string? SocketErrorMember,
    ErrorDoc Doc);

/// <summary>The remarks of an entry's enum member, each piece already doc text.</summary>
/// <param name="Details">The longer explanation, as a sentence, if any.</param>
/// <param name="Replayed">Per platform with scenarios that give this error: the first setup and how many more.</param>
/// <param name="Blaming">The first scenario where this error is predicted but something else comes back, if any.</param>
/// <param name="NotReturnedPlatforms">The platform ids (doc text) whose call never returns it.</param>
/// <param name="CodeCells">The code cell for each platform, in platform order.</param>
/// <param name="Attributions">One line per attribution of every source that lists it.</param>
/// <param name="UnlistedSources">The titles of the sources that do not list it.</param>
/// <param name="Families">One line per family it applies to.</param>
/// <param name="Names">Every name it goes by, as one sentence.</param>
/// <param name="Quirks">One line per quirk.</param>
internal sealed record ErrorDoc(
    string? Details,
    EquatableArray<ReplayedDoc> Replayed,
    BlamingDoc? Blaming,
    EquatableArray<string> NotReturnedPlatforms,
    EquatableArray<string> CodeCells,
    EquatableArray<string> Attributions,
    EquatableArray<string> UnlistedSources,
    EquatableArray<string> Families,
    string Names,
    EquatableArray<string> Quirks);

/// <summary>The first scenario on a platform that gives the error, and how many more do.</summary>
internal sealed record ReplayedDoc(string PlatformIdXml, string SetupSentence, int MoreCount);

/// <summary>A scenario that predicts the error but gets something else.</summary>
/// <param name="SetupSentence">Its setup.</param>
/// <param name="ActualErrorIndex">The index of the entry the kernel gives, or null when the call succeeds.</param>
/// <param name="ScenarioIdXml">The scenario id.</param>
/// <param name="MoreCount">How many more scenarios predict this error wrongly.</param>
internal sealed record BlamingDoc(string SetupSentence, int? ActualErrorIndex, string ScenarioIdXml, int MoreCount);
