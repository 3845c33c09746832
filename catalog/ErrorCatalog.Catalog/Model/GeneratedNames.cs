namespace ErrorCatalog.Catalog.Model;

/// <summary>
/// The one rule for every C# name the generator writes for a catalog. The generator, the docs
/// site, errcat and the validator's clash checks all call it, so a name shown to a reader is the
/// name the compiler sees. <c>prefix</c> is the catalog's <see cref="CatalogInfo.Prefix"/> after
/// any build override (<c>ErrorCatalogPrefix</c>); overloads taking a <see cref="Catalog"/> use
/// the catalog's own prefix.
/// </summary>
public static class GeneratedNames
{
    /// <summary>
    /// Names the generated exception class already has: its own members, those it inherits from
    /// the exception bases the generator supports (SocketException, IOException, Win32Exception
    /// and their bases) and object's. A nested exception type with one of these names would not
    /// compile or would hide the member, so the validator reports such a symbol (<c>ECAT105</c>).
    /// </summary>
    public static IReadOnlyCollection<string> ExceptionMemberNames => ExceptionMembers;

    private static readonly HashSet<string> ExceptionMembers = new(StringComparer.Ordinal)
    {
        "NativeError", "Error", "Platform", "Code", "EndPoint", "Classification",
        "Message", "Data", "HelpLink", "HResult", "InnerException", "Source", "StackTrace", "TargetSite",
        "GetBaseException", "GetObjectData", "SerializeObjectState", "ErrorCode", "NativeErrorCode", "SocketErrorCode",
        "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Whether <paramref name="name"/> is one of <see cref="ExceptionMemberNames"/>.</summary>
    public static bool IsExceptionMember(string name) => ExceptionMembers.Contains(name);

    /// <summary>
    /// The members of the generated mapping class (<see cref="Mappings(string)"/>, with its nested
    /// detection class) and native error struct (<see cref="NativeError(string)"/>) whose names do
    /// not depend on the catalog, with those of object and ValueType. The generated code names its
    /// own types without a namespace inside these types unless one of these names is also a
    /// generated type's (<see cref="TypesNamedLikeMembers"/>, <see cref="OwnTypesNeedNamespace"/>).
    /// </summary>
    public static IReadOnlyCollection<string> FixedMemberNames => FixedMembers;

    private static readonly HashSet<string> FixedMembers = new(StringComparer.Ordinal)
    {
        // The mapping class, and its private class that detects the running platform.
        "FromNative", "TryFromNative", "GetNativeName", "GetCode", "TryGetCode", "GetName", "NameByError", "TryParse",
        "GetSummary", "SummaryByError", "GetAction", "ActionByError", "GetClassification", "ClassificationByError",
        "TryGetSocketError", "ToSocketError", "TryFromSocketError", "CreateException", "GetPlatformId", "TryParsePlatform",
        "CurrentPlatform", "CurrentPlatformDetection", "Platform", "Detect", "IsOperatingSystem", "DescribePlatform",
        "ThrowNotAMember", "SocketErrorFor", "RequireError", "FormatExceptionMessage",

        // The native error struct.
        "Code", "Error", "IsKnown", "Name",

        // object's and ValueType's.
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>
    /// The mapping class's members named after one platform's <see cref="PlatformDefinition.Symbol"/>:
    /// the public <c>TryFrom{symbol}</c> and <c>Get{symbol}Code</c>, and the private lookups and tables behind them.
    /// </summary>
    public static PlatformMembers MembersOf(PlatformDefinition platform) => new(
        "TryFrom" + platform.Symbol,
        "FromCodeOn" + platform.Symbol,
        platform.Symbol + "ErrorByCode",
        "NameOn" + platform.Symbol,
        platform.Symbol + "NameByCode",
        "Get" + platform.Symbol + "Code",
        platform.Symbol + "CodeByError");

    /// <summary>The names of <see cref="MembersOf"/>, for the checks that compare them with type names.</summary>
    public static IEnumerable<string> PlatformMemberNames(PlatformDefinition platform) => MembersOf(platform).All;

    /// <summary>
    /// The generated types whose names a generated member also has; empty for almost every catalog. The generated file names its own types without a
    /// namespace (<c>{prefix}Error.X</c>, not <c>global::{namespace}.{prefix}Error.X</c>) unless
    /// this list is not empty (<see cref="OwnTypesNeedNamespace"/>), because C#
    /// looks a simple name up in the enclosing types, their members and their bases' members, before
    /// the namespace: C# standard §7.8 (namespace and type names) and §12.8.4 (simple names), and
    /// a doc comment's cref binds in the scope of the member it documents. A prefix such as
    /// <c>Native</c> (<c>NativeError</c> is a property of the exception class) or <c>Create</c>
    /// (<c>CreateException</c> is a method of the mapping class) would let such a member capture
    /// the name. See generator/GENERATED-API.md for every scope the generated code names a type in.
    /// </summary>
    /// <param name="prefix">The prefix after any build override.</param>
    /// <param name="catalog">The catalog, for its platforms' symbols.</param>
    private static IEnumerable<string> TypesNamedLikeMembers(string prefix, Catalog catalog)
    {
        // The platform code enums are left out: the generated code never names them.
        foreach (var type in new[] { ErrorEnum(prefix), PlatformEnum(prefix), ClassificationEnum(prefix), NativeError(prefix), Mappings(prefix), ExceptionClass(prefix) })
        {
            if (IsExceptionMember(type) || FixedMembers.Contains(type) || catalog.Platforms.Any(platform => PlatformMemberNames(platform).Contains(type)))
            {
                yield return type;
            }
        }
    }

    /// <summary>
    /// Whether the generated file must name the catalog's own types with their namespace
    /// (<c>global::{namespace}.{prefix}Error</c>): when an entry's or group's symbol is a generated
    /// type's name (inside the exception class the nested type, and in the error enum's doc
    /// comments the enum member, would be found first), or when the prefix names a type like a
    /// generated member (<see cref="TypesNamedLikeMembers"/>). Any other catalog gets the short
    /// names; no symbol or prefix is refused for this.
    /// </summary>
    /// <param name="prefix">The prefix after any build override.</param>
    /// <param name="catalog">The catalog, for its symbols and platforms.</param>
    public static bool OwnTypesNeedNamespace(string prefix, Catalog catalog)
    {
        var typeNames = new HashSet<string>(TopLevelTypes(prefix, catalog), StringComparer.Ordinal);
        foreach (var group in catalog.Groups)
        {
            if (typeNames.Contains(group.Symbol))
            {
                return true;
            }
        }

        foreach (var error in catalog.Errors)
        {
            if (typeNames.Contains(error.Symbol))
            {
                return true;
            }
        }

        return TypesNamedLikeMembers(prefix, catalog).Any();
    }

    /// <summary>The enum with one member per entry: <c>{prefix}Error</c>.</summary>
    public static string ErrorEnum(string prefix) => prefix + "Error";

    /// <summary>The enum of the catalog's platforms: <c>{prefix}Platform</c>.</summary>
    public static string PlatformEnum(string prefix) => prefix + "Platform";

    /// <summary>The enum of the catalog's classifications: <c>{prefix}Classification</c>.</summary>
    public static string ClassificationEnum(string prefix) => prefix + "Classification";

    /// <summary>The struct holding a raw platform code: <c>{prefix}NativeError</c>.</summary>
    public static string NativeError(string prefix) => prefix + "NativeError";

    /// <summary>The static class with the mappings between codes, entries and names: <c>{prefix}Errors</c>.</summary>
    public static string Mappings(string prefix) => prefix + "Errors";

    /// <summary>The catalog's exception base class, in which every group and entry type is nested: <c>{prefix}Exception</c>.</summary>
    public static string ExceptionClass(string prefix) => prefix + "Exception";

    /// <summary>The enum of one platform's native names and numbers: <c>{prefix}{platform symbol}Code</c>.</summary>
    public static string PlatformCodeEnum(string prefix, PlatformDefinition platform) => prefix + platform.Symbol + "Code";

    /// <summary>The entry's enum member as written in C#: <c>{prefix}Error.{symbol}</c>.</summary>
    public static string ErrorMember(string prefix, ErrorEntry error) => ErrorEnum(prefix) + "." + error.Symbol;

    /// <summary>The exception type of an entry or group (<paramref name="symbol"/>), nested in <see cref="ExceptionClass(string)"/>: <c>{prefix}Exception.{symbol}</c>.</summary>
    public static string ExceptionType(string prefix, string symbol) => ExceptionClass(prefix) + "." + symbol;

    /// <summary>The entry's exception type: <c>{prefix}Exception.{symbol}</c>.</summary>
    public static string ExceptionType(string prefix, ErrorEntry error) => ExceptionType(prefix, error.Symbol);

    /// <summary>
    /// The type the entry's exception derives from: its group's nested type, or the catalog's
    /// exception base when the entry has no group (or names a group the catalog does not declare).
    /// </summary>
    public static string ExceptionParent(string prefix, Catalog catalog, ErrorEntry error) =>
        error.Group is not null && catalog.FindGroup(error.Group) is { } group ? ExceptionType(prefix, group.Symbol) : ExceptionClass(prefix);

    /// <summary>A generated type name written so that no user type can capture it: <c>global::{namespace}.{name}</c>.</summary>
    public static string Qualified(string ns, string name) => "global::" + ns + "." + name;

    /// <summary>The generated source file's hint name, unique per namespace and prefix: <c>{namespace}.{prefix}.g.cs</c>.</summary>
    public static string HintName(string ns, string prefix) => ns + "." + prefix + ".g.cs";

    /// <summary>Every top-level type the generator writes into the catalog's namespace, in the order it writes them.</summary>
    public static IEnumerable<string> TopLevelTypes(string prefix, Catalog catalog)
    {
        yield return ErrorEnum(prefix);
        yield return PlatformEnum(prefix);
        yield return ClassificationEnum(prefix);
        foreach (var platform in catalog.Platforms)
        {
            yield return PlatformCodeEnum(prefix, platform);
        }

        yield return NativeError(prefix);
        yield return Mappings(prefix);
        yield return ExceptionClass(prefix);
    }

    /// <inheritdoc cref="ErrorEnum(string)"/>
    public static string ErrorEnum(Catalog catalog) => ErrorEnum(catalog.Info.Prefix);

    /// <inheritdoc cref="ErrorMember(string, ErrorEntry)"/>
    public static string ErrorMember(Catalog catalog, ErrorEntry error) => ErrorMember(catalog.Info.Prefix, error);

    /// <inheritdoc cref="ExceptionClass(string)"/>
    public static string ExceptionClass(Catalog catalog) => ExceptionClass(catalog.Info.Prefix);

    /// <inheritdoc cref="ExceptionType(string, ErrorEntry)"/>
    public static string ExceptionType(Catalog catalog, ErrorEntry error) => ExceptionType(catalog.Info.Prefix, error);

    /// <inheritdoc cref="ExceptionParent(string, Catalog, ErrorEntry)"/>
    public static string ExceptionParent(Catalog catalog, ErrorEntry error) => ExceptionParent(catalog.Info.Prefix, catalog, error);
}

/// <summary>The generated mapping class's members for one platform (<see cref="GeneratedNames.MembersOf"/>).</summary>
/// <param name="TryFrom">The public method from the platform's codes to entries: <c>TryFrom{symbol}</c>.</param>
/// <param name="FromCode">The private lookup behind it: <c>FromCodeOn{symbol}</c>.</param>
/// <param name="ErrorByCodeTable">That lookup's table, when the codes are dense: <c>{symbol}ErrorByCode</c>.</param>
/// <param name="NameOn">The private lookup from a code to its native name: <c>NameOn{symbol}</c>.</param>
/// <param name="NameByCodeTable">That lookup's table: <c>{symbol}NameByCode</c>.</param>
/// <param name="GetCode">The public method from an entry to its code: <c>Get{symbol}Code</c>.</param>
/// <param name="CodeByErrorTable">That method's table: <c>{symbol}CodeByError</c>.</param>
public sealed record PlatformMembers(string TryFrom, string FromCode, string ErrorByCodeTable, string NameOn, string NameByCodeTable, string GetCode, string CodeByErrorTable)
{
    /// <summary>Every one of the names.</summary>
    public IEnumerable<string> All => new[] { TryFrom, FromCode, ErrorByCodeTable, NameOn, NameByCodeTable, GetCode, CodeByErrorTable };
}
