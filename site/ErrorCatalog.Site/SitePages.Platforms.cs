namespace ErrorCatalog.Site;

internal sealed partial class SitePages
{
    private void WritePlatformLists(PageBuilder body, CatalogSection section)
    {
        body.Line($"<{section.Level} id=\"{section.Prefix}list\">Platform list</{section.Level}>");
        TableStart(body, "Platforms", "platform-list", "Platforms whose numbers the catalog records", "Platform", "Kind", "Errors defined", "Numbers from");
        foreach (var platform in section.Catalog.Platforms)
        {
            var defined = section.Catalog.Errors.Count(e => e.NamesOn(platform.Id).Any());
            body.Line($"<tr><th scope=\"row\"><a href=\"{SiteLayout.Link(section.Page, layout.PlatformPage(section.Catalog, platform))}\">{Html.Encode(platform.Title)}</a> <span class=\"id\">{Html.Encode(platform.Id)}</span></th><td>{KindText(platform.Kind)}</td><td>{Html.Number(defined)} of {Html.Number(section.Catalog.Errors.Count)}</td><td>{Html.Prose(platform.Reference)}</td></tr>");
        }

        TableEnd(body);

        body.Line($"<{section.Level} id=\"{section.Prefix}all-codes\">Every code on every platform</{section.Level}>");
        var platformHeadings = section.Catalog.Platforms.Select(platform => (Th)$"<abbr title=\"{Html.Encode(platform.Title)}\">{Html.Encode(platform.Id)}</abbr>");
        TableStart(body, "Codes on every platform", "matrix code-matrix", null, "Canonical numbers; a dash means the platform does not define the name", platformHeadings.Prepend("Error"));
        foreach (var error in section.Catalog.Errors)
        {
            body.Append($"<tr><th scope=\"row\"><a href=\"{SiteLayout.Link(section.Page, layout.ErrorPage(section.Catalog, error))}\">{Html.Encode(error.Name)}</a></th>");
            foreach (var platform in section.Catalog.Platforms)
            {
                var code = error.CodeOn(platform.Id);
                body.Append(code is int c
                    ? $"<td class=\"num\">{Html.Number(c)}</td>"
                    : "<td class=\"missing\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">absent</span></td>");
            }

            body.Line("</tr>");
        }

        TableEnd(body);
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
        body.Line($"<dt>Detected on</dt><dd>{RunsOnText(catalog, platform)}</dd>");
        body.Line($"<dt>Generated name</dt><dd><code>{Html.Encode(catalog.Info.Prefix)}Platform.{Html.Encode(platform.Symbol)}</code>, codes in <code>{Html.Encode(catalog.Info.Prefix)}{Html.Encode(platform.Symbol)}Code</code></dd>");
        body.Line("</dl>");

        var rows = catalog.Errors
            .SelectMany(e => e.NamesOn(platform.Id).Select(n => (Error: e, Name: platform.NativeName(n.Name), n.Code)))
            .OrderBy(r => r.Code)
            .ThenBy(r => r.Name, System.StringComparer.Ordinal)
            .ToList();
        body.Line("<h2 id=\"codes\">Codes by number</h2>");
        TableStart(body, "Codes by number", "platform-codes", $"Every name {Html.Encode(platform.Title)} defines for {Html.Prose(catalog.Info.Function)}, by number", new Th("Code", "num"), "Name", "Error", "Summary");
        foreach (var (error, name, code) in rows)
        {
            var errorLink = $"<a href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, error))}\">{Html.Encode(error.Name)}</a>";
            body.Line($"<tr id=\"code-{Html.Number(code)}-{Html.Anchor(name)}\"><td class=\"num\">{Html.Number(code)}</td><th scope=\"row\"><code>{Html.Encode(name)}</code></th><td>{errorLink}</td><td>{Html.Prose(error.Summary)}</td></tr>");
        }

        TableEnd(body);

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

    // The catalog's runs-on data, in words: where generated CurrentPlatform picks this column.
    private static string RunsOnText(CatalogModel catalog, PlatformDefinition platform)
    {
        var currentPlatform = $"<code>{Html.Encode(GeneratedNames.Mappings(catalog.Info.Prefix))}.CurrentPlatform</code>";
        if (platform.RunsOn is not { } runsOn)
        {
            return $"Not named by the catalog (no <code>runs-on</code>), so {currentPlatform} never returns this platform.";
        }

        var systems = string.Join(", ", runsOn.OperatingSystems.Select(os => $"<code>{Html.Encode(os)}</code>"));
        var processors = runsOn.Architectures.IsEmpty
            ? "any processor"
            : string.Join(", ", runsOn.Architectures.Select(arch => $"<code>{Html.Encode(arch)}</code>"));
        return $"{currentPlatform} returns this platform on {systems}, with {processors}.";
    }
}
