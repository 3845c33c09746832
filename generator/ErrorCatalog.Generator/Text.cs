using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorCatalog.Generator;

/// <summary>Escaping for the two places catalog text lands in generated code: XML doc comments and string literals.</summary>
internal static class Text
{
    /// <summary>
    /// Catalog prose as XML element content on one doc-comment line: &amp;, &lt; and &gt; escaped,
    /// every run of whitespace (including line breaks, which would end the comment) folded into
    /// one space, and characters XML forbids dropped.
    /// </summary>
    public static string Xml(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (IsPlainXml(text))
        {
            // Most catalog prose needs no change; returning it as is saves a copy per doc line.
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length != 0;
                continue;
            }

            if (char.IsControl(c) || c == '\uFFFE' || c == '\uFFFF')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <see cref="Xml"/> would return <paramref name="text"/> unchanged.</summary>
    private static bool IsPlainXml(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[text.Length - 1] == ' ')
        {
            return text.Length == 0;
        }

        var previousWasSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousWasSpace)
                {
                    return false;
                }

                previousWasSpace = true;
                continue;
            }

            previousWasSpace = false;
            if (c is '&' or '<' or '>' or '\uFFFE' or '\uFFFF' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Like <see cref="Xml"/>, ending with a full stop unless the text already ends a sentence.</summary>
    public static string Sentence(string? text)
    {
        var xml = Xml(text);
        if (xml.Length == 0)
        {
            return xml;
        }

        var last = xml[xml.Length - 1];
        return last is '.' or '!' or '?' or ':' ? xml : xml + ".";
    }

    /// <summary>Text as <c>&lt;c&gt;text&lt;/c&gt;</c>.</summary>
    public static string Code(string text) => "<c>" + Xml(text) + "</c>";

    /// <summary>A C# string literal, quoted, with every character that needs it escaped.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>An int literal in invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
