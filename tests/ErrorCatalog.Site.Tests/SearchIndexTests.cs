using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ErrorCatalog.Catalog.Model;
using Xunit;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site.Tests;

/// <summary>search-index.js, which site.js searches: what it holds for each error of each catalog, checked against the model.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public void IndexHoldsEveryErrorOfEveryCatalogWithItsCodesNamesAndPage()
    {
        var catalogs = new[] { RepositoryFiles.ConnectCatalog, RepositoryFiles.BindCatalog };
        var files = SiteGenerator.Render(catalogs).ToDictionary(f => f.Path, f => f.Content);
        using var index = Parse(files["search-index.js"]);
        var root = index.RootElement;

        Assert.Equal(catalogs.Select(c => c.Info.Id), root.GetProperty("catalogs").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var entries = root.GetProperty("errors").EnumerateArray().ToList();
        var expected = catalogs.SelectMany((catalog, position) => catalog.Errors.Select(error => (Catalog: catalog, Position: position, Error: error))).ToList();
        Assert.Equal(expected.Count, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var (catalog, position, error) = expected[i];
            var entry = entries[i];
            Assert.Equal(position, entry.GetProperty("catalog").GetInt32());
            Assert.Equal(error.Name, entry.GetProperty("name").GetString());
            Assert.Equal(error.Symbol, entry.GetProperty("symbol").GetString());
            Assert.True(files.ContainsKey(entry.GetProperty("page").GetString()!), error.Name + "'s page is not part of the site");
            Assert.Equal($"{catalog.Info.Id}/errors/{error.Name}.html", entry.GetProperty("page").GetString());

            var codes = entry.GetProperty("codes").EnumerateArray()
                .Select(c => (c[0].GetString(), c[1].GetInt32(), c[2].GetString()))
                .ToList();
            var model = catalog.Platforms.SelectMany(p => error.NamesOn(p.Id).Select(n => ((string?)p.Id, n.Code, (string?)n.Name))).ToList();
            Assert.Equal(model, codes);

            var names = entry.GetProperty("names").EnumerateArray().Select(n => n.GetString()).ToList();
            Assert.Contains(GeneratedNames.ErrorMember(catalog, error), names);
            Assert.Contains(GeneratedNames.ExceptionType(catalog, error), names);
            foreach (var source in catalog.Sources)
            {
                var listing = error.ListingBy(source.Id);
                var attributions = listing is null ? new Attribution?[] { null } : listing.Attributions.Select(a => (Attribution?)a);
                foreach (var sourceName in attributions.Select(a => source.NameOf(error, a)).OfType<string>())
                {
                    Assert.Contains(sourceName, names);
                }
            }

            var text = entry.GetProperty("text").GetString()!;
            Assert.Contains(error.Action.Replace("`", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), text, StringComparison.Ordinal);
        }

        // The index page's rows point into the same list, in the same order.
        var rows = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(files["index.html"])).QuerySelectorAll("table.error-list tbody tr").ToList();
        Assert.Equal(entries.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var entry = entries[int.Parse(rows[i].GetAttribute("data-entry")!, System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(entry.GetProperty("page").GetString(), rows[i].QuerySelector("th a")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void IndexIsAsciiAndKeepsHostileCatalogTextAsData()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        const string hostile = "</script><script>alert(1)</script> \"quoted\" 'single' \u2028 café";
        var modified = catalog with { Errors = new[] { catalog.Errors[0] with { Summary = hostile } }.Concat(catalog.Errors.Skip(1)).ToEquatableArray() };
        var bytes = SiteGenerator.Render(new[] { modified }).Single(f => f.Path == "search-index.js").Content;

        Assert.All(bytes, b => Assert.True(b < 0x80, "search-index.js holds a non-ASCII byte"));
        Assert.DoesNotContain("</script", Encoding.ASCII.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        using var index = Parse(bytes);
        Assert.Equal(hostile, index.RootElement.GetProperty("errors")[0].GetProperty("summary").GetString());
    }

    /// <summary>The object the script assigns, parsed as JSON: the file is one comment line, then <c>window.NAME = {...};</c>.</summary>
    internal static JsonDocument Parse(byte[] script)
    {
        var text = Encoding.UTF8.GetString(script);
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        Assert.StartsWith("// ", text, StringComparison.Ordinal);
        Assert.Contains("window.errorCatalogSearch = {", text, StringComparison.Ordinal);
        Assert.EndsWith("};\n", text, StringComparison.Ordinal);
        return JsonDocument.Parse(text[start..(end + 1)]);
    }
}
