using ErrorCatalog.Catalog.Diagnostics;

namespace ErrorCatalog.Site;

/// <summary>Renders each page of the site. Shared frame and the error index live here; other pages in the partial files.</summary>
internal sealed partial class SitePages
{
    private const string SiteName = "ErrorCatalog";

    private readonly SiteLayout layout;
    private readonly IReadOnlyList<CatalogDiagnosticDescriptor> diagnostics;

    public SitePages(SiteLayout layout, IReadOnlyList<CatalogDiagnosticDescriptor> diagnostics)
    {
        this.layout = layout;
        this.diagnostics = diagnostics;
    }

    /// <summary>One catalog's part of a shared page: the page it is on, the prefix of its anchors and the level of its headings.</summary>
    private readonly record struct CatalogSection(string Page, CatalogModel Catalog, string Prefix, string Level);

    private enum Section
    {
        Errors,
        Sources,
        Platforms,
        Scenarios,
        Diagnostics,
    }

    private const string PlatformsLead = "The same error name can carry a different number on each platform, and some platforms do not define a name at all. Each platform page lists its codes in numeric order.";

    public string Platforms() => PerCatalogPage(SiteLayout.PlatformsPage, "Platforms", Section.Platforms, "Platforms", PlatformsLead, WritePlatformLists);

    private const string SourcesLead = "The coverage matrix shows, for every error, how each cited document lists it; rows where the documents do not tell the same story are highlighted and say why. The documents themselves are described below the matrix.";

    public string Sources() => PerCatalogPage(SiteLayout.SourcesPage, "Sources", Section.Sources, "Sources and where they disagree", SourcesLead, WriteSourceLists);

    public string Index()
    {
        const string page = SiteLayout.IndexPage;
        var body = new PageBuilder();
        var total = layout.Catalogs.Sum(c => c.Errors.Count);
        if (layout.IsMultiCatalog)
        {
            body.Line("<h1>Error catalogs</h1>");
            body.Line($"<p class=\"lead\">{Html.Number(total)} errors from {Html.Number(layout.Catalogs.Count)} catalogs. Each entry links to a page with its codes on every platform, what each source says about it, and what a caller should do.</p>");
        }
        else
        {
            var info = layout.Catalogs[0].Info;
            body.Line($"<h1>{Html.Prose(info.Title)}</h1>");
            body.Line($"<p class=\"lead\">{Html.Prose(info.Description)}</p>");
        }

        body.Line("<div class=\"filter\">");
        body.Line("<label for=\"filter\">Filter the errors</label>");
        body.Line("<input id=\"filter\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"ECONNREFUSED, 111, timeout…\" aria-describedby=\"filter-help\">");
        var sample = layout.Catalogs.SelectMany(c => c.Errors.Select(e => GeneratedNames.ExceptionType(c, e))).FirstOrDefault();
        var sampleText = sample is null ? string.Empty : $" (<code>{Html.Encode(sample)}</code>)";
        body.Line($"<p id=\"filter-help\" class=\"hint\">Type part of a name, a generated C# name{sampleText}, a source&#39;s name for it, or words of its description; or a number: a number matches an error whose code is that number on any platform. Several words must all match.</p>");
        body.Line($"<p id=\"filter-status\" class=\"status\" role=\"status\" aria-live=\"polite\">{Html.Number(total)} errors</p>");
        body.Line("</div>");

        // Rows name their entry in search-index.js by position; the index lists errors in the same order.
        var entry = 0;
        foreach (var catalog in layout.Catalogs)
        {
            body.Line($"<section id=\"{layout.CatalogAnchor(catalog)}\" aria-labelledby=\"{layout.CatalogAnchor(catalog)}-title\">");
            var caption = $"Every error of {Html.Prose(catalog.Info.Function)}";
            if (layout.IsMultiCatalog)
            {
                body.Line($"<h2 id=\"{layout.CatalogAnchor(catalog)}-title\">{Html.Prose(catalog.Info.Title)}</h2>");
                body.Line($"<p>{Html.Prose(catalog.Info.Description)}</p>");
            }
            else
            {
                body.Line($"<h2 id=\"{layout.CatalogAnchor(catalog)}-title\" class=\"visually-hidden\">Errors</h2>");
            }

            TableStart(body, "Errors", "error-list", caption, "Error", new Th("Symbol", "optional"), "Summary", "Defined on", "Listed by");
            foreach (var error in catalog.Errors)
            {
                body.Line(IndexRow(page, catalog, error, entry++));
            }

            TableEnd(body);
            body.Line("<p class=\"empty-note\" hidden>No error matches the filter.</p>");
            body.Line("</section>");
        }

        return Frame(page, layout.IsMultiCatalog ? "Errors" : layout.Catalogs[0].Info.Title, Section.Errors, body.ToString());
    }

    private string IndexRow(string page, CatalogModel catalog, ErrorEntry error, int entry)
    {
        var aliases = error.Aliases.Count == 0
            ? string.Empty
            : $"<span class=\"aliases\">also {string.Join(", ", error.Aliases.Select(a => Html.Encode(a.Name)))}</span>";
        var sources = error.Sources.Count == 0
            ? "<span class=\"muted\">none</span>"
            : string.Join(" ", error.Sources.Select(s => SourceTag(catalog, s)));
        return $"<tr data-entry=\"{Html.Number(entry)}\">"
            + $"<th scope=\"row\"><a href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, error))}\">{Html.Encode(error.Name)}</a>{aliases}</th>"
            + $"<td class=\"optional\" data-label=\"Symbol\"><code>{Html.Encode(error.Symbol)}</code></td>"
            + $"<td data-label=\"Summary\">{Html.Prose(error.Summary)}</td>"
            + $"<td data-label=\"Defined on\">{DefinedOnSummary(catalog, error)}</td>"
            + $"<td class=\"tags\" data-label=\"Listed by\">{sources}</td></tr>";
    }

    private static string SourceTag(CatalogModel catalog, SourceListing listing)
    {
        var source = catalog.FindSource(listing.Source);
        var hasErratum = listing.Attributions.Any(a => a.Erratum is not null);
        var unreachable = listing.Attributions.Any(a => source?.TreatsAsCallerBug(a) == true);
        var css = "tag" + (hasErratum ? " tag-erratum" : string.Empty) + (unreachable ? " tag-unreachable" : string.Empty);
        var title = (source?.Title ?? listing.Source) + ": " + string.Join(", ", listing.Attributions.Select(a => a.How))
            + (hasErratum ? " (with an erratum)" : string.Empty);
        var mark = hasErratum ? "<span aria-hidden=\"true\">⚠</span>" : string.Empty;
        return $"<span class=\"{css}\" title=\"{Html.Encode(title)}\">{Html.Encode(listing.Source)}{mark}</span>";
    }

    /// <summary>A short, readable answer to "which platforms define it".</summary>
    private static string DefinedOnSummary(CatalogModel catalog, ErrorEntry error)
    {
        // Under its own name or an alias: either way the platform can report the error.
        var defined = catalog.Platforms.Where(p => error.NamesOn(p.Id).Any()).Select(p => p.Id).ToList();
        var missing = catalog.Platforms.Where(p => !error.NamesOn(p.Id).Any()).Select(p => p.Id).ToList();
        if (missing.Count == 0)
        {
            return $"all {Html.Number(defined.Count)}";
        }

        if (defined.Count == 0)
        {
            return "<span class=\"muted\">none</span>";
        }

        if (defined.Count <= missing.Count)
        {
            return string.Join(", ", defined.Select(Html.Encode));
        }

        return "all but " + string.Join(", ", missing.Select(Html.Encode));
    }

    private string Frame(string page, string title, Section current, string body)
    {
        var html = new PageBuilder();
        html.Line("<!DOCTYPE html>");
        html.Line("<html lang=\"en\">");
        html.Line("<head>");
        html.Line("<meta charset=\"utf-8\">");
        html.Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Line("<meta name=\"color-scheme\" content=\"light dark\">");
        html.Line($"<title>{Html.Encode(title)} · {SiteName}</title>");
        html.Line($"<link rel=\"stylesheet\" href=\"{SiteLayout.Link(page, SiteLayout.StyleSheet)}\">");
        html.Line("</head>");
        html.Line("<body>");
        html.Line("<a class=\"skip-link\" href=\"#main\">Skip to the content</a>");
        html.Line("<header class=\"site-header\">");
        html.Line("<nav class=\"site-nav\" aria-label=\"Site\">");
        html.Line($"<a class=\"brand\" href=\"{SiteLayout.Link(page, SiteLayout.IndexPage)}\">{SiteName}</a>");
        html.Line("<ul>");
        html.Line(NavItem(page, SiteLayout.IndexPage, "Errors", current == Section.Errors));
        html.Line(NavItem(page, SiteLayout.SourcesPage, "Sources", current == Section.Sources));
        html.Line(NavItem(page, SiteLayout.PlatformsPage, "Platforms", current == Section.Platforms));
        html.Line(NavItem(page, SiteLayout.ScenariosPage, "Scenarios", current == Section.Scenarios));
        html.Line(NavItem(page, SiteLayout.DiagnosticsIndexPage, "Diagnostics", current == Section.Diagnostics));
        html.Line("</ul>");
        if (page != SiteLayout.IndexPage)
        {
            // Without script the form still works: it opens the index with its filter filled in.
            html.Line($"<form class=\"site-search\" role=\"search\" action=\"{SiteLayout.Link(page, SiteLayout.IndexPage)}\" method=\"get\">");
            html.Line("<label class=\"visually-hidden\" for=\"site-search\">Search the errors</label>");
            html.Line("<input id=\"site-search\" name=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"Search: name, number, text…\" aria-controls=\"site-search-results\">");
            html.Line("<ol id=\"site-search-results\" class=\"search-results\" aria-label=\"Matching errors\" hidden></ol>");
            html.Line("</form>");
        }

        html.Line("</nav>");
        html.Line("</header>");
        html.Line("<main id=\"main\" tabindex=\"-1\">");
        html.Append(body);
        html.Line("</main>");
        html.Line("<footer class=\"site-footer\">");
        var catalogs = string.Join(", ", layout.Catalogs.Select(c => $"<code>{Html.Encode(c.Info.Id)}</code>"));
        html.Line($"<p>Generated by <code>errcat docs</code> from the {(layout.IsMultiCatalog ? "catalogs" : "catalog")} {catalogs}. Every fact on these pages comes from the catalog; change the catalog, not the pages.</p>");
        html.Line("</footer>");
        html.Line($"<script src=\"{SiteLayout.Link(page, SiteLayout.SearchIndexScript)}\"></script>");
        html.Line($"<script src=\"{SiteLayout.Link(page, SiteLayout.Script)}\"></script>");

        html.Line("</body>");
        html.Line("</html>");
        return html.ToString();
    }

    private static string NavItem(string page, string target, string text, bool isCurrent) =>
        $"<li><a href=\"{SiteLayout.Link(page, target)}\"{(isCurrent ? " aria-current=\"page\"" : string.Empty)}>{text}</a></li>";

    private static string Breadcrumbs(string page, params (string? Target, string Text)[] steps)
    {
        var items = steps.Select(s => s.Target is null
            ? $"<li aria-current=\"page\">{s.Text}</li>"
            : $"<li><a href=\"{SiteLayout.Link(page, s.Target)}\">{s.Text}</a></li>");
        return $"<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\"><ol>{string.Concat(items)}</ol></nav>";
    }

    /// <summary>
    /// A shared page that lists every catalog: its heading and lead, then <paramref name="writeCatalog"/>
    /// once per catalog. On a multi-catalog site each catalog gets a section with its title around
    /// what <paramref name="writeCatalog"/> writes, and its anchors and headings one level deeper.
    /// </summary>
    private string PerCatalogPage(string page, string title, Section section, string heading, string leadHtml, Action<PageBuilder, CatalogSection> writeCatalog)
    {
        var body = PageWithLead(heading, leadHtml);
        foreach (var catalog in layout.Catalogs)
        {
            if (!layout.IsMultiCatalog)
            {
                writeCatalog(body, new CatalogSection(page, catalog, string.Empty, "h2"));
                continue;
            }

            body.Line($"<section id=\"{layout.CatalogAnchor(catalog)}\"><h2>{Html.Prose(catalog.Info.Title)}</h2>");
            writeCatalog(body, new CatalogSection(page, catalog, layout.CatalogAnchor(catalog) + "-", "h3"));
            body.Line("</section>");
        }

        return Frame(page, title, section, body.ToString());
    }

    /// <summary>A page body that starts with its heading and lead paragraph (HTML).</summary>
    private static PageBuilder PageWithLead(string title, string leadHtml)
    {
        var body = new PageBuilder();
        body.Line($"<h1>{title}</h1>");
        body.Line($"<p class=\"lead\">{leadHtml}</p>");
        return body;
    }

    /// <summary>Opens a horizontally scrollable, keyboard-focusable container for a wide table.</summary>
    private static string ScrollStart(string label) =>
        $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{Html.Encode(label)}\">";

    /// <summary>
    /// Opens a table of the site's one layout: its scroll box named <paramref name="label"/>, the
    /// table of class <paramref name="tableClass"/>, its caption (HTML) and a row of column headings,
    /// then the body that rows go into; <see cref="TableEnd"/> closes all of it.
    /// </summary>
    private static void TableStart(PageBuilder body, string label, string tableClass, string captionHtml, params Th[] headings) =>
        TableStart(body, label, tableClass, null, captionHtml, headings);

    /// <summary>As <see cref="TableStart(PageBuilder, string, string, string, Th[])"/>, with an <c>id</c> on the table when <paramref name="tableId"/> is given (scripts find it by that).</summary>
    private static void TableStart(PageBuilder body, string label, string tableClass, string? tableId, string captionHtml, IEnumerable<Th> headings)
    {
        body.Line(ScrollStart(label));
        body.Line(tableId is null ? $"<table class=\"{tableClass}\">" : $"<table class=\"{tableClass}\" id=\"{tableId}\">");
        body.Line($"<caption>{captionHtml}</caption>");
        body.Line($"<thead><tr>{string.Concat(headings.Select(h => h.Html))}</tr></thead>");
        body.Line("<tbody>");
    }

    /// <summary>Closes what <see cref="TableStart(PageBuilder, string, string, string, Th[])"/> opened (or a table opened by hand in a scroll box).</summary>
    private static void TableEnd(PageBuilder body)
    {
        body.Line("</tbody>");
        body.Line("</table>");
        body.Line("</div>");
    }

    /// <summary>A column heading: its content (HTML) and an optional class (<c>optional</c> columns hide on narrow screens, <c>num</c> ones align right).</summary>
    private readonly record struct Th(string Content, string? Class = null)
    {
        public string Html => Class is null ? $"<th scope=\"col\">{Content}</th>" : $"<th scope=\"col\" class=\"{Class}\">{Content}</th>";

        public static implicit operator Th(string content) => new(content);
    }
}
