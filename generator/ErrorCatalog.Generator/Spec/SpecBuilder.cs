namespace ErrorCatalog.Generator.Spec;

/// <summary>
/// Turns a validated catalog into the <see cref="EmitSpec"/> the emitter writes: every lookup,
/// escape and layout decision happens here, once, so the emitter only arranges text.
/// </summary>
internal static class SpecBuilder
{
    private const string SocketErrorType = "global::System.Net.Sockets.SocketError";

    public static EmitSpec Build(CatalogSpec catalogSpec, CancellationToken cancellationToken)
    {
        var catalog = catalogSpec.Catalog;
        var prefix = catalogSpec.Prefix;
        var declaredNames = TypeNames.For(catalogSpec.Namespace, prefix);
        var names = GeneratedNames.OwnTypesNeedNamespace(prefix, catalog) ? declaredNames.WithNamespace() : declaredNames;
        var exceptionBase = catalog.Info.ExceptionBase;
        var shared = new SharedText(catalog);

        // The arrays below are made at their final size and handed to the spec without a copy.
        var errors = new ErrorSpec[catalog.Errors.Count];
        var nameCount = errors.Length;
        for (var index = 0; index < errors.Length; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            errors[index] = BuildError(catalog, catalog.Errors[index], exceptionBase, shared);
            nameCount += catalog.Errors[index].Aliases.Count;
        }

        var platforms = new List<PlatformSpec>(catalog.Platforms.Count);
        foreach (var platform in catalog.Platforms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            platforms.Add(BuildPlatform(catalog, errors, nameCount, platform, platform.Value, catalogSpec.Prefix));
        }

        return new EmitSpec(
            catalogSpec.HintName,
            OneLine(catalogSpec.FileName),
            OneLine(catalog.Info.Id),
            names,
            declaredNames,
            Text.Sentence(catalog.Info.Title),
            Text.Sentence(catalog.Info.Description),
            Text.Xml(catalog.Info.Id),
            Text.Xml(catalog.Info.Function),
            Text.Literal(catalog.Info.Function + " failed with "),
            exceptionBase,
            platforms.ToEquatableArray(),
            BuildClassifications(catalog),
            BuildGroups(catalog),
            EquatableArray<ErrorSpec>.Adopt(errors),
            Layout(ErrorValues(catalog)),
            BuildParseArms(catalog, errors, nameCount),
            exceptionBase.MapsSocketError ? BuildSocketErrorArms(catalog) : EquatableArray<SocketErrorArm>.Empty,
            BuildDetection(catalog));
    }

    /// <summary>
    /// An array table is used when the keys fill at least a quarter of their range: then it costs at
    /// most four slots per key, and a lookup is one bounds check and one load, with no indirect
    /// jump to mispredict when the key changes from call to call.
    /// </summary>
    internal static TableLayout Layout(IReadOnlyList<int> keys)
    {
        if (keys.Count == 0)
        {
            return default;
        }

        var first = int.MaxValue;
        var last = int.MinValue;
        foreach (var key in keys)
        {
            first = Math.Min(first, key);
            last = Math.Max(last, key);
        }

        var span = (long)last - first + 1;
        if (span > 4L * keys.Count)
        {
            return default;
        }

        var slots = new int[span];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = -1;
        }

        for (var position = 0; position < keys.Count; position++)
        {
            slots[keys[position] - first] = position;
        }

        return new TableLayout(true, first, EquatableArray<int>.Adopt(slots));
    }

    private static Dictionary<string, int> IndexErrors(Catalog.Model.Catalog catalog)
    {
        var index = new Dictionary<string, int>(catalog.Errors.Count, StringComparer.Ordinal);
        for (var i = 0; i < catalog.Errors.Count; i++)
        {
            index[catalog.Errors[i].Name] = i;
        }

        return index;
    }

    private static int[] ErrorValues(Catalog.Model.Catalog catalog)
    {
        var values = new int[catalog.Errors.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = catalog.Errors[i].Value;
        }

        return values;
    }

    private static ErrorSpec BuildError(Catalog.Model.Catalog catalog, ErrorEntry error, ExceptionBase exceptionBase, SharedText shared)
    {
        var group = error.Group is null ? null : Require(catalog.FindGroup(error.Group), "group", error.Group);
        return new ErrorSpec(
            error.Symbol,
            error.Value,
            Text.Xml(error.Name),
            Text.Literal(error.Name),
            Text.Sentence(error.Summary),
            Text.Literal(error.Summary),
            Text.Sentence(error.Action),
            Text.Literal(error.Action),
            ClassificationIndex(catalog, error.Classification),
            group?.Symbol,
            exceptionBase.MapsSocketError ? error.DotNet : null,
            BuildDoc(catalog, error, exceptionBase, shared));
    }

    private static ErrorDoc BuildDoc(Catalog.Model.Catalog catalog, ErrorEntry error, ExceptionBase exceptionBase, SharedText shared)
    {
        var codeCells = new string[catalog.Platforms.Count];
        for (var i = 0; i < codeCells.Length; i++)
        {
            codeCells[i] = DescribeCodes(error, catalog.Platforms[i], shared);
        }

        // One line per attribution of each listing, in source declaration order (every listing names
        // a declared source, so the walk below fills the array; Trimmed copes if one did not).
        var attributionCount = 0;
        foreach (var listing in error.Sources)
        {
            attributionCount += listing.Attributions.Count;
        }

        var attributions = new string[attributionCount];
        var attributionsWritten = 0;

        // The lists below are made only when they get an item: most entries leave several empty.
        List<string>? unlisted = null;
        foreach (var source in catalog.Sources)
        {
            if (error.ListingBy(source.Id) is not { } listing)
            {
                (unlisted ??= new List<string>()).Add(Text.Xml(source.Title));
                continue;
            }

            foreach (var attribution in listing.Attributions)
            {
                attributions[attributionsWritten++] = shared.Attribution(source, attribution);
            }
        }

        var families = new string[error.Families.Count];
        for (var i = 0; i < families.Length; i++)
        {
            families[i] = shared.Family(error.Families[i]);
        }

        List<string>? quirks = null;
        foreach (var quirk in error.Quirks)
        {
            var evidence = string.IsNullOrWhiteSpace(quirk.Evidence) ? string.Empty : " Evidence: " + DescribeEvidence(catalog, quirk.Evidence!);
            var shownBy = quirk.Scenarios.IsEmpty ? string.Empty : " Shown by " + (quirk.Scenarios.Count == 1 ? "scenario " : "scenarios ") + CodeList(quirk.Scenarios) + ".";
            (quirks ??= new List<string>(error.Quirks.Count)).Add(DescribeQuirkPlatforms(catalog, quirk) + ": " + Text.Sentence(quirk.Text) + evidence + shownBy);
        }

        List<string>? notReturned = null;
        foreach (var item in error.NotReturned)
        {
            (notReturned ??= new List<string>(error.NotReturned.Count)).Add(Text.Xml(item.Platform));
        }

        return new ErrorDoc(
            string.IsNullOrWhiteSpace(error.Details) ? null : Text.Sentence(error.Details),
            BuildReplayed(catalog, error, shared),
            BuildBlaming(catalog, error, shared),
            ToEquatableArray(notReturned),
            EquatableArray<string>.Adopt(codeCells),
            Trimmed(attributions, attributionsWritten),
            ToEquatableArray(unlisted),
            EquatableArray<string>.Adopt(families),
            DescribeNames(catalog, error, exceptionBase, shared),
            ToEquatableArray(quirks));
    }

    /// <summary>The items of a list made on its first item; empty when it was never made.</summary>
    private static EquatableArray<string> ToEquatableArray(List<string>? items) => items is null ? EquatableArray<string>.Empty : items.ToEquatableArray();

    /// <summary>Per platform, the first scenario whose real result is this error, and how many more there are.</summary>
    private static EquatableArray<ReplayedDoc> BuildReplayed(Catalog.Model.Catalog catalog, ErrorEntry error, SharedText shared)
    {
        var withResult = shared.ScenariosWithResult(error.Name);
        if (withResult.Count == 0)
        {
            return EquatableArray<ReplayedDoc>.Empty;
        }

        var replayed = new List<ReplayedDoc>();
        foreach (var platform in catalog.Platforms)
        {
            Scenario? first = null;
            var count = 0;
            foreach (var scenario in withResult)
            {
                if (scenario.Platform == platform.Id)
                {
                    first ??= scenario;
                    count++;
                }
            }

            if (first is not null)
            {
                replayed.Add(new ReplayedDoc(Text.Xml(platform.Id), Text.Sentence(first.Setup), count - 1));
            }
        }

        return replayed.ToEquatableArray();
    }

    private static BlamingDoc? BuildBlaming(Catalog.Model.Catalog catalog, ErrorEntry error, SharedText shared)
    {
        Scenario? blaming = null;
        var count = 0;
        foreach (var scenario in shared.ScenariosBlaming(error.Name))
        {
            blaming ??= scenario;
            count++;
        }

        if (blaming is null)
        {
            return null;
        }

        int? actual = blaming.Succeeds ? null : shared.ErrorIndex(Require(catalog.FindError(blaming.Result), "entry", blaming.Result).Name);
        return new BlamingDoc(Text.Sentence(blaming.Setup), actual, Text.Xml(blaming.Id), count - 1);
    }

    /// <summary>The table cell for one platform: each number with its names, or "absent".</summary>
    private static string DescribeCodes(ErrorEntry error, PlatformDefinition platformDefinition, SharedText shared)
    {
        // Written straight into one reused builder: a cell is built for every entry and platform.
        var platform = platformDefinition.Id;
        var canonical = error.CodeOn(platform);
        var cell = shared.Builder;
        cell.Clear();
        if (canonical is int code)
        {
            // The canonical name, then every alias with the same number, each native spelling once.
            var sameNames = shared.Names;
            sameNames.Clear();
            sameNames.Add(platformDefinition.NativeName(error.Name));
            AppendNumber(cell, code).Append(" (");
            AppendCode(cell, sameNames[0]);
            foreach (var alias in error.Aliases)
            {
                var aliasName = platformDefinition.NativeName(alias.Name);
                if (alias.CodeOn(platform, canonical) == canonical && !sameNames.Contains(aliasName))
                {
                    sameNames.Add(aliasName);
                    AppendCode(cell.Append(", "), aliasName);
                }
            }

            cell.Append(')');
        }

        foreach (var alias in error.Aliases)
        {
            var aliasCode = alias.CodeOn(platform, canonical);
            if (aliasCode is int value && aliasCode != canonical)
            {
                if (cell.Length != 0)
                {
                    cell.Append("; ");
                }

                AppendCode(AppendNumber(cell, value).Append(" ("), platformDefinition.NativeName(alias.Name)).Append(')');
            }
        }

        if (cell.Length == 0)
        {
            return "absent";
        }

        return canonical is null ? Text.Code(error.Name) + " absent; " + cell : cell.ToString();
    }

    private static System.Text.StringBuilder AppendCode(System.Text.StringBuilder builder, string text) =>
        builder.Append("<c>").Append(Text.Xml(text)).Append("</c>");

    /// <summary>Appends <paramref name="value"/> as <see cref="Text.Number"/> writes it (invariant culture), without a string in between.</summary>
    private static System.Text.StringBuilder AppendNumber(System.Text.StringBuilder builder, int value)
    {
        long rest = value;
        if (rest < 0)
        {
            builder.Append('-');
            rest = -rest;
        }

        var start = builder.Length;
        do
        {
            builder.Insert(start, (char)('0' + (rest % 10)));
            rest /= 10;
        }
        while (rest != 0);
        return builder;
    }

    private static string DescribeAttribution(SourceDefinition source, Attribution attribution)
    {
        var kind = Require(FindAttributionKind(source, attribution.How), "attribution kind", attribution.How);
        var text = Text.Xml(source.Title) + ": " + Text.Sentence(kind.Description);
        if (!string.IsNullOrWhiteSpace(attribution.Name))
        {
            text += " Named " + Text.Code(attribution.Name!) + " there.";
        }

        if (!string.IsNullOrWhiteSpace(attribution.Note))
        {
            text += " " + Text.Sentence(attribution.Note);
        }

        if (!string.IsNullOrWhiteSpace(attribution.Erratum))
        {
            text += " <b>Erratum:</b> " + Text.Sentence(attribution.Erratum);
        }

        return text;
    }

    private static AttributionKind? FindAttributionKind(SourceDefinition source, string id)
    {
        foreach (var kind in source.Attributions)
        {
            if (kind.Id == id)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// Every name the error goes by, as one sentence: native name, aliases, each source's own
    /// names, and the .NET member (socket base only). Written into the shared builder, because
    /// every entry has one, and parts joined in lists would cost several objects each.
    /// </summary>
    private static string DescribeNames(Catalog.Model.Catalog catalog, ErrorEntry error, ExceptionBase exceptionBase, SharedText shared)
    {
        var text = shared.Builder;
        text.Clear();
        AppendCode(text.Append("native "), error.Name);
        for (var i = 0; i < error.Aliases.Count; i++)
        {
            text.Append(i > 0 ? ", " : error.Aliases.Count == 1 ? "; alias " : "; aliases ");
            AppendCode(text, error.Aliases[i].Name);
        }

        foreach (var source in catalog.Sources)
        {
            if (error.ListingBy(source.Id) is not { } listing)
            {
                continue;
            }

            // Each distinct name the source uses, as doc text, once.
            var sourceNames = shared.Names;
            sourceNames.Clear();
            foreach (var attribution in listing.Attributions)
            {
                if (string.IsNullOrWhiteSpace(attribution.Name) || sourceNames.Contains(Text.Xml(attribution.Name)))
                {
                    continue;
                }

                if (sourceNames.Count == 0)
                {
                    text.Append("; ").Append(Text.Xml(source.Title)).Append(' ');
                }
                else
                {
                    text.Append(", ");
                }

                sourceNames.Add(Text.Xml(attribution.Name));
                AppendCode(text, attribution.Name!);
            }
        }

        if (exceptionBase.MapsSocketError)
        {
            text.Append("; ");
            if (error.DotNet is null)
            {
                text.Append(".NET has no matching SocketError member");
            }
            else
            {
                text.Append(".NET <see cref=\"").Append(SocketErrorType).Append('.').Append(error.DotNet).Append("\"/>");
            }
        }

        return text.Append('.').ToString();
    }

    private static string DescribeQuirkPlatforms(Catalog.Model.Catalog catalog, Quirk quirk)
    {
        if (quirk.Platforms.IsEmpty)
        {
            return "All platforms";
        }

        var titles = new List<string>();
        foreach (var id in quirk.Platforms)
        {
            titles.Add(Text.Xml(Require(catalog.FindPlatform(id), "platform", id).Title));
        }

        return string.Join(", ", titles);
    }

    /// <summary>Evidence that names a declared source is shown by the source's title.</summary>
    private static string DescribeEvidence(Catalog.Model.Catalog catalog, string evidence) =>
        catalog.FindSource(evidence.Trim()) is { } source ? Text.Sentence(source.Title) : Text.Sentence(evidence);

    private static string CodeList(EquatableArray<string> items)
    {
        var parts = new List<string>(items.Count);
        foreach (var item in items)
        {
            parts.Add(Text.Code(item));
        }

        return string.Join(", ", parts);
    }

    // nameCount: how many names the catalog has (entries' and aliases'), the most members and lookups a platform can have.
    private static PlatformSpec BuildPlatform(Catalog.Model.Catalog catalog, ErrorSpec[] errorSpecs, int nameCount, PlatformDefinition platform, int value, string prefix)
    {
        // Arrays of the largest possible size, trimmed once at the end: nothing regrows.
        var members = new CodeMember[nameCount];
        var memberCount = 0;
        // A catalog may also list the platform's own spelling as an alias (WSAEACCES beside EACCES);
        // the enum gets that name once.
        var written = new Dictionary<string, bool>(nameCount, StringComparer.Ordinal);
        var lookups = new CodeLookup[nameCount];
        var lookupCodes = new int[nameCount];
        var lookupCount = 0;
        var seenCodes = new Dictionary<int, bool>(nameCount);
        var canonicalCodes = new NullableCode[catalog.Errors.Count];
        for (var index = 0; index < catalog.Errors.Count; index++)
        {
            var error = catalog.Errors[index];
            var canonical = error.CodeOn(platform.Id);
            canonicalCodes[index] = new NullableCode(canonical);
            if (canonical is int code)
            {
                var native = platform.NativeName(error.Name);
                if (AddNew(written, native))
                {
                    members[memberCount++] = new CodeMember(native, code, index, IsAlias: false);
                }

                AddLookup(code, native);
            }

            // The same names and order as ErrorEntry.NamesOn, without an iterator per entry.
            foreach (var alias in error.Aliases)
            {
                if (alias.CodeOn(platform.Id, canonical) is int aliasCode)
                {
                    var native = platform.NativeName(alias.Name);
                    if (AddNew(written, native))
                    {
                        members[memberCount++] = new CodeMember(native, aliasCode, index, IsAlias: true);
                    }

                    if (aliasCode != canonical)
                    {
                        AddLookup(aliasCode, native);
                    }
                }
            }

            // Each code once, first one wins, so a lookup never has two values for one code.
            void AddLookup(int number, string native)
            {
                if (AddNew(seenCodes, number))
                {
                    // A name the platform writes as the catalog does has its literal in the entry's spec already.
                    lookups[lookupCount] = new CodeLookup(number, index, native == error.Name ? errorSpecs[index].NameLiteral : Text.Literal(native));
                    lookupCodes[lookupCount++] = number;
                }
            }
        }

        return new PlatformSpec(
            platform.Symbol,
            value,
            Text.Xml(platform.Id),
            Text.Literal(platform.Id),
            Text.Xml(platform.Title),
            platform.Kind == PlatformKind.Winsock ? "Windows Sockets error codes" : "<c>errno</c> values",
            Text.Xml(platform.Reference),
            platform.Min,
            platform.Max,
            GeneratedNames.PlatformCodeEnum(prefix, platform),
            GeneratedNames.MembersOf(platform),
            Trimmed(members, memberCount),
            Trimmed(lookups, lookupCount),
            Layout(new ArraySegment<int>(lookupCodes, 0, lookupCount)),
            EquatableArray<NullableCode>.Adopt(canonicalCodes));
    }

    /// <summary>The first <paramref name="count"/> items, handed over without a copy when they fill the array.</summary>
    private static EquatableArray<T> Trimmed<T>(T[] items, int count)
        where T : IEquatable<T>
    {
        if (count != items.Length)
        {
            Array.Resize(ref items, count);
        }

        return EquatableArray<T>.Adopt(items);
    }

    /// <summary>
    /// Adds <paramref name="key"/> to a dictionary used as a set; false when it was there already.
    /// A dictionary because netstandard2.0's HashSet cannot be sized up front, and a set per
    /// platform that grows to one key per entry would be copied again and again.
    /// </summary>
    private static bool AddNew<T>(Dictionary<T, bool> set, T key)
    {
        if (set.ContainsKey(key))
        {
            return false;
        }

        set.Add(key, true);
        return true;
    }

    private static EquatableArray<ClassificationSpec> BuildClassifications(Catalog.Model.Catalog catalog)
    {
        var classifications = new List<ClassificationSpec>(catalog.Classifications.Count);
        foreach (var classification in catalog.Classifications)
        {
            classifications.Add(new ClassificationSpec(classification.Symbol, classification.Value, Text.Xml(classification.Title), Text.Sentence(classification.Description)));
        }

        return classifications.ToEquatableArray();
    }

    private static EquatableArray<PlatformDetection> BuildDetection(Catalog.Model.Catalog catalog)
    {
        var detection = new List<PlatformDetection>();
        foreach (var platform in catalog.Platforms)
        {
            if (platform.RunsOn is not { } runsOn)
            {
                continue;
            }

            var systems = new List<string>(runsOn.OperatingSystems.Count);
            foreach (var system in runsOn.OperatingSystems)
            {
                systems.Add(Text.Literal(system));
            }

            var architectures = new List<int>(runsOn.Architectures.Count);
            foreach (var architecture in runsOn.Architectures)
            {
                architectures.Add(RunsOnVocabulary.ArchitectureValue(architecture));
            }

            detection.Add(new PlatformDetection(platform.Symbol, systems.ToEquatableArray(), string.Join(", ", runsOn.OperatingSystems), architectures.ToEquatableArray(), string.Join(", ", runsOn.Architectures)));
        }

        return detection.ToEquatableArray();
    }

    private static EquatableArray<GroupSpec> BuildGroups(Catalog.Model.Catalog catalog)
    {
        var groups = new List<GroupSpec>(catalog.Groups.Count);
        foreach (var group in catalog.Groups)
        {
            groups.Add(new GroupSpec(group.Symbol, Text.Sentence(group.Summary)));
        }

        return groups.ToEquatableArray();
    }

    private static EquatableArray<ParseArm> BuildParseArms(Catalog.Model.Catalog catalog, ErrorSpec[] errorSpecs, int nameCount)
    {
        // One arm per name: every entry's and every alias's.
        var arms = new ParseArm[nameCount];
        var count = 0;
        for (var index = 0; index < catalog.Errors.Count; index++)
        {
            var error = catalog.Errors[index];
            arms[count++] = new ParseArm(errorSpecs[index].NameLiteral, index); // made once, in the entry's spec
            foreach (var alias in error.Aliases)
            {
                arms[count++] = new ParseArm(Text.Literal(alias.Name), index);
            }
        }

        return EquatableArray<ParseArm>.Adopt(arms);
    }

    private static EquatableArray<SocketErrorArm> BuildSocketErrorArms(Catalog.Model.Catalog catalog)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var arms = new List<SocketErrorArm>();
        for (var index = 0; index < catalog.Errors.Count; index++)
        {
            if (catalog.Errors[index].DotNet is { } member && seen.Add(member))
            {
                arms.Add(new SocketErrorArm(member, index));
            }
        }

        return arms.ToEquatableArray();
    }

    private static int ClassificationIndex(Catalog.Model.Catalog catalog, string id)
    {
        for (var i = 0; i < catalog.Classifications.Count; i++)
        {
            if (catalog.Classifications[i].Id == id)
            {
                return i;
            }
        }

        throw Unresolved("classification", id);
    }

    /// <summary>
    /// The loader rejects a catalog whose references do not resolve, so a miss here is a bug; it
    /// becomes ECAT103 rather than text that quietly differs.
    /// </summary>
    private static T Require<T>(T? found, string what, string id)
        where T : class => found ?? throw Unresolved(what, id);

    private static InvalidOperationException Unresolved(string what, string id) =>
        new("The validated catalog refers to an undeclared " + what + " '" + id + "'.");

    /// <summary>Keeps file names and ids from breaking the one-line header comment.</summary>
    private static string OneLine(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text that many entries share (a family's description, a source's attribution, the
    /// scenarios by entry), made once per catalog instead of once per entry.
    /// </summary>
    private sealed class SharedText
    {
        private readonly Catalog.Model.Catalog catalog;
        private readonly Dictionary<FamilyUse, string> families = new();
        private readonly Dictionary<(string Source, Attribution Attribution), string> attributions = new();
        private readonly Dictionary<string, List<Scenario>> withResult = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Scenario>> blaming = new(StringComparer.Ordinal);

        // Made on the first call of ErrorIndex: only an entry that a scenario blames needs it.
        private Dictionary<string, int>? errorIndex;

        /// <summary>A builder reused for the text every entry has (its code cells, its names).</summary>
        public System.Text.StringBuilder Builder { get; } = new();

        /// <summary>A list reused for the names of every code cell, and each source's names of an entry.</summary>
        public List<string> Names { get; } = new();

        public SharedText(Catalog.Model.Catalog catalog)
        {
            this.catalog = catalog;
            foreach (var scenario in catalog.Scenarios)
            {
                Add(withResult, scenario.Result, scenario);
                if (scenario.Naive is { } naive)
                {
                    Add(blaming, naive, scenario);
                }
            }
        }

        /// <summary>The scenarios, in file order, whose real result is the entry (what <see cref="Catalog.Model.Catalog.ScenariosWithResult"/> gives).</summary>
        public IReadOnlyList<Scenario> ScenariosWithResult(string entryName) =>
            withResult.TryGetValue(entryName, out var found) ? found : Array.Empty<Scenario>();

        /// <summary>The scenarios, in file order, a naive reading blames on the entry (what <see cref="Catalog.Model.Catalog.ScenariosBlaming"/> gives).</summary>
        public IReadOnlyList<Scenario> ScenariosBlaming(string entryName) =>
            blaming.TryGetValue(entryName, out var found) ? found : Array.Empty<Scenario>();

        /// <summary>The position of the entry named <paramref name="name"/> in the catalog.</summary>
        public int ErrorIndex(string name) => (errorIndex ??= IndexErrors(catalog))[name];

        public string Family(FamilyUse use)
        {
            if (!families.TryGetValue(use, out var text))
            {
                var family = Require(catalog.FindFamily(use.Family), "family", use.Family);
                var meaning = string.IsNullOrWhiteSpace(use.Meaning) ? string.Empty : ": " + Text.Sentence(use.Meaning);
                text = Text.Xml(family.Title) + " (" + Text.Code(family.Native) + ")" + meaning;
                families.Add(use, text);
            }

            return text;
        }

        public string Attribution(SourceDefinition source, Attribution attribution)
        {
            if (!attributions.TryGetValue((source.Id, attribution), out var text))
            {
                text = DescribeAttribution(source, attribution);
                attributions.Add((source.Id, attribution), text);
            }

            return text;
        }

        private static void Add(Dictionary<string, List<Scenario>> index, string key, Scenario scenario)
        {
            if (!index.TryGetValue(key, out var list))
            {
                list = new List<Scenario>();
                index.Add(key, list);
            }

            list.Add(scenario);
        }
    }
}
