using System.Text;

namespace ErrorCatalog.Cli.Output;

/// <summary>A plain-text table with aligned columns that fits the output's width; the last column is never padded.</summary>
public sealed class TextTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = new();
    private readonly List<int> droppable = new();

    /// <summary>The least room the last column keeps before optional columns are left out.</summary>
    public const int LastColumnRoom = 30;

    public TextTable(params string[] headers) => this.headers = headers;

    public int RowCount => rows.Count;

    /// <summary>Marks columns (by header, first dropped first) to leave out when the output is too narrow to keep the last column readable.</summary>
    public TextTable DropWhenNarrow(params string[] optionalHeaders)
    {
        droppable.AddRange(optionalHeaders.Select(h => Array.IndexOf(headers, h)).Where(i => i >= 0));
        return this;
    }

    public TextTable Add(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        var row = new string[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            // One row is one line: line breaks inside catalog text become spaces.
            row[i] = (cells[i] ?? string.Empty).Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        }

        rows.Add(row);
        return this;
    }

    /// <summary>
    /// Writes the table; <paramref name="withHeader"/> false gives an aligned list of pairs. When the
    /// columns do not fit the output's width, the widest columns give up room first (never below
    /// their longest word) and their cells wrap onto further lines of the same row.
    /// </summary>
    public void WriteTo(TextWriter output, bool withHeader = true)
    {
        var widths = new int[headers.Length];
        var least = new int[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            widths[i] = withHeader ? headers[i].Length : 0;
            least[i] = widths[i];
            foreach (var row in rows)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
                foreach (var word in TerminalWriter.Fold(row[i], 1))
                {
                    least[i] = Math.Max(least[i], word.Length);
                }
            }
        }

        var shown = Enumerable.Range(0, headers.Length).ToList();
        int Room() => TerminalWriter.LayoutOf(output).Width - (Gap.Length * (shown.Count - 1));
        var last = headers.Length - 1;
        foreach (var optional in droppable)
        {
            var lastRoom = Room() - shown.Where(i => i != last).Sum(i => least[i]);
            if (lastRoom >= Math.Min(LastColumnRoom, widths[last]))
            {
                break;
            }

            shown.Remove(optional);
        }

        if (shown.Count < headers.Length)
        {
            Keep(shown, ref widths, ref least);
        }

        var room = Room();
        while (widths.Sum() > room)
        {
            var widest = -1;
            for (var i = 0; i < widths.Length; i++)
            {
                if (widths[i] > least[i] && (widest < 0 || widths[i] > widths[widest]))
                {
                    widest = i;
                }
            }

            if (widest < 0)
            {
                break;
            }

            widths[widest]--;
        }

        if (withHeader)
        {
            WriteRow(output, shown.Select(i => headers[i]).ToArray(), widths, bold: true);
        }

        foreach (var row in rows)
        {
            WriteRow(output, shown.Select(i => row[i]).ToArray(), widths, bold: false);
        }
    }

    private static void Keep(List<int> shown, ref int[] widths, ref int[] least)
    {
        var all = (Widths: widths, Least: least);
        widths = shown.Select(i => all.Widths[i]).ToArray();
        least = shown.Select(i => all.Least[i]).ToArray();
    }

    private const string Gap = "  ";

    private static void WriteRow(TextWriter output, string[] cells, int[] widths, bool bold)
    {
        var folded = cells.Select((cell, i) => TerminalWriter.Fold(cell, widths[i])).ToArray();
        var height = folded.Max(lines => lines.Count);
        for (var lineIndex = 0; lineIndex < height; lineIndex++)
        {
            var line = new StringBuilder();
            for (var i = 0; i < cells.Length; i++)
            {
                var text = lineIndex < folded[i].Count ? folded[i][lineIndex] : string.Empty;
                if (i > 0)
                {
                    line.Append(Gap);
                }

                var padded = i == cells.Length - 1 ? text : text.PadRight(widths[i]);
                line.Append(bold ? TerminalWriter.Bold(output, text) + padded.Substring(text.Length) : padded);
            }

            output.Write(line.ToString().TrimEnd());
            output.Write('\n');
        }
    }
}
