using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>The shell blocks of the README's Install section, read so that tests run what it says.</summary>
internal static class ReadmeInstall
{
    private static readonly Lazy<string[]> Blocks = new(ReadBlocks);

    /// <summary>The ```sh block of the Install section that contains <paramref name="marker"/>.</summary>
    public static string Block(string marker)
    {
        var block = Blocks.Value.SingleOrDefault(b => b.Contains(marker, StringComparison.Ordinal));
        Assert.True(block is not null, "README.md's Install section has no single sh block with: " + marker);
        return block!;
    }

    /// <summary>The line of <paramref name="block"/> that starts with <paramref name="start"/>.</summary>
    public static string Line(string block, string start) =>
        block.Split('\n').Single(line => line.StartsWith(start, StringComparison.Ordinal));

    /// <summary>The C# the block writes with <c>cat &gt; Program.cs &lt;&lt;'CS'</c>.</summary>
    public static string Program(string block)
    {
        var match = Regex.Match(block, "cat > Program.cs <<'CS'\n(.*?)\nCS\n", RegexOptions.Singleline);
        Assert.True(match.Success, "the README block writes no Program.cs:\n" + block);
        return match.Groups[1].Value + "\n";
    }

    /// <summary>What the block says <c>dotnet run</c> prints (the comment after it).</summary>
    public static string ExpectedOutput(string block)
    {
        var match = Regex.Match(block, @"^dotnet run\s+# (.+)$", RegexOptions.Multiline);
        Assert.True(match.Success, "the README block gives no expected output for dotnet run:\n" + block);
        return match.Groups[1].Value.Trim();
    }

    private static string[] ReadBlocks()
    {
        var readme = File.ReadAllText(RepositoryPaths.InRepository("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("\n## Install\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Install' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return Regex.Matches(section, "```sh\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
    }
}
