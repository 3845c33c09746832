namespace ErrorCatalog.Catalog.Diagnostics;

/// <summary>What one diagnostic id means. The docs site has one page per descriptor; the generator's help links point there.</summary>
/// <param name="Id">Stable id; never renumbered or reused.</param>
/// <param name="Title">Short title.</param>
/// <param name="Explanation">What the problem is.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="Severity">How serious it is; everything is an error except the notes that say something was not listed or not read.</param>
public sealed record CatalogDiagnosticDescriptor(string Id, string Title, string Explanation, string Fix, CatalogSeverity Severity = CatalogSeverity.Error);

/// <summary>Every diagnostic the loader reports.</summary>
public static class CatalogDiagnosticDescriptors
{
    /// <summary>Where the docs site's diagnostic pages live; a page is <c>{HelpLinkBase}ECAT001.html</c>. Set at build time (MSBuild property ErrorCatalogDocsUrl).</summary>
    public static readonly string HelpLinkBase = DocsSite.Url + "diagnostics/";

    public static readonly CatalogDiagnosticDescriptor YamlSyntax = new(
        "ECAT001",
        "The file is not valid YAML",
        "The YAML parser stopped at this position: an unclosed quote or bracket, a tab used for indentation, or a key with inconsistent indentation.",
        "Correct the YAML at the reported line and column; the rest of the file was not read.");

    public static readonly CatalogDiagnosticDescriptor InputTooLarge = new(
        "ECAT002",
        "The catalog is too large",
        "The file, its number of nodes, or the nodes produced by expanding its aliases exceed the loader's limits. The limits protect builds from hostile input such as alias bombs.",
        "Split the catalog, or remove anchors and aliases that repeat large parts of the document.");

    public static readonly CatalogDiagnosticDescriptor NestingTooDeep = new(
        "ECAT003",
        "The catalog is nested too deeply",
        "Mappings and sequences are nested deeper than the schema ever needs.",
        "Flatten the structure; no field of the schema needs more than a few levels.");

    public static readonly CatalogDiagnosticDescriptor UnknownKey = new(
        "ECAT004",
        "Unknown key",
        "A mapping has a key that the schema does not define. Typos are errors rather than ignored, so that no field is silently lost.",
        "Correct the spelling, or remove the key; the message lists the keys allowed here.");

    public static readonly CatalogDiagnosticDescriptor MissingField = new(
        "ECAT005",
        "Required field missing",
        "A mapping lacks a field the schema requires.",
        "Add the field named in the message.");

    public static readonly CatalogDiagnosticDescriptor WrongType = new(
        "ECAT006",
        "Value has the wrong shape",
        "A value is a mapping where a list or a plain value was expected (or the reverse), or is not a whole number where one is required.",
        "Write the value in the shape the message names; catalog/README.md shows each field.");

    public static readonly CatalogDiagnosticDescriptor DuplicateName = new(
        "ECAT007",
        "Duplicate error name",
        "Two entries, or an entry and an alias, have the same name. Each name must identify exactly one error.",
        "Remove one of them, or merge them into one entry with aliases.");

    public static readonly CatalogDiagnosticDescriptor DuplicateSymbol = new(
        "ECAT008",
        "Duplicate symbol",
        "Two entries, platforms, classifications or groups share the generated C# name.",
        "Give each a distinct symbol.");

    public static readonly CatalogDiagnosticDescriptor DuplicateCode = new(
        "ECAT009",
        "Two names share a number on one platform",
        "Two different entries have the same code on one platform. Unless one is declared an alias of the other, a code would map back to two errors.",
        "Correct the number from the platform's header, or declare one name an alias of the other.");

    public static readonly CatalogDiagnosticDescriptor UnknownPlatform = new(
        "ECAT010",
        "Unknown platform id",
        "A code, quirk, not-returned item or scenario refers to a platform that the catalog's platforms list does not declare.",
        "Use one of the declared platform ids, or declare the platform.");

    public static readonly CatalogDiagnosticDescriptor UnknownSource = new(
        "ECAT011",
        "Unknown source id",
        "An entry cites a source that the catalog's sources list does not declare.",
        "Use one of the declared source ids, or declare the source.");

    public static readonly CatalogDiagnosticDescriptor UnknownFamily = new(
        "ECAT012",
        "Unknown address-family id",
        "An entry, a kernel source or a scenario names a family that the catalog's families list does not declare, or a kernel source names a family its entry does not list.",
        "Use one of the declared family ids, or declare the family.");

    public static readonly CatalogDiagnosticDescriptor InvalidSymbol = new(
        "ECAT013",
        "Symbol is not a valid C# identifier",
        "Generated code uses the symbol as a type or member name, so it must be a C# identifier that is not a keyword.",
        "Use PascalCase letters and digits, starting with a letter.");

    public static readonly CatalogDiagnosticDescriptor NumberOutOfRange = new(
        "ECAT014",
        "Number out of range",
        "A code lies outside the range its platform declares, or a value does not fit the field.",
        "Check the number against the platform's header; codes are positive.");

    public static readonly CatalogDiagnosticDescriptor MissingPlatformCode = new(
        "ECAT015",
        "Platform not covered",
        "Every entry must say, for every declared platform, either its number or that the platform does not define it, so that no platform is forgotten.",
        "Add the platform to the entry's codes, with its number or 'absent'.");

    public static readonly CatalogDiagnosticDescriptor UnknownClassification = new(
        "ECAT016",
        "Unknown classification",
        "An entry uses a classification that the catalog's classifications list does not declare.",
        "Use one of the declared classification ids.");

    public static readonly CatalogDiagnosticDescriptor UnknownAttribution = new(
        "ECAT017",
        "Unknown attribution",
        "An entry says a source lists it in a way that the source's declaration does not define.",
        "Use one of the attribution ids the source declares.");

    public static readonly CatalogDiagnosticDescriptor UnknownSocketError = new(
        "ECAT018",
        "Unknown .NET SocketError member",
        "The dotnet field of an entry, and each value under a scenario's dotnet, must name a member of System.Net.Sockets.SocketError.",
        "Use the exact member name, for example ConnectionRefused.");

    public static readonly CatalogDiagnosticDescriptor DuplicateId = new(
        "ECAT019",
        "Duplicate id or key",
        "A source, platform, family, classification, group or scenario id is declared twice, a mapping repeats a key, or a list repeats an item.",
        "Keep one declaration.");

    public static readonly CatalogDiagnosticDescriptor InvalidName = new(
        "ECAT020",
        "Invalid error name or id",
        "Error and alias names are upper-case native constant names: letters, digits and underscores, starting with a letter. Ids (of the catalog, sources, attributions, platforms, families, classifications and groups) use only lower-case letters, digits and '-'; scenario ids are kebab-case: words of lower-case letters and digits joined by single '-'.",
        "Write the name as the platform's header spells it; write ids in lower case, for example 'windows-crt'.");

    public static readonly CatalogDiagnosticDescriptor InconsistentAlias = new(
        "ECAT021",
        "Alias code is inconsistent",
        "An alias gives, as a number of its own, the number the canonical name already has (write 'same'), or says 'same' where the canonical name is absent.",
        "Write 'same' when the numbers agree, a number when they differ, and 'absent' when the platform lacks the alias.");

    public static readonly CatalogDiagnosticDescriptor UnsupportedSchema = new(
        "ECAT022",
        "Unsupported schema version",
        "The schema field names a version this loader does not read.",
        "Set schema: 1.");

    public static readonly CatalogDiagnosticDescriptor EmptyCatalog = new(
        "ECAT023",
        "Empty list",
        "The catalog declares no errors, or a list that must not be empty (platforms, sources) is empty.",
        "Add at least one item.");

    public static readonly CatalogDiagnosticDescriptor UnknownGroup = new(
        "ECAT024",
        "Unknown group",
        "An entry names a group that the catalog's groups list does not declare.",
        "Use one of the declared group ids, or declare the group.");

    public static readonly CatalogDiagnosticDescriptor DuplicateValue = new(
        "ECAT025",
        "Duplicate enum value",
        "Two entries have the same stable value, so the generated enum would give two errors one number.",
        "Give the new entry an unused value; never reuse or renumber a released value.");

    public static readonly CatalogDiagnosticDescriptor UnknownScenarioResult = new(
        "ECAT026",
        "Scenario result is not an entry",
        "A scenario's result or naive prediction must be the canonical name of an entry of the same catalog, or 'success', so that every replayed outcome is something the catalog explains.",
        "Write the entry's canonical name (not an alias), write 'success', or add the missing entry.");

    public static readonly CatalogDiagnosticDescriptor NaiveEqualsResult = new(
        "ECAT027",
        "Naive prediction equals the result",
        "A scenario's naive field records a prediction the kernel contradicts; when it names the same outcome as the result, nothing is contradicted.",
        "Remove naive (and naive-source), or write the different outcome that a document or intuition predicts.");

    public static readonly CatalogDiagnosticDescriptor UnknownScenarioTerm = new(
        "ECAT028",
        "Unknown scenario socket type, need or via",
        "A scenario's socket, needs or via uses a word the schema does not define, so no replay runner would know what to do with it.",
        "Use one of the words the message lists: socket stream, dgram, seqpacket, raw or rdm; needs root, netns, nftables, landlock, bpf or unprivileged-user; via connect, so-error, second-connect or socket.");

    public static readonly CatalogDiagnosticDescriptor NeedsNoneMixed = new(
        "ECAT029",
        "Scenario needs 'none' together with other needs",
        "'none' means any user can run the scenario, which contradicts any other need beside it.",
        "Write 'needs: none' alone, or list only the real needs.");

    public static readonly CatalogDiagnosticDescriptor UnknownScenario = new(
        "ECAT030",
        "Unknown scenario id",
        "A quirk names a scenario that the catalog's scenarios list does not declare.",
        "Use the id of a declared scenario, or add the scenario.");

    public static readonly CatalogDiagnosticDescriptor NotReturnedContradicted = new(
        "ECAT031",
        "Error marked not returned although a scenario returns it",
        "An entry says a platform never returns it, yet a scenario on that platform has the entry as its real result.",
        "Remove the not-returned item, or correct the scenario's result.");

    public static readonly CatalogDiagnosticDescriptor NotReturnedUntried = new(
        "ECAT032",
        "Error marked not returned with nothing tried",
        "A not-returned claim must rest on at least one scenario on that platform whose naive prediction is the entry: the setup where one would expect the error, replayed to show what comes instead.",
        "Add a scenario on that platform with 'naive:' set to this entry, or remove the not-returned item.");

    public static readonly CatalogDiagnosticDescriptor SocketErrorWithoutSocketBase = new(
        "ECAT033",
        "A .NET SocketError member without a SocketException base",
        "An entry's 'dotnet' names a System.Net.Sockets.SocketError member, but the catalog's 'exception-base' is not socket: only a SocketException base carries a SocketError, so the generator writes no SocketError mapping and the field would be silently unused.",
        "Remove the entry's 'dotnet' field, or set 'exception-base: socket' (or leave it out) in the 'catalog' section.");

    public static readonly CatalogDiagnosticDescriptor TooManyProblems = new(
        "ECAT034",
        "More problems than are reported",
        "The loader reports the first problems of a file in file order and then stops listing them, so that a badly broken or huge file cannot flood a build with diagnostics. This warning says how many more were found.",
        "Fix the problems reported first (often one mistake repeated in many entries) and check the file again.",
        CatalogSeverity.Warning);

    // Ids from ECAT101 on concern how a project uses a catalog (build metadata, several catalogs in
    // one compilation, the compiler). They live here so the docs site explains them beside the loader's.

    public static readonly CatalogDiagnosticDescriptor InvalidOverride = new(
        "ECAT101",
        "Invalid catalog namespace or prefix metadata",
        "The ErrorCatalogNamespace item metadata must be a dotted C# namespace and ErrorCatalogPrefix a C# identifier, neither of them a keyword.",
        "Correct the metadata on the AdditionalFiles item, or remove it to use the catalog's own namespace and prefix.");

    public static readonly CatalogDiagnosticDescriptor DuplicateOutput = new(
        "ECAT102",
        "Two catalogs generate the same types",
        "Two catalogs in one project have the same namespace and prefix, so their generated types would collide; the second is not generated.",
        "Set ErrorCatalogPrefix or ErrorCatalogNamespace metadata on one of the AdditionalFiles items.");

    public static readonly CatalogDiagnosticDescriptor GeneratorFailure = new(
        "ECAT103",
        "The generator failed on this catalog",
        "Generating code for a valid catalog failed unexpectedly, so nothing was generated for it. This is a bug in the generator.",
        "Report the message with the catalog attached; other catalogs of the project are not affected.");

    public static readonly CatalogDiagnosticDescriptor LanguageVersion = new(
        "ECAT104",
        "C# 9 or later is required",
        "The generated code uses switch expressions, nullable annotations and target-typed expressions; netstandard2.0 projects default to C# 7.3.",
        "Set <LangVersion> to 9.0 or later in the project that consumes the catalog.");

    public static readonly CatalogDiagnosticDescriptor ReservedSymbol = new(
        "ECAT105",
        "Symbol conflicts with a generated member",
        "Each entry and group becomes a type nested in the generated exception class, so its symbol must not be the name of a member that class already has (Message, Code, Platform, ...).",
        "Choose another symbol for the entry or group.");

    public static readonly CatalogDiagnosticDescriptor GeneratedNameClash = new(
        "ECAT106",
        "Two catalogs generate clashing names",
        "Two catalogs of one compilation would generate a type with the same full name, or a type where the other one's namespace is (prefixes Accept and AcceptNative both produce AcceptNativeError, for one); the catalog with the later path is not generated.",
        "Give one of the catalogs another prefix or namespace (in the catalog, or with ErrorCatalogPrefix / ErrorCatalogNamespace metadata on its AdditionalFiles item).");

    public static readonly CatalogDiagnosticDescriptor UnclearCatalogMetadata = new(
        "ECAT107",
        "ErrorCatalog metadata is neither true nor false",
        "An AdditionalFiles item has ErrorCatalog metadata that is not true or false (any case), so it is not clear whether the file is a catalog; it is not treated as one.",
        "Write ErrorCatalog=\"true\" to make the file a catalog, or remove the metadata (or write false).",
        CatalogSeverity.Warning);

    // ECAT108 on are the loader's again: platforms' and classifications' values and 'runs-on'
    // (ECAT035-ECAT099 stay free so that the ids of one feature are together).

    public static readonly CatalogDiagnosticDescriptor UnknownOperatingSystem = new(
        "ECAT108",
        "Unknown operating system in runs-on",
        "A platform's runs-on names an operating system that System.OperatingSystem.IsOSPlatform does not recognise, so the generated CurrentPlatform could never match it.",
        "Use one of the names the message lists (android, browser, freebsd, illumos, ios, linux, maccatalyst, macos, netbsd, solaris, tvos, wasi, windows), or leave runs-on out for a system .NET does not name.");

    public static readonly CatalogDiagnosticDescriptor UnknownArchitecture = new(
        "ECAT109",
        "Unknown processor architecture in runs-on",
        "A platform's runs-on lists an architecture that is not a member of System.Runtime.InteropServices.Architecture (written in lower case), so no process could report it.",
        "Use x86, x64, arm, arm64, wasm, s390x, loongarch64, armv6, ppc64le or riscv64, or leave arch out to match any processor.");

    public static readonly CatalogDiagnosticDescriptor DuplicateDeclarationValue = new(
        "ECAT110",
        "Duplicate platform or classification value",
        "Two platforms, or two classifications, have the same stable value, so the generated enum would give two members one number.",
        "Give the new declaration an unused value; never reuse or renumber a released value.");

    public static readonly CatalogDiagnosticDescriptor OverlappingRunsOn = new(
        "ECAT111",
        "Two platforms run on the same system",
        "The runs-on of two platforms share an operating system and a processor architecture, so a process there would not know which column its error codes follow.",
        "Narrow the os or arch list of one of them so that each operating system and processor belongs to one platform.");

    public static readonly CatalogDiagnosticDescriptor EmptyRunsOnList = new(
        "ECAT112",
        "Empty os or arch list in runs-on",
        "An os or arch list of a platform's runs-on is empty, which would match no system at all; an empty arch list does not mean any processor.",
        "List at least one name, leave arch out to match any processor, or leave runs-on out when the catalog does not say where the platform's codes are reported.");

    /// <summary>The generator's own diagnostics (ECAT101 on).</summary>
    public static readonly IReadOnlyList<CatalogDiagnosticDescriptor> Generator = new[]
    {
        InvalidOverride, DuplicateOutput, GeneratorFailure, LanguageVersion, ReservedSymbol, GeneratedNameClash, UnclearCatalogMetadata,
    };

    public static readonly IReadOnlyList<CatalogDiagnosticDescriptor> All = new[]
    {
        YamlSyntax, InputTooLarge, NestingTooDeep, UnknownKey, MissingField, WrongType, DuplicateName,
        DuplicateSymbol, DuplicateCode, UnknownPlatform, UnknownSource, UnknownFamily, InvalidSymbol,
        NumberOutOfRange, MissingPlatformCode, UnknownClassification, UnknownAttribution, UnknownSocketError,
        DuplicateId, InvalidName, InconsistentAlias, UnsupportedSchema, EmptyCatalog, UnknownGroup, DuplicateValue,
        UnknownScenarioResult, NaiveEqualsResult, UnknownScenarioTerm, NeedsNoneMixed, UnknownScenario, NotReturnedContradicted,
        NotReturnedUntried, SocketErrorWithoutSocketBase, TooManyProblems,
        UnknownOperatingSystem, UnknownArchitecture, DuplicateDeclarationValue, OverlappingRunsOn, EmptyRunsOnList,
    };

    /// <summary>The loader's and the generator's diagnostics: every id a user can meet.</summary>
    public static IReadOnlyList<CatalogDiagnosticDescriptor> WithGenerator { get; } = Combine(All, Generator);

    public static CatalogDiagnosticDescriptor? Find(string id)
    {
        foreach (var descriptor in WithGenerator)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return null;
    }

    public static string HelpLink(string id) => HelpLinkBase + id + ".html";

    private static IReadOnlyList<CatalogDiagnosticDescriptor> Combine(IReadOnlyList<CatalogDiagnosticDescriptor> first, IReadOnlyList<CatalogDiagnosticDescriptor> second)
    {
        var combined = new List<CatalogDiagnosticDescriptor>(first);
        combined.AddRange(second);
        return combined;
    }
}
