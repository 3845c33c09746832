using System.Text;

namespace ErrorCatalog.Cli.Output;

/// <summary>
/// The text writer behind errcat's readable output. It knows the width to fit and whether colour is
/// wanted, and folds every finished line that is too long at spaces (continuation lines indented two
/// past the line's own indent), so that no line is wider than <see cref="Width"/> except where a
/// single word is. Machine-readable output (JSON, TSV, scripts) goes to <see cref="Raw"/> instead.
/// </summary>
public sealed class TerminalWriter : TextWriter
{
    /// <summary>The width used when the output is not a terminal and COLUMNS does not say otherwise.</summary>
    public const int DefaultWidth = 80;

    /// <summary>Narrower than this, tables and paragraphs cannot be laid out sensibly, so this is the least width used.</summary>
    public const int MinimumWidth = 20;

    private const string Escape = "\u001b[";
    private readonly StringBuilder line = new();

    public TerminalWriter(TextWriter raw, int width, bool colour)
    {
        Raw = raw;
        Width = Math.Max(MinimumWidth, width);
        Colour = colour;
    }

    /// <summary>The underlying writer, for output that must not be folded or coloured.</summary>
    public TextWriter Raw { get; }

    /// <summary>How many columns a line may take.</summary>
    public int Width { get; }

    /// <summary>Whether ANSI colour is written (a terminal, and NO_COLOR not set).</summary>
    public bool Colour { get; }

    public override Encoding Encoding => Raw.Encoding;

    /// <summary>
    /// The layout for errcat's own output: the width is $COLUMNS when set to a positive number, else
    /// the terminal's width when standard output is one, else <see cref="DefaultWidth"/>; colour only
    /// on a terminal, never when NO_COLOR is set to anything non-empty (https://no-color.org) or TERM is dumb.
    /// </summary>
    public static TerminalWriter ForConsole(TextWriter raw, bool isConsole)
    {
        var terminal = isConsole && !Console.IsOutputRedirected;
        var width = DefaultWidth;
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
        {
            width = columns;
        }
        else if (terminal && Console.WindowWidth > 0)
        {
            width = Console.WindowWidth;
        }

        var colour = terminal
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
        return new TerminalWriter(raw, width, colour);
    }

    /// <summary>The layout of <paramref name="output"/>: its own when it is a <see cref="TerminalWriter"/>, else 80 columns without colour.</summary>
    public static (int Width, bool Colour) LayoutOf(TextWriter output) =>
        output is TerminalWriter terminal ? (terminal.Width, terminal.Colour) : (DefaultWidth, false);

    /// <summary><paramref name="text"/> in bold when <paramref name="output"/> takes colour.</summary>
    public static string Bold(TextWriter output, string text) => LayoutOf(output).Colour && text.Length > 0 ? Escape + "1m" + text + Escape + "0m" : text;

    /// <summary>The number of columns <paramref name="text"/> takes, ignoring colour sequences.</summary>
    public static int VisibleLength(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u001b')
            {
                while (i < text.Length && text[i] != 'm')
                {
                    i++;
                }

                continue;
            }

            length++;
        }

        return length;
    }

    /// <summary>
    /// Splits <paramref name="text"/> into lines of at most <paramref name="width"/> columns, breaking
    /// after spaces and after a comma or slash inside a word; a word longer than the width stays whole.
    /// Lines after the first get <paramref name="restWidth"/> (default: the same width).
    /// </summary>
    public static List<string> Fold(string text, int width, int? restWidth = null)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in Pieces(text))
        {
            var trimmedLength = VisibleLength(piece.TrimEnd(' '));
            if (current.Length > 0 && VisibleLength(current.ToString()) + trimmedLength > width)
            {
                lines.Add(current.ToString().TrimEnd(' '));
                current.Clear();
                width = restWidth ?? width;
                if (piece.Trim(' ').Length == 0)
                {
                    continue;
                }
            }

            current.Append(current.Length == 0 ? piece.TrimStart(' ') : piece);
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current.ToString().TrimEnd(' '));
        }

        return lines;
    }

    /// <summary>Break opportunities: each piece ends with its spaces, or just after a comma or slash followed by more text.</summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var breakHere = (text[i] == ' ' && (i + 1 == text.Length || text[i + 1] != ' '))
                || (text[i] is ',' or '/' && i + 1 < text.Length && text[i + 1] != ' ');
            if (breakHere)
            {
                yield return text.Substring(start, i + 1 - start);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text.Substring(start);
        }
    }

    public override void Write(char value)
    {
        if (value == '\n')
        {
            WriteLine(line.ToString());
            line.Clear();
        }
        else if (value != '\r')
        {
            line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var character in value ?? string.Empty)
        {
            Write(character);
        }
    }

    public override void Flush()
    {
        if (line.Length > 0)
        {
            Raw.Write(line.ToString());
            line.Clear();
        }

        Raw.Flush();
    }

    /// <summary>A diagnostic in compiler format (<c>file(line,col): error ECAT004: ...</c>), which editors and CI parse line by line.</summary>
    private static readonly System.Text.RegularExpressions.Regex Diagnostic =
        new(@"^\S.*\(\d+,\d+\): (error|warning|info) [A-Z]+\d+: ", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private new void WriteLine(string text)
    {
        // Diagnostics stay whole: one record per line is what tools that read them expect.
        if (VisibleLength(text) <= Width || Diagnostic.IsMatch(text))
        {
            Raw.Write(text);
            Raw.Write('\n');
            return;
        }

        var indent = Math.Min(text.Length - text.TrimStart(' ').Length, Width / 2);
        var hanging = Math.Min(indent + 2, Width / 2);
        var parts = Fold(text.TrimStart(' '), Width - indent, Width - hanging);
        for (var i = 0; i < parts.Count; i++)
        {
            Raw.Write(new string(' ', i == 0 ? indent : hanging) + parts[i]);
            Raw.Write('\n');
        }
    }
}
