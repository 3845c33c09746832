using System.Linq;
using System.Text;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>Shapes and positions beyond the one-test-per-id cases.</summary>
public class EdgeCaseTests
{
    private static readonly string Valid = CatalogText.Minimal;

    [Fact]
    public void Columns_count_utf16_units_after_characters_outside_the_basic_plane()
    {
        var text = Valid.Edit("  title: Errors of a sample call\n", "  title: \"\U0001F600\U0001F600\"\n  tilte: x\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT004", CatalogText.PositionOf(text, "tilte"));
        Assert.Contains("Did you mean 'title'?", diagnostic.Message);

        var flow = "schema: 1\ncatalog: {title: \"\U0001F600\U0001F600\", idd: x}\n";
        CatalogText.AssertFails(flow, "ECAT004", (2, 26));
    }

    [Fact]
    public void An_empty_optional_groups_list_declares_no_groups()
    {
        var text = Valid.Edit("groups:\n  - id: refused\n    symbol: Refused\n    summary: The peer said no.\n", "groups:\n");
        CatalogText.AssertFails(text, "ECAT024", CatalogText.PositionOf(text, "refused"));
    }

    [Fact]
    public void A_required_section_without_a_value_is_reported_at_its_key()
    {
        var text = Valid.Edit("families:\n  - id: inet\n    title: IPv4\n    native: AF_INET\n  - id: unix\n    title: Unix domain\n    native: AF_UNIX\n", "families:\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT005", CatalogText.PositionOf(text, "families:\n"));
        Assert.Contains("'families'", diagnostic.Message);

        // The entries' families cannot be checked without the list, so nothing more is reported.
        Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
    }

    [Fact]
    public void An_empty_file_and_a_scalar_file_are_explained()
    {
        CatalogText.AssertFails(string.Empty, "ECAT023", (1, 1));
        CatalogText.AssertFails("# nothing here\n", "ECAT023", (1, 1));
        CatalogText.AssertFails("just text\n", "ECAT006", (1, 1));
    }

    [Fact]
    public void An_unquoted_colon_in_a_value_gets_a_hint_to_quote_it()
    {
        var text = Valid.Edit("summary: Nobody listens at the address.", "summary: Nobody listens: at the address.");
        var diagnostic = CatalogText.AssertFails(text, "ECAT001", CatalogText.PositionOf(text, ": at the address"));
        Assert.Contains("put the value in quotes", diagnostic.Message);
    }

    [Fact]
    public void A_second_document_is_refused()
    {
        var text = Valid + "---\nschema: 1\n";
        CatalogText.AssertFails(text, "ECAT006", CatalogText.PositionOf(text, "---"));
    }

    [Fact]
    public void Tags_are_refused_where_they_are_written()
    {
        var text = Valid.Edit("value: 2", "value: !!int 2");
        CatalogText.AssertFails(text, "ECAT006", CatalogText.PositionOf(text, "!!int"));
    }

    [Fact]
    public void Numbers_must_be_plain_decimal()
    {
        foreach (var (written, id) in new[] { ("\"2\"", "ECAT006"), ("0x2", "ECAT006"), ("02", "ECAT006"), ("+2", "ECAT006"), ("2e0", "ECAT006"), ("2_0", "ECAT006"), (".inf", "ECAT006"), ("~", "ECAT005"), ("-2", "ECAT014"), ("2147483648", "ECAT014"), ("99999999999999999999999", "ECAT014") })
        {
            var text = Valid.Edit("value: 2", "value: " + written);

            // A malformed number is reported at the number; a missing one at its key.
            var diagnostic = CatalogText.AssertFails(text, id, CatalogText.PositionOf(text, "value: " + written, shift: id == "ECAT005" ? 0 : 7));
            Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
            Assert.Contains("'value'", diagnostic.Message);
        }
    }

    [Fact]
    public void Anchors_and_aliases_within_limits_are_expanded()
    {
        var text = Valid
            .Edit("    families:\n      unix: No process is bound to the socket path.\n      inet: ~\n", "    families: &both [inet, unix]\n")
            .Edit("    families: [unix, inet]\n", "    families: *both\n");
        var result = CatalogLoader.Load("anchors.yaml", text);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(result.Catalog!.Errors[0].Families, result.Catalog.Errors[1].Families);
    }

    [Fact]
    public void Same_on_a_platform_where_the_canonical_name_is_absent_is_inconsistent()
    {
        var text = Valid.Edit("windows: 10035", "windows: same");
        var diagnostic = CatalogText.AssertFails(text, "ECAT021", CatalogText.PositionOf(text, "windows: same", shift: 9));
        Assert.Contains("absent", diagnostic.Message);
    }

    [Fact]
    public void A_malformed_code_and_a_missing_platform_are_both_reported()
    {
        var text = Valid.Edit("      linux: 11\n      windows: absent\n", "      linux: eleven\n");
        var result = CatalogLoader.Load("test.yaml", text);
        Assert.Null(result.Catalog);
        Assert.Equal(new[] { "ECAT015", "ECAT006" }, result.Diagnostics.Select(d => d.Id));
        Assert.Equal(CatalogText.PositionOf(text, "codes:", occurrence: 2), (result.Diagnostics[0].Span.Line, result.Diagnostics[0].Span.Column));
        Assert.Equal(CatalogText.PositionOf(text, "eleven"), (result.Diagnostics[1].Span.Line, result.Diagnostics[1].Span.Column));
    }

    [Fact]
    public void An_entry_symbol_may_not_equal_a_group_symbol()
    {
        var text = Valid.Edit("symbol: TryAgain", "symbol: Refused");
        var diagnostic = CatalogText.AssertFails(text, "ECAT008", CatalogText.PositionOf(text, "symbol: Refused", shift: 8, occurrence: 2));
        Assert.Contains("group 'refused'", diagnostic.Message);
    }

    [Fact]
    public void Thousands_of_declarations_and_bad_references_are_counted_after_the_first_hundred()
    {
        // Stress for quadratic work in checks and messages: 3,000 platforms, 3,000 entries whose
        // codes name an undeclared platform and leave out every declared one.
        var text = new StringBuilder(Valid.Substring(0, Valid.IndexOf("platforms:", System.StringComparison.Ordinal)));
        text.Append("platforms:\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("  - {id: p").Append(i).Append(", symbol: P").Append(i).Append(", value: ").Append(i + 1).Append(", title: t, kind: errno, reference: r}\n");
        }

        var rest = Valid.Substring(Valid.IndexOf("families:\n  - id: inet", System.StringComparison.Ordinal));
        text.Append(rest.Substring(0, rest.IndexOf("errors:", System.StringComparison.Ordinal)));
        text.Append("errors:\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append("  - {name: E").Append(i).Append(", symbol: S").Append(i).Append(", value: ").Append(i + 1)
                .Append(", summary: s, action: a, classification: transient, families: [inet], codes: {q: 1}}\n");
        }

        var result = CatalogLoader.Load("many.yaml", text.ToString());
        Assert.Null(result.Catalog);
        // 6,000 problems: each entry names an undeclared platform (ECAT010) and misses the declared
        // ones (ECAT015). The first 100 in file order are listed, the rest counted in one warning
        // at the first one left out (entry 51's codes, 100 problems = 50 entries later).
        Assert.Equal(CatalogLoader.MaxDiagnostics + 1, result.Diagnostics.Count);
        Assert.Equal(50, result.Diagnostics.Count(d => d.Id == "ECAT010"));
        Assert.Equal(50, result.Diagnostics.Count(d => d.Id == "ECAT015"));
        var summary = result.Diagnostics[CatalogLoader.MaxDiagnostics];
        Assert.Equal("ECAT034", summary.Id);
        Assert.Equal(Diagnostics.CatalogSeverity.Warning, summary.Severity);
        Assert.Contains("5,900 more problems", summary.Message);
        Assert.Equal(CatalogText.PositionOf(text.ToString(), "name: E50,").Line, summary.Span.Line);
        Assert.All(result.Diagnostics, d => Assert.True(d.Message.Length < 2000, d.Message.Substring(0, System.Math.Min(200, d.Message.Length))));
    }
}
