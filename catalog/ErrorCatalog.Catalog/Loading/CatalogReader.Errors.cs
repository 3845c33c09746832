namespace ErrorCatalog.Catalog.Loading;

// The 'errors' section: each entry, then the checks across entries (unique names, symbols,
// values, and numbers per platform).
internal sealed partial class CatalogReader
{
    private static readonly string[] ErrorKeys =
    {
        "name", "symbol", "value", "summary", "details", "action", "classification", "group", "dotnet",
        "codes", "aliases", "sources", "families", "quirks", "kernel-sources", "not-returned",
    };

    private static readonly string[] AliasKeys = { "name", "codes" };
    private static readonly string[] AttributionKeys = { "how", "name", "note", "erratum" };
    private static readonly string[] QuirkKeys = { "platforms", "text", "evidence", "scenarios" };
    private static readonly string[] SocketErrorNames = Enum.GetNames(typeof(System.Net.Sockets.SocketError));

    private readonly Dictionary<string, (int Min, int Max)> platformRanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> attributionIds = new(StringComparer.Ordinal);
    private readonly List<Use<string>> nameUses = new();
    private readonly List<Use<string>> symbolUses = new();
    private readonly List<Use<long>> valueUses = new();
    private readonly List<CodeUse> codeUses = new();
    private Dictionary<string, YamlNode> familiesSeen = new(StringComparer.Ordinal);

    // What PlatformValues returns, one array for the whole catalog rather than one per codes mapping.
    private YamlNode?[] platformValues = Array.Empty<YamlNode?>();

    // The listings and families of the entry being read, in file order, before InDeclarationOrder
    // sorts them: emptied per entry, so that the catalog has one of each instead of one per entry.
    private readonly List<(int Order, SourceListing Listing)> listingsInFileOrder = new();
    private readonly List<(int Order, FamilyUse Use)> familiesInFileOrder = new();

    // The plain values most entries repeat (a source's attribution id alone, a family without a
    // meaning of its own), made once per catalog and shared: model values are immutable, so
    // entries with equal ones can hold the same instance.
    private readonly Dictionary<string, EquatableArray<Attribution>> plainAttributions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FamilyUse> plainFamilyUses = new(StringComparer.Ordinal);

    private List<ErrorEntry> ReadErrors(MappingFields root)
    {
        var result = new List<ErrorEntry>();
        var list = root.List("errors", "the error entries", required: true, nonEmpty: true);
        if (list is null)
        {
            entryNamesKnown = false;
            return result;
        }

        // One entry, name, symbol and value per item, a name per alias, and a code per platform:
        // sized once, so that a large catalog does not regrow them.
        var count = list.Items.Count;
        var aliasCount = 0;
        foreach (var item in list.Items)
        {
            aliasCount += AliasCount(item);
        }

        result.Capacity = count;
        nameUses.Capacity = count + aliasCount;
        symbolUses.Capacity = count;
        valueUses.Capacity = count;
        codeUses.Capacity = count * Math.Max(1, platforms.Ids.Count);
        entryNames = new Dictionary<string, YamlNode>(count, StringComparer.Ordinal);
        entryNameByIndex = new string?[count];
        // An entry records three places (itself, its name, its symbol), an alias two (itself, its name).
        context.ReserveSpans((count * 3) + (aliasCount * 2));
        for (var index = 0; index < count; index++)
        {
            var entry = ReadError(list.Items[index], index);
            if (entry is not null)
            {
                result.Add(entry);
            }
        }

        CheckUniqueNames();
        CheckUniqueErrorSymbols();
        CheckUniqueValues();
        CheckUniqueCodes();
        return result;
    }

    /// <summary>How many aliases an entry lists, without reporting anything (0 when it is not a mapping or its 'aliases' not a list).</summary>
    private static int AliasCount(YamlNode item)
    {
        if (item is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key is YamlScalar { Value: "aliases" } && entry.Value is YamlSequence aliases)
                {
                    return aliases.Items.Count;
                }
            }
        }

        return 0;
    }

    private ErrorEntry? ReadError(YamlNode item, int index)
    {
        var peekedName = Peek(item, "name");
        var owner = peekedName is null
            ? string.Format(CultureInfo.InvariantCulture, "error #{0}", index + 1)
            : "the error '" + YamlScalar.Shorten(peekedName) + "'";
        var fields = MappingFields.Open(context, item, owner, ErrorKeys);
        if (fields is null)
        {
            entryNamesKnown = false;
            return null;
        }

        var name = ReadNativeName(fields, index, owner);
        if (name is not null)
        {
            fields.RecordSpans(CatalogSpans.Errors, name);
        }

        NoteEntryName(name, fields, index);
        var symbol = ReadSymbol(fields, "symbol", "the PascalCase member name for generated code, for example 'ConnectionRefused'");
        if (symbol is not null)
        {
            symbolUses.Add(new Use<string>(symbol, fields.Value("symbol")!, index, owner));
        }

        var value = fields.RequiredInteger("value", "the stable enum value, a positive whole number never reused", 1, int.MaxValue);
        if (value is long v)
        {
            valueUses.Add(new Use<long>(v, fields.Value("value")!, index, owner));
        }

        var summary = fields.RequiredText("summary", "one sentence in our own words");
        var details = fields.OptionalText("details", "a longer explanation");
        var action = fields.RequiredText("action", "what a caller should do");
        var classification = ReadReference(fields, "classification", required: true, classifications, CatalogDiagnosticDescriptors.UnknownClassification);
        var group = ReadReference(fields, "group", required: false, groups, CatalogDiagnosticDescriptors.UnknownGroup);
        var dotnet = ReadSocketError(fields, "dotnet", mappedByGeneratedCode: true);

        var codes = ReadCodes(fields, index, name ?? peekedName, owner);
        var aliases = ReadAliases(fields, index, owner, codes);
        var listings = ReadListings(fields, owner);
        var familyUses = ReadFamilyUses(fields, owner);
        var quirks = ReadQuirks(fields, owner);
        var kernelSources = ReadKernelSources(fields, owner, familyUses);
        var notReturned = ReadNotReturned(fields, owner, name);

        if (name is null || symbol is null || value is null || summary is null || action is null || classification is null || codes is null
            || aliases is null || listings is null || familyUses is null || quirks is null || kernelSources is null || notReturned is null)
        {
            return null;
        }

        return new ErrorEntry(
            name,
            symbol,
            (int)value,
            summary,
            details,
            action,
            classification,
            group,
            dotnet,
            codes.Value,
            aliases.Value,
            listings.Value,
            familyUses.Value,
            quirks.Value,
            kernelSources.Value,
            notReturned.Value);
    }

    /// <summary>An optional System.Net.Sockets.SocketError member name under <paramref name="key"/>; null (after reporting) when it names no member.</summary>
    /// <summary>A SocketError member name; <paramref name="mappedByGeneratedCode"/> when the generated exceptions carry it (an entry's 'dotnet'), which needs a SocketException base.</summary>
    private string? ReadSocketError(MappingFields fields, string key, bool mappedByGeneratedCode = false)
    {
        var name = fields.OptionalText(key, "a System.Net.Sockets.SocketError member name");
        if (name is not null && mappedByGeneratedCode && !exceptionBase.MapsSocketError)
        {
            context.Report(
                CatalogDiagnosticDescriptors.SocketErrorWithoutSocketBase,
                fields.Value(key)!,
                "'" + key + "' of " + fields.Owner + " names the SocketError member '" + YamlScalar.Shorten(name) + "', but the catalog's exception-base is "
                + (exceptionBase.Kind == ExceptionBaseKind.Custom ? exceptionBase.CustomType : exceptionBase.Kind.ToString().ToLowerInvariant())
                + ", which carries no SocketError. Remove '" + key + "', or make the exception base socket.");
            return null;
        }

        if (name is null || SocketErrorNames.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        context.Report(
            CatalogDiagnosticDescriptors.UnknownSocketError,
            fields.Value(key)!,
            "'" + key + "' of " + fields.Owner + " is '" + YamlScalar.Shorten(name) + "', which is not a member of System.Net.Sockets.SocketError." + Naming.Suggestion(name, SocketErrorNames)
            + " Write the exact member name (for example ConnectionRefused), or remove the key if no member matches.");
        return null;
    }

    private string? ReadNativeName(MappingFields fields, int index, string owner)
    {
        var name = fields.RequiredText("name", "the canonical native name, for example 'ECONNREFUSED'");
        if (name is null)
        {
            return null;
        }

        var node = fields.Value("name")!;
        if (!Naming.IsNativeName(name))
        {
            context.Report(
                CatalogDiagnosticDescriptors.InvalidName,
                node,
                "The name '" + YamlScalar.Shorten(name) + "' of " + (owner.StartsWith("the error", StringComparison.Ordinal) ? "this error" : owner)
                + " is not a native constant name. Write it as the platform's header spells it: upper-case letters, digits and '_', starting with a letter (for example ECONNREFUSED).");
            return null;
        }

        nameUses.Add(new Use<string>(name, node, index, owner));
        return name;
    }

    private string? ReadReference<T>(MappingFields fields, string key, bool required, Declarations<T> declarations, CatalogDiagnosticDescriptor unknown)
        where T : class, IEquatable<T>
    {
        var id = required
            ? fields.RequiredText(key, declarations.IdDescription)
            : fields.OptionalText(key, declarations.IdDescription);
        if (id is null || !declarations.Known || declarations.IsDeclared(id))
        {
            return id;
        }

        context.Report(
            unknown,
            fields.Value(key)!,
            "'" + key + "' of " + fields.Owner + " is '" + YamlScalar.Shorten(id) + "', which is not a declared " + declarations.Kind + "." + Naming.Suggestion(id, declarations.Ids)
            + " Use one of: " + Naming.List(declarations.Ids) + "; or declare it.");
        return null;
    }

    /// <summary>The entry's canonical codes, one per declared platform in declaration order.</summary>
    private EquatableArray<PlatformCode>? ReadCodes(MappingFields fields, int index, string? name, string owner)
    {
        var values = PlatformValues(fields, owner, "the code on every platform: a number, or 'absent'", "'absent'");
        if (values is null)
        {
            return null;
        }

        var codes = new PlatformCode[values.Length];
        var ok = true;
        for (var slot = 0; slot < values.Length; slot++)
        {
            var platform = platforms.Ids[slot];
            var value = values[slot];
            if (value is YamlScalar { IsPlain: true, Value: "absent" })
            {
                codes[slot] = new PlatformCode(platform, null);
            }
            else if (value is not null && ReadCode(value, platform, owner, "a number, or 'absent'") is int code)
            {
                codeUses.Add(new CodeUse(platform, code, name ?? "?", value, index));
                codes[slot] = new PlatformCode(platform, code);
            }
            else
            {
                ok = false;
            }
        }

        // The array was made for this entry alone.
        return ok ? EquatableArray<PlatformCode>.Adopt(codes) : null;
    }

    private EquatableArray<Alias>? ReadAliases(MappingFields fields, int index, string owner, EquatableArray<PlatformCode>? canonicalCodes)
    {
        var list = fields.List("aliases", "other names of the error, each with a name and codes", required: false, nonEmpty: false);
        if (list is null)
        {
            return fields.Has("aliases") && fields.Value("aliases") is not YamlScalar { IsNull: true } ? null : EquatableArray<Alias>.Empty;
        }

        var aliases = new List<Alias>();
        var ok = true;
        var position = 0;
        foreach (var item in list.Items)
        {
            position++;
            var peeked = Peek(item, "name");
            var aliasOwner = peeked is null
                ? string.Format(CultureInfo.InvariantCulture, "alias #{0} of {1}", position, owner)
                : "the alias '" + YamlScalar.Shorten(peeked) + "' of " + owner;
            var alias = ReadAlias(item, index, aliasOwner, canonicalCodes);
            if (alias is null)
            {
                ok = false;
            }
            else
            {
                aliases.Add(alias);
            }
        }

        return ok ? aliases.ToEquatableArray() : null;
    }

    private Alias? ReadAlias(YamlNode item, int index, string owner, EquatableArray<PlatformCode>? canonicalCodes)
    {
        var fields = MappingFields.Open(context, item, owner, AliasKeys);
        if (fields is null)
        {
            return null;
        }

        var name = ReadNativeName(fields, index, owner);
        if (name is not null)
        {
            fields.RecordSpans(CatalogSpans.Aliases, name);
        }

        var values = PlatformValues(fields, owner, "the alias on every platform: 'same', a number of its own, or 'absent'", "'same', a number or 'absent'");
        if (values is null)
        {
            return null;
        }

        var codes = new AliasCode[values.Length];
        var ok = true;
        for (var slot = 0; slot < values.Length; slot++)
        {
            if (ReadAliasCode(values[slot], slot, index, name, owner, canonicalCodes) is { } code)
            {
                codes[slot] = code;
            }
            else
            {
                ok = false;
            }
        }

        return ok && name is not null ? new Alias(name, EquatableArray<AliasCode>.Adopt(codes)) : null;
    }

    /// <summary>An alias's code on the platform of <paramref name="slot"/> (null after reporting a bad one, or when the platform was left out).</summary>
    private AliasCode? ReadAliasCode(YamlNode? value, int slot, int index, string? name, string owner, EquatableArray<PlatformCode>? canonicalCodes)
    {
        if (value is null)
        {
            return null;
        }

        var platform = platforms.Ids[slot];

        // The canonical codes, when read, hold one code per declared platform in declaration order.
        var canonicalKnown = canonicalCodes is { } known && slot < known.Count;
        var canonical = canonicalKnown ? canonicalCodes!.Value[slot].Code : null;
        if (value is YamlScalar { IsPlain: true, Value: "absent" })
        {
            return new AliasCode(platform, AliasCodeKind.Absent, 0);
        }

        if (value is YamlScalar { IsPlain: true, Value: "same" })
        {
            if (canonicalKnown && canonical is null)
            {
                context.Report(
                    CatalogDiagnosticDescriptors.InconsistentAlias,
                    value,
                    Capitalize(owner) + " says 'same' on platform '" + platform + "', but the canonical name is absent there. Write the alias's own number, or 'absent'.");
                return null;
            }

            return new AliasCode(platform, AliasCodeKind.Same, 0);
        }

        var code = ReadCode(value, platform, owner, "'same', a number, or 'absent'");
        if (code is not int c)
        {
            return null;
        }

        if (canonicalKnown && canonical == c)
        {
            context.Report(
                CatalogDiagnosticDescriptors.InconsistentAlias,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0} gives {1} on platform '{2}', which is the canonical name's own number there. Write 'same' instead.", Capitalize(owner), c, platform));
            return null;
        }

        codeUses.Add(new CodeUse(platform, c, name ?? "?", value, index));
        return new AliasCode(platform, AliasCodeKind.Distinct, c);
    }

    /// <summary>
    /// The values of 'codes' of <paramref name="owner"/>, a mapping with one key per declared
    /// platform, in platform declaration order (the callers read them in that order, without a
    /// delegate per entry). A slot is null where the mapping leaves the platform out (reported) or
    /// names it with a bad key; the result is null when the mapping is missing or not a mapping.
    /// The array is the reader's one <see cref="platformValues"/>, valid until the next call:
    /// each caller reads it at once, and an entry's codes and its aliases' are read one after another.
    /// </summary>
    private YamlNode?[]? PlatformValues(MappingFields fields, string owner, string what, string choices)
    {
        var mapping = CodesMapping(fields, "codes", owner, what);
        if (mapping is null)
        {
            return null;
        }

        var codeOwner = new OwnerPhrase("the codes of ", owner);
        if (platformValues.Length != platforms.Ids.Count)
        {
            platformValues = new YamlNode?[platforms.Ids.Count];
        }

        var values = platformValues;
        Array.Clear(values, 0, values.Length);
        foreach (var entry in MappingFields.KeyedEntries(context, mapping, codeOwner))
        {
            if (CheckPlatformKey(entry.Key, codeOwner) is { } platform)
            {
                values[platforms.IndexOf(platform)] = entry.Value;
            }
        }

        ReportMissingPlatforms(values, fields.Key("codes")!, owner, choices);
        return values;
    }

    /// <summary>The mapping under <paramref name="key"/>, or null after reporting that it is missing or not a mapping.</summary>
    private YamlMapping? CodesMapping(MappingFields fields, string key, string owner, string what)
    {
        var node = fields.Value(key);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            fields.ReportMissing(key, what);
            return null;
        }

        if (node is not YamlMapping mapping)
        {
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                node,
                "'" + key + "' of " + owner + " must be a mapping of platform id to code, but is " + node.Describe() + ". Write one 'platform-id: number' line per platform.");
            return null;
        }

        return mapping;
    }

    /// <summary>The platform id of a key in a codes mapping, or null after reporting an undeclared one.</summary>
    private string? CheckPlatformKey(YamlScalar key, OwnerPhrase owner)
    {
        if (platforms.IsDeclared(key.Value))
        {
            return key.Value;
        }

        if (platforms.Known)
        {
            context.Report(
                CatalogDiagnosticDescriptors.UnknownPlatform,
                key,
                "'" + YamlScalar.Shorten(key.Value) + "' in " + owner.Text + " is not a declared platform." + Naming.Suggestion(key.Value, platforms.Ids)
                + " Use one of: " + Naming.List(platforms.Ids) + "; or declare the platform under 'platforms'.");
        }

        return null;
    }

    /// <summary>A code within the platform's declared range; the description of what it may be (from <paramref name="owner"/> and <paramref name="choices"/>) is built only to report a bad one.</summary>
    private int? ReadCode(YamlNode node, string platform, string owner, string choices)
    {
        var range = platformRanges.TryGetValue(platform, out var r) ? r : (Min: 1, Max: int.MaxValue);
        if (MappingFields.TryReadInteger(node, range.Min, range.Max, out var value))
        {
            return (int)value;
        }

        var text = string.Format(CultureInfo.InvariantCulture, "{0} to {1} (the range platform '{2}' declares)", range.Min, range.Max, platform);
        var description = "the code of " + owner + " on platform '" + platform + "' (" + choices + ")";
        var code = MappingFields.Integer(context, node, description, range.Min, range.Max, text);
        return code is long c ? (int)c : null;
    }

    /// <summary>
    /// Reports the declared platforms a codes mapping leaves out (<paramref name="values"/>: per
    /// declared platform, in declaration order, the value of its key, null where there is none).
    /// </summary>
    private void ReportMissingPlatforms(YamlNode?[] values, YamlScalar codesKey, string owner, string choices)
    {
        if (Array.IndexOf(values, null) < 0)
        {
            return;
        }

        var missing = platforms.Ids.Where((_, slot) => values[slot] is null).ToList();

        if (!platforms.Known)
        {
            // The platform list itself is broken (already reported), so its ids are incomplete.
            return;
        }

        context.Report(
            CatalogDiagnosticDescriptors.MissingPlatformCode,
            codesKey,
            "The codes of " + owner + " leave out platform" + (missing.Count == 1 ? " " : "s ") + Naming.List(missing.Select(id => "'" + id + "'")) + ". Every declared platform needs an entry: add '"
            + missing[0] + ": ' with " + choices + ".");
    }

    /// <summary>The entry's source listings, in source declaration order.</summary>
    private EquatableArray<SourceListing>? ReadListings(MappingFields fields, string owner)
    {
        var node = fields.Value("sources");
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return EquatableArray<SourceListing>.Empty;
        }

        if (node is not YamlMapping mapping)
        {
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                node,
                "'sources' of " + owner + " must be a mapping of source id to how it lists the error, but is " + node.Describe() + ". Write one 'source-id: attribution' line per source.");
            return null;
        }

        var listings = listingsInFileOrder;
        listings.Clear();
        var ok = true;
        var listingOwner = new OwnerPhrase("the sources of ", owner);
        foreach (var entry in MappingFields.KeyedEntries(context, mapping, listingOwner))
        {
            var source = entry.Key.Value;
            if (!sources.IsDeclared(source))
            {
                if (sources.Known)
                {
                    context.Report(
                        CatalogDiagnosticDescriptors.UnknownSource,
                        entry.Key,
                        "'" + YamlScalar.Shorten(source) + "' in " + listingOwner.Text + " is not a declared source." + Naming.Suggestion(source, sources.Ids)
                        + " Use one of: " + Naming.List(sources.Ids) + "; or declare the source under 'sources'.");
                }

                ok = false;
                continue;
            }

            var attributions = ReadAttributions(entry.Value, source, new OwnerPhrase("source ", source, owner));
            if (attributions is null)
            {
                ok = false;
                continue;
            }

            listings.Add((sources.IndexOf(source), new SourceListing(source, attributions.Value)));
        }

        return ok ? InDeclarationOrder(listings) : null;
    }

    private EquatableArray<Attribution>? ReadAttributions(YamlNode node, string source, OwnerPhrase owner)
    {
        switch (node)
        {
            case YamlScalar scalar:
                var how = ReadHow(scalar, source, owner);
                return how is null ? null : PlainAttribution(how);
            case YamlMapping:
                var single = ReadLongAttribution(node, source, owner);
                return single is null ? null : EquatableArray<Attribution>.Adopt(new[] { single });
            case YamlSequence sequence:
                if (sequence.Items.Count == 0)
                {
                    context.Report(
                        CatalogDiagnosticDescriptors.EmptyCatalog,
                        node,
                        Capitalize(owner.Text) + " is an empty list. Write how the source lists the error (" + Naming.List(AttributionIdsOf(source)) + "), or remove the source from this entry.");
                    return null;
                }

                var result = new List<Attribution>();
                var ok = true;
                foreach (var item in sequence.Items)
                {
                    var attribution = item switch
                    {
                        YamlScalar itemScalar => ReadHow(itemScalar, source, owner) is { } itemHow ? new Attribution(itemHow, null, null, null) : null,
                        YamlMapping => ReadLongAttribution(item, source, owner),
                        _ => ReportNestedList(item, owner),
                    };
                    if (attribution is null)
                    {
                        ok = false;
                    }
                    else
                    {
                        result.Add(attribution);
                    }
                }

                return ok ? result.ToEquatableArray() : null;
            default:
                return null;
        }
    }

    /// <summary>The attributions of a source listed with an attribution id alone: that one attribution, without name, note or erratum.</summary>
    private EquatableArray<Attribution> PlainAttribution(string how)
    {
        if (!plainAttributions.TryGetValue(how, out var attributions))
        {
            attributions = EquatableArray<Attribution>.Adopt(new[] { new Attribution(how, null, null, null) });
            plainAttributions.Add(how, attributions);
        }

        return attributions;
    }

    /// <summary>A family an entry applies to without a meaning of its own there.</summary>
    private FamilyUse PlainFamilyUse(string family)
    {
        if (!plainFamilyUses.TryGetValue(family, out var use))
        {
            use = new FamilyUse(family, null);
            plainFamilyUses.Add(family, use);
        }

        return use;
    }

    private Attribution? ReportNestedList(YamlNode item, OwnerPhrase owner)
    {
        context.Report(
            CatalogDiagnosticDescriptors.WrongType,
            item,
            "An item of " + owner.Text + " is " + item.Describe() + ". Each item is an attribution id or a mapping with 'how' (and optionally name, note, erratum).");
        return null;
    }

    private Attribution? ReadLongAttribution(YamlNode node, string source, OwnerPhrase owner)
    {
        var fields = MappingFields.Open(context, node, owner.Text, AttributionKeys);
        if (fields is null)
        {
            return null;
        }

        var how = fields.RequiredText("how", "how the source lists the error: one of " + Naming.List(AttributionIdsOf(source)));
        var name = fields.OptionalText("name", "the source's own name for the error");
        var note = fields.OptionalText("note", "what the source adds, in our words");
        var erratum = fields.OptionalText("erratum", "what the source gets wrong");
        if (how is null)
        {
            return null;
        }

        return CheckHow(how, fields.Value("how")!, source, owner) ? new Attribution(how, name, note, erratum) : null;
    }

    private string? ReadHow(YamlScalar scalar, string source, OwnerPhrase owner)
    {
        if (scalar.IsNull || scalar.Value.Length == 0)
        {
            context.Report(
                CatalogDiagnosticDescriptors.MissingField,
                scalar,
                Capitalize(owner.Text) + " has no value. Write how the source lists the error: one of " + Naming.List(AttributionIdsOf(source)) + ".");
            return null;
        }

        return CheckHow(scalar.Value, scalar, source, owner) ? scalar.Value : null;
    }

    private bool CheckHow(string how, YamlNode node, string source, OwnerPhrase owner)
    {
        var allowed = AttributionIdsOf(source);
        if (!attributionIds.ContainsKey(source) || allowed.Contains(how, StringComparer.Ordinal))
        {
            return true;
        }

        context.Report(
            CatalogDiagnosticDescriptors.UnknownAttribution,
            node,
            "'" + YamlScalar.Shorten(how) + "' in " + owner.Text + " is not an attribution that source '" + source + "' declares." + Naming.Suggestion(how, allowed)
            + " Use one of: " + Naming.List(allowed) + "; or add it to the source's attributions.");
        return false;
    }

    private IReadOnlyList<string> AttributionIdsOf(string source) => attributionIds.TryGetValue(source, out var ids) ? ids : Array.Empty<string>();

    /// <summary>
    /// The dictionary <see cref="ReadFamilyUses"/> finds repeated families with, emptied: one for
    /// the whole catalog instead of one per entry. One that grew large (a hostile entry) is
    /// replaced rather than cleared, so emptying it stays cheap for every later entry.
    /// </summary>
    private Dictionary<string, YamlNode> EmptyFamiliesSeen()
    {
        if (familiesSeen.Count > 64)
        {
            familiesSeen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        }
        else
        {
            familiesSeen.Clear();
        }

        return familiesSeen;
    }

    /// <summary>The families of an entry (a list of ids, or a map of id to meaning), in family declaration order.</summary>
    private EquatableArray<FamilyUse>? ReadFamilyUses(MappingFields fields, string owner)
    {
        var node = fields.Value("families");
        if (node is null || node is YamlScalar { IsNull: true })
        {
            fields.ReportMissing("families", "the families it applies to: a list of family ids, or a mapping of family id to what it means there");
            return null;
        }

        var familyOwner = new OwnerPhrase("the families of ", owner);
        var uses = familiesInFileOrder;
        uses.Clear();
        var seen = EmptyFamiliesSeen();
        var ok = true;
        void Add(YamlScalar key, string? meaning)
        {
            if (seen.TryGetValue(key.Value, out var first))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.DuplicateId,
                    key,
                    "The family '" + YamlScalar.Shorten(key.Value) + "' appears twice in " + familyOwner.Text + " (first at line " + context.LineOf(first) + "). Keep one.");
                ok = false;
                return;
            }

            seen.Add(key.Value, key);
            if (!CheckFamily(key, familyOwner, "; or declare it under 'families'."))
            {
                ok = false;
                return;
            }

            uses.Add((families.IndexOf(key.Value), meaning is null ? PlainFamilyUse(key.Value) : new FamilyUse(key.Value, meaning)));
        }

        switch (node)
        {
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { IsNull: false } scalar && scalar.Value.Length > 0)
                    {
                        Add(scalar, null);
                    }
                    else
                    {
                        context.Report(
                            CatalogDiagnosticDescriptors.WrongType,
                            item,
                            "An item of " + familyOwner.Text + " is " + item.Describe() + ". Each item is a declared family id, such as " + Naming.List(families.Ids.Take(3)) + ".");
                        ok = false;
                    }
                }

                break;
            case YamlMapping mapping:
                foreach (var entry in MappingFields.KeyedEntries(context, mapping, familyOwner))
                {
                    string? meaning = null;
                    if (entry.Value is YamlScalar value)
                    {
                        meaning = value.IsNull || value.Value.Length == 0 ? null : value.Value;
                    }
                    else
                    {
                        context.Report(
                            CatalogDiagnosticDescriptors.WrongType,
                            entry.Value,
                            "The meaning of family '" + YamlScalar.Shorten(entry.Key.Value) + "' in " + familyOwner.Text + " is " + entry.Value.Describe()
                            + ". Write one sentence of text, or leave it empty when the error means the same as everywhere.");
                        ok = false;
                    }

                    Add(entry.Key, meaning);
                }

                break;
            default:
                context.Report(
                    CatalogDiagnosticDescriptors.WrongType,
                    node,
                    "'families' of " + owner + " is " + node.Describe() + ". Write a list of family ids ('[inet, inet6]'), or a mapping of family id to what the error means there.");
                return null;
        }

        if (ok && uses.Count == 0)
        {
            context.Report(
                CatalogDiagnosticDescriptors.EmptyCatalog,
                fields.Key("families")!,
                "'families' of " + owner + " is empty. List at least one declared family the error applies to (" + Naming.List(families.Ids) + ").");
            return null;
        }

        return ok ? InDeclarationOrder(uses) : null;
    }

    private EquatableArray<Quirk>? ReadQuirks(MappingFields fields, string owner) =>
        !fields.Has("quirks") ? EquatableArray<Quirk>.Empty : ReadItemList(fields, "quirks", "known per-platform behaviour, each with 'text'", "quirk", owner, QuirkKeys, (quirkFields, quirkOwner) =>
        {
            var quirkPlatforms = ReadQuirkPlatforms(quirkFields, quirkOwner);
            var text = quirkFields.RequiredText("text", "the behaviour, in our own words");
            var evidence = quirkFields.OptionalText("evidence", "a source id, a test that pins it, or a document");
            var quirkScenarios = ReadQuirkScenarios(quirkFields, quirkOwner);
            return quirkPlatforms is null || text is null || quirkScenarios is null ? null : new Quirk(quirkPlatforms.Value, text, evidence, quirkScenarios.Value);
        });

    /// <summary>
    /// An entry's optional list of mappings under <paramref name="key"/> (quirks, kernel sources,
    /// not-returned claims): empty when the key is absent or empty; null, after reporting, when it
    /// is not a list or any item is wrong. Callers skip the call when the key is absent: most
    /// entries have none of these lists, and the item reader is a delegate made per call. Messages name the n-th item "<paramref name="itemKind"/> #n of
    /// <paramref name="owner"/>"; <paramref name="readItem"/> reads one opened item, or returns null after reporting.
    /// </summary>
    private EquatableArray<T>? ReadItemList<T>(
        MappingFields fields,
        string key,
        string what,
        string itemKind,
        string owner,
        IReadOnlyList<string> itemKeys,
        Func<MappingFields, string, T?> readItem)
        where T : class, IEquatable<T>
    {
        var list = fields.List(key, what, required: false, nonEmpty: false);
        if (list is null)
        {
            return fields.Has(key) && fields.Value(key) is not YamlScalar { IsNull: true } ? null : EquatableArray<T>.Empty;
        }

        var result = new List<T>(list.Items.Count);
        var ok = true;
        for (var position = 1; position <= list.Items.Count; position++)
        {
            var itemOwner = string.Format(CultureInfo.InvariantCulture, "{0} #{1} of {2}", itemKind, position, owner);
            var itemFields = MappingFields.Open(context, list.Items[position - 1], itemOwner, itemKeys);
            if (itemFields is not null && readItem(itemFields, itemOwner) is { } item)
            {
                result.Add(item);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? result.ToEquatableArray() : null;
    }

    private EquatableArray<string>? ReadQuirkPlatforms(MappingFields fields, string owner)
    {
        if (!fields.Has("platforms") || fields.Value("platforms") is YamlScalar { IsNull: true })
        {
            return EquatableArray<string>.Empty;
        }

        var items = ReadWordList(fields, "platforms", "the platform ids it concerns; leave the key out for all", "a declared platform id", "The platform ");
        if (items is null)
        {
            return null;
        }

        var ok = true;
        foreach (var item in items)
        {
            ok &= CheckPlatformKey(item, new OwnerPhrase("'platforms' of ", owner)) is not null;
        }

        return ok ? items.Select(item => item.Value).OrderBy(platforms.IndexOf).ToEquatableArray() : null;
    }

    private void CheckUniqueNames() => ReportRepeats(nameUses, Array.Empty<Use<string>>(), (use, earlier) => context.Report(
        CatalogDiagnosticDescriptors.DuplicateName,
        use.Node,
        "The name '" + use.Value + "' of " + use.Owner + " is already used by " + earlier.Owner + " (line " + context.LineOf(earlier.Node)
        + "). Each name identifies exactly one error: remove one, or merge them into one entry and make one name an alias."));

    private void CheckUniqueErrorSymbols()
    {
        // Entries and groups both become nested types of the catalog's exception class.
        var groupSymbols = new List<Use<string>>();
        foreach (var (id, _, fields) in groups.SymbolSources)
        {
            if (fields.Value("symbol") is YamlScalar { IsNull: false } node)
            {
                groupSymbols.Add(new Use<string>(node.Value, node, -1, "group '" + id + "'"));
            }
        }

        ReportRepeats(symbolUses, groupSymbols, (use, earlier) => context.Report(
            CatalogDiagnosticDescriptors.DuplicateSymbol,
            use.Node,
            "The symbol '" + use.Value + "' of " + use.Owner + " is already the symbol of " + earlier.Owner + " (line " + context.LineOf(earlier.Node)
            + "). Generated names must be distinct: choose another symbol."));
    }

    private void CheckUniqueValues()
    {
        var largest = valueUses.Count == 0 ? 0 : valueUses.Max(u => u.Value);
        ReportRepeats(valueUses, Array.Empty<Use<long>>(), (use, earlier) => context.Report(
            CatalogDiagnosticDescriptors.DuplicateValue,
            use.Node,
            string.Format(
                CultureInfo.InvariantCulture,
                "The value {0} of {1} is already the value of {2} (line {3}). Give this entry an unused value (the largest so far is {4}); never reuse or renumber a released one.",
                use.Value,
                use.Owner,
                earlier.Owner,
                context.LineOf(earlier.Node),
                largest)));
    }

    /// <summary>
    /// Calls <paramref name="report"/> for every use whose value an earlier use (one of
    /// <paramref name="before"/>, then of <paramref name="uses"/>) already has, with that first use.
    /// The same node met twice (through a YAML alias) is not a repeat.
    /// </summary>
    private static void ReportRepeats<T>(List<Use<T>> uses, IReadOnlyList<Use<T>> before, Action<Use<T>, Use<T>> report)
        where T : IEquatable<T>
    {
        // Each value's first use by its position (in before, then in uses after before's count):
        // an int is a smaller table entry than the use itself, which counts on a large catalog.
        var first = new Dictionary<T, int>(uses.Count + before.Count);
        for (var position = 0; position < before.Count; position++)
        {
            if (!first.ContainsKey(before[position].Value))
            {
                first.Add(before[position].Value, position);
            }
        }

        for (var index = 0; index < uses.Count; index++)
        {
            var use = uses[index];
            if (!first.TryGetValue(use.Value, out var position))
            {
                first.Add(use.Value, before.Count + index);
                continue;
            }

            var earlier = position < before.Count ? before[position] : uses[position - before.Count];
            if (!ReferenceEquals(earlier.Node, use.Node))
            {
                report(use, earlier);
            }
        }
    }

    private void CheckUniqueCodes()
    {
        // Each code's first use by its index in codeUses, a smaller table entry than the use itself.
        var first = new Dictionary<(string Platform, int Code), int>(codeUses.Count);
        for (var index = 0; index < codeUses.Count; index++)
        {
            var use = codeUses[index];
            var key = (use.Platform, use.Code);
            if (!first.TryGetValue(key, out var earlierIndex))
            {
                first.Add(key, index);
                continue;
            }

            var earlier = codeUses[earlierIndex];
            if (earlier.EntryIndex == use.EntryIndex)
            {
                // Names of one entry are declared aliases of each other.
                continue;
            }

            context.Report(
                CatalogDiagnosticDescriptors.DuplicateCode,
                use.Node,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} and {1} (line {2}) both have the number {3} on platform '{4}', so that number would map back to two errors. Check the number against the platform's header; if both names are the same error, make {0} an alias of {1}.",
                    use.Name,
                    earlier.Name,
                    context.LineOf(earlier.Node),
                    use.Code,
                    use.Platform));
        }
    }

    private static string Capitalize(string text) => MappingFields.Capitalize(text);

    /// <summary>Whether <paramref name="key"/> is a declared family; an undeclared one is reported (when the family list itself could be read) as being in <paramref name="where"/>, the message ending in <paramref name="ending"/>.</summary>
    private bool CheckFamily(YamlScalar key, OwnerPhrase where, string ending)
    {
        if (families.IsDeclared(key.Value))
        {
            return true;
        }

        if (families.Known)
        {
            context.Report(
                CatalogDiagnosticDescriptors.UnknownFamily,
                key,
                "'" + YamlScalar.Shorten(key.Value) + "' in " + where.Text + " is not a declared family." + Naming.Suggestion(key.Value, families.Ids)
                + " Use one of: " + Naming.List(families.Ids) + ending);
        }

        return false;
    }

    /// <summary>
    /// The items sorted by their declaration order (stable: equal orders keep their file order),
    /// sorting <paramref name="items"/> in place. An insertion sort, because an entry lists a
    /// handful of sources or families and a LINQ sort would cost several objects per entry.
    /// </summary>
    private static EquatableArray<T> InDeclarationOrder<T>(List<(int Order, T Item)> items)
        where T : IEquatable<T>
    {
        for (var i = 1; i < items.Count; i++)
        {
            var moving = items[i];
            var at = i;
            while (at > 0 && items[at - 1].Order > moving.Order)
            {
                items[at] = items[at - 1];
                at--;
            }

            items[at] = moving;
        }

        var sorted = new T[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            sorted[i] = items[i].Item;
        }

        return new EquatableArray<T>(sorted);
    }

    private readonly record struct Use<T>(T Value, YamlNode Node, int EntryIndex, string Owner);

    private readonly record struct CodeUse(string Platform, int Code, string Name, YamlNode Node, int EntryIndex);
}
