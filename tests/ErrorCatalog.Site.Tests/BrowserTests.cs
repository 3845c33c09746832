using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ErrorCatalog.Catalog.Diagnostics;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace ErrorCatalog.Site.Tests;

/// <summary>
/// Opens the generated site from disk in headless Chromium (Debian's /usr/bin/chromium, driven
/// by Playwright) and checks what a reader sees. Screenshots go to $ARTIFACTS_DIR/site-e2e, or
/// TestResults/site-e2e in the repository.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string[] ChromiumArguments =
    {
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    };

    private readonly ITestOutputHelper output;

    public BrowserTests(ITestOutputHelper output) => this.output = output;

    private static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [SkippableFact]
    public async Task FilterNarrowsTheIndexAndTheErrorPageShowsItsCodes()
    {
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(ChromiumPath))
        {
            Assert.False(onCi, $"Chromium is required on CI but {ChromiumPath} does not exist (install the Debian package 'chromium').");
            Skip.If(true, $"Chromium is not installed at {ChromiumPath}; install the Debian package 'chromium' (or set CHROMIUM_PATH) to run the browser test.");
        }

        var catalog = RepositoryFiles.ConnectCatalog;
        using var site = new TempDirectory("errcat-site-e2e");
        using var profile = new TempDirectory("errcat-chromium-profile");
        SiteGenerator.Write(site.Path, new[] { catalog }, CatalogDiagnosticDescriptors.WithGenerator);
        var artifacts = RepositoryFiles.ArtifactsDirectory("site-e2e");

        using var playwright = await Playwright.CreateAsync();
        await using var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Offline = true,
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var indexUrl = new Uri(Path.Combine(site.Path, "index.html")).AbsoluteUri;
        await page.GotoAsync(indexUrl);

        var rows = page.Locator("table.error-list tbody tr");
        var visibleRows = page.Locator("table.error-list tbody tr:visible");
        Assert.Equal(catalog.Errors.Count, await rows.CountAsync());
        Assert.Equal(catalog.Errors.Count, await visibleRows.CountAsync());

        // Type as a reader would; the list narrows on every keystroke.
        await page.Locator("#filter").PressSequentiallyAsync("refused");
        await Assertions.Expect(page.Locator("#filter-status")).ToContainTextAsync("match");
        var shown = await visibleRows.CountAsync();
        var expected = catalog.Errors.Count(e => SearchText(catalog, e).Contains("refused", StringComparison.Ordinal));
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
        Assert.True(await linuxRow.Locator("td.code").IsVisibleAsync());
        Assert.True(await windowsRow.Locator("td.code").IsVisibleAsync());
        var errorShot = Path.Combine(artifacts, "error-ECONNREFUSED.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = errorShot, FullPage = true });

        // On a phone the page itself must not scroll sideways; wide tables scroll inside their own box.
        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the error page is {overflow}px wider than a 390px phone screen");
        var phoneShot = Path.Combine(artifacts, "error-ECONNREFUSED-phone.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = phoneShot, FullPage = true });

        await page.GotoAsync(new Uri(Path.Combine(site.Path, "sources.html")).AbsoluteUri);
        var matrixOverflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(matrixOverflow <= 0, $"the sources page is {matrixOverflow}px wider than a 390px phone screen");
        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("input.only-differences").CheckAsync();
        var differing = await page.Locator("#matrix tbody tr:visible").CountAsync();
        Assert.Equal(await page.Locator("#matrix tbody tr.differs").CountAsync(), differing);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "sources-differences.png") });

        // From a scenario on ECONNREFUSED's page to its row on the scenarios page, and back through its result link.
        var scenario = catalog.ScenariosWithResult("ECONNREFUSED").FirstOrDefault();
        Assert.NotNull(scenario);
        await page.GotoAsync(new Uri(Path.Combine(site.Path, "errors", "ECONNREFUSED.html")).AbsoluteUri);
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

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(Path.Combine(site.Path, "scenarios.html")).AbsoluteUri);
        var scenariosOverflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(scenariosOverflow <= 0, $"the scenarios page is {scenariosOverflow}px wider than a 390px phone screen");

        // Scenario sections hold long setups, ids and SocketError names: no error page may grow wider than the phone.
        foreach (var error in catalog.Errors)
        {
            await page.GotoAsync(new Uri(Path.Combine(site.Path, "errors", error.Name + ".html")).AbsoluteUri);
            var errorOverflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(errorOverflow <= 0, $"errors/{error.Name}.html is {errorOverflow}px wider than a 390px phone screen");
        }

        output.WriteLine($"Screenshots: {indexShot}, {errorShot}, {phoneShot}, {scenariosShot}, {happensShot}");
    }

    /// <summary>What the index's filter searches, as the site writes it into data-search.</summary>
    private static string SearchText(ErrorCatalog.Catalog.Model.Catalog catalog, ErrorCatalog.Catalog.Model.ErrorEntry error) =>
        string.Join(
            " ",
            new[] { error.Name, error.Symbol, error.Summary, error.DotNet ?? string.Empty, catalog.FindClassification(error.Classification)?.Title ?? error.Classification }
                .Concat(error.Aliases.Select(a => a.Name)))
            .ToLowerInvariant();
}
