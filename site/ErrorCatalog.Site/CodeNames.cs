using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Catalog.Model;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site;

/// <summary>What an error is called in generated C#, in .NET, and by each cited source.</summary>
internal static class CodeNames
{
    /// <summary>Pairs of (where, HTML of the name), in a fixed order: generated code, .NET, then the catalog's sources.</summary>
    public static IReadOnlyList<(string Where, string NameHtml)> For(CatalogModel catalog, ErrorEntry error)
    {
        var prefix = catalog.Info.Prefix;
        var ns = catalog.Info.Namespace;
        var rows = new List<(string, string)>
        {
            ("Generated enum", Code($"{prefix}Error.{error.Symbol}") + $" <span class=\"hint\">in {Code(ns)}</span>"),
        };

        var exception = Code($"{prefix}Exception.{error.Symbol}");
        var group = error.Group is null ? null : catalog.FindGroup(error.Group);
        rows.Add(("Generated exception", group is null
            ? exception + $" <span class=\"hint\">derives from {Code(prefix + "Exception")}</span>"
            : exception + $" <span class=\"hint\">derives from {Code($"{prefix}Exception.{group.Symbol}")}</span>"));
        rows.Add((".NET SocketError", error.DotNet is null
            ? "<span class=\"muted\">no matching member</span>"
            : Code("SocketError." + error.DotNet)));

        foreach (var source in catalog.Sources)
        {
            var listing = error.ListingBy(source.Id);
            var name = SourceName(source.Id, error, listing);
            if (name is not null)
            {
                rows.Add(("Source " + source.Id, name));
            }
        }

        return rows;
    }

    /// <summary>
    /// How a source names the error. Ruby raises <c>Errno::NAME</c> and Zig returns <c>error.X</c>
    /// or treats it as <c>unreachable</c>; other sources only have a name when the catalog records one.
    /// </summary>
    private static string? SourceName(string sourceId, ErrorEntry error, SourceListing? listing)
    {
        if (sourceId == "ruby")
        {
            var explicitName = listing?.Attributions.Select(a => a.Name).FirstOrDefault(n => n is not null);
            var rubyClass = Code(explicitName ?? "Errno::" + error.Name);
            return listing is null ? rubyClass + " <span class=\"hint\">(not in Ruby's list for connect)</span>" : rubyClass;
        }

        if (listing is null)
        {
            return sourceId == "zig" ? "<span class=\"muted\">not in Zig's error set</span>" : null;
        }

        var names = new List<string>();
        foreach (var attribution in listing.Attributions)
        {
            string? text;
            if (attribution.How == "unreachable")
            {
                text = Code("unreachable") + " <span class=\"hint\">(treated as a programmer error)</span>";
            }
            else if (sourceId == "zig")
            {
                text = Code("error." + (attribution.Name ?? error.Symbol));
            }
            else
            {
                text = attribution.Name is null ? null : Code(attribution.Name);
            }

            if (text is not null && !names.Contains(text))
            {
                names.Add(text);
            }
        }

        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string Code(string text) => "<code>" + Html.Encode(text) + "</code>";
}
