using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace ErrorCatalog.Site.Tests;

/// <summary>
/// Headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) driven by Playwright, offline,
/// with its own profile. Without Chromium a test is skipped, except on CI (CI=true), where it fails.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
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

    private readonly IPlaywright playwright;
    private readonly TempDirectory profile;

    private ChromiumSession(IPlaywright playwright, TempDirectory profile, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.profile = profile;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    private static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Skips the calling test when Chromium is missing outside CI; fails it on CI.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Assert.False(onCi, $"Chromium is required on CI but {ChromiumPath} does not exist (install the Debian package 'chromium').");
        Skip.If(true, $"Chromium is not installed at {ChromiumPath}; install the Debian package 'chromium' (or set CHROMIUM_PATH) to run the browser tests.");
    }

    public static async Task<ChromiumSession> StartAsync(int width, int height)
    {
        RequireChromium();
        var profile = new TempDirectory("errcat-chromium-profile");
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Offline = true,
        });
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new ChromiumSession(playwright, profile, context, page);
    }

    /// <summary>The file:// address of a page of a site written to <paramref name="siteDirectory"/>.</summary>
    public static string Url(string siteDirectory, string page) =>
        new Uri(Path.Combine(siteDirectory, page.Replace('/', Path.DirectorySeparatorChar))).AbsoluteUri;

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        playwright.Dispose();
        profile.Dispose();
    }
}
