using System.Text;

namespace ErrorCatalog.Catalog.Loading;

/// <summary>The lexical rules for ids, names and symbols, and "did you mean" suggestions.</summary>
internal static class Naming
{
    private const int MaxListed = 32;

    // C#'s reserved keywords, as Roslyn's SyntaxFacts.GetKeywordKind knows them (a test compares).
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    // C#'s contextual keywords, as Roslyn's SyntaxFacts.GetContextualKeywordKind knows them (a test
    // compares). They are identifiers in most places, but a namespace segment such as 'nameof',
    // 'global' or '_' turns the generated 'global::A.nameof.X' into something else, so namespaces
    // may not use them.
    private static readonly HashSet<string> ContextualKeywords = new(StringComparer.Ordinal)
    {
        "yield", "partial", "from", "group", "join", "into", "let", "by", "where", "select", "get", "set", "add",
        "remove", "orderby", "alias", "on", "equals", "ascending", "descending", "assembly", "module", "type",
        "field", "method", "param", "property", "typevar", "global", "async", "await", "when", "nameof", "var",
        "dynamic", "_", "unmanaged", "or", "and", "not", "with", "init", "record", "managed", "required", "scoped",
        "file", "args", "allows", "extension",
    };

    /// <summary>Ids: <c>[a-z0-9-]+</c>.</summary>
    public static bool IsId(string value) => value.Length > 0 && All(value, c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>Kebab-case ids (scenarios): <c>^[a-z0-9]+(-[a-z0-9]+)*$</c>, words joined by single dashes.</summary>
    public static bool IsKebabId(string value) =>
        IsId(value) && value[0] != '-' && value[value.Length - 1] != '-' && value.IndexOf("--", StringComparison.Ordinal) < 0;

    /// <summary>Native names: upper-case letters, digits and underscores, starting with a letter.</summary>
    public static bool IsNativeName(string value) =>
        value.Length > 0 && value[0] is >= 'A' and <= 'Z' && All(value, c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    /// <summary>
    /// Whether every character of <paramref name="value"/> is <paramref name="allowed"/>. Not LINQ's
    /// All, which walks a string through an enumerator object: every entry's names are checked.
    /// </summary>
    private static bool All(string value, Func<char, bool> allowed)
    {
        foreach (var c in value)
        {
            if (!allowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A PascalCase symbol: a C# identifier of letters and digits that starts with an upper-case letter.</summary>
    public static string? SymbolProblem(string value)
    {
        var identifierProblem = IdentifierProblem(value);
        if (identifierProblem is not null)
        {
            return identifierProblem;
        }

        if (!char.IsUpper(value[0]))
        {
            return "it does not start with an upper-case letter (symbols are PascalCase)";
        }

        // IndexOf, not Contains: netstandard2.0 has no string.Contains(char), and LINQ's walks the string through an enumerator object.
        if (value.IndexOf('_') >= 0)
        {
            return "it contains '_' (symbols are PascalCase: letters and digits only)";
        }

        return null;
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot name generated code, or null when it can: it must be a
    /// C# identifier (<see cref="IsCSharpIdentifier"/>), not a keyword, and without formatting
    /// characters (Unicode category Cf, such as the soft hyphen U+00AD): C# accepts them but drops
    /// them when it compares names, so <c>Conn\u00ADect</c> would be the same name as <c>Connect</c>.
    /// </summary>
    public static string? IdentifierProblem(string value)
    {
        if (value.Length == 0)
        {
            return "it is empty";
        }

        if (IsCSharpKeyword(value))
        {
            return "it is the C# keyword '" + value + "'";
        }

        if (!IsIdentifierStart(value[0]))
        {
            return "it starts with '" + Printable(value[0]) + "' rather than a letter";
        }

        foreach (var c in value)
        {
            if (!IsIdentifierPart(c))
            {
                return "it contains '" + Printable(c) + "', which C# does not allow in a name";
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return "it contains the invisible formatting character " + CodePoint(c) + ", which C# ignores when it compares names";
            }
        }

        return null;
    }

    /// <summary>A namespace: identifiers separated by dots, none of them a contextual keyword.</summary>
    public static string? NamespaceProblem(string value)
    {
        foreach (var part in value.Split('.'))
        {
            var problem = IdentifierProblem(part)
                ?? (IsCSharpContextualKeyword(part) ? "it is the C# contextual keyword '" + part + "', which means something else in some places of generated code" : null);
            if (problem is not null)
            {
                return part.Length == 0 ? "it has an empty part between dots" : "its part '" + part + "' is not a C# identifier: " + problem;
            }
        }

        return null;
    }

    /// <summary>The same answer as Roslyn's <c>SyntaxFacts.IsValidIdentifier</c>: a letter or '_', then letters, digits, connectors, combining marks and formatting characters.</summary>
    public static bool IsCSharpIdentifier(string value)
    {
        if (value.Length == 0 || !IsIdentifierStart(value[0]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (!IsIdentifierPart(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether Roslyn's <c>SyntaxFacts.GetKeywordKind</c> knows <paramref name="value"/> as a reserved keyword.</summary>
    public static bool IsCSharpKeyword(string value) => Keywords.Contains(value);

    /// <summary>Whether Roslyn's <c>SyntaxFacts.GetContextualKeywordKind</c> knows <paramref name="value"/> as a contextual keyword.</summary>
    public static bool IsCSharpContextualKeyword(string value) => ContextualKeywords.Contains(value);

    /// <summary>The candidate closest to <paramref name="actual"/> if it is close enough to be a likely typo.</summary>
    public static string? Closest(string actual, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var considered = 0;
        foreach (var candidate in candidates)
        {
            // Real lists are short; a hostile file with thousands of ids gets no suggestion rather
            // than quadratic work.
            if (++considered > MaxListed * 8)
            {
                return null;
            }

            var distance = Distance(actual.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, Math.Min(actual.Length, best?.Length ?? 0) / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or nothing.</summary>
    public static string Suggestion(string actual, IEnumerable<string> candidates)
    {
        var closest = Closest(actual, candidates);
        return closest is null ? string.Empty : " Did you mean '" + closest + "'?";
    }

    /// <summary>"a, b, c" for messages; long lists are cut after <see cref="MaxListed"/> items so that messages stay readable and small.</summary>
    public static string List(IEnumerable<string> items)
    {
        var builder = new StringBuilder();
        var count = 0;
        foreach (var item in items)
        {
            count++;
            if (count > MaxListed)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(YamlScalar.Shorten(item));
        }

        if (count > MaxListed)
        {
            builder.Append(string.Format(CultureInfo.InvariantCulture, " and {0} more", count - MaxListed));
        }

        return builder.Length == 0 ? "(none declared)" : builder.ToString();
    }

    private static bool IsIdentifierStart(char c) => c == '_' || IsLetter(CharUnicodeInfo.GetUnicodeCategory(c));

    private static bool IsIdentifierPart(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return IsLetter(category) || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? CodePoint(c) : c.ToString();

    private static string CodePoint(char c) => string.Format(CultureInfo.InvariantCulture, "U+{0:X4}", (int)c);

    private static int Distance(string a, string b)
    {
        // Ids and keys are short; cap the work for long inputs anyway.
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
