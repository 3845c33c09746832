namespace ErrorCatalog.Site;

internal sealed partial class SitePages
{
    public string Error(CatalogModel catalog, int index)
    {
        var error = catalog.Errors[index];
        var page = layout.ErrorPage(catalog, error);
        var body = new PageBuilder();
        body.Line(layout.IsMultiCatalog
            ? Breadcrumbs(page, (SiteLayout.IndexPage, "Errors"), (SiteLayout.IndexPage + "#" + layout.CatalogAnchor(catalog), Html.Prose(catalog.Info.Function)), (null, Html.Encode(error.Name)))
            : Breadcrumbs(page, (SiteLayout.IndexPage, "Errors"), (null, Html.Encode(error.Name))));
        body.Line("<article class=\"error\">");
        // The answer comes first and must fit the first screen: what it is, what to do, what it means per family.
        RenderAnswer(body, page, catalog, error);
        foreach (var paragraph in error.DetailParagraphs)
        {
            body.Line($"<p class=\"details\">{Html.Prose(paragraph)}</p>");
        }

        // Then how it happens, what .NET reports and how code names it; the provenance last.
        var scenarioSections = ScenarioSections(catalog, error);
        var contents = scenarioSections
            .Append(("names", "In C#"))
            .Append(("codes", "Codes"))
            .Concat(error.Quirks.Count > 0 ? new[] { ("quirks", "Quirks") } : [])
            .Append(("sources", "What the sources say"));
        body.Line("<nav class=\"toc\" aria-label=\"On this page\"><ul>"
            + string.Concat(contents.Select(s => $"<li><a href=\"#{s.Item1}\">{Html.Encode(s.Item2)}</a></li>"))
            + "</ul></nav>");

        RenderScenarioSections(body, page, catalog, error);
        RenderNames(body, catalog, error);
        RenderCodes(body, page, catalog, error);
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

        RenderSources(body, catalog, error);

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
        TableStart(body, "Codes per platform", "codes", $"The number of <code>{Html.Encode(error.Name)}</code> on each platform", "Platform", "Code", "Other names there", new Th("Numbers from", "optional"));
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

        TableEnd(body);
        body.Line("<p class=\"hint\"><em>absent</em>: the platform's headers do not define this name, so the platform never reports it.</p>");
        body.Line("</section>");
    }

    private void RenderSources(PageBuilder body, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<section id=\"sources\" aria-labelledby=\"sources-title\">");
        body.Line("<h2 id=\"sources-title\">What the sources say</h2>");
        TableStart(body, "Sources", "sources", $"How each cited document lists <code>{Html.Encode(error.Name)}</code>", "Source", "Listed as", "Its name", "Notes");
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

        TableEnd(body);
        body.Line("</section>");
    }

    /// <summary>
    /// The first screen of an error page: the name, what it means, what to do about it (with the
    /// classification that decides it), and what it means for each address family.
    /// </summary>
    private void RenderAnswer(PageBuilder body, string page, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<header id=\"answer\" class=\"answer\">");
        body.Line($"<h1><code>{Html.Encode(error.Name)}</code></h1>");
        var context = new List<string>();
        if (error.Aliases.Count > 0)
        {
            context.Add("also " + string.Join(", ", error.Aliases.Select(a => $"<code>{Html.Encode(a.Name)}</code>")));
        }

        var firstCode = catalog.Platforms.Select(p => (Platform: p, Code: error.CodeOn(p.Id))).FirstOrDefault(c => c.Code is not null);
        if (firstCode.Code is int code)
        {
            context.Add($"{Html.Number(code)} on <a href=\"{SiteLayout.Link(page, layout.PlatformPage(catalog, firstCode.Platform))}\">{Html.Encode(firstCode.Platform.Id)}</a> (<a href=\"#codes\">every platform</a>)");
        }

        if (context.Count > 0)
        {
            body.Line($"<p class=\"context\">{string.Join(" · ", context)}</p>");
        }

        body.Line($"<p id=\"meaning\" class=\"lead\">{Html.Prose(error.Summary)}</p>");
        body.Line("<div class=\"answer-parts\">");
        body.Line("<section id=\"what-to-do\" class=\"action\" aria-labelledby=\"what-to-do-title\">");
        body.Line("<h2 id=\"what-to-do-title\">What to do</h2>");
        body.Line($"<p>{Html.Prose(error.Action)}</p>");
        var classification = catalog.FindClassification(error.Classification);
        if (classification is not null)
        {
            body.Line($"<p class=\"hint\"><span class=\"badge badge-{Html.Anchor(classification.Id)}\">{Html.Encode(classification.Title)}</span> {Html.Prose(classification.Description)}</p>");
        }

        body.Line("</section>");
        RenderFamilies(body, catalog, error);
        body.Line("</div>");
        body.Line("</header>");
    }

    /// <summary>A compact table of what the error means for each address family, part of the first screen.</summary>
    private static void RenderFamilies(PageBuilder body, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<section id=\"families\" class=\"family-meanings\" aria-labelledby=\"families-title\">");
        body.Line("<h2 id=\"families-title\">By address family</h2>");
        TableStart(body, "Address families", "families", $"What <code>{Html.Encode(error.Name)}</code> means for each kind of socket address", "Family", "Meaning there");
        foreach (var family in catalog.Families)
        {
            var use = error.Families.FirstOrDefault(f => f.Family == family.Id);
            var name = $"{Html.Encode(family.Title)}<br><code>{Html.Encode(family.Native)}</code>";
            if (use is null)
            {
                body.Line($"<tr class=\"not-listed\"><th scope=\"row\">{name}</th><td>does not occur</td></tr>");
            }
            else
            {
                var meaning = use.Meaning is null ? "<span class=\"muted\">as summarised above</span>" : Html.Prose(use.Meaning);
                body.Line($"<tr><th scope=\"row\">{name}</th><td>{meaning}</td></tr>");
            }
        }

        TableEnd(body);
        body.Line("</section>");
    }

    private static void RenderNames(PageBuilder body, CatalogModel catalog, ErrorEntry error)
    {
        body.Line("<section id=\"names\" aria-labelledby=\"names-title\">");
        body.Line("<h2 id=\"names-title\">In C#</h2>");
        body.Line("<p>With the types the generator writes for this catalog:</p>");
        body.Line($"<pre class=\"example\" tabindex=\"0\" aria-label=\"C# example for {Html.Encode(error.Name)}\"><code>{Html.Encode(CodeExamples.For(catalog, error))}</code></pre>");
        body.Line("<dl class=\"facts\">");
        body.Line($"<dt>Symbol</dt><dd><code>{Html.Encode(error.Symbol)}</code> (stable value {Html.Number(error.Value)})</dd>");
        if (error.Group is not null)
        {
            var group = catalog.FindGroup(error.Group);
            body.Line($"<dt>Group</dt><dd>{Html.Encode(group?.Symbol ?? error.Group)}{(group is null ? string.Empty : ": " + Html.Prose(group.Summary))}</dd>");
        }

        body.Line("</dl>");
        TableStart(body, "Names in code", "names", "What the error is called in generated C#, .NET and the cited libraries", "Where", "Name");
        foreach (var (where, name) in CodeNames.For(catalog, error))
        {
            body.Line($"<tr><th scope=\"row\">{Html.Encode(where)}</th><td>{name}</td></tr>");
        }

        TableEnd(body);
        body.Line("</section>");
    }

    private string SourceAnchor(CatalogModel catalog, string sourceId) =>
        (layout.IsMultiCatalog ? layout.CatalogAnchor(catalog) + "-" : string.Empty) + "source-" + Html.Anchor(sourceId);
}
