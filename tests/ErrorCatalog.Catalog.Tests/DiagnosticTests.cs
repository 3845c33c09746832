using System.Linq;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Loading;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>One test per diagnostic id: a small edit of the valid fixture that provokes it, asserted with its position.</summary>
public class DiagnosticTests
{
    private static readonly string Valid = CatalogText.Minimal;

    [Fact]
    public void ECAT001_yaml_syntax_error_points_at_the_parser_stop()
    {
        var text = "schema: 1\ncatalog:\n  id: \"unclosed\n  title: x\n";
        // YamlDotNet stops at the opening quote of the scalar it could not finish.
        var diagnostic = CatalogText.AssertFails(text, "ECAT001", (3, 7));
        Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
        Assert.Contains("quote", diagnostic.Message);
    }

    [Fact]
    public void ECAT001_tab_indentation_is_reported_at_the_tab_in_our_words()
    {
        var text = Valid.Edit("  title: Errors of a sample call\n", "\ttitle: Errors of a sample call\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT001", CatalogText.PositionOf(text, "\ttitle"));
        Assert.StartsWith("This line is indented with a tab", diagnostic.Message);
        Assert.DoesNotContain("While scanning", diagnostic.Message);
    }

    [Fact]
    public void ECAT002_text_over_the_size_limit()
    {
        var text = "schema: 1\n# " + new string('x', CatalogLoader.MaxTextLength) + "\n";
        var diagnostic = CatalogText.AssertFails(text, "ECAT002", (1, 1));
        Assert.Contains("Split", diagnostic.Message);
    }

    [Fact]
    public void ECAT003_nesting_too_deep()
    {
        var text = "schema: 1\ncatalog: " + new string('[', 100) + new string(']', 100) + "\n";

        // The root mapping is level 1, so the 64th '[' opens level 65.
        CatalogText.AssertFails(text, "ECAT003", CatalogText.PositionOf(text, "[", shift: CatalogLoader.MaxDepth - 1));
    }

    [Fact]
    public void ECAT004_unknown_key_suggests_the_closest()
    {
        var text = Valid.Edit("summary: Nobody", "sumary: Nobody");
        var diagnostic = CatalogText.AssertFails(text, "ECAT004", CatalogText.PositionOf(text, "sumary"));
        Assert.Contains("Did you mean 'summary'?", diagnostic.Message);
        Assert.Contains("name, symbol, value, summary", diagnostic.Message);
    }

    [Fact]
    public void ECAT005_missing_required_field_points_at_the_entry()
    {
        var text = Valid.Edit("    action: Check the address and port.\n", string.Empty);
        var diagnostic = CatalogText.AssertFails(text, "ECAT005", CatalogText.PositionOf(text, "name: ECONNREFUSED"));
        Assert.Contains("'action'", diagnostic.Message);
        Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
    }

    [Fact]
    public void ECAT006_number_that_is_not_a_whole_number()
    {
        var text = Valid.Edit("value: 2", "value: 2.5");
        var diagnostic = CatalogText.AssertFails(text, "ECAT006", CatalogText.PositionOf(text, "2.5"));
        Assert.Contains("whole number", diagnostic.Message);
    }

    [Fact]
    public void ECAT007_alias_reuses_an_entry_name()
    {
        var text = Valid.Edit("name: EWOULDBLOCK", "name: ECONNREFUSED");
        var diagnostic = CatalogText.AssertFails(text, "ECAT007", CatalogText.PositionOf(text, "name: ECONNREFUSED", shift: 6, occurrence: 2));
        Assert.Contains("line " + CatalogText.PositionOf(text, "name: ECONNREFUSED").Line + ")", diagnostic.Message);
    }

    [Fact]
    public void ECAT008_duplicate_symbol()
    {
        var text = Valid.Edit("symbol: TryAgain", "symbol: ConnectionRefused");
        CatalogText.AssertFails(text, "ECAT008", CatalogText.PositionOf(text, "symbol: ConnectionRefused", shift: 8, occurrence: 2));
    }

    [Fact]
    public void ECAT009_two_entries_share_a_number_on_one_platform()
    {
        var text = Valid.Edit("linux: 11\n", "linux: 111\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT009", CatalogText.PositionOf(text, "linux: 111", shift: 7, occurrence: 2));
        Assert.Contains("EAGAIN and ECONNREFUSED", diagnostic.Message);
    }

    [Fact]
    public void ECAT010_unknown_platform_in_codes()
    {
        var text = Valid.Edit("linux: 11\n", "linx: 11\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT010", CatalogText.PositionOf(text, "linx"));
        Assert.Contains("Did you mean 'linux'?", diagnostic.Message);
    }

    [Fact]
    public void ECAT011_unknown_source()
    {
        var text = Valid.Edit("posix: shall-fail\n", "psix: shall-fail\n");
        CatalogText.AssertFails(text, "ECAT011", CatalogText.PositionOf(text, "psix"));
    }

    [Fact]
    public void ECAT012_unknown_family()
    {
        var text = Valid.Edit("[unix, inet]", "[unix, inet4]");
        CatalogText.AssertFails(text, "ECAT012", CatalogText.PositionOf(text, "inet4"));
    }

    [Fact]
    public void ECAT013_keyword_as_symbol()
    {
        var text = Valid.Edit("symbol: TryAgain", "symbol: class");
        var diagnostic = CatalogText.AssertFails(text, "ECAT013", CatalogText.PositionOf(text, "symbol: class", shift: 8));
        Assert.Contains("keyword", diagnostic.Message);
    }

    [Fact]
    public void ECAT014_code_outside_the_platform_range()
    {
        var text = Valid.Edit("windows: 10061", "windows: 61");
        var diagnostic = CatalogText.AssertFails(text, "ECAT014", CatalogText.PositionOf(text, "windows: 61", shift: 9));
        Assert.Contains("10000 to 11999", diagnostic.Message);
    }

    [Fact]
    public void ECAT015_platform_missing_from_codes()
    {
        var text = Valid.Edit("      windows: absent\n", string.Empty);
        var diagnostic = CatalogText.AssertFails(text, "ECAT015", CatalogText.PositionOf(text, "codes:", occurrence: 2));
        Assert.Contains("'windows'", diagnostic.Message);
    }

    [Fact]
    public void ECAT016_unknown_classification()
    {
        var text = Valid.Edit("classification: transient", "classification: transent");
        var diagnostic = CatalogText.AssertFails(text, "ECAT016", CatalogText.PositionOf(text, "transent"));
        Assert.Contains("Did you mean 'transient'?", diagnostic.Message);
    }

    [Fact]
    public void ECAT017_unknown_attribution()
    {
        var text = Valid.Edit("[shall-fail, may-fail]", "[shall-fail, might-fail]");
        var diagnostic = CatalogText.AssertFails(text, "ECAT017", CatalogText.PositionOf(text, "might-fail"));
        Assert.Contains("shall-fail, may-fail", diagnostic.Message);
    }

    [Fact]
    public void ECAT018_unknown_socket_error_member()
    {
        var text = Valid.Edit("dotnet: ConnectionRefused", "dotnet: ConnectionRefuse");
        var diagnostic = CatalogText.AssertFails(text, "ECAT018", CatalogText.PositionOf(text, "ConnectionRefuse\n"));
        Assert.Contains("Did you mean 'ConnectionRefused'?", diagnostic.Message);
    }

    [Fact]
    public void ECAT019_repeated_mapping_key()
    {
        var text = Valid.Edit("    value: 2\n", "    value: 2\n    value: 3\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT019", CatalogText.PositionOf(text, "value: 2\n    value: 3", shift: "value: 2\n    ".Length));
        Assert.Contains("appears twice", diagnostic.Message);
    }

    [Fact]
    public void ECAT019_duplicate_declared_id()
    {
        var text = Valid.Edit("  - id: unix\n", "  - id: inet\n");
        CatalogText.AssertFails(text, "ECAT019", CatalogText.PositionOf(text, "id: inet", shift: 4, occurrence: 2));
    }

    [Fact]
    public void ECAT020_invalid_error_name()
    {
        var text = Valid.Edit("name: EAGAIN", "name: eagain");
        CatalogText.AssertFails(text, "ECAT020", CatalogText.PositionOf(text, "eagain"));
    }

    [Fact]
    public void ECAT021_alias_repeats_the_canonical_number()
    {
        var text = Valid.Edit("linux: same", "linux: 11");
        var diagnostic = CatalogText.AssertFails(text, "ECAT021", CatalogText.PositionOf(text, "linux: 11\n", shift: 7, occurrence: 2));
        Assert.Contains("'same'", diagnostic.Message);
    }

    [Fact]
    public void ECAT022_unsupported_schema_version()
    {
        var text = Valid.Edit("schema: 1", "schema: 2");
        var diagnostic = CatalogText.AssertFails(text, "ECAT022", (2, 9));
        Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
        Assert.Contains("schema: 1", diagnostic.Message);
    }

    [Fact]
    public void ECAT023_empty_list()
    {
        var text = Valid.Edit("[unix, inet]", "[]");
        CatalogText.AssertFails(text, "ECAT023", CatalogText.PositionOf(text, "families: []"));
    }

    [Fact]
    public void ECAT024_unknown_group()
    {
        var text = Valid.Edit("group: refused", "group: refuse");
        CatalogText.AssertFails(text, "ECAT024", CatalogText.PositionOf(text, "refuse\n"));
    }

    [Fact]
    public void ECAT025_duplicate_value()
    {
        var text = Valid.Edit("value: 2", "value: 1");
        var diagnostic = CatalogText.AssertFails(text, "ECAT025", CatalogText.PositionOf(text, "value: 1", shift: 7, occurrence: 3)); // after classification transient and ECONNREFUSED
        Assert.Contains("ECONNREFUSED", diagnostic.Message);
    }

    [Fact]
    public void ECAT026_scenario_result_that_is_no_entry()
    {
        var text = Valid.Edit("result: ECONNREFUSED", "result: ECONNREFUSD");
        var diagnostic = CatalogText.AssertFails(text, "ECAT026", CatalogText.PositionOf(text, "ECONNREFUSD"));
        Assert.Contains("Did you mean 'ECONNREFUSED'?", diagnostic.Message);
        Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
    }

    [Fact]
    public void ECAT026_scenario_naive_that_is_an_alias_names_the_canonical_entry()
    {
        var text = Valid.Edit("naive: EAGAIN", "naive: EWOULDBLOCK");
        var diagnostic = CatalogText.AssertFails(text, "ECAT026", CatalogText.PositionOf(text, "naive: EWOULDBLOCK", shift: 7));
        Assert.Contains("alias of EAGAIN", diagnostic.Message);
    }

    [Fact]
    public void ECAT027_naive_equal_to_result()
    {
        var text = Valid.Edit("naive: EAGAIN", "naive: ECONNREFUSED");
        CatalogText.AssertFails(text, "ECAT027", CatalogText.PositionOf(text, "naive: ECONNREFUSED", shift: 7));
    }

    [Fact]
    public void ECAT028_unknown_socket_need_or_via()
    {
        var socket = Valid.Edit("socket: dgram", "socket: datagram");
        var diagnostic = CatalogText.AssertFails(socket, "ECAT028", CatalogText.PositionOf(socket, "datagram"));
        Assert.Contains("stream, dgram, seqpacket", diagnostic.Message);

        var need = Valid.Edit("needs: [root, netns]", "needs: [root, netsn]");
        diagnostic = CatalogText.AssertFails(need, "ECAT028", CatalogText.PositionOf(need, "netsn"));
        Assert.Contains("Did you mean 'netns'?", diagnostic.Message);

        var via = Valid.Edit("via: so-error", "via: poll");
        CatalogText.AssertFails(via, "ECAT028", CatalogText.PositionOf(via, "poll"));
    }

    [Fact]
    public void ECAT029_needs_none_beside_other_needs()
    {
        var text = Valid.Edit("needs: [root, netns]", "needs: [root, none]");
        CatalogText.AssertFails(text, "ECAT029", CatalogText.PositionOf(text, "none]"));
    }

    [Fact]
    public void ECAT030_quirk_names_an_unknown_scenario()
    {
        var text = Valid.Edit("scenarios: [refused-loopback]", "scenarios: [refused-loopbak]");
        var diagnostic = CatalogText.AssertFails(text, "ECAT030", CatalogText.PositionOf(text, "refused-loopbak"));
        Assert.Contains("Did you mean 'refused-loopback'?", diagnostic.Message);
    }

    [Fact]
    public void ECAT031_not_returned_although_a_scenario_returns_it()
    {
        // Moving the claim onto ECONNREFUSED contradicts the scenario whose result it is.
        var text = Valid.Edit(
            "    not-returned:\n      - platform: linux\n        why: A retry was expected from a closed port, but the kernel refused at once.\n",
            string.Empty).Edit("      inet: ~\n", "      inet: ~\n    not-returned:\n      - platform: linux\n        why: Never seen.\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT031", CatalogText.PositionOf(text, "platform: linux\n        why: Never", shift: 10));
        Assert.Contains("refused-loopback", diagnostic.Message);
    }

    [Fact]
    public void ECAT032_not_returned_with_no_scenario_that_tried()
    {
        var text = Valid.Edit("    naive: EAGAIN\n    naive-source: intuition\n", string.Empty);
        var diagnostic = CatalogText.AssertFails(text, "ECAT032", CatalogText.PositionOf(text, "platform: linux\n        why: A retry", shift: 10));
        Assert.Contains("naive: EAGAIN", diagnostic.Message);
        Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
    }

    [Fact]
    public void Scenario_problems_reuse_the_general_ids()
    {
        var unknownKey = Valid.Edit("    note: The refusal", "    notes: The refusal");
        CatalogText.AssertFails(unknownKey, "ECAT004", CatalogText.PositionOf(unknownKey, "notes:"));

        var missing = Valid.Edit("    setup: Connect a datagram socket to a bound path.\n", string.Empty);
        CatalogText.AssertFails(missing, "ECAT005", CatalogText.PositionOf(missing, "id: unix-dgram-bound-path", shift: 0));

        var badId = Valid.Edit("id: unix-dgram-bound-path", "id: unix--dgram");
        CatalogText.AssertFails(badId, "ECAT020", CatalogText.PositionOf(badId, "unix--dgram"));

        var duplicate = Valid.Edit("id: unix-dgram-bound-path", "id: refused-loopback");
        CatalogText.AssertFails(duplicate, "ECAT019", CatalogText.PositionOf(duplicate, "id: refused-loopback", shift: 4, occurrence: 2));

        var platform = Valid.Edit("platform: windows", "platform: windos");
        CatalogText.AssertFails(platform, "ECAT010", CatalogText.PositionOf(platform, "windos"));

        // The kernel source names a family its entry does not list.
        var family = Valid.Edit("families: [inet]", "families: [unix]").Edit("      unix: No process is bound to the socket path.\n", string.Empty);
        var diagnostic = CatalogText.AssertFails(family, "ECAT012", CatalogText.PositionOf(family, "[unix]", shift: 1));
        Assert.Contains("not one of the families the entry lists", diagnostic.Message);

        var socketError = Valid.Edit("connect-async: ConnectionRefused", "connect-async: Refused");
        CatalogText.AssertFails(socketError, "ECAT018", CatalogText.PositionOf(socketError, "connect-async: Refused", shift: 15));

        var location = Valid.Edit("at: net/unix/af_unix.c unix_stream_connect()", "at: unix_stream_connect");
        CatalogText.AssertFails(location, "ECAT006", CatalogText.PositionOf(location, "unix_stream_connect"));

        var needWord = Valid.Edit("needs: [root, netns]", "needs: root");
        CatalogText.AssertFails(needWord, "ECAT006", CatalogText.PositionOf(needWord, "needs: root", shift: 7));

        var emptyNeeds = Valid.Edit("needs: [root, netns]", "needs: []");
        CatalogText.AssertFails(emptyNeeds, "ECAT023", CatalogText.PositionOf(emptyNeeds, "needs: []"));

        var repeatedPlatform = Valid.Edit("why: A retry was expected from a closed port, but the kernel refused at once.\n", "why: A retry.\n      - platform: linux\n        why: Again.\n");
        CatalogText.AssertFails(repeatedPlatform, "ECAT019", CatalogText.PositionOf(repeatedPlatform, "platform: linux\n        why: Again", shift: 10));
    }

    [Fact]
    public void ECAT033_socket_error_member_with_another_exception_base()
    {
        var text = Valid.Edit("  namespace: ErrorCatalog.Sample\n", "  namespace: ErrorCatalog.Sample\n  exception-base: io\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT033", CatalogText.PositionOf(text, "dotnet: ConnectionRefused", shift: 8));
        Assert.Contains("exception-base is io", diagnostic.Message);

        // The scenario's dotnet fields record what .NET's Socket reports, whatever the generated base: no ECAT033 there.
        Assert.Single(CatalogLoader.Load("test.yaml", text).Diagnostics);
    }

    [Fact]
    public void ECAT034_more_than_a_hundred_problems_are_counted_in_one_warning()
    {
        // 150 entries, each with a misspelt key and so a missing 'summary': 300 problems.
        var text = new System.Text.StringBuilder(Valid.Substring(0, Valid.IndexOf("errors:", System.StringComparison.Ordinal))).Append("errors:\n");
        for (var i = 0; i < 150; i++)
        {
            text.Append("  - name: EX").Append(i).Append("\n    symbol: Ex").Append(i).Append("\n    value: ").Append(i + 1)
                .Append("\n    sumary: s\n    action: a\n    classification: transient\n    codes: {linux: absent, windows: absent}\n    families: [inet]\n");
        }

        var diagnostics = CatalogLoader.Load("test.yaml", text.ToString()).Diagnostics;
        Assert.Equal(CatalogLoader.MaxDiagnostics + 1, diagnostics.Count);
        Assert.All(diagnostics.Take(CatalogLoader.MaxDiagnostics), d => Assert.Equal(CatalogSeverity.Error, d.Severity));
        var summary = diagnostics[CatalogLoader.MaxDiagnostics];
        Assert.Equal("ECAT034", summary.Id);
        Assert.Equal(CatalogSeverity.Warning, summary.Severity);
        Assert.Contains("200 more problems", summary.Message);

        // Entry 51 (EX50) holds the 101st problem: its name line, where its missing summary is reported.
        Assert.Equal(CatalogText.PositionOf(text.ToString(), "name: EX50\n", shift: 0), (summary.Span.Line, summary.Span.Column));
    }

    [Fact]
    public void ECAT108_unknown_operating_system_in_runs_on_suggests_the_closest()
    {
        var text = Valid.Edit("os: [linux, android]", "os: [linux, andriod]");
        var diagnostic = CatalogText.AssertFails(text, "ECAT108", CatalogText.PositionOf(text, "andriod"));
        Assert.Contains("Did you mean 'android'?", diagnostic.Message);
        Assert.Contains("platform 'linux'", diagnostic.Message);
    }

    [Fact]
    public void ECAT108_an_operating_system_dotnet_does_not_name_is_refused()
    {
        // IsOSPlatform never answers true for OpenBSD: the runtime has no name for it.
        var text = Valid.Edit("os: [windows]", "os: [openbsd]");
        var diagnostic = CatalogText.AssertFails(text, "ECAT108", CatalogText.PositionOf(text, "openbsd"));
        Assert.Contains("freebsd", diagnostic.Message);
    }

    [Fact]
    public void ECAT109_unknown_architecture_in_runs_on()
    {
        var text = Valid.Edit("arch: [x64, arm64]", "arch: [x64, aarch64]");
        var diagnostic = CatalogText.AssertFails(text, "ECAT109", CatalogText.PositionOf(text, "aarch64"));
        Assert.Contains("riscv64", diagnostic.Message);
    }

    [Fact]
    public void ECAT110_two_platforms_with_one_value_point_at_the_second()
    {
        var text = Valid.Edit("    value: 7\n", "    value: 3\n");
        var diagnostic = CatalogText.AssertFails(text, "ECAT110", CatalogText.PositionOf(text, "value: 3", shift: 7, occurrence: 2));
        Assert.Contains("platform 'windows'", diagnostic.Message);
        Assert.Contains("platform 'linux'", diagnostic.Message);
    }

    [Fact]
    public void ECAT110_two_classifications_with_one_value()
    {
        var text = Valid.Edit("symbol: Permanent\n    value: 4", "symbol: Permanent\n    value: 1");
        var diagnostic = CatalogText.AssertFails(text, "ECAT110", CatalogText.PositionOf(text, "symbol: Permanent\n    value: 1", shift: "symbol: Permanent\n    value: ".Length));
        Assert.Contains("classification 'permanent'", diagnostic.Message);
    }

    [Fact]
    public void ECAT110_a_missing_platform_value_is_a_missing_field_and_a_zero_is_out_of_range()
    {
        var missing = Valid.Edit("    value: 7\n", string.Empty);
        CatalogText.AssertFails(missing, "ECAT005", CatalogText.PositionOf(missing, "- id: windows", shift: 2));
        var zero = Valid.Edit("    value: 7\n", "    value: 0\n");
        CatalogText.AssertFails(zero, "ECAT014", CatalogText.PositionOf(zero, "value: 0", shift: 7));
    }

    [Fact]
    public void ECAT111_two_platforms_that_run_on_one_system_and_processor()
    {
        var text = Valid.Edit("os: [windows]", "os: [android]");
        var diagnostic = CatalogText.AssertFails(text, "ECAT111", CatalogText.PositionOf(text, "os: [android]"));
        Assert.Contains("android with x64", diagnostic.Message);
        Assert.Contains("platform 'linux'", diagnostic.Message);
    }

    [Fact]
    public void ECAT111_ios_overlaps_maccatalyst_where_the_runtime_answers_for_both()
    {
        var text = Valid.Edit("os: [linux, android]", "os: [ios]").Edit("os: [windows]", "os: [maccatalyst]");
        var diagnostic = CatalogText.AssertFails(text, "ECAT111", CatalogText.PositionOf(text, "os: [maccatalyst]"));
        Assert.Contains("maccatalyst with x64", diagnostic.Message);
    }

    [Fact]
    public void ECAT111_the_same_system_on_other_processors_does_not_overlap()
    {
        var text = Valid.Edit("os: [windows]", "os: [linux]\n      arch: [riscv64]");
        var result = CatalogLoader.Load("test.yaml", text);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "riscv64" }, result.Catalog!.FindPlatform("windows")!.RunsOn!.Architectures);
    }

    [Fact]
    public void ECAT112_an_empty_os_list()
    {
        var text = Valid.Edit("os: [windows]", "os: []");
        var diagnostic = CatalogText.AssertFails(text, "ECAT112", CatalogText.PositionOf(text, "os: []"));
        Assert.Contains("empty list", diagnostic.Message);
    }

    [Fact]
    public void ECAT112_an_empty_arch_list_is_not_any_processor()
    {
        var text = Valid.Edit("arch: [x64, arm64]", "arch: []");
        var diagnostic = CatalogText.AssertFails(text, "ECAT112", CatalogText.PositionOf(text, "arch: []"));
        Assert.Contains("leave 'arch' out to match any processor", diagnostic.Message);
    }

    [Fact]
    public void A_platform_declared_twice_is_one_problem_not_also_a_repeated_value_or_overlap()
    {
        var text = Valid.Edit("  - id: windows\n", "  - id: linux\n").Edit("    value: 7\n", "    value: 3\n").Edit("os: [windows]", "os: [linux, android]\n      arch: [x64, arm64]");
        var ids = CatalogLoader.Load("test.yaml", text).Diagnostics.Select(d => d.Id).ToList();
        Assert.Contains("ECAT019", ids);
        Assert.DoesNotContain("ECAT110", ids);
        Assert.DoesNotContain("ECAT111", ids);
    }

    [Fact]
    public void Runs_on_without_os_a_repeated_name_and_a_scalar_use_the_general_ids()
    {
        var noOs = Valid.Edit("os: [windows]", "arch: [x64]");
        CatalogText.AssertFails(noOs, "ECAT005", CatalogText.PositionOf(noOs, "arch: [x64]"));
        var repeated = Valid.Edit("os: [linux, android]", "os: [linux, linux]");
        CatalogText.AssertFails(repeated, "ECAT019", CatalogText.PositionOf(repeated, "linux]"));
        var scalar = Valid.Edit("os: [windows]", "os: windows");
        CatalogText.AssertFails(scalar, "ECAT006", CatalogText.PositionOf(scalar, "os: windows", shift: 4));
    }

    [Fact]
    public void Every_descriptor_has_a_test_here()
    {
        var tested = typeof(DiagnosticTests).GetMethods().Select(m => m.Name).Where(n => n.StartsWith("ECAT")).Select(n => n.Substring(0, 7)).ToHashSet();
        Assert.Equal(CatalogDiagnosticDescriptors.All.Select(d => d.Id).OrderBy(i => i), tested.OrderBy(i => i));
    }

    [Fact]
    public void Independent_problems_are_all_reported_in_file_order()
    {
        var text = Valid
            .Edit("summary: Nobody", "sumary: Nobody")
            .Edit("dotnet: ConnectionRefused", "dotnet: Refused")
            .Edit("linux: 11\n", "linux: 99999999999\n")
            .Edit("group: refused", "group: nope")
            .Edit("[unix, inet]", "[unix, ipx]");
        var result = CatalogLoader.Load("test.yaml", text);
        Assert.Null(result.Catalog);
        Assert.Equal(new[] { "ECAT005", "ECAT004", "ECAT024", "ECAT018", "ECAT014", "ECAT012" }, result.Diagnostics.Select(d => d.Id));
        Assert.All(result.Diagnostics, d => Assert.Equal(CatalogText.LineAndColumn(text, d.Span.Start), (d.Span.Line, d.Span.Column)));
    }
}
