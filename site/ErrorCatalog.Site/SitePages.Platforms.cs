namespace ErrorCatalog.Site;

internal sealed partial class SitePages
{
    public string Platforms()
    {
        const string page = SiteLayout.PlatformsPage;
        var body = new PageBuilder();
        body.Line("<h1>Platforms</h1>");
        body.Line("<p class=\"lead\">The same error name can carry a different number on each platform, and some platforms do not define a name at all. Each platform page lists its codes in numeric order.</p>");
        foreach (var catalog in layout.Catalogs)
        {
            var prefix = layout.IsMultiCatalog ? layout.CatalogAnchor(catalog) + "-" : string.Empty;
            var level = layout.IsMultiCatalog ? "h3" : "h2";
            if (layout.IsMultiCatalog)
            {
                body.Line($"<section id=\"{layout.CatalogAnchor(catalog)}\"><h2>{Html.Prose(catalog.Info.Title)}</h2>");
            }

            body.Line($"<{level} id=\"{prefix}list\">Platform list</{level}>");
            body.Line(ScrollStart("Platforms"));
            body.Line("<table class=\"platform-list\">");
            body.Line("<caption>Platforms whose numbers the catalog records</caption>");
            body.Line("<thead><tr><th scope=\"col\">Platform</th><th scope=\"col\">Kind</th><th scope=\"col\">Errors defined</th><th scope=\"col\">Numbers from</th></tr></thead>");
            body.Line("<tbody>");
            foreach (var platform in catalog.Platforms)
            {
                var defined = catalog.Errors.Count(e => e.NamesOn(platform.Id).Any());
                body.Line($"<tr><th scope=\"row\"><a href=\"{SiteLayout.Link(page, layout.PlatformPage(catalog, platform))}\">{Html.Encode(platform.Title)}</a> <span class=\"id\">{Html.Encode(platform.Id)}</span></th><td>{KindText(platform.Kind)}</td><td>{Html.Number(defined)} of {Html.Number(catalog.Errors.Count)}</td><td>{Html.Prose(platform.Reference)}</td></tr>");
            }

            body.Line("</tbody>");
            body.Line("</table>");
            body.Line("</div>");

            body.Line($"<{level} id=\"{prefix}all-codes\">Every code on every platform</{level}>");
            body.Line(ScrollStart("Codes on every platform"));
            body.Line("<table class=\"matrix code-matrix\">");
            body.Line("<caption>Canonical numbers; a dash means the platform does not define the name</caption>");
            body.Append("<thead><tr><th scope=\"col\">Error</th>");
            foreach (var platform in catalog.Platforms)
            {
                body.Append($"<th scope=\"col\"><abbr title=\"{Html.Encode(platform.Title)}\">{Html.Encode(platform.Id)}</abbr></th>");
            }

            body.Line("</tr></thead>");
            body.Line("<tbody>");
            foreach (var error in catalog.Errors)
            {
                body.Append($"<tr><th scope=\"row\"><a href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, error))}\">{Html.Encode(error.Name)}</a></th>");
                foreach (var platform in catalog.Platforms)
                {
                    var code = error.CodeOn(platform.Id);
                    body.Append(code is int c
                        ? $"<td class=\"num\">{Html.Number(c)}</td>"
                        : "<td class=\"missing\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">absent</span></td>");
                }

                body.Line("</tr>");
            }

            body.Line("</tbody>");
            body.Line("</table>");
            body.Line("</div>");
            if (layout.IsMultiCatalog)
            {
                body.Line("</section>");
            }
        }

        return Frame(page, "Platforms", Section.Platforms, body.ToString());
    }

    public string Platform(CatalogModel catalog, PlatformDefinition platform)
    {
        var page = layout.PlatformPage(catalog, platform);
        var body = new PageBuilder();
        body.Line(Breadcrumbs(page, (SiteLayout.PlatformsPage, "Platforms"), (null, Html.Encode(platform.Title))));
        body.Line($"<h1>{Html.Encode(platform.Title)} <span class=\"id\">{Html.Encode(platform.Id)}</span></h1>");
        body.Line("<dl class=\"facts\">");
        body.Line($"<dt>Kind</dt><dd>{KindText(platform.Kind)}</dd>");
        body.Line($"<dt>Numbers from</dt><dd>{Html.Prose(platform.Reference)}</dd>");
        body.Line($"<dt>Valid range</dt><dd>{Html.Number(platform.Min)} to {Html.Number(platform.Max)}</dd>");
        body.Line($"<dt>Generated name</dt><dd><code>{Html.Encode(catalog.Info.Prefix)}Platform.{Html.Encode(platform.Symbol)}</code>, codes in <code>{Html.Encode(catalog.Info.Prefix)}{Html.Encode(platform.Symbol)}Code</code></dd>");
        body.Line("</dl>");

        var rows = catalog.Errors
            .SelectMany(e => e.NamesOn(platform.Id).Select(n => (Error: e, Name: platform.NativeName(n.Name), n.Code)))
            .OrderBy(r => r.Code)
            .ThenBy(r => r.Name, System.StringComparer.Ordinal)
            .ToList();
        body.Line("<h2 id=\"codes\">Codes by number</h2>");
        body.Line(ScrollStart("Codes by number"));
        body.Line("<table class=\"platform-codes\">");
        body.Line($"<caption>Every name {Html.Encode(platform.Title)} defines for {Html.Prose(catalog.Info.Function)}, by number</caption>");
        body.Line("<thead><tr><th scope=\"col\" class=\"num\">Code</th><th scope=\"col\">Name</th><th scope=\"col\">Error</th><th scope=\"col\">Summary</th></tr></thead>");
        body.Line("<tbody>");
        foreach (var (error, name, code) in rows)
        {
            var errorLink = $"<a href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, error))}\">{Html.Encode(error.Name)}</a>";
            body.Line($"<tr id=\"code-{Html.Number(code)}-{Html.Anchor(name)}\"><td class=\"num\">{Html.Number(code)}</td><th scope=\"row\"><code>{Html.Encode(name)}</code></th><td>{errorLink}</td><td>{Html.Prose(error.Summary)}</td></tr>");
        }

        body.Line("</tbody>");
        body.Line("</table>");
        body.Line("</div>");

        var absent = catalog.Errors.Where(e => !e.NamesOn(platform.Id).Any()).ToList();
        body.Line("<h2 id=\"absent\">Not defined here</h2>");
        if (absent.Count == 0)
        {
            body.Line("<p>Every error of the catalog has a number on this platform.</p>");
        }
        else
        {
            body.Line($"<p>{Html.Encode(platform.Title)} has no number for these errors under any of their names, so it never reports them:</p>");
            body.Line("<ul class=\"inline-list\">" + string.Concat(absent.Select(e => $"<li><a href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, e))}\">{Html.Encode(e.Name)}</a></li>")) + "</ul>");
        }

        return Frame(page, platform.Title, Section.Platforms, body.ToString());
    }

    private static string KindText(PlatformKind kind) => kind switch
    {
        PlatformKind.Winsock => "Winsock code (<code>WSAGetLastError()</code>)",
        _ => "C <code>errno</code> value",
    };
}
