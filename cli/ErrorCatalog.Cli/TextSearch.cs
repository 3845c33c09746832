namespace ErrorCatalog.Cli;

/// <summary>Finding errors by part of a name or by words of their text, for <c>errcat show</c>.</summary>
public static class TextSearch
{
    /// <summary>
    /// The first field of <paramref name="error"/> that contains <paramref name="query"/> (any case),
    /// in the order name, alias, symbol, a source's name, summary, details, what to do, per-family
    /// meaning; null when none does. Names and symbols are compared without spaces, dashes and
    /// underscores, so "connection refused" finds the symbol ConnectionRefused.
    /// </summary>
    public static string? MatchingField(ErrorEntry error, string query)
    {
        var words = query.Trim();
        if (words.Length == 0)
        {
            return null;
        }

        var squeezed = Squeeze(words);
        bool InName(string? name) => name is not null && squeezed.Length > 0 && Squeeze(name).Contains(squeezed, StringComparison.OrdinalIgnoreCase);
        bool InText(string? text) => text is not null && text.Contains(words, StringComparison.OrdinalIgnoreCase);

        if (InName(error.Name))
        {
            return "name";
        }

        if (error.Aliases.FirstOrDefault(a => InName(a.Name)) is { } alias)
        {
            return "alias " + alias.Name;
        }

        if (InName(error.Symbol))
        {
            return "symbol " + error.Symbol;
        }

        foreach (var listing in error.Sources)
        {
            if (listing.Attributions.FirstOrDefault(a => InName(a.Name)) is { } attribution)
            {
                return $"{listing.Source} name {attribution.Name}";
            }
        }

        if (InText(error.Summary))
        {
            return "summary";
        }

        if (InText(error.Details))
        {
            return "details";
        }

        if (InText(error.Action))
        {
            return "what to do";
        }

        return error.Families.FirstOrDefault(f => InText(f.Meaning)) is { } family ? "meaning for " + family.Family : null;
    }

    private static string Squeeze(string text) => new(text.Where(c => c is not (' ' or '-' or '_')).ToArray());
}
