using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ErrorCatalog.Cli.Output;

/// <summary>A plain-text table with aligned columns; the last column is never padded, so long text just wraps in the terminal.</summary>
public sealed class TextTable
{
    private readonly string[] headers;
    private readonly List<string[]> rows = new();

    public TextTable(params string[] headers) => this.headers = headers;

    public int RowCount => rows.Count;

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

    /// <summary>Writes the table; <paramref name="withHeader"/> false gives an aligned list of pairs.</summary>
    public void WriteTo(TextWriter output, bool withHeader = true)
    {
        var widths = new int[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            widths[i] = withHeader ? headers[i].Length : 0;
            foreach (var row in rows)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        if (withHeader)
        {
            WriteRow(output, headers, widths);
        }

        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append("  ");
            }

            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }

        output.Write(line.ToString().TrimEnd());
        output.Write('\n');
    }
}
