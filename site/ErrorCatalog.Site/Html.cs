using System.Globalization;

namespace ErrorCatalog.Site;

/// <summary>Escaping and small inline formatting for generated HTML.</summary>
internal static class Html
{
    /// <summary>Escapes text for element content and double-quoted attribute values.</summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\r': break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Escapes catalog prose and turns its `backtick spans` into code elements; catalog text uses
    /// backticks for native names, and nothing else of Markdown is interpreted.
    /// </summary>
    public static string Prose(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var parts = text!.Split('`');
        if (parts.Length % 2 == 0)
        {
            // An unmatched backtick: show the text exactly as written rather than guess.
            return Encode(text);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 1)
            {
                builder.Append("<code>").Append(Encode(parts[i])).Append("</code>");
            }
            else
            {
                builder.Append(Encode(parts[i]));
            }
        }

        return builder.ToString();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A stable fragment id made of lower-case letters, digits and hyphens.</summary>
    public static string Anchor(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            {
                builder.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> can be used as one path segment on every file system the site may be copied to.</summary>
    public static bool IsSafeFileName(string text)
    {
        if (text.Length == 0 || text.Length > 100 || text[0] == '.')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return !string.Equals(text, "index", StringComparison.OrdinalIgnoreCase);
    }
}
