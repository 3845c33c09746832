using System.Linq;
using System.Text;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>Input built to exhaust a parser: each is refused with a diagnostic after bounded work, never an exception.</summary>
public class HostileInputTests
{
    private static CatalogDiagnostic Refused(string text, string id)
    {
        var result = CatalogLoader.Load("hostile.yaml", text);
        Assert.Null(result.Catalog);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(CatalogText.LineAndColumn(text, diagnostic.Span.Start), (diagnostic.Span.Line, diagnostic.Span.Column));
        return diagnostic;
    }

    [Fact]
    public void Billion_laughs_alias_bomb_is_refused()
    {
        var text = new StringBuilder("schema: 1\nlol0: &lol0 \"lol\"\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = "*lol" + (level - 1);
            text.Append("lol").Append(level).Append(": &lol").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat(previous, 10))).Append("]\n");
        }

        var bomb = text.ToString();
        var diagnostic = Refused(bomb, "ECAT002");

        // 10^9 nodes once expanded: the running count passes 1,000,000 on the sixth level (about 1.2 million nodes by then).
        Assert.Equal(CatalogText.PositionOf(bomb, "lol6:").Line, diagnostic.Span.Line);
        Assert.Contains("aliases", diagnostic.Message);
    }

    [Fact]
    public void Alias_that_contains_itself_is_refused()
    {
        var text = "schema: 1\ncatalog: &self [1, *self]\n";
        var diagnostic = Refused(text, "ECAT001");
        Assert.Equal(CatalogText.PositionOf(text, "*self"), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_refused()
    {
        var text = "schema: 1\ncatalog: *nowhere\n";
        var diagnostic = Refused(text, "ECAT001");
        Assert.Equal((2, 10), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Alias_that_would_nest_too_deep_is_refused()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var text = "schema: 1\nanchor: &deep " + deep + "\nuse: " + new string('[', 40) + "*deep" + new string(']', 40) + "\n";
        var diagnostic = Refused(text, "ECAT003");
        Assert.Equal(CatalogText.PositionOf(text, "*deep"), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void Ten_thousand_levels_of_flow_nesting_are_refused()
    {
        var text = "schema: 1\ncatalog: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        Refused(text, "ECAT003");
    }

    [Fact]
    public void Ten_thousand_levels_of_flow_mappings_are_refused()
    {
        var text = "schema: 1\ncatalog: " + string.Concat(Enumerable.Repeat("{a: ", 10_000)) + new string('}', 10_000) + "\n";
        Refused(text, "ECAT003");
    }

    [Fact]
    public void Ten_thousand_levels_of_block_nesting_are_refused()
    {
        var text = "schema: 1\ncatalog:\n  " + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n";
        Refused(text, "ECAT003");
    }

    [Fact]
    public void Deep_indented_block_mappings_are_refused()
    {
        var text = new StringBuilder("schema: 1\n");
        for (var level = 0; level < 200; level++)
        {
            text.Append(' ', level).Append("k").Append(level).Append(":\n");
        }

        Refused(text.ToString(), "ECAT003");
    }

    [Fact]
    public void Twenty_mebibytes_of_text_are_refused_before_parsing()
    {
        var text = "schema: 1\nerrors: [" + new string('[', 20 * 1024 * 1024) + "\n";
        var diagnostic = Refused(text, "ECAT002");
        Assert.Equal((1, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Fact]
    public void LoadFile_refuses_a_huge_file_without_reading_it()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            using (var file = System.IO.File.OpenWrite(path))
            {
                // Sparse on most file systems: the size is what matters.
                file.SetLength(64L * 1024 * 1024);
            }

            var result = CatalogLoader.LoadFile(path);
            Assert.Null(result.Catalog);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("ECAT002", diagnostic.Id);
            Assert.Equal((1, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
            Assert.Equal(path, diagnostic.Path);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void A_huge_number_of_nodes_is_refused()
    {
        var text = "schema: 1\nerrors: [" + string.Join(",", Enumerable.Repeat("1", 1_200_000)) + "]\n";
        Refused(text, "ECAT002");
    }

    [Fact]
    public void A_very_long_scalar_value_is_read()
    {
        var title = new string('t', 4 * 1024 * 1024);
        var text = CatalogText.Minimal.Edit("title: Errors of a sample call", "title: " + title);
        var result = CatalogLoader.Load("long.yaml", text);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(title, result.Catalog!.Info.Title);
    }

    [Fact]
    public void A_very_long_key_is_a_syntax_error()
    {
        // YAML limits implicit keys to 1024 characters; YamlDotNet reports it as a syntax error.
        var text = "schema: 1\n" + new string('k', 4 * 1024 * 1024) + ": 1\n";
        Refused(text, "ECAT001");
    }

    [Fact]
    public void A_very_long_quoted_scalar_is_read_and_checked()
    {
        var text = CatalogText.Minimal.Edit("symbol: TryAgain", "symbol: \"" + new string('A', 4 * 1024 * 1024) + "\"");
        var result = CatalogLoader.Load("long.yaml", text);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(4 * 1024 * 1024, result.Catalog!.Errors[1].Symbol.Length);
    }

    [Fact]
    public void Nul_and_control_characters_are_reported_not_thrown()
    {
        var text = "schema: 1\ncatalog: a\u0000b\u0001\n";
        var result = CatalogLoader.Load("control.yaml", text);
        Assert.Null(result.Catalog);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ECAT001", diagnostic.Id);
        Assert.Equal(CatalogText.LineAndColumn(text, diagnostic.Span.Start), (diagnostic.Span.Line, diagnostic.Span.Column));
    }
}
