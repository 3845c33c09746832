using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ErrorCatalog.Generator.Emit;

/// <summary>
/// Builds generated source: four-space indentation written at the start of each non-empty line,
/// "\n" line ends whatever the host OS. Lines are written through an interpolated string handler,
/// so <c>writer.WriteLine($"/// <para>{summary}</para>")</c> appends its pieces straight into the
/// buffer instead of first concatenating a line string (the emitter writes hundreds of thousands
/// of lines for a large catalog).
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;

    private readonly StringBuilder builder;
    private bool atLineStart = true;

    public SourceWriter(int capacity = 64 * 1024) => builder = new StringBuilder(capacity);

    /// <summary>The current nesting depth; each level indents by four spaces.</summary>
    public int Indentation { get; set; }

    /// <summary>
    /// Appends <paramref name="text"/>; a line break inside it ends the line, and the next line is
    /// indented like any other, so a multi-line raw string literal can hold a block of output.
    /// A carriage return before a line break is dropped, whatever line ends the generator's own
    /// source files were checked out with.
    /// </summary>
    public void Write(string text)
    {
        var start = 0;
        while (true)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                Append(text, start, text.Length - start);
                return;
            }

            var end = newline > start && text[newline - 1] == '\r' ? newline - 1 : newline;
            Append(text, start, end - start);
            EndLine();
            start = newline + 1;
        }
    }

    public void Write([InterpolatedStringHandlerArgument("")] ref LineHandler line)
    {
        // The handler has already appended everything.
    }

    public void WriteLine(string text)
    {
        Write(text);
        EndLine();
    }

    public void WriteLine([InterpolatedStringHandlerArgument("")] ref LineHandler line) => EndLine();

    /// <summary>An empty line, without indentation.</summary>
    public void WriteLine() => EndLine();

    /// <summary>Writes <paramref name="header"/>, then an opening brace, and indents one level.</summary>
    public void OpenBlock(string header)
    {
        WriteLine(header);
        OpenBrace();
    }

    public void OpenBlock([InterpolatedStringHandlerArgument("")] ref LineHandler header)
    {
        EndLine();
        OpenBrace();
    }

    /// <summary>Writes an opening brace on a line of its own and indents one level.</summary>
    public void OpenBlock() => OpenBrace();

    /// <summary>Outdents one level and writes the closing brace, followed by <paramref name="suffix"/> (for example <c>;</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        Indentation--;
        WriteLine("}" + suffix);
    }

    public override string ToString() => builder.ToString();

    private void OpenBrace()
    {
        WriteLine("{");
        Indentation++;
    }

    private void Append(string text, int start, int length)
    {
        if (length != 0)
        {
            StartLine();
            builder.Append(text, start, length);
        }
    }

    private void StartLine()
    {
        if (atLineStart)
        {
            builder.Append(' ', Indentation * SpacesPerLevel);
            atLineStart = false;
        }
    }

    private void EndLine()
    {
        builder.Append('\n');
        atLineStart = true;
    }

    /// <summary>Appends an interpolated line's pieces to its writer as they come.</summary>
    [InterpolatedStringHandler]
    internal readonly ref struct LineHandler
    {
        private readonly SourceWriter writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _ = literalLength;
            _ = formattedCount;
            this.writer = writer;
        }

        public void AppendLiteral(string text) => writer.Write(text);

        public void AppendFormatted(string? text) => writer.Write(text ?? string.Empty);

        /// <summary>Numbers in generated code are invariant, whatever the build machine's culture.</summary>
        public void AppendFormatted(int value) => writer.Write(value.ToString(CultureInfo.InvariantCulture));
    }
}
