namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// One mapping of the schema: checks its keys (unknown, repeated, not text) once, then hands out
/// typed fields, reporting each missing or ill-shaped field and returning null for it.
/// </summary>
internal sealed class MappingFields
{
    /// <summary>The fields whose positions <see cref="RecordSpans"/> keeps.</summary>
    private static readonly string[] NamingKeys = { "id", "name", "symbol", "prefix", "namespace", "exception-base" };

    /// <summary>Up to this many keys, a repeated key is found by looking back along the mapping; larger (hostile) mappings use a dictionary.</summary>
    private const int SmallMapping = 32;

    private readonly LoadContext context;

    // Fields are looked up along the mapping's own entries: a schema mapping has at most a few
    // dozen keys, so that is cheaper than a dictionary, and it copies nothing.
    private readonly NodeList<KeyValuePair<YamlNode, YamlNode>> entries;

    // Per entry, whether its key was rejected (not text, repeated or not allowed here). Null while
    // none is, as in a well-formed mapping, which then costs no array of its own.
    private bool[]? rejected;

    private MappingFields(LoadContext context, YamlMapping mapping, string owner)
    {
        this.context = context;
        Mapping = mapping;
        Owner = owner;
        entries = mapping.Entries;
    }

    public YamlMapping Mapping { get; }

    /// <summary>How messages name the mapping, e.g. "the error 'ECONNREFUSED'".</summary>
    public string Owner { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping with the given keys, or reports what it is instead and returns null.</summary>
    public static MappingFields? Open(LoadContext context, YamlNode node, string owner, IReadOnlyList<string> allowedKeys)
    {
        if (node is not YamlMapping mapping)
        {
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                node,
                Capitalize(owner) + " must be a mapping of " + Naming.List(allowedKeys) + ", but is " + node.Describe() + ". Write it as 'key: value' lines.");
            return null;
        }

        var result = new MappingFields(context, mapping, owner);
        var entries = mapping.Entries;
        Dictionary<string, YamlScalar>? seen = null;
        for (var index = 0; index < entries.Count; index++)
        {
            if (CheckedKey(context, entries, index, new OwnerPhrase(owner), ref seen) is not { } key)
            {
                result.Reject(index);
                continue;
            }

            if (!Contains(allowedKeys, key.Value))
            {
                context.Report(
                    CatalogDiagnosticDescriptors.UnknownKey,
                    key,
                    "Unknown key '" + YamlScalar.Shorten(key.Value) + "' in " + owner + "." + Naming.Suggestion(key.Value, allowedKeys)
                    + " The keys allowed here are: " + Naming.List(allowedKeys) + ".");
                result.Reject(index);
            }
        }

        return result;
    }

    /// <summary>
    /// The entries of a mapping whose keys are data (platform ids, source ids, ...): reports keys
    /// that are not text and repeated keys (keeping the first), and yields the rest in file order.
    /// Walked in place (a struct enumerator), without copying the entries into a list.
    /// </summary>
    public static KeyedEntryWalk KeyedEntries(LoadContext context, YamlMapping mapping, OwnerPhrase owner) => new(context, mapping.Entries, owner);

    /// <summary>The key of entry <paramref name="index"/>, or null after reporting a key that is not text or repeats an earlier one.</summary>
    private static YamlScalar? CheckedKey(LoadContext context, NodeList<KeyValuePair<YamlNode, YamlNode>> entries, int index, OwnerPhrase owner, ref Dictionary<string, YamlScalar>? seen)
    {
        var entry = entries[index];
        if (entry.Key is not YamlScalar key)
        {
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                entry.Key,
                "A key in " + owner.Text + " is " + entry.Key.Describe() + "; keys must be plain text. Write the key as a single word followed by ':'.");
            return null;
        }

        if (FirstWithKey(entries, index, key, ref seen) is not { } first)
        {
            return key;
        }

        context.Report(
            CatalogDiagnosticDescriptors.DuplicateId,
            key,
            "The key '" + YamlScalar.Shorten(key.Value) + "' appears twice in " + owner.Text + " (first at line " + context.LineOf(first)
            + "). Keep one of them; the first was read and this one ignored.");
        return null;
    }

    /// <summary>The first text key before <paramref name="index"/> equal to <paramref name="key"/>, or null (then <paramref name="key"/> is the first).</summary>
    private static YamlScalar? FirstWithKey(NodeList<KeyValuePair<YamlNode, YamlNode>> entries, int index, YamlScalar key, ref Dictionary<string, YamlScalar>? seen)
    {
        if (entries.Count <= SmallMapping)
        {
            for (var i = 0; i < index; i++)
            {
                if (entries[i].Key is YamlScalar earlier && string.Equals(earlier.Value, key.Value, StringComparison.Ordinal))
                {
                    return earlier;
                }
            }

            return null;
        }

        seen ??= new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        if (seen.TryGetValue(key.Value, out var first))
        {
            return first;
        }

        seen.Add(key.Value, key);
        return null;
    }

    private void Reject(int index) => (rejected ??= new bool[entries.Count])[index] = true;

    /// <summary>The first accepted field named <paramref name="key"/> (a repeated key was rejected, so there is at most one).</summary>
    private bool TryGet(string key, out KeyValuePair<YamlScalar, YamlNode> field)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Key is YamlScalar name && string.Equals(name.Value, key, StringComparison.Ordinal) && rejected?[i] != true)
            {
                field = new(name, entry.Value);
                return true;
            }
        }

        field = default;
        return false;
    }

    public bool Has(string key) => TryGet(key, out _);

    public YamlScalar? Key(string key) => TryGet(key, out var field) ? field.Key : null;

    public YamlNode? Value(string key) => TryGet(key, out var field) ? field.Value : null;

    /// <summary>
    /// Records where this mapping is, and the fields that name things (the ones checks made after
    /// loading point at), under <paramref name="section"/> and <paramref name="id"/>. Prose fields
    /// are left out: nothing after loading reports on them, and a large catalog has many.
    /// </summary>
    public void RecordSpans(string section, string id)
    {
        context.RecordSpan(new CatalogPlace(section, id, string.Empty), Mapping);
        foreach (var key in NamingKeys)
        {
            if (TryGet(key, out var field))
            {
                context.RecordSpan(new CatalogPlace(section, id, key), field.Value);
            }
        }
    }

    /// <summary>Where to point when something about the whole mapping is wrong: its first key, or the mapping itself.</summary>
    public YamlNode Anchor => Mapping.Entries.Count > 0 ? Mapping.Entries[0].Key : Mapping;

    /// <summary>A required text field; null (after reporting) when missing, empty or not text.</summary>
    public string? RequiredText(string key, string what) => Text(key, what, required: true);

    public string? OptionalText(string key, string what) => Text(key, what, required: false);

    /// <summary>A required whole number within [min, max]; null after reporting otherwise.</summary>
    public long? RequiredInteger(string key, string what, long min, long max)
    {
        if (!TryGet(key, out var field) || field.Value is YamlScalar { IsNull: true })
        {
            ReportMissing(key, what);
            return null;
        }

        return Integer(field.Value, key, what, min, max);
    }

    public long? OptionalInteger(string key, string what, long min, long max) =>
        TryGet(key, out var field) && !(field.Value is YamlScalar { IsNull: true }) ? Integer(field.Value, key, what, min, max) : null;

    /// <summary>An optional yes/no field: the plain words <c>true</c> or <c>false</c>; absent or empty is <paramref name="absent"/>.</summary>
    public bool OptionalBoolean(string key, string what, bool absent)
    {
        if (!TryGet(key, out var field) || field.Value is YamlScalar { IsNull: true })
        {
            return absent;
        }

        if (field.Value is YamlScalar { IsPlain: true, Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        context.Report(
            CatalogDiagnosticDescriptors.WrongType,
            field.Value,
            "'" + key + "' of " + Owner + " (" + what + ") must be true or false, but is " + field.Value.Describe() + ". Write true or false without quotes.");
        return absent;
    }

    /// <summary>A required list (null after reporting when missing, not a list, or empty while it must not be).</summary>
    public YamlSequence? List(string key, string what, bool required, bool nonEmpty)
    {
        if (!TryGet(key, out var field) || field.Value is YamlScalar { IsNull: true })
        {
            return Absent<YamlSequence>(key, what, required);
        }

        if (field.Value is not YamlSequence sequence)
        {
            return WrongShape<YamlSequence>(field.Value, key, "a list", what, "Write each item on its own '- ' line.");
        }

        if (nonEmpty && sequence.Items.Count == 0)
        {
            context.Report(
                CatalogDiagnosticDescriptors.EmptyCatalog,
                field.Key,
                "'" + key + "' of " + Owner + " is an empty list. Add at least one item (" + what + ").");
            return null;
        }

        return sequence;
    }

    /// <summary>Reports a required field that is absent (at the mapping) or present without a value (at its key).</summary>
    public void ReportMissing(string key, string what)
    {
        if (TryGet(key, out var field))
        {
            context.Report(
                CatalogDiagnosticDescriptors.MissingField,
                field.Key,
                "'" + key + "' of " + Owner + " has no value. After '" + key + ":' write " + what + ".");
            return;
        }

        context.Report(
            CatalogDiagnosticDescriptors.MissingField,
            Anchor,
            Capitalize(Owner) + " has no '" + key + "'. Add '" + key + ":' with " + what + ".");
    }

    /// <summary>Reads a scalar as a decimal whole number; reports and returns null otherwise.</summary>
    public static long? Integer(LoadContext context, YamlNode node, string description, long min, long max, string range)
    {
        if (node is not YamlScalar scalar || scalar.IsNull || !scalar.IsPlain)
        {
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                node,
                Capitalize(description) + " must be a whole number, but is " + (node is YamlScalar { IsPlain: false } ? "quoted text" : node.Describe())
                + ". Write it in decimal digits without quotes.");
            return null;
        }

        var text = scalar.Value;
        var digits = text.StartsWith("-", StringComparison.Ordinal) ? text.Substring(1) : text;
        var wellFormed = digits.Length > 0 && IsAsciiDigits(digits) && (digits.Length == 1 || digits[0] != '0');
        if (!wellFormed)
        {
            var hint = digits.Length > 1 && digits[0] == '0' && IsAsciiDigits(digits)
                ? " Leading zeros are not allowed (YAML 1.1 would read them as octal)."
                : string.Empty;
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                node,
                Capitalize(description) + " must be a whole number in decimal, but is '" + YamlScalar.Shorten(text) + "'." + hint
                + " Write it with the digits 0-9 only (no sign other than '-', fraction, hex, exponent or separators).");
            return null;
        }

        // More than 18 digits cannot be a valid value of any field, so it needs no exact parse.
        if (digits.Length > 18)
        {
            ReportRange(context, scalar, description, text, range);
            return null;
        }

        var value = long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (value < min || value > max)
        {
            ReportRange(context, scalar, description, text, range);
            return null;
        }

        return value;
    }

    /// <summary>
    /// The value of a plain decimal scalar within [min, max], without allocating; false for
    /// anything else, which <see cref="Integer(LoadContext, YamlNode, string, long, long, string)"/>
    /// then reports.
    /// </summary>
    public static bool TryReadInteger(YamlNode node, long min, long max, out long value)
    {
        value = 0;
        if (node is not YamlScalar { IsPlain: true } scalar || scalar.IsNull)
        {
            return false;
        }

        var text = scalar.Value;
        var negative = text.Length > 0 && text[0] == '-';
        var start = negative ? 1 : 0;
        var digits = text.Length - start;
        if (digits == 0 || digits > 18 || (digits > 1 && text[start] == '0'))
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        value = negative ? -value : value;
        return value >= min && value <= max;
    }

    private long? Integer(YamlNode node, string key, string what, long min, long max)
    {
        if (TryReadInteger(node, min, max, out var quick))
        {
            return quick;
        }

        var range = string.Format(CultureInfo.InvariantCulture, "{0} to {1}", min, max);
        return Integer(context, node, "'" + key + "' of " + Owner + " (" + what + ")", min, max, range);
    }

    private static void ReportRange(LoadContext context, YamlScalar scalar, string description, string text, string range) => context.Report(
        CatalogDiagnosticDescriptors.NumberOutOfRange,
        scalar,
        Capitalize(description) + " is " + YamlScalar.Shorten(text) + ", outside the allowed range " + range + ". Write a number in that range.");

    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private string? Text(string key, string what, bool required)
    {
        if (!TryGet(key, out var field))
        {
            return Absent<string>(key, what, required);
        }

        if (field.Value is not YamlScalar scalar)
        {
            return WrongShape<string>(field.Value, key, "text", what, "Write it as one value after '" + key + ":', quoted if it contains ': ', '#', '[' or '{'.");
        }

        return scalar.IsNull || scalar.Value.Length == 0 ? Absent<string>(key, what, required) : scalar.Value;
    }

    /// <summary>A field left out or without a value: reported when it is <paramref name="required"/>; there is nothing to read either way.</summary>
    private T? Absent<T>(string key, string what, bool required)
        where T : class
    {
        if (required)
        {
            ReportMissing(key, what);
        }

        return null;
    }

    /// <summary>Reports a field whose value has the wrong shape ("must be <paramref name="shape"/>"), with <paramref name="advice"/> on how to write it; nothing to read.</summary>
    private T? WrongShape<T>(YamlNode value, string key, string shape, string what, string advice)
        where T : class
    {
        context.Report(
            CatalogDiagnosticDescriptors.WrongType,
            value,
            "'" + key + "' of " + Owner + " must be " + shape + " (" + what + "), but is " + value.Describe() + ". " + advice);
        return null;
    }

    private static bool Contains(IReadOnlyList<string> keys, string key)
    {
        // An indexed loop: foreach over the interface would allocate an enumerator per key.
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>The walk <see cref="KeyedEntries"/> returns: checks each key as it is reached.</summary>
    public struct KeyedEntryWalk
    {
        private readonly LoadContext context;
        private readonly NodeList<KeyValuePair<YamlNode, YamlNode>> entries;
        private readonly OwnerPhrase owner;
        private Dictionary<string, YamlScalar>? seen;
        private int index;

        public KeyedEntryWalk(LoadContext context, NodeList<KeyValuePair<YamlNode, YamlNode>> entries, OwnerPhrase owner)
        {
            this.context = context;
            this.entries = entries;
            this.owner = owner;
            seen = null;
            index = -1;
            Current = default;
        }

        public KeyValuePair<YamlScalar, YamlNode> Current { get; private set; }

        public readonly KeyedEntryWalk GetEnumerator() => this;

        public bool MoveNext()
        {
            while (++index < entries.Count)
            {
                if (CheckedKey(context, entries, index, owner, ref seen) is { } key)
                {
                    Current = new(key, entries[index].Value);
                    return true;
                }
            }

            return false;
        }
    }
}
