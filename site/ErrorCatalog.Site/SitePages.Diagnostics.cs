using ErrorCatalog.Catalog.Diagnostics;

namespace ErrorCatalog.Site;

internal sealed partial class SitePages
{
    public string DiagnosticsIndex()
    {
        const string page = SiteLayout.DiagnosticsIndexPage;
        var body = PageWithLead("Catalog diagnostics", "The catalog loader checks every catalog file before anything is generated from it. <code>errcat validate</code> and the source generator report problems with these ids, in the form <code>file(line,col): error ECAT004: message</code>. Ids from ECAT101 on come from the source generator alone: they concern how a project uses a catalog rather than the catalog itself.");
        TableStart(body, "Diagnostics", "diagnostic-list", "Every diagnostic id", "Id", "Problem");
        foreach (var descriptor in diagnostics)
        {
            body.Line($"<tr><th scope=\"row\"><a href=\"{SiteLayout.Link(page, SiteLayout.DiagnosticPage(descriptor.Id))}\">{Html.Encode(descriptor.Id)}</a></th><td>{Html.Prose(descriptor.Title)}</td></tr>");
        }

        TableEnd(body);
        return Frame(page, "Diagnostics", Section.Diagnostics, body.ToString());
    }

    public string Diagnostic(int index)
    {
        var descriptor = diagnostics[index];
        var page = SiteLayout.DiagnosticPage(descriptor.Id);
        var body = new PageBuilder();
        body.Line(Breadcrumbs(page, (SiteLayout.DiagnosticsIndexPage, "Diagnostics"), (null, Html.Encode(descriptor.Id))));
        body.Line("<article class=\"diagnostic\">");
        body.Line($"<h1><code>{Html.Encode(descriptor.Id)}</code>: {Html.Prose(descriptor.Title)}</h1>");
        body.Line("<h2 id=\"cause\">What it means</h2>");
        body.Line($"<p>{Html.Prose(descriptor.Explanation)}</p>");
        body.Line("<h2 id=\"fix\">How to fix it</h2>");
        body.Line($"<p>{Html.Prose(descriptor.Fix)}</p>");
        body.Line("<h2 id=\"check\">Checking a fix</h2>");
        body.Line($"<p>Run <code>errcat validate path/to/catalog.yaml</code>: it prints each problem as <code>file(line,col): error {Html.Encode(descriptor.Id)}: …</code> and exits with status 0 once the file is clean.</p>");
        body.Line("<nav class=\"pager\" aria-label=\"Neighbouring diagnostics\"><ul>");
        if (index > 0)
        {
            var previous = diagnostics[index - 1];
            body.Line($"<li><a rel=\"prev\" href=\"{SiteLayout.Link(page, SiteLayout.DiagnosticPage(previous.Id))}\">← {Html.Encode(previous.Id)}</a></li>");
        }

        if (index + 1 < diagnostics.Count)
        {
            var next = diagnostics[index + 1];
            body.Line($"<li class=\"next\"><a rel=\"next\" href=\"{SiteLayout.Link(page, SiteLayout.DiagnosticPage(next.Id))}\">{Html.Encode(next.Id)} →</a></li>");
        }

        body.Line("</ul></nav>");
        body.Line("</article>");
        return Frame(page, descriptor.Id + ": " + descriptor.Title, Section.Diagnostics, body.ToString());
    }
}
