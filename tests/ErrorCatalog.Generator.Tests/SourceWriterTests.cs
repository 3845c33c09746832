using System.Globalization;
using System.Text;
using ErrorCatalog.Generator.Emit;
using Xunit;

namespace ErrorCatalog.Generator.Tests;

public sealed class SourceWriterTests
{
    // Numbers are written digit by digit, without int.ToString; they must read as the invariant
    // culture writes them, at the edges of int too.
    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(10061)]
    [InlineData(-1)]
    [InlineData(-10)]
    [InlineData(1_000_000_000)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void NumbersAreWrittenAsTheInvariantCultureWritesThem(int value)
    {
        var writer = new SourceWriter();
        writer.WriteLine($"x = {value};");

        Assert.Equal("x = " + value.ToString(CultureInfo.InvariantCulture) + ";", writer.ToString().TrimEnd('\r', '\n'));
    }

    // A chunk is 8,192 chars. Lines of 100 chars put chunk boundaries inside lines, and the wider
    // character lands where the cases below say, so both ways of storing a chunk and the switch
    // from one to the other are read back through the indexer, CopyTo and ToString.
    [Theory]
    [InlineData(null, 0)]                // ASCII only: every chunk one byte per char
    [InlineData('\u00E9', 0)]            // Latin-1 (é) still fits in a byte
    [InlineData('\u00FF', 0)]            // the last Latin-1 char
    [InlineData('\u0100', 1)]            // the first char that does not
    [InlineData('\u2192', 1)]            // an arrow, as catalog prose may hold
    [InlineData('\uD83D', 1)]            // half of a surrogate pair is stored as it is
    public void TextReadsBackTheSameWhateverTheChunksHold(char? wide, int expectedWideChunks)
    {
        var writer = new SourceWriter();
        var expected = new StringBuilder();
        for (var line = 0; line < 300; line++)
        {
            // Line 100 starts at char 10,100: inside the second chunk, which then must widen after
            // part of it was written narrow.
            var text = line == 100 && wide is { } c ? new string('x', 40) + c + new string('y', 59) : new string((char)('a' + (line % 26)), 100);
            writer.WriteLine(text);
            expected.Append(text).Append('\n');
        }

        var source = writer.ToSourceText();
        var all = expected.ToString();
        Assert.Equal(expectedWideChunks, writer.WideChunkCount);
        Assert.Equal(all, source.ToString());
        for (var position = 0; position < all.Length; position += 97)
        {
            Assert.Equal(all[position], source[position]);
        }

        // Ranges that start and end on both sides of each chunk boundary.
        foreach (var (start, count) in new[] { (0, all.Length), (8_000, 400), (8_191, 2), (10_130, 8_300), (16_383, 1), (16_384, 5_000) })
        {
            var buffer = new char[count + 2];
            source.CopyTo(start, buffer, 1, count);
            Assert.Equal(all.Substring(start, count), new string(buffer, 1, count));
        }
    }

    [Fact]
    public void ReadingOutsideTheTextThrows()
    {
        var writer = new SourceWriter();
        writer.WriteLine("abc");
        var source = writer.ToSourceText();

        Assert.Throws<System.ArgumentOutOfRangeException>(() => source[4]);
        Assert.Throws<System.ArgumentOutOfRangeException>(() => source.CopyTo(2, new char[8], 0, 3));
    }
}
