using System.Linq;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

public class ValidCatalogTests
{
    private static Model.Catalog LoadMinimal()
    {
        var result = CatalogLoader.Load("minimal.yaml", CatalogText.Minimal);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.Catalog!;
    }

    [Fact]
    public void Header_and_declarations_are_read()
    {
        var catalog = LoadMinimal();
        Assert.Equal(
            new CatalogInfo("sample", "sample()", "Errors of a sample call", "A catalog used by the loader's tests.", "Sample", "ErrorCatalog.Sample"),
            catalog.Info);
        Assert.Equal(new[] { "posix", "zig" }, catalog.Sources.Select(s => s.Id));
        Assert.Equal("https://example.org/posix", catalog.Sources[0].Url);
        Assert.Null(catalog.Sources[0].Note);
        Assert.Null(catalog.Sources[1].Url);
        Assert.Equal("Read at one release.", catalog.Sources[1].Note);
        Assert.Equal(
            new[] { new AttributionKind("shall-fail", "Listed under \"shall fail\"."), new AttributionKind("may-fail", "Listed under \"may fail\".") },
            catalog.Sources[0].Attributions);
        Assert.Equal(
            new[]
            {
                new PlatformDefinition(
                    "linux", "Linux", 3, "Linux", PlatformKind.Errno, "asm-generic/errno.h", 1, 4095,
                    new PlatformRunsOn(EquatableArray.Create("linux", "android"), EquatableArray.Create("x64", "arm64"))),
                new PlatformDefinition(
                    "windows", "Windows", 7, "Windows Sockets", PlatformKind.Winsock, "winerror.h", 10000, 11999,
                    new PlatformRunsOn(EquatableArray.Create("windows"), EquatableArray<string>.Empty)),
            },
            catalog.Platforms);
        Assert.Equal(new[] { new FamilyDefinition("inet", "IPv4", "AF_INET"), new FamilyDefinition("unix", "Unix domain", "AF_UNIX") }, catalog.Families);
        Assert.Equal(new[] { ("transient", 1), ("permanent", 4) }, catalog.Classifications.Select(c => (c.Id, c.Value)));
        Assert.Equal(new GroupDefinition("refused", "Refused", "The peer said no."), Assert.Single(catalog.Groups));
    }

    [Fact]
    public void Entry_fields_are_read_and_codes_follow_platform_order()
    {
        var refused = LoadMinimal().Errors[0];
        Assert.Equal("ECONNREFUSED", refused.Name);
        Assert.Equal("ConnectionRefused", refused.Symbol);
        Assert.Equal(1, refused.Value);
        Assert.Equal("Nobody listens at the address.", refused.Summary);
        Assert.Null(refused.Details);
        Assert.Equal("Check the address and port.", refused.Action);
        Assert.Equal("permanent", refused.Classification);
        Assert.Equal("refused", refused.Group);
        Assert.Equal("ConnectionRefused", refused.DotNet);

        // The file lists windows before linux; the model follows the platforms' declaration order.
        Assert.Equal(new[] { new PlatformCode("linux", 111), new PlatformCode("windows", 10061) }, refused.Codes);
        Assert.Empty(refused.Aliases);
        Assert.Empty(refused.Quirks);
    }

    [Fact]
    public void Source_shorthands_all_read_and_follow_source_order()
    {
        var catalog = LoadMinimal();
        var refused = catalog.Errors[0];

        // zig (long form) is written before posix (scalar) in the file.
        Assert.Equal(
            new[]
            {
                new SourceListing("posix", EquatableArray.Create(new Attribution("shall-fail", null, null, null))),
                new SourceListing("zig", EquatableArray.Create(new Attribution("error", "ConnectionRefused", "Mapped from ECONNREFUSED.", null))),
            },
            refused.Sources);

        var again = catalog.Errors[1];
        Assert.Equal(
            new[]
            {
                new SourceListing("posix", EquatableArray.Create(new Attribution("shall-fail", null, null, null), new Attribution("may-fail", null, null, null))),
                new SourceListing("zig", EquatableArray.Create(new Attribution("error", null, null, null), new Attribution("error", "WouldBlock", null, "Says it never happens."))),
            },
            again.Sources);
    }

    [Fact]
    public void Family_shorthands_read_in_family_order()
    {
        var catalog = LoadMinimal();

        // A map with meanings (one null), written unix first.
        Assert.Equal(new[] { new FamilyUse("inet", null), new FamilyUse("unix", "No process is bound to the socket path.") }, catalog.Errors[0].Families);

        // A flow list, written unix first.
        Assert.Equal(new[] { new FamilyUse("inet", null), new FamilyUse("unix", null) }, catalog.Errors[1].Families);
    }

    [Fact]
    public void Aliases_details_and_quirks_are_read()
    {
        var again = LoadMinimal().Errors[1];
        Assert.Equal("Seen with non-blocking sockets.\n", again.Details);
        Assert.Null(again.DotNet);
        Assert.Null(again.Group);
        Assert.Equal(new[] { new PlatformCode("linux", 11), new PlatformCode("windows", null) }, again.Codes);
        var alias = Assert.Single(again.Aliases);
        Assert.Equal("EWOULDBLOCK", alias.Name);
        Assert.Equal(new[] { new AliasCode("linux", AliasCodeKind.Same, 0), new AliasCode("windows", AliasCodeKind.Distinct, 10035) }, alias.Codes);
        Assert.Equal(new[] { ("EAGAIN", 11) }, again.NamesOn("linux"));
        Assert.Equal(new[] { ("EWOULDBLOCK", 10035) }, again.NamesOn("windows"));
        Assert.Empty(again.NamesOn("no-such-platform"));

        // Walked twice, through the struct enumerator and as a sequence, it gives the same names; a default walk gives none.
        var walked = new System.Collections.Generic.List<(string Name, int Code)>();
        foreach (var name in again.NamesOn("linux"))
        {
            walked.Add(name);
        }

        Assert.Equal(again.NamesOn("linux").ToList(), walked);
        Assert.Empty(default(PlatformNames));
        Assert.Equal(
            new[]
            {
                new Quirk(EquatableArray.Create("linux", "windows"), "Reported for a non-blocking connect in progress.", "posix", EquatableArray.Create("refused-loopback")),
                new Quirk(EquatableArray<string>.Empty, "Applies everywhere.", null),
            },
            again.Quirks);
    }

    [Fact]
    public void Scenarios_are_read_in_file_order_with_every_field()
    {
        var catalog = LoadMinimal();
        Assert.Equal(
            new[]
            {
                new Scenario(
                    "refused-loopback",
                    "linux",
                    "inet",
                    ScenarioVocabulary.Stream,
                    "Connect to a port on loopback where nothing listens.",
                    EquatableArray<string>.Empty,
                    ScenarioVocabulary.ViaConnect,
                    "ECONNREFUSED",
                    "EAGAIN",
                    "intuition",
                    "ConnectionRefused",
                    "ConnectionRefused",
                    "The refusal comes at once."),
                new Scenario(
                    "unix-dgram-bound-path",
                    "windows",
                    "unix",
                    ScenarioVocabulary.Dgram,
                    "Connect a datagram socket to a bound path.",
                    EquatableArray.Create(ScenarioVocabulary.Root, ScenarioVocabulary.Netns),
                    ScenarioVocabulary.ViaSoError,
                    ScenarioVocabulary.Success,
                    null,
                    null,
                    null,
                    null,
                    null),
            },
            catalog.Scenarios);
        Assert.True(catalog.Scenarios[0].NeedsNothing);
        Assert.False(catalog.Scenarios[1].NeedsNothing);
        Assert.True(catalog.Scenarios[1].Succeeds);
        Assert.Same(catalog.Scenarios[1], catalog.FindScenario("unix-dgram-bound-path"));
        Assert.Null(catalog.FindScenario("ECONNREFUSED"));
        Assert.Equal(new[] { "refused-loopback" }, catalog.ScenariosWithResult("ECONNREFUSED").Select(s => s.Id));
        Assert.Equal(new[] { "unix-dgram-bound-path" }, catalog.ScenariosWithResult(ScenarioVocabulary.Success).Select(s => s.Id));
        Assert.Equal(new[] { "refused-loopback" }, catalog.ScenariosBlaming("EAGAIN").Select(s => s.Id));
        Assert.Empty(catalog.ScenariosBlaming("ECONNREFUSED"));
    }

    [Fact]
    public void Kernel_sources_and_not_returned_are_read()
    {
        var catalog = LoadMinimal();
        var refused = catalog.Errors[0];
        Assert.Equal(
            new[]
            {
                new KernelSource("net/ipv4/tcp_ipv4.c tcp_v4_connect()", EquatableArray.Create("inet"), "A reset in answer to the SYN ends the attempt."),
                new KernelSource("net/unix/af_unix.c unix_stream_connect()", EquatableArray<string>.Empty, "Nothing listens on the socket found at the path."),
            },
            refused.KernelSources);
        Assert.Empty(refused.NotReturned);

        var again = catalog.Errors[1];
        Assert.Empty(again.KernelSources);
        Assert.Equal(new[] { new NotReturned("linux", "A retry was expected from a closed port, but the kernel refused at once.") }, again.NotReturned);
    }

    [Fact]
    public void A_catalog_without_scenarios_has_none()
    {
        var text = CatalogText.Minimal.Substring(0, CatalogText.Minimal.IndexOf("    not-returned:", System.StringComparison.Ordinal))
            .Replace("        scenarios: [refused-loopback]\n", string.Empty);
        var result = CatalogLoader.Load("test.yaml", text);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Catalog!.Scenarios);
        Assert.Empty(result.Catalog.Errors[1].NotReturned);
        Assert.All(result.Catalog.Errors.SelectMany(e => e.Quirks), q => Assert.Empty(q.Scenarios));

        // An empty list is the same as none.
        Assert.Equal(result.Catalog, CatalogLoader.Load("test.yaml", text + "scenarios: []\n").Catalog);
    }

    [Fact]
    public void Loading_is_deterministic()
    {
        var first = CatalogLoader.Load("minimal.yaml", CatalogText.Minimal);
        var second = CatalogLoader.Load("minimal.yaml", new string(CatalogText.Minimal.ToCharArray()));
        Assert.NotSame(first.Catalog, second.Catalog);
        Assert.Equal(first, second);
        Assert.Equal(first.Catalog!.GetHashCode(), second.Catalog!.GetHashCode());

        // Failures too: the same diagnostics, in the same (file) order.
        var broken = CatalogText.Minimal.Edit("summary: Nobody", "sumary: Nobody").Edit("linux: 11\n", "linux: eleven\n").Edit("value: 2", "value: 1");
        var a = CatalogLoader.Load("broken.yaml", broken);
        var b = CatalogLoader.Load("broken.yaml", broken);
        Assert.True(a.Diagnostics.Count >= 4, string.Join("\n", a.Diagnostics));
        Assert.Equal(a.Diagnostics, b.Diagnostics);
        Assert.Equal(a.Diagnostics.OrderBy(d => d.Span.Start).ToArray(), a.Diagnostics.ToArray());
    }

    [Fact]
    public void Crlf_line_breaks_and_a_byte_order_mark_load_the_same_model()
    {
        var expected = LoadMinimal();
        var windows = CatalogLoader.Load("minimal.yaml", "\uFEFF" + CatalogText.Minimal.Replace("\n", "\r\n"));
        Assert.True(windows.Succeeded, string.Join("\n", windows.Diagnostics));

        // Only the literal block keeps its line break as written.
        Assert.Equal(expected.Errors[0], windows.Catalog!.Errors[0]);
        Assert.Equal(expected.Platforms, windows.Catalog.Platforms);
    }

    [Fact]
    public void Diagnostic_positions_count_crlf_and_the_byte_order_mark()
    {
        var text = "\uFEFF" + CatalogText.Minimal.Replace("\n", "\r\n").Edit("summary: Nobody", "sumary: Nobody");
        CatalogText.AssertFails(text, "ECAT004", CatalogText.PositionOf(text, "sumary"));
    }

    [Fact]
    public void LoadFile_reads_a_file_and_reports_a_missing_one()
    {
        var path = System.IO.Path.Combine(System.AppContext.BaseDirectory, "TestCatalogs", "minimal.yaml");
        var loaded = CatalogLoader.LoadFile(path);
        Assert.Equal(CatalogLoader.Load(path, CatalogText.Minimal), loaded);

        var missing = CatalogLoader.LoadFile(path + ".missing");
        Assert.Null(missing.Catalog);
        var diagnostic = Assert.Single(missing.Diagnostics);
        Assert.Equal("ECAT001", diagnostic.Id);
        Assert.Equal((1, 1), (diagnostic.Span.Line, diagnostic.Span.Column));
        Assert.Contains("could not be read", diagnostic.Message);
    }

    [Fact]
    public void LoadFile_accepts_a_utf8_byte_order_mark()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllText(path, CatalogText.Minimal, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var result = CatalogLoader.LoadFile(path);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Equal(CatalogLoader.Load(path, CatalogText.Minimal).Catalog, result.Catalog);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public static TheoryData<string> UnicodeEncodings() => new() { "utf-8", "utf-16", "utf-16BE", "utf-32", "utf-32BE" };

    [Theory]
    [MemberData(nameof(UnicodeEncodings))]
    public void LoadFile_reads_every_encoding_with_a_byte_order_mark_as_the_compiler_does(string name)
    {
        // The compiler hands the generator the text without the mark, so line 1 columns agree.
        var encoding = System.Text.Encoding.GetEncoding(name);
        var text = CatalogText.Minimal.Replace("schema: 1", "schema: 1\nsumary: x");
        var path = System.IO.Path.GetTempFileName();
        try
        {
            System.IO.File.WriteAllBytes(path, encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray());
            var fromFile = CatalogLoader.LoadFile(path);
            var fromText = CatalogLoader.Load(path, text);
            Assert.Equal(fromText.Diagnostics, fromFile.Diagnostics);
            Assert.Equal("ECAT004", Assert.Single(fromFile.Diagnostics).Id);
            Assert.Equal(CatalogText.PositionOf(text, "sumary"), (fromFile.Diagnostics[0].Span.Line, fromFile.Diagnostics[0].Span.Column));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_refuses_a_lone_surrogate_in_utf16_at_its_position()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            var bytes = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes("schema: 1\nab")).Concat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }).ToArray();
            System.IO.File.WriteAllBytes(path, bytes);
            var diagnostic = Assert.Single(CatalogLoader.LoadFile(path).Diagnostics);
            Assert.Equal("ECAT001", diagnostic.Id);
            Assert.Equal((2, 3), (diagnostic.Span.Line, diagnostic.Span.Column));
            Assert.Contains("UTF-16", diagnostic.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void LoadFile_refuses_invalid_utf8_at_its_position()
    {
        var path = System.IO.Path.GetTempFileName();
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes("schema: 1\ncatalog: caf").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
            System.IO.File.WriteAllBytes(path, bytes);
            var result = CatalogLoader.LoadFile(path);
            Assert.Null(result.Catalog);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("ECAT001", diagnostic.Id);
            Assert.Equal((2, 13), (diagnostic.Span.Line, diagnostic.Span.Column));
            Assert.Contains("UTF-8", diagnostic.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Theory]
    [InlineData(PlatformKind.Winsock, "ECONNREFUSED", "WSAECONNREFUSED")]
    [InlineData(PlatformKind.Winsock, "WSANOTINITIALISED", "WSANOTINITIALISED")]
    [InlineData(PlatformKind.Errno, "ECONNREFUSED", "ECONNREFUSED")]
    public void NativeNameFollowsThePlatformsSpelling(PlatformKind kind, string catalogName, string expected)
    {
        var platform = new PlatformDefinition("p", "P", 1, "A platform", kind, "a header", 1, 20000);
        Assert.Equal(expected, platform.NativeName(catalogName));
    }
}
