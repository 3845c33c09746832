namespace ErrorCatalog.Site;

/// <summary>What an error is called in generated C#, in .NET, and by each cited source.</summary>
internal static class CodeNames
{
    /// <summary>Pairs of (where, HTML of the name), in a fixed order: generated code, .NET, then the catalog's sources.</summary>
    public static IReadOnlyList<(string Where, string NameHtml)> For(CatalogModel catalog, ErrorEntry error)
    {
        var rows = new List<(string, string)>
        {
            ("Generated enum", Code(GeneratedNames.ErrorMember(catalog, error)) + $" <span class=\"hint\">in {Code(catalog.Info.Namespace)}</span>"),
            ("Generated exception", Code(GeneratedNames.ExceptionType(catalog, error)) + $" <span class=\"hint\">derives from {Code(GeneratedNames.ExceptionParent(catalog, error))}</span>"),
        };

        rows.Add((".NET SocketError", error.DotNet is null
            ? "<span class=\"muted\">no matching member</span>"
            : Code("SocketError." + error.DotNet)));

        foreach (var source in catalog.Sources)
        {
            var name = SourceName(catalog, source, error, error.ListingBy(source.Id));
            if (name is not null)
            {
                rows.Add(("Source " + source.Id, name));
            }
        }

        return rows;
    }

    /// <summary>
    /// How a source names the error, in the form the catalog gives for it (<see cref="SourceDefinition.Names"/>):
    /// a source that names every error (Ruby's <c>Errno</c> classes) has a name even where it does
    /// not list the error; a listing the source treats as a caller bug says so.
    /// </summary>
    private static string? SourceName(CatalogModel catalog, SourceDefinition source, ErrorEntry error, SourceListing? listing)
    {
        if (listing is null)
        {
            return source.NameOf(error, null) is { } unlisted
                ? Code(unlisted) + $" <span class=\"hint\">(not in {Html.Encode(source.Id)}'s list for {Html.Encode(catalog.Info.Function)})</span>"
                : source.Names is null ? null : $"<span class=\"muted\">not listed by {Html.Encode(source.Id)}</span>";
        }

        var names = new List<string>();
        foreach (var attribution in listing.Attributions)
        {
            var text = source.TreatsAsCallerBug(attribution)
                ? Code(attribution.How) + " <span class=\"hint\">(treated as a bug of the caller)</span>"
                : source.NameOf(error, attribution) is { } name ? Code(name) : null;
            if (text is not null && !names.Contains(text))
            {
                names.Add(text);
            }
        }

        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string Code(string text) => "<code>" + Html.Encode(text) + "</code>";
}
