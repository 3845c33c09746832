namespace ErrorCatalog.Cli;

/// <summary>
/// The one rule for "did you mean": the known word with the fewest single-character edits
/// (insert, delete, substitute, swap two neighbours; case ignored) from what was typed, offered when it is at most a
/// third of the typed word's length away (at least one edit, so short typos are caught too).
/// </summary>
public static class Suggestions
{
    /// <summary>The nearest of <paramref name="known"/> to <paramref name="typed"/>, or null when none is close enough.</summary>
    public static string? Nearest(string typed, IEnumerable<string> known)
    {
        var wanted = typed.Trim().ToLowerInvariant();
        var limit = Math.Max(1, wanted.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Distinct(StringComparer.Ordinal))
        {
            var distance = Distance(wanted, candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"; did you mean X?" for the nearest known word (to end a message with), or an empty string.</summary>
    /// <remarks>Aliases (alias to the word it stands for) are candidates too, and suggest the word they stand for.</remarks>
    public static string DidYouMean(string typed, IReadOnlyCollection<string> known, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var candidates = known.Concat(aliases?.Where(a => known.Contains(a.Value)).Select(a => a.Key) ?? Enumerable.Empty<string>());
        if (Nearest(typed, candidates) is not { } nearest)
        {
            return string.Empty;
        }

        return $"; did you mean {(!known.Contains(nearest) && aliases is not null && aliases.TryGetValue(nearest, out var target) ? target : nearest)}?";
    }

    /// <summary>The edit distance with swaps of neighbours (optimal string alignment), keeping the last two rows of the table.</summary>
    public static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
