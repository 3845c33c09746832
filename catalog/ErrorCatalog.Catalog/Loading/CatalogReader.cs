namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// Reads the schema from a <see cref="YamlNode"/> tree into the model, reporting every problem it
/// can find: a bad field is reported and skipped so that the rest of the catalog is still checked.
/// The model it builds is returned only when nothing was reported.
/// </summary>
internal sealed partial class CatalogReader
{
    private static readonly string[] RootKeys = { "schema", "catalog", "sources", "platforms", "families", "classifications", "groups", "errors", "scenarios" };
    private static readonly string[] InfoKeys = { "id", "function", "title", "description", "prefix", "namespace", "exception-base" };
    private static readonly string[] SourceKeys = { "id", "title", "url", "note", "names", "attributions" };
    private static readonly string[] SourceNamesKeys = { "pattern", "canonical" };
    private static readonly string[] AttributionKindKeys = { "id", "description", "caller-bug" };
    private static readonly string[] PlatformKeys = { "id", "symbol", "value", "title", "kind", "reference", "min", "max", "runs-on" };
    private static readonly string[] PlatformKinds = { "errno", "winsock" };
    private static readonly string[] FamilyKeys = { "id", "title", "native" };
    private static readonly string[] ClassificationKeys = { "id", "symbol", "value", "title", "description" };
    private static readonly string[] GroupKeys = { "id", "symbol", "summary" };

    private readonly LoadContext context;
    private readonly Declarations<SourceDefinition> sources = new("source");
    private readonly Declarations<PlatformDefinition> platforms = new("platform");
    private readonly Declarations<FamilyDefinition> families = new("family");
    private readonly Declarations<ClassificationDefinition> classifications = new("classification");
    private readonly Declarations<GroupDefinition> groups = new("group");
    private readonly Declarations<Scenario> scenarios = new("scenario");

    // Read with the catalog section, before the entries whose 'dotnet' fields depend on it.
    private ExceptionBase exceptionBase;

    private CatalogReader(LoadContext context) => this.context = context;

    public static Model.Catalog? Read(LoadContext context, YamlNode? root)
    {
        if (root is null || root is YamlScalar { IsNull: true })
        {
            context.Report(
                CatalogDiagnosticDescriptors.EmptyCatalog,
                0,
                0,
                "The file holds no catalog. Start it with 'schema: 1', then the 'catalog', 'sources', 'platforms', 'families', 'classifications' and 'errors' sections (see catalog/README.md).");
            return null;
        }

        return new CatalogReader(context).ReadRoot(root);
    }

    private Model.Catalog? ReadRoot(YamlNode root)
    {
        var fields = MappingFields.Open(context, root, "the catalog file", RootKeys);
        if (fields is null)
        {
            return null;
        }

        // A different schema version means different rules: checking the rest against version 1
        // would only bury the one message that matters.
        if (!ReadSchemaVersion(fields))
        {
            return null;
        }

        var info = ReadInfo(fields);
        ReadDeclarations(fields, "sources", "the documents the catalog cites", required: true, sources, SourceKeys, ReadSource);
        ReadDeclarations(fields, "platforms", "the platforms whose codes the catalog records", required: true, platforms, PlatformKeys, ReadPlatform);
        ReadDeclarations(fields, "families", "the address families errors are described for", required: true, families, FamilyKeys, ReadFamily);
        ReadDeclarations(fields, "classifications", "the policy classes entries use", required: true, classifications, ClassificationKeys, ReadClassification);
        ReadDeclarations(fields, "groups", "the groups entries may belong to", required: false, groups, GroupKeys, ReadGroup);
        CheckUniqueSymbols(platforms);
        CheckUniqueSymbols(classifications);
        CheckUniqueSymbols(groups);
        CheckUniqueDeclarationValues("platform", platformValueUses);
        CheckUniqueDeclarationValues("classification", classificationValueUses);
        CheckRunsOnOverlaps();
        var errors = ReadErrors(fields);

        // Scenarios come last in the file and refer to entries by name; entries refer back to
        // scenarios (quirks, not-returned), which is checked once both are read.
        ReadDeclarations(fields, "scenarios", "the scenarios a real kernel replays", required: false, scenarios, ScenarioKeys, ReadScenario);
        CheckScenarioReferences();

        if (context.HasErrors || info is null)
        {
            return null;
        }

        return new Model.Catalog(
            info,
            sources.Definitions(),
            platforms.Definitions(),
            families.Definitions(),
            classifications.Definitions(),
            groups.Definitions(),
            errors.ToEquatableArray(),
            scenarios.Definitions());
    }

    private bool ReadSchemaVersion(MappingFields fields)
    {
        var node = fields.Value("schema");
        if (node is null)
        {
            fields.ReportMissing("schema", "the schema version, 1");
            return true;
        }

        if (node is YamlScalar { IsPlain: true, Value: "1" })
        {
            return true;
        }

        if (node is YamlScalar { Value: "1" })
        {
            context.Report(
                CatalogDiagnosticDescriptors.UnsupportedSchema,
                node,
                "The schema version is quoted text, but it must be the number 1. Write 'schema: 1' without quotes.");
            return false;
        }

        context.Report(
            CatalogDiagnosticDescriptors.UnsupportedSchema,
            node,
            "The catalog declares schema " + (node is YamlScalar scalar ? "'" + YamlScalar.Shorten(scalar.Value) + "'" : node.Describe())
            + ", but this loader reads only schema 1. Write 'schema: 1' and follow catalog/README.md, or use a loader that supports that version.");
        return false;
    }

    private CatalogInfo? ReadInfo(MappingFields root)
    {
        var node = root.Value("catalog");
        if (node is null)
        {
            root.ReportMissing("catalog", "the catalog's id, function, title, description, prefix and namespace");
            return null;
        }

        var fields = MappingFields.Open(context, node, "the 'catalog' section", InfoKeys);
        if (fields is null)
        {
            return null;
        }

        fields.RecordSpans(CatalogSpans.Catalog, string.Empty);

        var id = ReadId(fields, "the catalog's short id, for example 'connect'");
        var function = fields.RequiredText("function", "the native call or error domain, for example 'connect()'");
        var title = fields.RequiredText("title", "a one-line title");
        var description = fields.RequiredText("description", "a paragraph on what the catalog covers");
        var prefix = ReadSymbol(fields, "prefix", "the prefix of generated type names, for example 'Connect'");
        var ns = fields.RequiredText("namespace", "the namespace of generated code, for example 'ErrorCatalog.Connect'");
        if (ns is not null && Naming.NamespaceProblem(ns) is { } problem)
        {
            context.Report(
                CatalogDiagnosticDescriptors.InvalidSymbol,
                fields.Value("namespace")!,
                "The namespace '" + YamlScalar.Shorten(ns) + "' is not a C# namespace: " + problem + ". Write C# identifiers separated by dots, for example 'ErrorCatalog.Connect'.");
        }

        exceptionBase = ReadExceptionBase(fields);
        return id is null || function is null || title is null || description is null || prefix is null || ns is null
            ? null
            : new CatalogInfo(id, function, title, description, prefix, ns, exceptionBase);
    }

    private ExceptionBase ReadExceptionBase(MappingFields fields)
    {
        var written = fields.OptionalText("exception-base", "socket, io, win32 or the full name of an exception type");
        switch (written)
        {
            case null or "socket":
                return new ExceptionBase(ExceptionBaseKind.Socket, null);
            case "io":
                return new ExceptionBase(ExceptionBaseKind.IO, null);
            case "win32":
                return new ExceptionBase(ExceptionBaseKind.Win32, null);
        }

        const string Global = "global::";
        var typeName = written.StartsWith(Global, StringComparison.Ordinal) ? written.Substring(Global.Length) : written;
        var problem = typeName.IndexOf('.') < 0
            ? "it is neither socket, io nor win32, and not a full type name with its namespace"
            : Naming.NamespaceProblem(typeName);
        if (problem is not null)
        {
            context.Report(
                CatalogDiagnosticDescriptors.InvalidSymbol,
                fields.Value("exception-base")!,
                "'exception-base' of " + fields.Owner + " is '" + YamlScalar.Shorten(written) + "', which cannot name the base of the generated exceptions: " + problem
                + ". Write socket, io, win32, or a type's full name such as 'MyCompany.Net.TransportException' (it needs a constructor taking the message string)."
                + Naming.Suggestion(written, new[] { "socket", "io", "win32" }));
        }

        return new ExceptionBase(ExceptionBaseKind.Custom, typeName);
    }

    private delegate T? DefinitionReader<T>(MappingFields fields, string id);

    /// <summary>Reads one list of declarations: each item a mapping with an 'id' that must be well formed and unique.</summary>
    private void ReadDeclarations<T>(
        MappingFields root,
        string key,
        string what,
        bool required,
        Declarations<T> declarations,
        IReadOnlyList<string> itemKeys,
        DefinitionReader<T> readItem)
        where T : class, IEquatable<T>
    {
        if (!required && root.Value(key) is null or YamlScalar { IsNull: true })
        {
            // An optional list left out or empty declares nothing, and references to it are errors.
            declarations.Known = true;
            return;
        }

        var list = root.List(key, what, required, nonEmpty: required);
        if (list is null)
        {
            // Without the list, references to it cannot be checked; the missing list was reported.
            declarations.Known = false;
            return;
        }

        declarations.Known = true;
        var position = 0;
        foreach (var item in list.Items)
        {
            position++;
            var owner = DescribeItem(declarations.Kind, item, "id", position);
            var fields = MappingFields.Open(context, item, owner, itemKeys);
            if (fields is null)
            {
                declarations.Known = false;
                continue;
            }

            var id = ReadId(fields, "a short lower-case id");
            if (id is null)
            {
                // An item whose id could not be read may be what entries refer to; checking
                // references against the rest would only repeat the problem already reported.
                declarations.Known = false;
                readItem(fields, string.Empty);
                continue;
            }

            if (declarations.TryGet(id, out var earlier))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.DuplicateId,
                    fields.Value("id")!,
                    "The " + declarations.Kind + " id '" + id + "' is declared twice (first at line " + context.LineOf(earlier.Node) + "). Keep one declaration, or give this one a different id.");
                readItem(fields, id);
                continue;
            }

            fields.RecordSpans(key, id);
            declarations.Add(id, fields.Value("id")!, readItem(fields, id));
            declarations.SymbolSources.Add((id, fields.Value("id")!, fields));
        }
    }

    private SourceDefinition? ReadSource(MappingFields fields, string id)
    {
        var title = fields.RequiredText("title", "the document's real title");
        var url = fields.OptionalText("url", "where the document can be read");
        var note = fields.OptionalText("note", "the edition read and any caveats");
        var names = ReadSourceNames(fields, id);
        var kinds = new List<AttributionKind>();
        var kindNodes = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var list = fields.List("attributions", "the ways this source can list an error, each with an id and a description", required: true, nonEmpty: true);
        var position = 0;
        foreach (var item in list?.Items ?? default)
        {
            position++;
            var itemFields = MappingFields.Open(context, item, DescribeItem("attribution of source '" + id + "'", item, "id", position), AttributionKindKeys);
            if (itemFields is null)
            {
                continue;
            }

            var kindId = ReadId(itemFields, "a short lower-case id, for example 'shall-fail'");
            var description = itemFields.RequiredText("description", "what this way of listing an error means");
            var callerBug = itemFields.OptionalBoolean("caller-bug", "whether the document treats the condition as a bug of the caller", absent: false);
            if (kindId is null)
            {
                continue;
            }

            if (kindNodes.TryGetValue(kindId, out var earlier))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.DuplicateId,
                    itemFields.Value("id")!,
                    "The attribution id '" + kindId + "' is declared twice in source '" + id + "' (first at line " + context.LineOf(earlier) + "). Keep one declaration.");
                continue;
            }

            kindNodes.Add(kindId, itemFields.Value("id")!);
            kinds.Add(new AttributionKind(kindId, description ?? string.Empty, callerBug));
        }

        if (id.Length > 0 && list is not null && !attributionIds.ContainsKey(id))
        {
            attributionIds.Add(id, kinds.Select(k => k.Id).ToList());
        }

        return title is null ? null : new SourceDefinition(id, title, url, note, kinds.ToEquatableArray(), names);
    }

    /// <summary>The optional mapping under <paramref name="key"/>: null when it is left out or empty, or after reporting that it is not a mapping.</summary>
    private MappingFields? OpenOptionalMapping(MappingFields parent, string key, string owner, IReadOnlyList<string> allowedKeys) =>
        parent.Value(key) is { } node && node is not YamlScalar { IsNull: true }
            ? MappingFields.Open(context, node, owner, allowedKeys)
            : null;

    private SourceNames? ReadSourceNames(MappingFields source, string id)
    {
        var fields = OpenOptionalMapping(source, "names", "the 'names' of source '" + id + "'", SourceNamesKeys);
        if (fields is null)
        {
            return null;
        }

        var pattern = fields.RequiredText("pattern", "how the source writes an error's name, with {name} where the name goes, for example 'Errno::{name}'");
        var canonical = fields.OptionalBoolean("canonical", "whether the source names every error after the catalog's canonical name", absent: false);
        if (pattern is null)
        {
            return null;
        }

        var at = pattern.IndexOf(SourceNames.Placeholder, StringComparison.Ordinal);
        if (at < 0 || pattern.IndexOf(SourceNames.Placeholder, at + 1, StringComparison.Ordinal) >= 0)
        {
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                fields.Value("pattern")!,
                "'pattern' of " + fields.Owner + " is '" + YamlScalar.Shorten(pattern) + "', which must contain {name} exactly once. Write the source's form of a name with {name} in its place, for example 'Errno::{name}'.");
            return null;
        }

        return new SourceNames(pattern, canonical);
    }

    private PlatformDefinition? ReadPlatform(MappingFields fields, string id)
    {
        var symbol = ReadSymbol(fields, "symbol", "the PascalCase name for generated code, for example 'Linux'");
        var value = ReadDeclarationValue(fields, id, platformValueUses);
        var title = fields.RequiredText("title", "a human-readable name");
        var kind = ReadChoice(fields, "kind", PlatformKinds, "how the platform reports errors");
        var reference = fields.RequiredText("reference", "the header or document the numbers come from");
        var min = fields.OptionalInteger("min", "the smallest valid code", int.MinValue, int.MaxValue) ?? 1;
        var max = fields.OptionalInteger("max", "the largest valid code", int.MinValue, int.MaxValue) ?? int.MaxValue;
        var runsOn = ReadRunsOn(fields, id);
        if (id.Length > 0 && !platformRanges.ContainsKey(id) && min <= max)
        {
            platformRanges.Add(id, ((int)min, (int)max));
        }

        if (min > max)
        {
            context.Report(
                CatalogDiagnosticDescriptors.NumberOutOfRange,
                fields.Value("min") ?? fields.Value("max")!,
                string.Format(CultureInfo.InvariantCulture, "Platform '{0}' has min {1} greater than max {2}, so no code could be valid. Make min at most max (min defaults to 1, max to 2147483647).", id, min, max));
        }

        return symbol is null || value is null || title is null || kind is null || reference is null
            ? null
            : new PlatformDefinition(id, symbol, (int)value, title, kind == "winsock" ? PlatformKind.Winsock : PlatformKind.Errno, reference, (int)min, (int)max, runsOn);
    }

    private FamilyDefinition? ReadFamily(MappingFields fields, string id)
    {
        var title = fields.RequiredText("title", "a human-readable name, for example 'IPv4'");
        var native = fields.RequiredText("native", "the native constant, for example 'AF_INET'");
        return title is null || native is null ? null : new FamilyDefinition(id, title, native);
    }

    private ClassificationDefinition? ReadClassification(MappingFields fields, string id)
    {
        var symbol = ReadSymbol(fields, "symbol", "the PascalCase name for generated code, for example 'CallerBug'");
        var value = ReadDeclarationValue(fields, id, classificationValueUses);
        var title = fields.RequiredText("title", "a human-readable name");
        var description = fields.RequiredText("description", "what the class means and what a caller should do");
        return symbol is null || value is null || title is null || description is null ? null : new ClassificationDefinition(id, symbol, (int)value, title, description);
    }

    private GroupDefinition? ReadGroup(MappingFields fields, string id)
    {
        var symbol = ReadSymbol(fields, "symbol", "the PascalCase name of the group's exception type, for example 'Unreachable'");
        var summary = fields.RequiredText("summary", "one sentence on what the group's errors have in common");
        return symbol is null || summary is null ? null : new GroupDefinition(id, symbol, summary);
    }

    private void CheckUniqueSymbols<T>(Declarations<T> declarations)
        where T : class, IEquatable<T>
    {
        var seen = new Dictionary<string, (string Id, YamlNode Node)>(StringComparer.Ordinal);
        foreach (var (id, _, fields) in declarations.SymbolSources)
        {
            if (fields.Value("symbol") is not YamlScalar { IsNull: false } node)
            {
                continue;
            }

            if (seen.TryGetValue(node.Value, out var first))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.DuplicateSymbol,
                    node,
                    "The symbol '" + YamlScalar.Shorten(node.Value) + "' of " + declarations.Kind + " '" + id + "' is already the symbol of " + declarations.Kind + " '" + first.Id
                    + "' (line " + context.LineOf(first.Node) + "). Give each " + declarations.Kind + " a distinct symbol.");
                continue;
            }

            seen.Add(node.Value, (id, node));
        }
    }

    private string? ReadId(MappingFields fields, string what)
    {
        var id = fields.RequiredText("id", what);
        if (id is not null && !Naming.IsId(id))
        {
            context.Report(
                CatalogDiagnosticDescriptors.InvalidName,
                fields.Value("id")!,
                "The id '" + YamlScalar.Shorten(id) + "' of " + fields.Owner + " is not a valid id. Ids use only lower-case letters a-z, digits and '-'"
                + (id.ToLowerInvariant() != id && Naming.IsId(id.ToLowerInvariant()) ? ": write '" + id.ToLowerInvariant() + "'." : "."));
            return null;
        }

        return id;
    }

    private string? ReadSymbol(MappingFields fields, string key, string what)
    {
        var symbol = fields.RequiredText(key, what);
        if (symbol is not null && Naming.SymbolProblem(symbol) is { } problem)
        {
            context.Report(
                CatalogDiagnosticDescriptors.InvalidSymbol,
                fields.Value(key)!,
                "'" + key + "' of " + fields.Owner + " is '" + YamlScalar.Shorten(symbol) + "', which cannot name generated code: " + problem
                + ". Use PascalCase letters and digits starting with an upper-case letter, for example 'ConnectionRefused'.");
            return null;
        }

        return symbol;
    }

    private string? ReadChoice(MappingFields fields, string key, IReadOnlyList<string> choices, string what, CatalogDiagnosticDescriptor? unknown = null)
    {
        var value = fields.RequiredText(key, what + ": one of " + Naming.List(choices));
        if (value is not null && !choices.Contains(value, StringComparer.Ordinal))
        {
            context.Report(
                unknown ?? CatalogDiagnosticDescriptors.WrongType,
                fields.Value(key)!,
                "'" + key + "' of " + fields.Owner + " is '" + YamlScalar.Shorten(value) + "', which is not one of " + Naming.List(choices) + "." + Naming.Suggestion(value, choices)
                + " Write one of those.");
            return null;
        }

        return value;
    }

    /// <summary>"the platform 'linux'" when the item's id is readable, else "platform #3".</summary>
    private static string DescribeItem(string kind, YamlNode item, string idKey, int position)
    {
        var id = Peek(item, idKey);
        return id is null
            ? string.Format(CultureInfo.InvariantCulture, "{0} #{1}", kind, position)
            : "the " + kind + " '" + YamlScalar.Shorten(id) + "'";
    }

    /// <summary>The plain text of <paramref name="key"/> in a mapping, without reporting anything.</summary>
    private static string? Peek(YamlNode node, string key)
    {
        if (node is not YamlMapping mapping)
        {
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is YamlScalar { Value: var name } && name == key && entry.Value is YamlScalar { IsNull: false } value && value.Value.Length > 0)
            {
                return value.Value;
            }
        }

        return null;
    }

    /// <summary>The declared items of one kind, by id, in declaration order.</summary>
    private sealed class Declarations<T>
        where T : class, IEquatable<T>
    {
        private readonly Dictionary<string, (int Index, YamlNode Node, T? Definition)> byId = new(StringComparer.Ordinal);
        private readonly List<string> order = new();

        public Declarations(string kind)
        {
            Kind = kind;
            IdDescription = "the id of a declared " + kind;
        }

        public string Kind { get; }

        /// <summary>What a reference to one of these is, for messages about a missing one.</summary>
        public string IdDescription { get; }

        /// <summary>Whether the list was read, so that references to it can be checked.</summary>
        public bool Known { get; set; }

        public IReadOnlyList<string> Ids => order;

        public List<(string Id, YamlNode Node, MappingFields Fields)> SymbolSources { get; } = new();

        public void Add(string id, YamlNode node, T? definition)
        {
            byId.Add(id, (order.Count, node, definition));
            order.Add(id);
        }

        public bool TryGet(string id, out (int Index, YamlNode Node, T? Definition) declaration) => byId.TryGetValue(id, out declaration);

        public bool IsDeclared(string id) => byId.ContainsKey(id);

        public int IndexOf(string id) => byId.TryGetValue(id, out var declaration) ? declaration.Index : int.MaxValue;

        public EquatableArray<T> Definitions() => order.Select(id => byId[id].Definition).Where(d => d is not null).Select(d => d!).ToEquatableArray();
    }
}
