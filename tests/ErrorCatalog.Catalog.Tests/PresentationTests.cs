using System.Linq;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>The catalog's exception base, how sources write names, caller-bug attributions, and the generated-name rule.</summary>
public class PresentationTests
{
    private static readonly string Valid = CatalogText.Minimal;

    private static Model.Catalog Load(string text)
    {
        var result = CatalogLoader.Load("test.yaml", text);
        Assert.True(result.Catalog is not null, string.Join("\n", result.Diagnostics));
        return result.Catalog!;
    }

    private static string WithBase(string value) =>
        Valid.Edit("  namespace: ErrorCatalog.Sample\n", "  namespace: ErrorCatalog.Sample\n  exception-base: " + value + "\n");

    private static string WithoutDotNet(string text) => text.Edit("    dotnet: ConnectionRefused\n", string.Empty);

    [Fact]
    public void Exception_base_defaults_to_socket_with_the_socket_error_mapping()
    {
        var info = Load(Valid).Info;
        Assert.Equal(ExceptionBaseKind.Socket, info.ExceptionBase.Kind);
        Assert.Equal("global::System.Net.Sockets.SocketException", info.ExceptionBase.TypeName);
        Assert.True(info.ExceptionBase.MapsSocketError);
        Assert.Equal(info.ExceptionBase, Load(WithBase("socket")).Info.ExceptionBase);
    }

    [Theory]
    [InlineData("io", ExceptionBaseKind.IO, "global::System.IO.IOException")]
    [InlineData("win32", ExceptionBaseKind.Win32, "global::System.ComponentModel.Win32Exception")]
    [InlineData("MyCompany.Net.TransportException", ExceptionBaseKind.Custom, "global::MyCompany.Net.TransportException")]
    [InlineData("global::MyCompany.Net.TransportException", ExceptionBaseKind.Custom, "global::MyCompany.Net.TransportException")]
    public void Exception_base_other_than_socket_has_no_socket_error_mapping(string written, ExceptionBaseKind kind, string typeName)
    {
        var exceptionBase = Load(WithoutDotNet(WithBase(written))).Info.ExceptionBase;
        Assert.Equal(kind, exceptionBase.Kind);
        Assert.Equal(typeName, exceptionBase.TypeName);
        Assert.False(exceptionBase.MapsSocketError);
    }

    [Theory]
    [InlineData("Socket")]
    [InlineData("TransportException")]
    [InlineData("My.class.Error")]
    [InlineData("global::Error")]
    [InlineData("My..Error")]
    public void Exception_base_that_names_no_type_is_ECAT013(string written)
    {
        var text = WithoutDotNet(WithBase(written));
        var diagnostic = CatalogText.AssertFails(text, "ECAT013", CatalogText.PositionOf(text, "exception-base: ", shift: "exception-base: ".Length));
        Assert.Contains("exception-base", diagnostic.Message);
    }

    [Fact]
    public void Source_names_write_an_attribution_name_and_the_canonical_name_in_the_source_form()
    {
        var text = Valid.Edit(
            "    note: Read at one release.\n",
            "    note: Read at one release.\n    names:\n      pattern: \"error.{name}\"\n");
        var catalog = Load(text);
        var zig = catalog.FindSource("zig")!;
        var refused = catalog.FindError("ECONNREFUSED")!;
        var listing = refused.ListingBy("zig");
        Assert.NotNull(listing);
        var attribution = listing!.Attributions.Single();
        Assert.Equal("error." + attribution.Name, zig.NameOf(refused, attribution));

        // Zig does not name errors after the catalog's names, so an entry it does not list has no Zig name.
        Assert.Null(zig.NameOf(refused, null));
        Assert.Equal(attribution.Name, zig.Names!.Read("ERROR." + attribution.Name));
        Assert.Null(zig.Names.Read("error."));
        Assert.Null(catalog.FindSource("posix")!.Names);
    }

    [Fact]
    public void Canonical_source_names_name_every_entry_and_keep_names_already_in_form()
    {
        var names = new SourceNames("Errno::{name}", Canonical: true);
        var source = new SourceDefinition("ruby", "Ruby", null, null, default, names);
        var entry = Load(Valid).FindError("ECONNREFUSED")!;
        Assert.Equal("Errno::ECONNREFUSED", source.NameOf(entry, null));
        Assert.Equal("Errno::EWOULDBLOCK", source.NameOf(entry, new Attribution("unix", "Errno::EWOULDBLOCK", null, null)));
        Assert.Equal("Errno::EAGAIN", source.NameOf(entry, new Attribution("unix", "EAGAIN", null, null)));
        Assert.Equal("ECONNREFUSED", names.Read("errno::ECONNREFUSED"));
    }

    [Theory]
    [InlineData("\"Errno::\"")]
    [InlineData("\"{name}{name}\"")]
    public void Source_name_pattern_needs_the_placeholder_once(string pattern)
    {
        var text = Valid.Edit(
            "    note: Read at one release.\n",
            "    note: Read at one release.\n    names:\n      pattern: " + pattern + "\n");
        CatalogText.AssertFails(text, "ECAT006", CatalogText.PositionOf(text, pattern));
    }

    [Fact]
    public void Caller_bug_attribution_is_data()
    {
        var text = Valid.Edit(
            "        description: A member of the error set.\n",
            "        description: A member of the error set.\n      - id: unreachable\n        description: Treated as a bug of the caller.\n        caller-bug: true\n");
        var zig = Load(text).FindSource("zig")!;
        Assert.True(zig.FindAttribution("unreachable")!.CallerBug);
        Assert.False(zig.FindAttribution("error")!.CallerBug);
        Assert.True(zig.TreatsAsCallerBug(new Attribution("unreachable", null, null, null)));
        Assert.False(zig.TreatsAsCallerBug(new Attribution("error", null, null, null)));
        Assert.False(zig.TreatsAsCallerBug(new Attribution("undeclared", null, null, null)));

        var quoted = text.Edit("caller-bug: true", "caller-bug: \"yes\"");
        CatalogText.AssertFails(quoted, "ECAT006", CatalogText.PositionOf(quoted, "\"yes\""));
    }

    [Fact]
    public void Connect_catalog_marks_ruby_and_zig_names_and_zig_unreachable()
    {
        var catalog = Load(System.IO.File.ReadAllText(RealCatalogTests.RepositoryFile(System.IO.Path.Combine("catalog", "connect.yaml"))));
        var refused = catalog.FindError("ECONNREFUSED")!;
        Assert.Equal("Errno::ECONNREFUSED", catalog.FindSource("ruby")!.NameOf(refused, refused.ListingBy("ruby")!.Attributions[0]));
        Assert.Equal("error.ConnectionRefused", catalog.FindSource("zig")!.NameOf(refused, refused.ListingBy("zig")!.Attributions[0]));
        var isconn = catalog.FindError("EISCONN")!;
        Assert.True(catalog.FindSource("zig")!.TreatsAsCallerBug(isconn.ListingBy("zig")!.Attributions[0]));
        Assert.Equal(new[] { "zig" }, catalog.Sources.Where(s => s.Attributions.Any(a => a.CallerBug)).Select(s => s.Id));
    }

    [Fact]
    public void Generated_names_follow_the_prefix()
    {
        var catalog = Load(Valid);
        var refused = catalog.FindError("ECONNREFUSED")!;
        Assert.Equal("SampleError", GeneratedNames.ErrorEnum(catalog));
        Assert.Equal("SampleError.ConnectionRefused", GeneratedNames.ErrorMember(catalog, refused));
        Assert.Equal("SampleException.ConnectionRefused", GeneratedNames.ExceptionType(catalog, refused));
        Assert.Equal("OtherException", GeneratedNames.ExceptionClass("Other"));
        Assert.Equal("global::A.B.SampleErrors", GeneratedNames.Qualified("A.B", GeneratedNames.Mappings("Sample")));
        Assert.Equal(
            new[] { "SampleError", "SamplePlatform", "SampleClassification", "SampleLinuxCode", "SampleWindowsCode", "SampleNativeError", "SampleErrors", "SampleException" },
            GeneratedNames.TopLevelTypes("Sample", catalog));
        foreach (var error in catalog.Errors)
        {
            var parent = GeneratedNames.ExceptionParent(catalog, error);
            Assert.Equal(error.Group is null ? "SampleException" : "SampleException." + catalog.FindGroup(error.Group)!.Symbol, parent);
        }

        Assert.True(GeneratedNames.IsExceptionMember("Message"));
        Assert.False(GeneratedNames.IsExceptionMember("ConnectionRefused"));
    }

    [Fact]
    public void Blank_lines_in_folded_details_make_paragraphs()
    {
        var text = CatalogText.Minimal.Edit(
            "    action: Check the address and port.\n",
            "    details: >-\n      First paragraph,\n      still the first.\n\n      Second paragraph.\n    action: Check the address and port.\n");
        var refused = Load(text).FindError("ECONNREFUSED")!;
        Assert.Equal(new[] { "First paragraph, still the first.", "Second paragraph." }, refused.DetailParagraphs);
        Assert.Empty(Load(CatalogText.Minimal).Errors.First(e => e.Details is null).DetailParagraphs);
    }
}
