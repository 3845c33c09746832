namespace ErrorCatalog.Site;

internal sealed partial class SitePages
{
    private void WriteSourceLists(PageBuilder body, CatalogSection section)
    {
        RenderCoverage(body, section.Page, section.Catalog, section.Prefix, section.Level);
        body.Line($"<{section.Level} id=\"{section.Prefix}documents\">The documents</{section.Level}>");
        body.Line("<div class=\"source-cards\">");
        foreach (var source in section.Catalog.Sources)
        {
            var count = section.Catalog.Errors.Count(e => e.ListingBy(source.Id) is not null);
            body.Line($"<section class=\"card\" id=\"{SourceAnchor(section.Catalog, source.Id)}\" aria-labelledby=\"{SourceAnchor(section.Catalog, source.Id)}-title\">");
            body.Line($"<h3 id=\"{SourceAnchor(section.Catalog, source.Id)}-title\">{Html.Encode(source.Title)} <span class=\"id\">{Html.Encode(source.Id)}</span></h3>");
            if (source.Url is not null)
            {
                body.Line($"<p class=\"url\"><a href=\"{Html.Encode(source.Url)}\" rel=\"external noreferrer\">{Html.Encode(source.Url)}</a></p>");
            }

            if (source.Note is not null)
            {
                body.Line($"<p>{Html.Prose(source.Note)}</p>");
            }

            body.Line($"<p>Lists {Html.Number(count)} of the {Html.Number(section.Catalog.Errors.Count)} errors, as:</p>");
            body.Line("<dl class=\"attributions\">");
            foreach (var kind in source.Attributions)
            {
                body.Line($"<dt><span class=\"how\">{Html.Encode(kind.Id)}</span></dt><dd>{Html.Prose(kind.Description)}</dd>");
            }

            body.Line("</dl>");
            body.Line("</section>");
        }

        body.Line("</div>");
    }

    private void RenderCoverage(PageBuilder body, string page, CatalogModel catalog, string prefix, string level)
    {
        var disagreements = catalog.Errors.Select(e => Disagreements(catalog, e)).ToList();
        var differing = disagreements.Count(d => d.Count > 0);
        body.Line($"<{level} id=\"{prefix}coverage\">Coverage matrix</{level}>");
        body.Line($"<p>{Html.Number(differing)} of {Html.Number(catalog.Errors.Count)} errors are not described the same way by every source. Legend: <span class=\"cell-sample listed\">listed</span> the source lists the error (how, in the cell); <span class=\"cell-sample missing\">—</span> not listed; <span class=\"cell-sample unreachable\">caller bug</span> the source treats it as a bug of the caller, not an error to handle; <span class=\"cell-sample has-erratum\">⚠</span> the source gets something wrong (see the error's page).</p>");
        body.Line("<p class=\"matrix-controls\"><label><input type=\"checkbox\" class=\"only-differences\" data-matrix=\"" + prefix + "matrix\"> Show only the errors the sources disagree on</label></p>");
        var sourceHeadings = catalog.Sources.Select(source => (Th)$"<a href=\"#{SourceAnchor(catalog, source.Id)}\" title=\"{Html.Encode(source.Title)}\">{Html.Encode(source.Id)}</a>");
        TableStart(body, "Coverage matrix", "matrix", prefix + "matrix", $"How each source lists each error of {Html.Prose(catalog.Info.Function)}", sourceHeadings.Prepend("Error").Append("Where the sources differ"));
        for (var i = 0; i < catalog.Errors.Count; i++)
        {
            var error = catalog.Errors[i];
            var differences = disagreements[i];
            var errorPage = layout.ErrorPage(catalog, error);
            body.Append($"<tr{(differences.Count > 0 ? " class=\"differs\"" : string.Empty)}><th scope=\"row\"><a href=\"{SiteLayout.Link(page, errorPage)}\">{Html.Encode(error.Name)}</a></th>");
            foreach (var source in catalog.Sources)
            {
                body.Append(CoverageCell(SiteLayout.Link(page, errorPage), source, error.ListingBy(source.Id)));
            }

            body.Line($"<td class=\"differences\">{(differences.Count == 0 ? "<span class=\"muted\">all agree</span>" : "<ul>" + string.Concat(differences.Select(d => "<li>" + d + "</li>")) + "</ul>")}</td></tr>");
        }

        TableEnd(body);
    }

    private static string CoverageCell(string errorLink, SourceDefinition source, SourceListing? listing)
    {
        if (listing is null)
        {
            return $"<td class=\"missing\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">not listed by {Html.Encode(source.Id)}</span></td>";
        }

        var unreachable = listing.Attributions.Any(source.TreatsAsCallerBug);
        var erratum = listing.Attributions.Any(a => a.Erratum is not null);
        var css = unreachable ? "unreachable" : "listed";
        if (erratum)
        {
            css += " has-erratum";
        }

        var how = string.Join(", ", listing.Attributions.Select(a => $"<span class=\"nowrap\">{Html.Encode(a.How)}</span>").Distinct());
        var mark = erratum
            ? $" <a class=\"erratum-mark\" href=\"{errorLink}#sources\" title=\"{Html.Encode(string.Join(" ", listing.Attributions.Where(a => a.Erratum is not null).Select(a => a.Erratum)))}\"><span aria-hidden=\"true\">⚠</span><span class=\"visually-hidden\">erratum</span></a>"
            : string.Empty;
        return $"<td class=\"{css}\">{how}{mark}</td>";
    }

    /// <summary>Plain-language reasons why the sources do not describe the error the same way (HTML).</summary>
    private static List<string> Disagreements(CatalogModel catalog, ErrorEntry error)
    {
        var reasons = new List<string>();
        var listing = catalog.Sources.Select(s => (Source: s, Listing: error.ListingBy(s.Id))).ToList();
        var listedBy = listing.Where(l => l.Listing is not null).Select(l => l.Source.Id).ToList();
        var missingFrom = listing.Where(l => l.Listing is null).Select(l => l.Source.Id).ToList();
        if (listedBy.Count == 0)
        {
            reasons.Add("listed by no source");
        }
        else if (missingFrom.Count > 0)
        {
            reasons.Add("not listed by " + string.Join(", ", missingFrom.Select(Html.Encode)));
        }

        var unreachableIn = listing
            .Where(l => l.Listing is not null && l.Listing.Attributions.Any(l.Source.TreatsAsCallerBug))
            .Select(l => l.Source.Id)
            .ToList();
        var failureIn = listing
            .Where(l => l.Listing is not null && l.Listing.Attributions.Any(a => !l.Source.TreatsAsCallerBug(a)))
            .Select(l => l.Source.Id)
            .Except(unreachableIn)
            .ToList();
        if (unreachableIn.Count > 0 && failureIn.Count > 0)
        {
            reasons.Add($"a caller bug in {string.Join(", ", unreachableIn.Select(Html.Encode))}, but listed as an error by {string.Join(", ", failureIn.Select(Html.Encode))}");
        }

        foreach (var (source, sourceListing) in listing)
        {
            if (sourceListing is not null && sourceListing.Attributions.Any(a => a.Erratum is not null))
            {
                reasons.Add($"<span class=\"erratum-text\">erratum in {Html.Encode(source.Id)}</span>");
            }
        }

        return reasons;
    }
}
