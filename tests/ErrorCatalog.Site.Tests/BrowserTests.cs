using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Model;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site.Tests;

/// <summary>
/// Opens the generated site from disk in headless Chromium and checks what a reader sees.
/// Screenshots go to $ARTIFACTS_DIR/site-e2e, or TestResults/site-e2e in the repository.
/// </summary>
public sealed class BrowserTests
{
    /// <summary>The first screen of a laptop: the answer on every error page must fit in it.</summary>
    private const int ScreenWidth = 1280;
    private const int ScreenHeight = 800;
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private const string OverflowScript = "document.scrollingElement.scrollWidth - window.innerWidth";

    private readonly ITestOutputHelper output;

    public BrowserTests(ITestOutputHelper output) => this.output = output;

    private static CatalogModel[] TwoCatalogs => new[] { RepositoryFiles.ConnectCatalog, RepositoryFiles.BindCatalog };

    [SkippableFact]
    public async Task FilterNarrowsTheIndexAndTheErrorPageShowsItsCodes()
    {
        ChromiumSession.RequireChromium();
        var catalog = RepositoryFiles.ConnectCatalog;
        using var site = new TempDirectory("errcat-site-e2e");
        SiteGenerator.Write(site.Path, new[] { catalog }, CatalogDiagnosticDescriptors.WithGenerator);
        var artifacts = RepositoryFiles.ArtifactsDirectory("site-e2e");
        await using var browser = await ChromiumSession.StartAsync(ScreenWidth, 900);
        var page = browser.Page;
        await page.GotoAsync(ChromiumSession.Url(site.Path, "index.html"));

        var rows = page.Locator("table.error-list tbody tr");
        var visibleRows = page.Locator("table.error-list tbody tr:visible");
        Assert.Equal(catalog.Errors.Count, await rows.CountAsync());
        Assert.Equal(catalog.Errors.Count, await visibleRows.CountAsync());

        // Type as a reader would; the list narrows on every keystroke.
        await page.Locator("#filter").PressSequentiallyAsync("refused");
        await Assertions.Expect(page.Locator("#filter-status")).ToContainTextAsync("match");
        var shown = await visibleRows.CountAsync();
        var expected = catalog.Errors.Count(e => SearchableText(catalog, e).Contains("refused", StringComparison.Ordinal));
        Assert.Equal(expected, shown);
        Assert.InRange(shown, 1, catalog.Errors.Count - 1);
        Assert.True(await page.Locator("table.error-list tbody tr:visible a", new() { HasText = "ECONNREFUSED" }).IsVisibleAsync());
        Assert.Contains($"{shown} of {catalog.Errors.Count}", await page.Locator("#filter-status").InnerTextAsync(), StringComparison.Ordinal);
        var indexShot = Path.Combine(artifacts, "index-filtered.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = indexShot, FullPage = false });

        // A number matches any platform's code: 10061 is ECONNREFUSED on Windows only.
        await page.Locator("#filter").FillAsync("10061");
        await Assertions.Expect(visibleRows).ToHaveCountAsync(catalog.Errors.Count(e => catalog.Platforms.Any(p => e.NamesOn(p.Id).Any(n => n.Code == 10061))));
        await Assertions.Expect(page.Locator("table.error-list tbody tr:visible a", new() { HasText = "ECONNREFUSED" })).ToBeVisibleAsync();

        await page.Locator("#filter").FillAsync("refused");
        await page.Locator("table.error-list tbody tr:visible a", new() { HasText = "ECONNREFUSED" }).First.ClickAsync();
        await page.WaitForURLAsync("**/errors/ECONNREFUSED.html");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ECONNREFUSED");

        // What a reader sees in the Codes table: the row of each platform and the number in it.
        var linuxRow = page.Locator("#codes tbody tr").Filter(new() { Has = page.Locator("td.code[data-platform='linux']") });
        var windowsRow = page.Locator("#codes tbody tr").Filter(new() { Has = page.Locator("td.code[data-platform='windows']") });
        Assert.Contains("linux", await linuxRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("111", (await linuxRow.Locator("td.code").InnerTextAsync()).Trim());
        Assert.Equal("10061", (await windowsRow.Locator("td.code").InnerTextAsync()).Trim());
        var errorShot = Path.Combine(artifacts, "error-ECONNREFUSED.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = errorShot, FullPage = true });

        await page.GotoAsync(ChromiumSession.Url(site.Path, "sources.html"));
        await page.Locator("input.only-differences").CheckAsync();
        var differing = await page.Locator("#matrix tbody tr:visible").CountAsync();
        Assert.Equal(await page.Locator("#matrix tbody tr.differs").CountAsync(), differing);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "sources-differences.png") });

        // From a scenario on ECONNREFUSED's page to its row on the scenarios page, and back through its result link.
        var scenario = catalog.ScenariosWithResult("ECONNREFUSED").FirstOrDefault();
        Assert.NotNull(scenario);
        await page.GotoAsync(ChromiumSession.Url(site.Path, "errors/ECONNREFUSED.html"));
        await page.Locator($"#happens-linux li#scenario-{scenario!.Id} .scenario-id a").ClickAsync();
        await page.WaitForURLAsync($"**/scenarios.html#scenario-{scenario.Id}");
        var scenarioRow = page.Locator($"tr#scenario-{scenario.Id}");
        await Assertions.Expect(scenarioRow).ToBeVisibleAsync();
        Assert.Contains(scenario.Id, await scenarioRow.InnerTextAsync(), StringComparison.Ordinal);
        var scenariosShot = Path.Combine(artifacts, "scenarios.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = scenariosShot, FullPage = false });
        await scenarioRow.Locator("a", new() { HasText = "ECONNREFUSED" }).ClickAsync();
        await page.WaitForURLAsync($"**/errors/ECONNREFUSED.html#scenario-{scenario.Id}");
        await Assertions.Expect(page.Locator($"li#scenario-{scenario.Id}")).ToBeVisibleAsync();
        var happensShot = Path.Combine(artifacts, "error-ECONNREFUSED-scenario.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = happensShot, FullPage = false });
        output.WriteLine($"Screenshots: {indexShot}, {errorShot}, {scenariosShot}, {happensShot}");
    }

    [SkippableFact]
    public async Task EveryErrorPageAnswersOnTheFirstScreenAndFitsAPhone()
    {
        ChromiumSession.RequireChromium();
        var catalogs = RepositoryFiles.SiteCatalogs;
        using var site = new TempDirectory("errcat-site-answer");
        SiteGenerator.Write(site.Path, catalogs, CatalogDiagnosticDescriptors.WithGenerator);
        await using var browser = await ChromiumSession.StartAsync(ScreenWidth, ScreenHeight);
        var page = browser.Page;

        // The parts of the answer, each of which must end above the fold.
        var parts = new[] { "h1", "#meaning", "#what-to-do", "#families" };
        var lowest = new Dictionary<string, (double Bottom, string Page)>();
        var pages = catalogs.SelectMany(c => c.Errors.Select(e => (Catalog: c, Error: e))).ToList();
        foreach (var (catalog, error) in pages)
        {
            var path = $"{catalog.Info.Id}/errors/{error.Name}.html";
            await page.GotoAsync(ChromiumSession.Url(site.Path, path));
            Assert.Equal(error.Name, (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.Contains(Squeeze(Plain(error.Summary)), Squeeze(await page.Locator("#meaning").InnerTextAsync()), StringComparison.Ordinal);
            Assert.Contains(Squeeze(Plain(error.Action)), Squeeze(await page.Locator("#what-to-do").InnerTextAsync()), StringComparison.Ordinal);
            var families = Squeeze(await page.Locator("#families").InnerTextAsync());
            foreach (var use in error.Families.Where(f => f.Meaning is not null))
            {
                Assert.Contains(Squeeze(Plain(use.Meaning!)), families, StringComparison.Ordinal);
            }

            foreach (var part in parts)
            {
                var bottom = await page.EvaluateAsync<double>($"document.querySelector('{part}').getBoundingClientRect().bottom");
                Assert.True(bottom <= ScreenHeight, $"{path}: {part} ends at {bottom:F0}px, below the first {ScreenWidth}x{ScreenHeight} screen");
                if (!lowest.TryGetValue(part, out var previous) || bottom > previous.Bottom)
                {
                    lowest[part] = (bottom, path);
                }
            }
        }

        foreach (var (part, (bottom, path)) in lowest)
        {
            output.WriteLine($"{part}: lowest bottom {bottom:F0}px at {ScreenWidth}x{ScreenHeight} ({path})");
        }

        // Scenario sections hold long setups, ids and SocketError names: no error page may grow wider than a phone.
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        foreach (var (catalog, error) in pages)
        {
            var path = $"{catalog.Info.Id}/errors/{error.Name}.html";
            await page.GotoAsync(ChromiumSession.Url(site.Path, path));
            var overflow = await page.EvaluateAsync<int>(OverflowScript);
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a {PhoneWidth}px phone screen");
        }

        output.WriteLine($"{pages.Count} error pages of {catalogs.Length} catalogs checked");
    }

    [SkippableFact]
    public async Task HeaderSearchFindsAnErrorByNumberWordNameAndGeneratedName()
    {
        ChromiumSession.RequireChromium();
        var connect = RepositoryFiles.ConnectCatalog;
        var bind = RepositoryFiles.BindCatalog;
        using var site = new TempDirectory("errcat-site-search");
        SiteGenerator.Write(site.Path, TwoCatalogs, CatalogDiagnosticDescriptors.WithGenerator);
        var artifacts = RepositoryFiles.ArtifactsDirectory("site-e2e");
        await using var browser = await ChromiumSession.StartAsync(ScreenWidth, ScreenHeight);
        var page = browser.Page;
        await page.GotoAsync(ChromiumSession.Url(site.Path, "connect/errors/EPERM.html"));

        var refused = connect.FindError("ECONNREFUSED")!;
        var results = page.Locator("#site-search-results li a");
        var box = page.Locator("#site-search");
        foreach (var query in new[] { "10061", "refused", "ECONNREFUSED", GeneratedNames.ExceptionType(connect, refused), GeneratedNames.ErrorMember(connect, refused) })
        {
            await box.FillAsync(query);
            await Assertions.Expect(results.First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/connect/errors/ECONNREFUSED\\.html$"));
            Assert.Contains("ECONNREFUSED", await results.First.Locator(".result-name").InnerTextAsync(), StringComparison.Ordinal);
            if (query == "10061")
            {
                Assert.Contains("10061 on windows", await results.First.InnerTextAsync(), StringComparison.Ordinal);
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "search-10061.png") });
            }
        }

        // A generated name of the second catalog leads to that catalog's page.
        var bound = bind.Errors.First(e => connect.FindError(e.Name) is null);
        await box.FillAsync(GeneratedNames.ExceptionType(bind, bound));
        await Assertions.Expect(results.First.Locator(".result-catalog")).ToHaveTextAsync(bind.Info.Function);
        await results.First.ClickAsync();
        await page.WaitForURLAsync($"**/bind/errors/{bound.Name}.html");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(bound.Name);

        // Enter submits the form: the index opens with the words in its filter, which narrows the list.
        await page.Locator("#site-search").FillAsync("refused");
        await page.Locator("#site-search").PressAsync("Enter");
        await page.WaitForURLAsync("**/index.html?q=refused");
        Assert.Equal("refused", await page.Locator("#filter").InputValueAsync());
        await Assertions.Expect(page.Locator("table.error-list tbody tr:visible a", new() { HasText = "ECONNREFUSED" })).ToBeVisibleAsync();
        Assert.True(await page.Locator("table.error-list tbody tr:visible").CountAsync() < TwoCatalogs.Sum(c => c.Errors.Count));
    }

    [SkippableFact]
    public async Task PagesFitPhoneAndLaptopInLightAndDarkSchemes()
    {
        ChromiumSession.RequireChromium();
        using var site = new TempDirectory("errcat-site-schemes");
        SiteGenerator.Write(site.Path, RepositoryFiles.SiteCatalogs, CatalogDiagnosticDescriptors.WithGenerator);
        var artifacts = RepositoryFiles.ArtifactsDirectory("site-e2e");
        await using var browser = await ChromiumSession.StartAsync(ScreenWidth, ScreenHeight);
        var page = browser.Page;
        var pages = new[] { "index.html", "connect/errors/ECONNREFUSED.html", "connect/errors/EACCES.html", "bind/errors/EADDRINUSE.html", "sources.html", "scenarios.html" };
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            foreach (var width in new[] { ScreenWidth, PhoneWidth })
            {
                await page.SetViewportSizeAsync(width, width == PhoneWidth ? PhoneHeight : ScreenHeight);
                foreach (var path in pages)
                {
                    await page.GotoAsync(ChromiumSession.Url(site.Path, path));
                    var where = $"{path} at {width}px, {scheme} scheme";
                    var overflow = await page.EvaluateAsync<int>(OverflowScript);
                    Assert.True(overflow <= 0, $"{where}: the page is {overflow}px wider than the window");

                    var colours = await page.EvaluateAsync<double[]>(ColourScript);
                    var (background, text, link) = (colours[0], colours[1], colours[2]);
                    if (scheme == ColorScheme.Dark)
                    {
                        Assert.True(background < 0.05, $"{where}: the background's luminance is {background:F3}, not dark");
                    }
                    else
                    {
                        Assert.True(background > 0.9, $"{where}: the background's luminance is {background:F3}, not light");
                    }

                    Assert.True(text >= 7, $"{where}: body text has a contrast of {text:F1}:1 against the background");
                    Assert.True(link >= 4.5, $"{where}: links have a contrast of {link:F1}:1 against the background");
                    var name = path.Replace('/', '-').Replace(".html", string.Empty, StringComparison.Ordinal);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png") });
                }
            }
        }

        output.WriteLine($"{pages.Length} pages x 2 widths x 2 schemes; screenshots in {artifacts}");
    }

    /// <summary>
    /// [luminance of the body's background, contrast of body text, contrast of the first link in
    /// main] from computed styles, with the WCAG formulas.
    /// </summary>
    private const string ColourScript = """
        (() => {
          const rgb = text => text.match(/[0-9.]+/g).slice(0, 3).map(Number);
          const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
          const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
          const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const body = getComputedStyle(document.body);
          const background = rgb(body.backgroundColor);
          const link = document.querySelector('main a');
          return [luminance(background), contrast(rgb(body.color), background), contrast(rgb(getComputedStyle(link).color), background)];
        })()
        """;

    /// <summary>What the site's search matches a word against, for the words this test types (no numbers).</summary>
    private static string SearchableText(CatalogModel catalog, ErrorEntry error) =>
        string.Join(
            " ",
            new[] { error.Name, error.Symbol, error.Summary, error.Details, error.Action, catalog.FindClassification(error.Classification)?.Title }
                .Concat(error.Aliases.Select(a => a.Name))
                .Concat(error.Families.Select(f => f.Meaning))
                .Concat(catalog.Sources.SelectMany(s => error.ListingBy(s.Id) is { } listing ? listing.Attributions.Select(a => s.NameOf(error, a)) : new[] { s.NameOf(error, null) }))
                .Concat(new[] { GeneratedNames.ErrorMember(catalog, error), GeneratedNames.ExceptionType(catalog, error), error.DotNet is null ? null : "SocketError." + error.DotNet }))
            .ToLowerInvariant();

    /// <summary>Catalog prose as a browser shows it: backtick markup gone.</summary>
    private static string Plain(string text) => text.Replace("`", string.Empty, StringComparison.Ordinal);

    private static string Squeeze(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
