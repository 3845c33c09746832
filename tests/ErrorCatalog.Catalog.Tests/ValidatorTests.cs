using System.Linq;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Validation;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>The checks on generated names (one catalog, and catalogs together) and the span side table they report from.</summary>
public class ValidatorTests
{
    private static readonly string Valid = CatalogText.Minimal;

    [Fact]
    public void Spans_locate_named_values_and_stay_out_of_the_model()
    {
        var result = CatalogLoader.Load("test.yaml", Valid);
        Assert.True(result.Succeeded);
        Assert.Equal("test.yaml", result.Spans.Path);
        var symbol = result.Spans.Of(CatalogSpans.Errors, "ECONNREFUSED", "symbol");
        Assert.Equal(CatalogText.PositionOf(Valid, "ConnectionRefused"), (symbol.Line, symbol.Column));
        Assert.Equal("ConnectionRefused".Length, symbol.Length);
        var prefix = result.Spans.Of(CatalogSpans.Catalog, string.Empty, "prefix");
        Assert.Equal(CatalogText.PositionOf(Valid, "Sample\n"), (prefix.Line, prefix.Column));
        var alias = result.Spans.Of(CatalogSpans.Aliases, "EWOULDBLOCK", "name");
        Assert.Equal(CatalogText.PositionOf(Valid, "EWOULDBLOCK"), (alias.Line, alias.Column));

        // A field that is not kept falls back to its item, an unknown item to the file's start.
        var entry = result.Spans.Of(CatalogSpans.Errors, "ECONNREFUSED", "summary");
        Assert.Equal(CatalogText.PositionOf(Valid, "- name: ECONNREFUSED", shift: 2), (entry.Line, entry.Column));
        Assert.Equal(SourceSpan.Empty, result.Spans.Of(CatalogSpans.Errors, "ENOPE", "symbol"));

        // Moving the text down changes the spans but not the model.
        var moved = CatalogLoader.Load("test.yaml", "# a comment\n" + Valid);
        Assert.Equal(result.Catalog, moved.Catalog);
        Assert.NotEqual(result.Spans, moved.Spans);
        Assert.Equal(result.Spans, CatalogLoader.Load("test.yaml", Valid).Spans);
    }

    [Theory]
    [InlineData("Message")]
    [InlineData("Platform")]
    [InlineData("SampleException")]
    public void ECAT105_entry_symbol_taken_by_the_exception_class_is_reported_by_the_loader(string symbol)
    {
        var text = Valid.Edit("symbol: ConnectionRefused", "symbol: " + symbol);
        var diagnostic = CatalogText.AssertFails(text, "ECAT105", CatalogText.PositionOf(text, "symbol: " + symbol, shift: 8));
        Assert.Contains("SampleException." + symbol, diagnostic.Message);
    }

    [Fact]
    public void ECAT105_uses_the_prefix_after_the_override()
    {
        var text = Valid.Edit("symbol: ConnectionRefused", "symbol: OtherException");
        Assert.True(CatalogLoader.Load("test.yaml", text).Succeeded);
        var result = CatalogLoader.Load("test.yaml", text, new NameOverrides(null, "Other"));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("ECAT105", diagnostic.Id);
        Assert.Equal(CatalogText.PositionOf(text, "OtherException"), (diagnostic.Span.Line, diagnostic.Span.Column));
    }

    [Theory]
    [InlineData("My.nameof", null)]
    [InlineData(null, "lower")]
    [InlineData(null, "Sam\u00ADple")]
    public void ECAT101_invalid_overrides_are_reported_by_the_loader(string? ns, string? prefix)
    {
        var result = CatalogLoader.Load("test.yaml", Valid, new NameOverrides(ns, prefix));
        Assert.False(result.Succeeded);
        Assert.Equal("ECAT101", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void ECAT007_two_names_that_winsock_writes_alike()
    {
        // EWOULDBLOCK's own alias becomes WSAECONNREFUSED on Windows, where ECONNREFUSED already is.
        var text = Valid.Edit("name: EWOULDBLOCK", "name: WSAECONNREFUSED");
        var diagnostic = CatalogText.AssertFails(text, "ECAT007", CatalogText.PositionOf(text, "WSAECONNREFUSED"));
        Assert.Contains("platform 'windows'", diagnostic.Message);
    }

    [Fact]
    public void Catalogs_together_reject_the_later_path_on_a_clash()
    {
        GeneratedCatalog Loaded(string path, string prefix, string ns = "ErrorCatalog.Sample")
        {
            var text = Valid.Edit("prefix: Sample", "prefix: " + prefix).Edit("namespace: ErrorCatalog.Sample", "namespace: " + ns);
            var result = CatalogLoader.Load(path, text);
            return new GeneratedCatalog(path, ns, prefix, result.Catalog!, result.Spans);
        }

        // AcceptNative's AcceptNativeError is also Accept's NativeError struct.
        var check = CatalogValidator.CheckTogether(new[] { Loaded("b.yaml", "AcceptNative"), Loaded("a.yaml", "Accept") });
        Assert.Equal(new[] { "b.yaml" }, check.Rejected);
        var clash = Assert.Single(check.Diagnostics);
        Assert.Equal("ECAT106", clash.Id);
        Assert.Equal("b.yaml", clash.Path);
        Assert.Contains("ErrorCatalog.Sample.AcceptNativeError", clash.Message);
        Assert.Equal(CatalogText.PositionOf(Valid, "Sample\n").Line, clash.Span.Line);

        var same = CatalogValidator.CheckTogether(new[] { Loaded("a.yaml", "Accept"), Loaded("b.yaml", "ACCEPT") });
        Assert.Equal("ECAT102", Assert.Single(same.Diagnostics).Id);

        // A namespace that is another catalog's type.
        var nested = CatalogValidator.CheckTogether(new[] { Loaded("a.yaml", "Accept"), Loaded("b.yaml", "Other", "ErrorCatalog.Sample.AcceptErrors") });
        Assert.Equal("ECAT106", Assert.Single(nested.Diagnostics).Id);

        Assert.Empty(CatalogValidator.CheckTogether(new[] { Loaded("a.yaml", "Accept"), Loaded("b.yaml", "Bind") }).Diagnostics);
    }

    [Fact]
    public void Loaded_files_checked_together_lose_the_model_of_the_rejected_one()
    {
        var first = CatalogLoader.Load("a.yaml", Valid);
        var second = CatalogLoader.Load("b.yaml", Valid);
        var broken = CatalogLoader.Load("c.yaml", "schema: 1\n");
        var results = CatalogValidator.CheckLoadedTogether(new[] { second, broken, first });
        Assert.Same(first, results[2]);
        Assert.Same(broken, results[1]);
        Assert.False(results[0].Succeeded);
        Assert.Equal("ECAT102", results[0].Diagnostics.Single().Id);
    }
}
