using System.Runtime.CompilerServices;
using System.Text;

namespace ErrorCatalog.Generator.Emit;

/// <summary>
/// Builds generated source: four-space indentation written at the start of each non-empty line,
/// "\n" line ends whatever the host OS. Lines are written through an interpolated string handler,
/// so <c>writer.WriteLine($"/// <para>{summary}</para>")</c> appends its pieces straight into the
/// buffer instead of first concatenating a line string (the emitter writes hundreds of thousands
/// of lines for a large catalog). The text is kept in fixed-size chunks and handed to the
/// compiler as a <see cref="SourceText"/> over those chunks, so it is never copied into one string.
/// A chunk holds one byte per character while every character in it is Latin-1 (generated C# is
/// almost all ASCII; catalog prose may add a few wider characters), which halves the memory the
/// text takes while the compiler and the incremental driver keep it.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;

    // 8,192 chars per chunk (8 KB narrow, 16 KB wide): small enough to stay out of the large object heap.
    private const int ChunkShift = 13;
    private const int ChunkSize = 1 << ChunkShift;
    private const int OffsetMask = ChunkSize - 1;

    private readonly List<Chunk> chunks = new() { new Chunk() };
    private int length;
    private bool atLineStart = true;

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

    /// <summary>
    /// Writes <paramref name="value"/> in invariant culture (an optional '-' and decimal digits),
    /// straight into the buffer: the emitter writes several numbers per entry.
    /// </summary>
    public void WriteNumber(int value)
    {
        StartLine();
        long rest = value;
        if (rest < 0)
        {
            AppendChar('-');
            rest = -rest;
        }

        // The place value of the leading digit, then one digit per place down to the units.
        var divisor = 1L;
        while (divisor * 10 <= rest)
        {
            divisor *= 10;
        }

        for (; divisor > 0; divisor /= 10)
        {
            AppendChar((char)('0' + ((rest / divisor) % 10)));
        }
    }

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

    /// <summary>The text written so far, without copying it.</summary>
    public SourceText ToSourceText() => new ChunkedText(chunks.ToArray(), length);

    /// <summary>The number of chunks that had to keep two bytes per character (for tests).</summary>
    internal int WideChunkCount
    {
        get
        {
            var wide = 0;
            foreach (var chunk in chunks)
            {
                wide += chunk.Wide is null ? 0 : 1;
            }

            return wide;
        }
    }

    public override string ToString() => ToSourceText().ToString();

    private void OpenBrace()
    {
        WriteLine("{");
        Indentation++;
    }

    private void Append(string text, int start, int count)
    {
        if (count == 0)
        {
            return;
        }

        StartLine();
        while (count > 0)
        {
            var offset = length & OffsetMask;
            var room = Math.Min(count, ChunkSize - offset);
            CurrentChunk().Copy(text, start, offset, room);
            length += room;
            start += room;
            count -= room;
        }
    }

    private void AppendChar(char c)
    {
        CurrentChunk().Set(length & OffsetMask, c);
        length++;
    }

    /// <summary>The chunk the next char goes into, added when the last one is full.</summary>
    private Chunk CurrentChunk()
    {
        var index = length >> ChunkShift;
        if (index == chunks.Count)
        {
            chunks.Add(new Chunk());
        }

        return chunks[index];
    }

    private void StartLine()
    {
        if (atLineStart)
        {
            atLineStart = false;
            for (var i = Indentation * SpacesPerLevel; i > 0; i--)
            {
                AppendChar(' ');
            }
        }
    }

    private void EndLine()
    {
        AppendChar('\n');
        atLineStart = true;
    }

    /// <summary>
    /// <see cref="ChunkSize"/> characters of text: one byte each (<see cref="Narrow"/>) until a
    /// character above U+00FF is written into it, then two (<see cref="Wide"/>) for good.
    /// </summary>
    private sealed class Chunk
    {
        private const char LastNarrowChar = '\u00FF';

        public byte[]? Narrow { get; private set; } = new byte[ChunkSize];

        public char[]? Wide { get; private set; }

        public char this[int offset] => Narrow is { } narrow ? (char)narrow[offset] : Wide![offset];

        public void Set(int offset, char c)
        {
            if (Narrow is { } narrow && c <= LastNarrowChar)
            {
                narrow[offset] = (byte)c;
                return;
            }

            Widen()[offset] = c;
        }

        /// <summary>Copies <paramref name="count"/> chars of <paramref name="text"/> from <paramref name="start"/> to <paramref name="offset"/>.</summary>
        public void Copy(string text, int start, int offset, int count)
        {
            if (Narrow is { } narrow)
            {
                for (var i = 0; i < count; i++)
                {
                    var c = text[start + i];
                    if (c > LastNarrowChar)
                    {
                        // The chars before it stay where Widen copies them; the rest go in wide.
                        text.CopyTo(start + i, Widen(), offset + i, count - i);
                        return;
                    }

                    narrow[offset + i] = (byte)c;
                }

                return;
            }

            text.CopyTo(start, Widen(), offset, count);
        }

        /// <summary>Copies <paramref name="count"/> chars from <paramref name="offset"/> into <paramref name="destination"/>.</summary>
        public void CopyTo(int offset, char[] destination, int destinationIndex, int count)
        {
            if (Narrow is not { } narrow)
            {
                Array.Copy(Wide!, offset, destination, destinationIndex, count);
                return;
            }

            for (var i = 0; i < count; i++)
            {
                destination[destinationIndex + i] = (char)narrow[offset + i];
            }
        }

        private char[] Widen()
        {
            if (Wide is null)
            {
                var wide = new char[ChunkSize];
                for (var i = 0; i < ChunkSize; i++)
                {
                    wide[i] = (char)Narrow![i];
                }

                Wide = wide;
                Narrow = null;
            }

            return Wide;
        }
    }

    /// <summary>Read-only text over the writer's chunks; generated files are UTF-8, as the compiler requires an encoding.</summary>
    private sealed class ChunkedText(Chunk[] chunks, int length) : SourceText
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override int Length => length;

        public override char this[int position] =>
            (uint)position < (uint)length ? chunks[position >> ChunkShift][position & OffsetMask] : throw new ArgumentOutOfRangeException(nameof(position));

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (sourceIndex < 0 || count < 0 || sourceIndex > length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceIndex));
            }

            while (count > 0)
            {
                var offset = sourceIndex & OffsetMask;
                var run = Math.Min(count, ChunkSize - offset);
                chunks[sourceIndex >> ChunkShift].CopyTo(offset, destination, destinationIndex, run);
                sourceIndex += run;
                destinationIndex += run;
                count -= run;
            }
        }
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
        public void AppendFormatted(int value) => writer.WriteNumber(value);
    }
}
