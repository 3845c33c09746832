using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Catalog.Model;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site;

internal sealed partial class SitePages
{
    public string Error(CatalogModel catalog, int index)
    {
        var error = catalog.Errors[index];
        var page = layout.ErrorPage(catalog, error);
        var body = new PageBuilder();
        body.Line(Breadcrumbs(page, (SiteLayout.IndexPage, "Errors"), (null, Html.Encode(error.Name))));
        body.Line("<article class=\"error\">");
        body.Line($"<h1><code>{Html.Encode(error.Name)}</code></h1>");
        body.Line($"<p class=\"lead\">{Html.Prose(error.Summary)}</p>");
        foreach (var paragraph in error.DetailParagraphs)
        {
            body.Line($"<p>{Html.Prose(paragraph)}</p>");
        }

        body.Line("<dl class=\"facts\">");
        body.Line($"<dt>Symbol</dt><dd><code>{Html.Encode(error.Symbol)}</code> (stable value {Html.Number(error.Value)})</dd>");
        if (error.Aliases.Count > 0)
        {
            body.Line($"<dt>Also called</dt><dd>{string.Join(", ", error.Aliases.Select(a => $"<code>{Html.Encode(a.Name)}</code>"))}</dd>");
        }

        var classification = catalog.FindClassification(error.Classification);
        body.Line($"<dt>Classification</dt><dd><a href=\"#handling\">{Html.Encode(classification?.Title ?? error.Classification)}</a></dd>");
        if (error.Group is not null)
        {
            var group = catalog.FindGroup(error.Group);
            body.Line($"<dt>Group</dt><dd>{Html.Encode(group?.Symbol ?? error.Group)}{(group is null ? string.Empty : ": " + Html.Prose(group.Summary))}</dd>");
        }

        if (layout.IsMultiCatalog)
        {
            body.Line($"<dt>Catalog</dt><dd>{Html.Prose(catalog.Info.Title)}</dd>");
        }

        body.Line("</dl>");
        var scenarioSections = ScenarioSections(catalog, error);
        body.Line("<nav class=\"toc\" aria-label=\"On this page\"><ul><li><a href=\"#codes\">Codes</a></li><li><a href=\"#sources\">Sources</a></li><li><a href=\"#families\">Address families</a></li><li><a href=\"#names\">Names in code</a></li><li><a href=\"#handling\">Handling</a></li>"
            + string.Concat(scenarioSections.Select(s => $"<li><a href=\"#{s.Anchor}\">{Html.Encode(s.Title)}</a></li>"))
            + (error.Quirks.Count > 0 ? "<li><a href=\"#quirks\">Quirks</a></li>" : string.Empty) + "</ul></nav>");

        RenderCodes(body, page, catalog, error);
        RenderSources(body, catalog, error);
        RenderFamilies(body, catalog, error);
        RenderNames(body, catalog, error);

        body.Line("<section id=\"handling\" aria-labelledby=\"handling-title\">");
        body.Line("<h2 id=\"handling-title\">Handling</h2>");
        if (classification is not null)
        {
            body.Line($"<p><span class=\"badge badge-{Html.Anchor(classification.Id)}\">{Html.Encode(classification.Title)}</span> {Html.Prose(classification.Description)}</p>");
        }

        body.Line($"<div class=\"action\"><h3>What a caller should do</h3><p>{Html.Prose(error.Action)}</p></div>");
        body.Line("</section>");

        RenderScenarioSections(body, page, catalog, error);

        if (error.Quirks.Count > 0)
        {
            body.Line("<section id=\"quirks\" aria-labelledby=\"quirks-title\">");
            body.Line("<h2 id=\"quirks-title\">Quirks</h2>");
            body.Line("<ul class=\"quirks\">");
            foreach (var quirk in error.Quirks)
            {
                var where = quirk.Platforms.Count == 0
                    ? "<span class=\"tag\">all platforms</span>"
                    : string.Join(" ", quirk.Platforms.Select(p => $"<span class=\"tag\">{Html.Encode(p)}</span>"));
                var evidence = quirk.Evidence is null ? string.Empty : $"<br><span class=\"evidence\">Evidence: {Html.Prose(quirk.Evidence)}</span>";
                body.Line($"<li>{where} {Html.Prose(quirk.Text)}{evidence}{QuirkScenarioLinks(page, catalog, error, quirk)}</li>");
            }

            body.Line("</ul>");
            body.Line("</section>");
        }

        body.Line("<nav class=\"pager\" aria-label=\"Neighbouring errors\"><ul>");
        if (index > 0)
        {
            var previous = catalog.Errors[index - 1];
            body.Line($"<li><a rel=\"prev\" href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, previous))}\">← {Html.Encode(previous.Name)}</a></li>");
        }

        if (index + 1 < catalog.Errors.Count)
        {
            var next = catalog.Errors[index + 1];
            body.Line($"<li class=\"next\"><a rel=\"next\" href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, next))}\">{Html.Encode(next.Name)} →</a></li>");
        }

        body.Line("</ul></nav>");
        body.Line("</article>");
        return Frame(page, error.Name, Section.Errors, body.ToString());
    }

    private void RenderCodes(PageBuilder body, string page, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<section id=\"codes\" aria-labelledby=\"codes-title\">");
        body.Line("<h2 id=\"codes-title\">Codes</h2>");
        body.Line(ScrollStart("Codes per platform"));
        body.Line("<table class=\"codes\">");
        body.Line($"<caption>The number of <code>{Html.Encode(error.Name)}</code> on each platform</caption>");
        body.Line("<thead><tr><th scope=\"col\">Platform</th><th scope=\"col\">Code</th><th scope=\"col\">Other names there</th><th scope=\"col\" class=\"optional\">Numbers from</th></tr></thead>");
        body.Line("<tbody>");
        foreach (var platform in catalog.Platforms)
        {
            var code = error.CodeOn(platform.Id);
            var codeCell = code is int c
                ? $"<td class=\"code\" data-platform=\"{Html.Encode(platform.Id)}\">{Html.Number(c)}</td>"
                : $"<td class=\"code absent\" data-platform=\"{Html.Encode(platform.Id)}\">absent</td>";
            var others = new List<string>();
            foreach (var alias in error.Aliases)
            {
                var aliasCode = alias.Codes.FirstOrDefault(a => a.Platform == platform.Id);
                var text = aliasCode.Kind switch
                {
                    AliasCodeKind.Same => $"<code>{Html.Encode(alias.Name)}</code> (same number)",
                    AliasCodeKind.Distinct => $"<code>{Html.Encode(alias.Name)}</code> = {Html.Number(aliasCode.Code)}",
                    _ => null,
                };
                if (aliasCode.Platform == platform.Id && text is not null)
                {
                    others.Add(text);
                }
            }

            body.Line($"<tr><th scope=\"row\"><a href=\"{SiteLayout.Link(page, layout.PlatformPage(catalog, platform))}\">{Html.Encode(platform.Title)}</a> <span class=\"id\">{Html.Encode(platform.Id)}</span></th>"
                + codeCell
                + $"<td>{(others.Count == 0 ? "<span class=\"muted\">—</span>" : string.Join("; ", others))}</td>"
                + $"<td class=\"optional\">{Html.Prose(platform.Reference)}</td></tr>");
        }

        body.Line("</tbody>");
        body.Line("</table>");
        body.Line("</div>");
        body.Line("<p class=\"hint\"><em>absent</em>: the platform's headers do not define this name, so the platform never reports it.</p>");
        body.Line("</section>");
    }

    private void RenderSources(PageBuilder body, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<section id=\"sources\" aria-labelledby=\"sources-title\">");
        body.Line("<h2 id=\"sources-title\">What the sources say</h2>");
        body.Line(ScrollStart("Sources"));
        body.Line("<table class=\"sources\">");
        body.Line($"<caption>How each cited document lists <code>{Html.Encode(error.Name)}</code></caption>");
        body.Line("<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Listed as</th><th scope=\"col\">Its name</th><th scope=\"col\">Notes</th></tr></thead>");
        body.Line("<tbody>");
        foreach (var source in catalog.Sources)
        {
            var sourceLink = $"<a href=\"{SiteLayout.Link(layout.ErrorPage(catalog, error), SiteLayout.SourcesPage)}#{SourceAnchor(catalog, source.Id)}\">{Html.Encode(source.Title)}</a> <span class=\"id\">{Html.Encode(source.Id)}</span>";
            var listing = error.ListingBy(source.Id);
            if (listing is null)
            {
                body.Line($"<tr class=\"not-listed\"><th scope=\"row\">{sourceLink}</th><td colspan=\"3\"><span class=\"muted\">not listed</span></td></tr>");
                continue;
            }

            for (var i = 0; i < listing.Attributions.Count; i++)
            {
                var attribution = listing.Attributions[i];
                var kind = source.Attributions.FirstOrDefault(a => a.Id == attribution.How);
                var rowClass = source.TreatsAsCallerBug(attribution) ? " class=\"unreachable\"" : string.Empty;
                var head = i == 0
                    ? $"<th scope=\"row\"{(listing.Attributions.Count > 1 ? $" rowspan=\"{Html.Number(listing.Attributions.Count)}\"" : string.Empty)}>{sourceLink}</th>"
                    : string.Empty;
                var how = $"<span class=\"how\">{Html.Encode(attribution.How)}</span>"
                    + (kind is null ? string.Empty : $"<br><span class=\"hint\">{Html.Prose(kind.Description)}</span>");
                var notes = new List<string>();
                if (attribution.Note is not null)
                {
                    notes.Add(Html.Prose(attribution.Note));
                }

                if (attribution.Erratum is not null)
                {
                    notes.Add($"<div class=\"erratum\" role=\"note\"><strong><span aria-hidden=\"true\">⚠ </span>Erratum:</strong> {Html.Prose(attribution.Erratum)}</div>");
                }

                body.Line($"<tr{rowClass}>{head}<td>{how}</td><td>{(attribution.Name is null ? "<span class=\"muted\">—</span>" : $"<code>{Html.Encode(attribution.Name)}</code>")}</td><td>{(notes.Count == 0 ? string.Empty : string.Join(string.Empty, notes))}</td></tr>");
            }
        }

        body.Line("</tbody>");
        body.Line("</table>");
        body.Line("</div>");
        body.Line("</section>");
    }

    private static void RenderFamilies(PageBuilder body, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<section id=\"families\" aria-labelledby=\"families-title\">");
        body.Line("<h2 id=\"families-title\">Address families</h2>");
        body.Line(ScrollStart("Address families"));
        body.Line("<table class=\"families\">");
        body.Line("<caption>Where the error can occur, and what it means there</caption>");
        body.Line("<thead><tr><th scope=\"col\">Family</th><th scope=\"col\">Applies</th><th scope=\"col\">Meaning there</th></tr></thead>");
        body.Line("<tbody>");
        foreach (var family in catalog.Families)
        {
            var use = error.Families.FirstOrDefault(f => f.Family == family.Id);
            var name = $"{Html.Encode(family.Title)} <code>{Html.Encode(family.Native)}</code>";
            if (use is null)
            {
                body.Line($"<tr class=\"not-listed\"><th scope=\"row\">{name}</th><td>no</td><td><span class=\"muted\">—</span></td></tr>");
            }
            else
            {
                var meaning = use.Meaning is null ? "<span class=\"muted\">as summarised above</span>" : Html.Prose(use.Meaning);
                body.Line($"<tr><th scope=\"row\">{name}</th><td>yes</td><td>{meaning}</td></tr>");
            }
        }

        body.Line("</tbody>");
        body.Line("</table>");
        body.Line("</div>");
        body.Line("</section>");
    }

    private static void RenderNames(PageBuilder body, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<section id=\"names\" aria-labelledby=\"names-title\">");
        body.Line("<h2 id=\"names-title\">Names in code</h2>");
        body.Line(ScrollStart("Names in code"));
        body.Line("<table class=\"names\">");
        body.Line("<caption>What the error is called in generated C#, .NET and the cited libraries</caption>");
        body.Line("<thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Name</th></tr></thead>");
        body.Line("<tbody>");
        foreach (var (where, name) in CodeNames.For(catalog, error))
        {
            body.Line($"<tr><th scope=\"row\">{Html.Encode(where)}</th><td>{name}</td></tr>");
        }

        body.Line("</tbody>");
        body.Line("</table>");
        body.Line("</div>");
        body.Line("</section>");
    }

    private string SourceAnchor(CatalogModel catalog, string sourceId) =>
        (layout.IsMultiCatalog ? layout.CatalogAnchor(catalog) + "-" : string.Empty) + "source-" + Html.Anchor(sourceId);
}
