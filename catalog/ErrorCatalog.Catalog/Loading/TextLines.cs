namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// Turns character offsets into 1-based lines and columns. Line breaks are the ones Roslyn's
/// SourceText recognizes (CR LF, CR, LF, NEL, LS, PS), which are also YAML's, so a diagnostic's
/// line and column agree with its span wherever it is shown.
/// </summary>
internal sealed class TextLines
{
    private readonly string text;
    private readonly List<int> lineStarts = new() { 0 };

    public TextLines(string text)
    {
        this.text = text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                lineStarts.Add(i + 1);
            }
            else if (IsLineBreak(c))
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public int Length => text.Length;

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>The 1-based line and column of <paramref name="offset"/> (clamped into the text).</summary>
    public (int Line, int Column) Position(int offset)
    {
        offset = Clamp(offset);
        var index = lineStarts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, offset - lineStarts[index] + 1);
    }

    /// <summary>The offset where the line holding <paramref name="offset"/> ends (before its line break), looking no further than <paramref name="limit"/>.</summary>
    public int EndOfLine(int offset, int limit = int.MaxValue)
    {
        offset = Clamp(offset);
        limit = Clamp(limit);
        while (offset < limit && !IsLineBreak(text[offset]))
        {
            offset++;
        }

        return offset;
    }

    public SourceSpan Span(int start, int end)
    {
        start = Clamp(start);
        end = Math.Max(start, Clamp(end));
        var (line, column) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new SourceSpan(start, end - start, line, column, endLine, endColumn);
    }

    private int Clamp(int offset) => offset < 0 ? 0 : offset > text.Length ? text.Length : offset;
}
