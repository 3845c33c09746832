namespace ErrorCatalog.Site;

/// <summary>
/// The scenario parts of the site: on each error page what the real kernel does (the scenarios
/// with this result, those that blame it wrongly, kernel source, what .NET reports), and the
/// scenarios page that lists every scenario.
/// </summary>
internal sealed partial class SitePages
{
    private const string BlamedSection = "blamed";
    private const string KernelSourceSection = "kernel-source";
    private const string DotNetSection = "dotnet";

    public string Scenarios()
    {
        const string page = SiteLayout.ScenariosPage;
        var total = layout.Catalogs.Sum(c => c.Scenarios.Count);
        var body = PageWithLead("Scenarios", $"{Html.Number(total)} {(total == 1 ? "setup" : "setups")} that a real kernel replays to back the catalog's claims: what each arranges, how the error is seen, what the kernel gives, and what a document or intuition predicts instead. <code>errcat reproduce ID</code> runs one.");
        foreach (var catalog in layout.Catalogs)
        {
            var anchor = layout.CatalogAnchor(catalog) + "-scenarios";
            body.Line($"<section id=\"{anchor}\" aria-labelledby=\"{anchor}-title\">");
            body.Line(layout.IsMultiCatalog
                ? $"<h2 id=\"{anchor}-title\">{Html.Prose(catalog.Info.Title)}</h2>"
                : $"<h2 id=\"{anchor}-title\" class=\"visually-hidden\">Every scenario</h2>");
            if (catalog.Scenarios.IsEmpty)
            {
                body.Line("<p class=\"muted\">This catalog has no scenarios.</p>");
                body.Line("</section>");
                continue;
            }

            TableStart(body, "Scenarios", "scenario-list", $"Every scenario of {Html.Prose(catalog.Info.Function)}, in catalog order", "Scenario", "Setup", "Result", "Predicted instead", ".NET reports");
            foreach (var scenario in catalog.Scenarios)
            {
                var naive = scenario.Naive is null
                    ? "<span class=\"muted\">—</span>"
                    : ScenarioOutcomeLink(page, catalog, scenario.Naive, scenario.Id) + (scenario.NaiveSource is null ? string.Empty : $"<br><span class=\"hint\">{Html.Prose(scenario.NaiveSource)}</span>");
                var note = scenario.Note is null ? string.Empty : $"<br><span class=\"hint\">{Html.Prose(scenario.Note)}</span>";
                body.Line($"<tr id=\"{layout.ScenarioAnchor(catalog, scenario.Id)}\">"
                    + $"<th scope=\"row\"><code>{Html.Encode(scenario.Id)}</code><br><span class=\"hint\">{Html.Encode(scenario.Platform)}; {SocketText(catalog, scenario)}; needs {NeedsText(scenario)}</span></th>"
                    + $"<td>{Html.Prose(scenario.Setup)}<br><span class=\"hint\">Seen as {ViaText(catalog, scenario.Via)}.</span>{note}</td>"
                    + $"<td>{ScenarioOutcomeLink(page, catalog, scenario.Result, scenario.Id)}</td>"
                    + $"<td>{naive}</td>"
                    + $"<td>{DotNetPair(scenario)}</td></tr>");
            }

            TableEnd(body);
            body.Line("</section>");
        }

        return Frame(page, "Scenarios", Section.Scenarios, body.ToString());
    }

    /// <summary>The on-page sections built from scenarios and kernel evidence, in page order, for the table of contents.</summary>
    private static List<(string Anchor, string Title)> ScenarioSections(CatalogModel catalog, ErrorEntry error)
    {
        var sections = new List<(string, string)>();
        foreach (var platform in PlatformsWithScenarios(catalog, catalog.ScenariosWithResult(error.Name)))
        {
            sections.Add((HappensAnchor(platform), "How it happens on " + ShortTitle(platform)));
        }

        if (catalog.ScenariosBlaming(error.Name).Any())
        {
            sections.Add((BlamedSection, "Often blamed, but not this error"));
        }

        foreach (var notReturned in error.NotReturned)
        {
            sections.Add((NeverAnchor(notReturned.Platform), NeverTitle(catalog, notReturned.Platform)));
        }

        if (!error.KernelSources.IsEmpty)
        {
            sections.Add((KernelSourceSection, "Kernel source"));
        }

        if (HasDotNetFacts(catalog, error))
        {
            sections.Add((DotNetSection, "What .NET tells you"));
        }

        return sections;
    }

    private void RenderScenarioSections(PageBuilder body, string page, CatalogModel catalog, ErrorEntry error)
    {
        var happening = catalog.ScenariosWithResult(error.Name).ToList();
        foreach (var platform in PlatformsWithScenarios(catalog, happening))
        {
            var anchor = HappensAnchor(platform);
            body.Line($"<section id=\"{anchor}\" aria-labelledby=\"{anchor}-title\">");
            body.Line($"<h2 id=\"{anchor}-title\">How it happens on {Html.Encode(ShortTitle(platform))}</h2>");
            var mine = happening.Where(s => s.Platform == platform.Id).ToList();
            body.Line($"<p>{Html.Number(mine.Count)} {(mine.Count == 1 ? "setup gives" : "setups give")} <code>{Html.Encode(error.Name)}</code> when replayed on the real kernel.</p>");
            body.Line("<ul class=\"scenarios\">");
            foreach (var scenario in mine)
            {
                body.Line($"<li id=\"{SiteLayout.ScenarioAnchorOnErrorPage(scenario.Id)}\" class=\"scenario\">");
                body.Line(ScenarioHeading(page, catalog, scenario));
                body.Line($"<p>{Html.Prose(scenario.Setup)}</p>");
                body.Line("<dl class=\"scenario-facts\">");
                body.Line($"<dt>Socket</dt><dd>{SocketText(catalog, scenario)}</dd>");
                body.Line($"<dt>Seen as</dt><dd>{ViaText(catalog, scenario.Via)}</dd>");
                body.Line($"<dt>Needs</dt><dd>{NeedsText(scenario)}</dd>");
                if (scenario.DotNetConnect is not null || scenario.DotNetConnectAsync is not null)
                {
                    body.Line($"<dt>.NET reports</dt><dd>{DotNetPair(scenario)}</dd>");
                }

                if (scenario.Naive is not null)
                {
                    body.Line($"<dt>Predicted instead</dt><dd>{ScenarioOutcomeLink(page, catalog, scenario.Naive, scenario.Id)}{(scenario.NaiveSource is null ? string.Empty : ", by " + Html.Prose(scenario.NaiveSource))}</dd>");
                }

                body.Line("</dl>");
                if (scenario.Note is not null)
                {
                    body.Line($"<p class=\"hint\">{Html.Prose(scenario.Note)}</p>");
                }

                body.Line("</li>");
            }

            body.Line("</ul>");
            body.Line("</section>");
        }

        var blaming = catalog.ScenariosBlaming(error.Name).ToList();
        if (blaming.Count > 0)
        {
            body.Line($"<section id=\"{BlamedSection}\" aria-labelledby=\"{BlamedSection}-title\">");
            body.Line($"<h2 id=\"{BlamedSection}-title\">Often blamed, but not this error</h2>");
            body.Line($"<p>In these setups a document or intuition predicts <code>{Html.Encode(error.Name)}</code>, but the real kernel gives something else.</p>");
            body.Line("<ul class=\"scenarios\">");
            foreach (var scenario in blaming)
            {
                body.Line($"<li id=\"{SiteLayout.ScenarioAnchorOnErrorPage(scenario.Id)}\" class=\"scenario\">");
                body.Line(ScenarioHeading(page, catalog, scenario));
                body.Line($"<p>{Html.Prose(scenario.Setup)}</p>");
                body.Line($"<p>Really gives {ScenarioOutcomeLink(page, catalog, scenario.Result, scenario.Id)}, seen as {ViaText(catalog, scenario.Via)}.</p>");
                if (scenario.NaiveSource is not null)
                {
                    body.Line($"<p class=\"hint\">Predicted by: {Html.Prose(scenario.NaiveSource)}</p>");
                }

                body.Line("</li>");
            }

            body.Line("</ul>");
            body.Line("</section>");
        }

        foreach (var notReturned in error.NotReturned)
        {
            var anchor = NeverAnchor(notReturned.Platform);
            body.Line($"<section id=\"{anchor}\" aria-labelledby=\"{anchor}-title\">");
            body.Line($"<h2 id=\"{anchor}-title\">{Html.Encode(NeverTitle(catalog, notReturned.Platform))}</h2>");
            body.Line($"<p>{Html.Prose(notReturned.Why)}</p>");
            var tried = blaming.Where(s => s.Platform == notReturned.Platform).ToList();
            if (tried.Count > 0)
            {
                var links = tried.Select(s => $"<a href=\"#{SiteLayout.ScenarioAnchorOnErrorPage(s.Id)}\"><code>{Html.Encode(s.Id)}</code></a>");
                body.Line($"<p>Scenarios that tried: {string.Join(", ", links)}.</p>");
            }

            body.Line("</section>");
        }

        if (!error.KernelSources.IsEmpty)
        {
            body.Line($"<section id=\"{KernelSourceSection}\" aria-labelledby=\"{KernelSourceSection}-title\">");
            body.Line($"<h2 id=\"{KernelSourceSection}-title\">Kernel source</h2>");
            body.Line("<p>Where no scenario can provoke it here, these places in the Linux source show how it arises.</p>");
            body.Line("<ul class=\"kernel-sources\">");
            foreach (var source in error.KernelSources)
            {
                var families = source.Families.IsEmpty
                    ? string.Empty
                    : " " + string.Join(" ", source.Families.Select(f => $"<span class=\"tag\">{Html.Encode(f)}</span>"));
                body.Line($"<li><code>{Html.Encode(source.At)}</code>{families}<br>{Html.Prose(source.Says)}</li>");
            }

            body.Line("</ul>");
            body.Line("</section>");
        }

        if (HasDotNetFacts(catalog, error))
        {
            RenderDotNet(body, catalog, error, happening);
        }
    }

    /// <summary>
    /// The errno table's mapping beside what Socket.Connect and Socket.ConnectAsync really reported;
    /// a cell that differs from the mapping is marked in words, not only in colour.
    /// </summary>
    private static void RenderDotNet(PageBuilder body, CatalogModel catalog, ErrorEntry error, List<Scenario> happening)
    {
        var observed = happening.Where(s => s.DotNetConnect is not null || s.DotNetConnectAsync is not null).ToList();
        body.Line($"<section id=\"{DotNetSection}\" aria-labelledby=\"{DotNetSection}-title\">");
        body.Line($"<h2 id=\"{DotNetSection}-title\">What .NET tells you</h2>");
        var mapping = $"what .NET's own table from native error codes to <code>SocketError</code> maps <code>{Html.Encode(error.Name)}</code> to (the catalog's <code>dotnet</code> field)";
        body.Line(observed.Count == 0
            ? $"<p>The row below is {mapping}. No scenario that gives <code>{Html.Encode(error.Name)}</code> recorded what <code>Socket.Connect</code> and <code>Socket.ConnectAsync</code> report.</p>"
            : $"<p>The first row is {mapping}. The other rows are what <code>Socket.Connect</code> and <code>Socket.ConnectAsync</code> really reported when each scenario ran; a value that differs from the table is marked.</p>");
        TableStart(body, ".NET SocketError", "dotnet", $"The <code>SocketError</code> .NET gives for <code>{Html.Encode(error.Name)}</code>", "Where", "<code>Socket.Connect</code>", "<code>Socket.ConnectAsync</code>");
        var mapped = error.DotNet is null
            ? $"{SocketErrorCode(error.DotNetTableMember)} <span class=\"hint\">(no member of its own: the table's fallback)</span>"
            : SocketErrorCode(error.DotNet);
        body.Line($"<tr class=\"errno-table\"><th scope=\"row\">.NET's errno table</th><td colspan=\"2\">{mapped}</td></tr>");
        foreach (var scenario in observed)
        {
            body.Line($"<tr><th scope=\"row\"><a href=\"#{SiteLayout.ScenarioAnchorOnErrorPage(scenario.Id)}\"><code>{Html.Encode(scenario.Id)}</code></a></th>"
                + DotNetCell(error, scenario.DotNetConnect) + DotNetCell(error, scenario.DotNetConnectAsync) + "</tr>");
        }

        TableEnd(body);
        body.Line("</section>");
    }

    private static string DotNetCell(ErrorEntry error, string? reported)
    {
        if (reported is null)
        {
            return "<td><span class=\"muted\">not recorded</span></td>";
        }

        return reported == error.DotNetTableMember
            ? $"<td>{SocketErrorCode(reported)}</td>"
            : $"<td class=\"differs\">{SocketErrorCode(reported)} <strong>(differs from the errno table)</strong></td>";
    }

    private static bool HasDotNetFacts(CatalogModel catalog, ErrorEntry error) =>
        error.DotNet is not null
        || catalog.ScenariosWithResult(error.Name).Any(s => s.DotNetConnect is not null || s.DotNetConnectAsync is not null);

    /// <summary>Links for the scenarios a quirk names: on this page when the scenario is shown here, else on the scenarios page.</summary>
    private string QuirkScenarioLinks(string page, CatalogModel catalog, ErrorEntry error, Quirk quirk)
    {
        if (quirk.Scenarios.IsEmpty)
        {
            return string.Empty;
        }

        var links = new List<string>();
        foreach (var id in quirk.Scenarios)
        {
            var scenario = catalog.FindScenario(id);
            var shownHere = scenario is not null && (scenario.Result == error.Name || scenario.Naive == error.Name);
            var href = shownHere
                ? "#" + SiteLayout.ScenarioAnchorOnErrorPage(id)
                : SiteLayout.Link(page, SiteLayout.ScenariosPage) + "#" + layout.ScenarioAnchor(catalog, id);
            links.Add($"<a href=\"{href}\"><code>{Html.Encode(id)}</code></a>");
        }

        return $"<br><span class=\"evidence\">Shown by {(links.Count == 1 ? "scenario" : "scenarios")} {string.Join(", ", links)}</span>";
    }

    /// <summary>The scenario's id, linked to its row on the scenarios page.</summary>
    private string ScenarioHeading(string page, CatalogModel catalog, Scenario scenario) =>
        $"<p class=\"scenario-id\"><a href=\"{SiteLayout.Link(page, SiteLayout.ScenariosPage)}#{layout.ScenarioAnchor(catalog, scenario.Id)}\"><code>{Html.Encode(scenario.Id)}</code></a></p>";

    /// <summary>A result or prediction: an entry's name linked to where the scenario appears on that entry's page, or the plain word for success.</summary>
    private string ScenarioOutcomeLink(string page, CatalogModel catalog, string outcome, string scenarioId)
    {
        var error = outcome == ScenarioVocabulary.Success ? null : catalog.FindError(outcome);
        if (error is null)
        {
            return $"<span class=\"success\">{Html.Encode(outcome)}</span>";
        }

        return $"<a href=\"{SiteLayout.Link(page, layout.ErrorPage(catalog, error))}#{SiteLayout.ScenarioAnchorOnErrorPage(scenarioId)}\"><code>{Html.Encode(error.Name)}</code></a>";
    }

    private static string SocketText(CatalogModel catalog, Scenario scenario)
    {
        var family = catalog.FindFamily(scenario.Family);
        var familyText = family is null ? $"<code>{Html.Encode(scenario.Family)}</code>" : $"{Html.Encode(family.Title)} <code>{Html.Encode(family.Native)}</code>";
        return $"{familyText}, <code>{Html.Encode(scenario.Socket)}</code>";
    }

    /// <summary>How the error is observed, in words, naming the catalog's own call.</summary>
    private static string ViaText(CatalogModel catalog, string via)
    {
        var call = $"<code>{Html.Encode(catalog.Info.Function)}</code>";
        return via switch
        {
            ScenarioVocabulary.ViaConnect or ScenarioVocabulary.ViaSocket => $"the return of {call}",
            ScenarioVocabulary.ViaSoError => $"<code>SO_ERROR</code> after a non-blocking {call} and a poll for writability",
            ScenarioVocabulary.ViaSecondConnect => $"a second {call} on the same socket",
            _ => $"<code>{Html.Encode(via)}</code>",
        };
    }

    private static string NeedsText(Scenario scenario) =>
        scenario.NeedsNothing
            ? "nothing: any user can run it"
            : string.Join(", ", scenario.Needs.Select(n => $"<code>{Html.Encode(n)}</code>"));

    private static string DotNetPair(Scenario scenario)
    {
        if (scenario.DotNetSocket is not null)
        {
            return $"<code>new Socket</code>: {SocketErrorCode(scenario.DotNetSocket)}";
        }

        if (scenario.DotNetConnect is null && scenario.DotNetConnectAsync is null)
        {
            return "<span class=\"muted\">not recorded</span>";
        }

        string Part(string? value) => value is null ? "<span class=\"muted\">not recorded</span>" : SocketErrorCode(value);
        return $"<code>Connect</code>: {Part(scenario.DotNetConnect)}<br><code>ConnectAsync</code>: {Part(scenario.DotNetConnectAsync)}";
    }

    private static string SocketErrorCode(string member) => $"<code>SocketError.{Html.Encode(member)}</code>";

    /// <summary>The catalog's platforms that have at least one of <paramref name="scenarios"/>, in platform order.</summary>
    private static IEnumerable<PlatformDefinition> PlatformsWithScenarios(CatalogModel catalog, IEnumerable<Scenario> scenarios)
    {
        var ids = new HashSet<string>(scenarios.Select(s => s.Platform));
        return catalog.Platforms.Where(p => ids.Contains(p.Id));
    }

    /// <summary>
    /// A platform's name for headings: its title up to the first parenthesis, so
    /// "Linux (asm-generic errno: ...)" reads "Linux".
    /// </summary>
    private static string ShortTitle(PlatformDefinition platform)
    {
        var parenthesis = platform.Title.IndexOf('(');
        var text = parenthesis > 0 ? platform.Title.Substring(0, parenthesis).Trim() : platform.Title;
        return text.Length == 0 ? platform.Id : text;
    }

    private static string NeverTitle(CatalogModel catalog, string platformId) =>
        (catalog.FindPlatform(platformId) is { } platform ? ShortTitle(platform) : platformId) + " never returns it";

    private static string HappensAnchor(PlatformDefinition platform) => "happens-" + Html.Anchor(platform.Id);

    private static string NeverAnchor(string platformId) => "never-" + Html.Anchor(platformId);
}
