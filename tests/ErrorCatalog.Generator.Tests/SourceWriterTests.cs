using System.Globalization;
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
}
