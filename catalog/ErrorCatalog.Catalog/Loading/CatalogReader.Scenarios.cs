using System.Text.RegularExpressions;

namespace ErrorCatalog.Catalog.Loading;

// Kernel evidence: the 'scenarios' section, and the entry fields that refer to it or stand in for
// it ('kernel-sources', 'not-returned', a quirk's 'scenarios'), with the checks across them.
internal sealed partial class CatalogReader
{
    private static readonly string[] ScenarioKeys =
    {
        "id", "platform", "family", "socket", "setup", "needs", "via", "result", "naive", "naive-source", "dotnet", "note",
    };

    private static readonly string[] KernelSourceKeys = { "at", "families", "says" };
    private static readonly string[] NotReturnedKeys = { "platform", "why" };

    // 'path/file.c function()': a source path ending in .c or .h, one space, one C function name.
    private static readonly Regex KernelLocation = new(@"^[A-Za-z0-9_.+-]+(/[A-Za-z0-9_.+-]+)*\.[ch] [A-Za-z_][A-Za-z0-9_]*\(\)$", RegexOptions.CultureInvariant);

    // Both sized by ReadErrors, which knows how many entries there are.
    private Dictionary<string, YamlNode> entryNames = new(StringComparer.Ordinal);
    private string?[] entryNameByIndex = Array.Empty<string?>();
    private readonly List<(YamlScalar Node, string Owner)> scenarioReferences = new();
    private readonly List<(string Entry, string Platform, YamlNode Node, string Owner)> notReturnedClaims = new();
    private readonly List<(string Id, YamlNode Node, string? Platform, string? Result, string? Naive)> scenarioOutcomes = new();
    private bool entryNamesKnown = true;
    private bool scenarioOutcomesComplete = true;

    /// <summary>Remembers an entry's canonical name, which scenarios may use as a result; an unreadable one makes the set incomplete.</summary>
    private void NoteEntryName(string? name, MappingFields fields, int index)
    {
        if (name is null)
        {
            entryNamesKnown = false;
            return;
        }

        entryNameByIndex[index] = name;
        if (!entryNames.ContainsKey(name))
        {
            entryNames.Add(name, fields.Value("name")!);
        }
    }

    private Scenario? ReadScenario(MappingFields fields, string id)
    {
        if (id.Length > 0 && !Naming.IsKebabId(id))
        {
            context.Report(
                CatalogDiagnosticDescriptors.InvalidName,
                fields.Value("id")!,
                "The id '" + YamlScalar.Shorten(id) + "' of " + fields.Owner + " is not kebab-case. Scenario ids are words of lower-case letters and digits joined by single '-', for example 'tcp-loopback-closed-port'.");
        }

        var platform = ReadReference(fields, "platform", required: true, platforms, CatalogDiagnosticDescriptors.UnknownPlatform);
        var family = ReadReference(fields, "family", required: true, families, CatalogDiagnosticDescriptors.UnknownFamily);
        var socket = ReadChoice(fields, "socket", ScenarioVocabulary.SocketTypes, "the socket type", CatalogDiagnosticDescriptors.UnknownScenarioTerm);
        var setup = fields.RequiredText("setup", "what the scenario arranges before the observed call, in one or two sentences");
        var needs = ReadNeeds(fields);
        var via = ReadChoice(fields, "via", ScenarioVocabulary.Vias, "how the error is seen", CatalogDiagnosticDescriptors.UnknownScenarioTerm);
        var result = ReadOutcome(fields, "result", required: true);
        var naive = ReadOutcome(fields, "naive", required: false);
        var naiveWritten = fields.Value("naive") is YamlNode naiveNode && naiveNode is not YamlScalar { IsNull: true };
        if (naive is not null && naive == result)
        {
            context.Report(
                CatalogDiagnosticDescriptors.NaiveEqualsResult,
                fields.Value("naive")!,
                "'naive' of " + fields.Owner + " is '" + naive + "', the same as its result, so the scenario contradicts no prediction. Remove 'naive' and 'naive-source', or write the different outcome a document or intuition expects.");
        }

        var naiveSource = fields.OptionalText("naive-source", "who predicts the naive outcome, in our words");
        var dotnet = ReadScenarioDotNet(fields);
        var note = fields.OptionalText("note", "what the scenario shows, in our words");

        if (platform is null || result is null || (naiveWritten && naive is null))
        {
            // What this scenario tried is unknown, so "nothing was tried" cannot be concluded.
            scenarioOutcomesComplete = false;
        }

        scenarioOutcomes.Add((id, fields.Value("id") ?? fields.Anchor, platform, result, naive));

        if (id.Length == 0 || !Naming.IsKebabId(id) || platform is null || family is null || socket is null || setup is null || needs is null || via is null
            || result is null || (naiveWritten && naive is null) || naive == result || dotnet is null)
        {
            return null;
        }

        return new Scenario(id, platform, family, socket, setup, needs.Value, via, result, naive, naiveSource, dotnet.Value.Connect, dotnet.Value.ConnectAsync, note, dotnet.Value.Socket);
    }

    /// <summary>'none' (empty), or a non-empty list of distinct needs from the vocabulary.</summary>
    private EquatableArray<string>? ReadNeeds(MappingFields fields)
    {
        var what = "'" + ScenarioVocabulary.NoNeeds + "', or a list of: " + Naming.List(ScenarioVocabulary.Needs);
        var node = fields.Value("needs");
        if (node is null || node is YamlScalar { IsNull: true })
        {
            fields.ReportMissing("needs", what);
            return null;
        }

        if (node is YamlScalar scalar)
        {
            if (scalar.IsPlain && scalar.Value == ScenarioVocabulary.NoNeeds)
            {
                return EquatableArray<string>.Empty;
            }

            if (ScenarioVocabulary.Needs.Contains(scalar.Value, StringComparer.Ordinal))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.WrongType,
                    scalar,
                    "'needs' of " + fields.Owner + " is the single word '" + scalar.Value + "', but only 'none' is written alone. Write it as a list: [" + scalar.Value + "].");
                return null;
            }

            ReportUnknownNeed(scalar, fields.Owner);
            return null;
        }

        var items = ReadWordList(fields, "needs", what);
        if (items is null)
        {
            return null;
        }

        var ok = true;
        foreach (var item in items)
        {
            if (item.Value == ScenarioVocabulary.NoNeeds)
            {
                context.Report(
                    CatalogDiagnosticDescriptors.NeedsNoneMixed,
                    item,
                    "'needs' of " + fields.Owner + " lists 'none' as an item. 'none' means any user can run the scenario: write 'needs: none' alone, or list only the real needs.");
                ok = false;
            }
            else if (!ScenarioVocabulary.Needs.Contains(item.Value, StringComparer.Ordinal))
            {
                ReportUnknownNeed(item, fields.Owner);
                ok = false;
            }
        }

        return ok ? items.Select(i => i.Value).ToEquatableArray() : null;
    }

    private void ReportUnknownNeed(YamlScalar node, string owner) => context.Report(
        CatalogDiagnosticDescriptors.UnknownScenarioTerm,
        node,
        "'" + YamlScalar.Shorten(node.Value) + "' in 'needs' of " + owner + " is not a need the schema defines." + Naming.Suggestion(node.Value, ScenarioVocabulary.Needs)
        + " Write 'none', or a list of: " + Naming.List(ScenarioVocabulary.Needs) + ".");

    /// <summary>A scenario outcome: the canonical name of an entry, or 'success'.</summary>
    private string? ReadOutcome(MappingFields fields, string key, bool required)
    {
        var what = "the canonical name of an entry of this catalog, or '" + ScenarioVocabulary.Success + "'";
        var value = required ? fields.RequiredText(key, what) : fields.OptionalText(key, what);
        if (value is null || value == ScenarioVocabulary.Success || !entryNamesKnown || entryNames.ContainsKey(value))
        {
            return value;
        }

        var alias = nameUses.FirstOrDefault(u => u.Value == value);
        var hint = alias.Owner is not null && alias.EntryIndex < entryNameByIndex.Length && entryNameByIndex[alias.EntryIndex] is { } canonical
            ? " It is an alias of " + canonical + ": write the canonical name '" + canonical + "'."
            : Naming.Suggestion(value, entryNames.Keys) + " Write an entry's canonical name or '" + ScenarioVocabulary.Success + "', or add the entry.";
        context.Report(
            CatalogDiagnosticDescriptors.UnknownScenarioResult,
            fields.Value(key)!,
            "'" + key + "' of " + fields.Owner + " is '" + YamlScalar.Shorten(value) + "', which is neither the name of an entry of this catalog nor '" + ScenarioVocabulary.Success + "'." + hint);
        return null;
    }

    /// <summary>The optional 'dotnet' mapping of a scenario: (null, null, null) when absent; null after reporting a problem.</summary>
    private (string? Connect, string? ConnectAsync, string? Socket)? ReadScenarioDotNet(MappingFields fields)
    {
        var node = fields.Value("dotnet");
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return (null, null, null);
        }

        var dotnetFields = MappingFields.Open(context, node, "'dotnet' of " + fields.Owner, ScenarioVocabulary.DotNetKeys);
        if (dotnetFields is null)
        {
            return null;
        }

        var connect = ReadSocketError(dotnetFields, ScenarioVocabulary.DotNetConnectKey);
        var connectAsync = ReadSocketError(dotnetFields, ScenarioVocabulary.DotNetConnectAsyncKey);
        var connectBad = connect is null && dotnetFields.Value(ScenarioVocabulary.DotNetConnectKey) is YamlScalar { IsNull: false };
        var asyncBad = connectAsync is null && dotnetFields.Value(ScenarioVocabulary.DotNetConnectAsyncKey) is YamlScalar { IsNull: false };
        var socket = ReadSocketError(dotnetFields, ScenarioVocabulary.DotNetSocketKey);
        var socketBad = socket is null && dotnetFields.Value(ScenarioVocabulary.DotNetSocketKey) is YamlScalar { IsNull: false };
        return connectBad || asyncBad || socketBad || HasWrongShape(dotnetFields, ScenarioVocabulary.DotNetKeys) ? null : (connect, connectAsync, socket);
    }

    /// <summary>Whether any of the keys holds a list or mapping (reported already by the text reader).</summary>
    private static bool HasWrongShape(MappingFields fields, IEnumerable<string> keys) => keys.Any(k => fields.Value(k) is YamlMapping or YamlSequence);

    /// <summary>An entry's 'kernel-sources': each with a location, the families it concerns (default: all of the entry's) and what the code does.</summary>
    private EquatableArray<KernelSource>? ReadKernelSources(MappingFields fields, string owner, EquatableArray<FamilyUse>? entryFamilies) =>
        fields.Has("kernel-sources") ? ReadKernelSourceItems(fields, owner, entryFamilies) : EquatableArray<KernelSource>.Empty;

    // Apart from ReadKernelSources so that the item reader, which captures the entry, is made only for an entry that has the list.
    private EquatableArray<KernelSource>? ReadKernelSourceItems(MappingFields fields, string owner, EquatableArray<FamilyUse>? entryFamilies) =>
        ReadItemList(fields, "kernel-sources", "kernel source locations, each with 'at' and 'says'", "kernel source", owner, KernelSourceKeys, (itemFields, itemOwner) =>
        {
            var at = itemFields.RequiredText("at", "the file and function, for example 'net/ipv4/route.c __mkroute_output()'");
            if (at is not null && !KernelLocation.IsMatch(at))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.WrongType,
                    itemFields.Value("at")!,
                    "'at' of " + itemOwner + " is '" + YamlScalar.Shorten(at) + "', but a kernel location is written 'path/file.c function()': the path in the kernel tree, one space, one function name with '()'.");
                at = null;
            }

            var kernelFamilies = ReadKernelSourceFamilies(itemFields, itemOwner, entryFamilies);
            var says = itemFields.RequiredText("says", "what that code does, in our words");
            return at is null || kernelFamilies is null || says is null ? null : new KernelSource(at, kernelFamilies.Value, says);
        });

    private EquatableArray<string>? ReadKernelSourceFamilies(MappingFields fields, string owner, EquatableArray<FamilyUse>? entryFamilies)
    {
        if (fields.Value("families") is null or YamlScalar { IsNull: true })
        {
            return EquatableArray<string>.Empty;
        }

        var items = ReadWordList(fields, "families", "the family ids it concerns; leave the key out for all of the entry's families");
        if (items is null)
        {
            return null;
        }

        var ok = true;
        foreach (var item in items)
        {
            if (!CheckFamily(item, new OwnerPhrase("'families' of ", owner), "."))
            {
                ok = false;
                continue;
            }

            if (entryFamilies is { } listed && !listed.Any(f => f.Family == item.Value))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.UnknownFamily,
                    item,
                    "'" + item.Value + "' in 'families' of " + owner + " is not one of the families the entry lists (" + Naming.List(listed.Select(f => f.Family))
                    + "). Add the family to the entry, or name only families it lists.");
                ok = false;
            }
        }

        return ok ? items.Select(i => i.Value).OrderBy(families.IndexOf).ToEquatableArray() : null;
    }

    /// <summary>An entry's 'not-returned': platforms whose call never gives this error, each checked against the scenarios once they are read.</summary>
    private EquatableArray<NotReturned>? ReadNotReturned(MappingFields fields, string owner, string? entryName) =>
        fields.Has("not-returned") ? ReadNotReturnedItems(fields, owner, entryName) : EquatableArray<NotReturned>.Empty;

    // Apart from ReadNotReturned so that the item reader, which captures the entry, is made only for an entry that has the list.
    private EquatableArray<NotReturned>? ReadNotReturnedItems(MappingFields fields, string owner, string? entryName)
    {
        // Made on the first item.
        Dictionary<string, YamlNode>? seen = null;
        return ReadItemList(fields, "not-returned", "the platforms that never return this error, each with 'platform' and 'why'", "not-returned item", owner, NotReturnedKeys, (itemFields, _) =>
        {
            var platform = ReadReference(itemFields, "platform", required: true, platforms, CatalogDiagnosticDescriptors.UnknownPlatform);
            var why = itemFields.RequiredText("why", "what was tried and what came back instead, in our words");
            seen ??= new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            if (platform is not null && seen.TryGetValue(platform, out var first))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.DuplicateId,
                    itemFields.Value("platform")!,
                    "The platform '" + platform + "' appears twice in 'not-returned' of " + owner + " (first at line " + context.LineOf(first) + "). Keep one item and put both reasons in its 'why'.");
                return null;
            }

            if (platform is null || why is null)
            {
                return null;
            }

            seen.Add(platform, itemFields.Value("platform")!);
            if (entryName is not null)
            {
                notReturnedClaims.Add((entryName, platform, itemFields.Value("platform")!, owner));
            }

            return new NotReturned(platform, why);
        });
    }

    /// <summary>A quirk's 'scenarios': ids checked against the scenarios once they are read.</summary>
    private EquatableArray<string>? ReadQuirkScenarios(MappingFields fields, string owner)
    {
        if (fields.Value("scenarios") is null or YamlScalar { IsNull: true })
        {
            return EquatableArray<string>.Empty;
        }

        var items = ReadWordList(fields, "scenarios", "the ids of the scenarios that demonstrate the quirk");
        if (items is null)
        {
            return null;
        }

        foreach (var item in items)
        {
            scenarioReferences.Add((item, "'scenarios' of " + owner));
        }

        return items.Select(i => i.Value).ToEquatableArray();
    }

    /// <summary>
    /// A non-empty list of distinct words, in file order; null after reporting an item that is not
    /// a word, or a repeat. Messages say what an item must be (<paramref name="itemRule"/>, by
    /// default "one word: <paramref name="what"/>") and name a repeated one after <paramref name="itemLabel"/>.
    /// </summary>
    private List<YamlScalar>? ReadWordList(MappingFields fields, string key, string what, string? itemRule = null, string itemLabel = "")
    {
        var list = fields.List(key, what, required: false, nonEmpty: true);
        if (list is null)
        {
            return null;
        }

        var words = ReadWords(fields, key, list, itemRule ?? "one word: " + what, itemLabel, out var ok);
        return ok ? words : null;
    }

    /// <summary>
    /// The items of <paramref name="list"/> that are words, each once, in file order; every item
    /// that is not a word, and every repeat, is reported and makes <paramref name="ok"/> false.
    /// </summary>
    private List<YamlScalar> ReadWords(MappingFields fields, string key, YamlSequence list, string itemRule, string itemLabel, out bool ok)
    {
        var result = new List<YamlScalar>(list.Items.Count);
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        ok = true;
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar || scalar.Value.Length == 0)
            {
                context.Report(
                    CatalogDiagnosticDescriptors.WrongType,
                    item,
                    "An item of '" + key + "' in " + fields.Owner + " is " + item.Describe() + ". Each item is " + itemRule + ".");
                ok = false;
                continue;
            }

            if (seen.TryGetValue(scalar.Value, out var first))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.DuplicateId,
                    scalar,
                    itemLabel + "'" + YamlScalar.Shorten(scalar.Value) + "' appears twice in '" + key + "' of " + fields.Owner + " (first at line " + context.LineOf(first) + "). Keep one.");
                ok = false;
                continue;
            }

            seen.Add(scalar.Value, scalar);
            result.Add(scalar);
        }

        return result;
    }

    /// <summary>The checks that need both entries and scenarios: quirks name declared scenarios, and every not-returned claim rests on scenarios.</summary>
    private void CheckScenarioReferences()
    {
        if (scenarios.Known)
        {
            foreach (var (node, owner) in scenarioReferences)
            {
                if (!scenarios.IsDeclared(node.Value))
                {
                    context.Report(
                        CatalogDiagnosticDescriptors.UnknownScenario,
                        node,
                        "'" + YamlScalar.Shorten(node.Value) + "' in " + owner + " is not a declared scenario." + Naming.Suggestion(node.Value, scenarios.Ids)
                        + " Use the id of a scenario under 'scenarios' (" + Naming.List(scenarios.Ids) + "), or add the scenario.");
                }
            }
        }

        foreach (var claim in notReturnedClaims)
        {
            var contradiction = scenarioOutcomes.FirstOrDefault(o => o.Platform == claim.Platform && o.Result == claim.Entry);
            if (contradiction.Node is not null)
            {
                context.Report(
                    CatalogDiagnosticDescriptors.NotReturnedContradicted,
                    claim.Node,
                    Capitalize(claim.Owner) + " says platform '" + claim.Platform + "' never returns " + claim.Entry + ", but scenario '" + YamlScalar.Shorten(contradiction.Id) + "' (line "
                    + context.LineOf(contradiction.Node) + ") gets exactly that result there. Remove the not-returned item, or correct the scenario.");
                continue;
            }

            if (scenarioOutcomesComplete && scenarios.Known && !scenarioOutcomes.Any(o => o.Platform == claim.Platform && o.Naive == claim.Entry))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.NotReturnedUntried,
                    claim.Node,
                    Capitalize(claim.Owner) + " says platform '" + claim.Platform + "' never returns " + claim.Entry + ", but no scenario on that platform has 'naive: " + claim.Entry
                    + "', so nothing shows what was tried. Add such a scenario (the setup where one would expect " + claim.Entry + "), or remove the not-returned item.");
            }
        }
    }
}
