namespace ErrorCatalog.Site;

/// <summary>
/// Where every page of the site lives. Paths are relative to the site root and use '/'.
/// With one catalog its error and platform pages sit at the root (errors/ECONNREFUSED.html);
/// with several, each catalog's pages go under a folder named by its id so names cannot collide.
/// </summary>
internal sealed class SiteLayout
{
    public const string IndexPage = "index.html";
    public const string SourcesPage = "sources.html";
    public const string PlatformsPage = "platforms.html";
    public const string ScenariosPage = "scenarios.html";
    public const string DiagnosticsIndexPage = "diagnostics/index.html";
    public const string StyleSheet = "site.css";
    public const string Script = "site.js";
    public const string SearchIndexScript = "search-index.js";

    /// <summary>The list of every other file of the site, so a later render into the same folder can remove pages that no longer exist.</summary>
    public const string FileList = "site-files.txt";

    /// <summary>True for a root-relative path of safe segments ('/'-separated, none starting with a dot), the only kind the site writes.</summary>
    public static bool IsSitePath(string path) => path.Length > 0 && path.Split('/').All(Html.IsSafeFileName);

    public SiteLayout(IReadOnlyList<CatalogModel> catalogs)
    {
        Catalogs = catalogs;
        IsMultiCatalog = catalogs.Count > 1;
    }

    public IReadOnlyList<CatalogModel> Catalogs { get; }

    public bool IsMultiCatalog { get; }

    public static string DiagnosticPage(string id) => "diagnostics/" + id + ".html";

    public string ErrorPage(CatalogModel catalog, ErrorEntry error) => Folder(catalog) + "errors/" + error.Name + ".html";

    public string PlatformPage(CatalogModel catalog, PlatformDefinition platform) => Folder(catalog) + "platforms/" + platform.Id + ".html";

    /// <summary>The anchor of a scenario on an error page (the page of its result or of its naive prediction).</summary>
    public static string ScenarioAnchorOnErrorPage(string scenarioId) => "scenario-" + Html.Anchor(scenarioId);

    /// <summary>The anchor of a scenario's row on the scenarios page.</summary>
    public string ScenarioAnchor(CatalogModel catalog, string scenarioId) =>
        (IsMultiCatalog ? CatalogAnchor(catalog) + "-" : string.Empty) + ScenarioAnchorOnErrorPage(scenarioId);

    /// <summary>The anchor of a catalog's section on the shared pages (index, sources, platforms).</summary>
    public string CatalogAnchor(CatalogModel catalog) => "catalog-" + Html.Anchor(catalog.Info.Id);

    /// <summary>A link from page <paramref name="from"/> to page <paramref name="to"/>, both root-relative.</summary>
    public static string Link(string from, string to)
    {
        var depth = 0;
        foreach (var c in from)
        {
            if (c == '/')
            {
                depth++;
            }
        }

        var prefix = string.Empty;
        for (var i = 0; i < depth; i++)
        {
            prefix += "../";
        }

        return prefix + to;
    }

    private string Folder(CatalogModel catalog) => IsMultiCatalog ? catalog.Info.Id + "/" : string.Empty;

    /// <summary>Refuses names that cannot become file names, so a page is never written outside its folder.</summary>
    public static void CheckFileNames(IReadOnlyList<CatalogModel> catalogs)
    {
        var catalogIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var catalog in catalogs)
        {
            Require(catalog.Info.Id, "catalog id");
            if (!catalogIds.Add(catalog.Info.Id))
            {
                throw new ArgumentException($"Two catalogs have the id '{catalog.Info.Id}'; each catalog of one site needs its own id.");
            }

            if (catalog.Info.Id is "errors" or "platforms" or "diagnostics")
            {
                throw new ArgumentException($"The catalog id '{catalog.Info.Id}' is reserved by the site's own folders.");
            }

            foreach (var error in catalog.Errors)
            {
                Require(error.Name, "error name");
            }

            foreach (var platform in catalog.Platforms)
            {
                Require(platform.Id, "platform id");
            }
        }
    }

    private static void Require(string name, string what)
    {
        if (!Html.IsSafeFileName(name))
        {
            throw new ArgumentException($"The {what} '{name}' cannot be used as a file name.");
        }
    }
}
