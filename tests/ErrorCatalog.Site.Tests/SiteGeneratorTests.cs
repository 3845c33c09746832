using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Html.Parser;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Model;
using Xunit;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Site.Tests;

public sealed class SiteGeneratorTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void RenderingAgainIntoTheSameFolderRemovesPagesThatAreGoneAndKeepsForeignFiles()
    {
        using var folder = new TempDirectory("errcat-site-again");
        var both = SiteGenerator.Write(folder.Path, new[] { RepositoryFiles.ConnectCatalog, RepositoryFiles.BindCatalog }, CatalogDiagnosticDescriptors.WithGenerator);
        Assert.True(File.Exists(Path.Combine(folder.Path, "bind", "errors", "EBADF.html")));
        var foreign = Path.Combine(folder.Path, "bind", "notes.txt");
        File.WriteAllText(foreign, "kept");
        // A listed path that climbs out of the folder is never followed.
        var outside = Path.Combine(Path.GetDirectoryName(folder.Path)!, Path.GetFileName(folder.Path) + "-outside.html");
        File.WriteAllText(outside, "kept");
        File.AppendAllText(Path.Combine(folder.Path, SiteLayout.FileList), "../" + Path.GetFileName(outside) + "\n");

        try
        {
            var single = SiteGenerator.Write(folder.Path, new[] { RepositoryFiles.ConnectCatalog }, CatalogDiagnosticDescriptors.WithGenerator);

            var onDisk = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(folder.Path, p).Replace(Path.DirectorySeparatorChar, '/')).OrderBy(p => p, StringComparer.Ordinal);
            var expected = single.Files.Select(f => f.Path).Append("bind/notes.txt").OrderBy(p => p, StringComparer.Ordinal);
            Assert.Equal(expected, onDisk);
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "connect")), "the two-catalog folder of connect() pages was left behind");
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "bind", "errors")), "bind()'s pages were left behind");
            Assert.True(File.Exists(outside));
            Assert.True(both.Files.Count > single.Files.Count);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void RealCatalogSiteHasNoBrokenLinksOrAnchors()
    {
        using var directory = new TempDirectory("errcat-site");
        SiteGenerator.Write(directory.Path, new[] { RepositoryFiles.ConnectCatalog }, CatalogDiagnosticDescriptors.WithGenerator);

        var checker = new SiteLinkChecker(directory.Path);
        var problems = checker.FindProblems();

        Assert.Empty(problems);

        // The check must have looked at the whole site, not an empty folder.
        var catalog = RepositoryFiles.ConnectCatalog;
        Assert.True(checker.PagesChecked >= catalog.Errors.Count + catalog.Platforms.Count + CatalogDiagnosticDescriptors.WithGenerator.Count + 4);
        Assert.True(checker.LinksChecked > checker.PagesChecked * 5);
    }

    [Fact]
    public void EveryErrorPlatformAndDiagnosticHasItsPage()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);

        foreach (var error in catalog.Errors)
        {
            var document = Parser.ParseDocument(Text(files, $"errors/{error.Name}.html"));
            Assert.Equal(error.Name, document.QuerySelector("h1")!.TextContent.Trim());
        }

        foreach (var platform in catalog.Platforms)
        {
            var document = Parser.ParseDocument(Text(files, $"platforms/{platform.Id}.html"));
            Assert.Contains(platform.Title, document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        }

        foreach (var descriptor in CatalogDiagnosticDescriptors.WithGenerator)
        {
            var document = Parser.ParseDocument(Text(files, $"diagnostics/{descriptor.Id}.html"));
            Assert.StartsWith(descriptor.Id + ":", document.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Contains(descriptor.Fix, document.Body!.TextContent, StringComparison.Ordinal);
        }

        foreach (var shared in new[] { "index.html", "sources.html", "platforms.html", "scenarios.html", "diagnostics/index.html", "site.css", "site.js" })
        {
            Assert.True(files.ContainsKey(shared), shared + " is missing");
        }
    }

    [Fact]
    public void GeneratorHelpLinksPointAtDiagnosticPages()
    {
        var files = SiteGenerator.Render(new[] { RepositoryFiles.ConnectCatalog }).Select(f => f.Path).ToHashSet();

        // HelpLinkBase is the published site's root (MSBuild property ErrorCatalogDocsUrl) plus the
        // diagnostics folder; what follows the root must be a page this renderer writes.
        const string folder = "diagnostics/";
        Assert.EndsWith("/" + folder, CatalogDiagnosticDescriptors.HelpLinkBase, StringComparison.Ordinal);
        var siteRoot = new Uri(CatalogDiagnosticDescriptors.HelpLinkBase[..^folder.Length], UriKind.Absolute);
        Assert.Equal(Uri.UriSchemeHttps, siteRoot.Scheme);

        foreach (var descriptor in CatalogDiagnosticDescriptors.WithGenerator)
        {
            var link = new Uri(CatalogDiagnosticDescriptors.HelpLink(descriptor.Id), UriKind.Absolute);
            var page = siteRoot.MakeRelativeUri(link).ToString();
            Assert.False(page.StartsWith("..", StringComparison.Ordinal) || Uri.IsWellFormedUriString(page, UriKind.Absolute), descriptor.Id + "'s help link is outside the site: " + link);
            Assert.Contains(page, files);
        }
    }

    [Fact]
    public void RenderingIsDeterministic()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var first = SiteGenerator.Render(new[] { catalog });

        // A second run, under another culture, from an equal but separately loaded model.
        var previous = CultureInfo.CurrentCulture;
        IReadOnlyList<SiteFile> second;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var reloaded = ErrorCatalog.Catalog.Loading.CatalogLoader.LoadFile(RepositoryFiles.ConnectCatalogPath).Catalog!;
            second = SiteGenerator.Render(new[] { reloaded });
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.True(first[i].Content.AsSpan().SequenceEqual(second[i].Content), first[i].Path + " differs between two renders");
        }

        using var a = new TempDirectory("errcat-site-a");
        using var b = new TempDirectory("errcat-site-b");
        SiteGenerator.Write(a.Path, new[] { catalog }, CatalogDiagnosticDescriptors.WithGenerator);
        SiteGenerator.Write(b.Path, new[] { catalog }, CatalogDiagnosticDescriptors.WithGenerator);
        var filesA = Directory.GetFiles(a.Path, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(a.Path, p)).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var filesB = Directory.GetFiles(b.Path, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(b.Path, p)).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.Equal(filesA, filesB);
        foreach (var file in filesA)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, file)), File.ReadAllBytes(Path.Combine(b.Path, file)));
        }

        // No byte-order mark and no carriage returns: the same bytes on every operating system.
        foreach (var file in first)
        {
            Assert.False(file.Content.Length >= 3 && file.Content[0] == 0xEF && file.Content[1] == 0xBB, file.Path + " starts with a BOM");
            Assert.DoesNotContain((byte)'\r', file.Content);
        }
    }

    [Fact]
    public void ErrorPageShowsEveryPlatformsCodeAndAbsence()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);

        // Facts from the headers: ECONNREFUSED is 111 in asm-generic/errno.h and 10061 in winerror.h.
        var refused = catalog.Errors.Single(e => e.Name == "ECONNREFUSED");
        Assert.Equal(111, refused.CodeOn("linux"));
        Assert.Equal(10061, refused.CodeOn("windows"));

        var sawAbsent = false;
        foreach (var error in catalog.Errors)
        {
            var document = Parser.ParseDocument(Text(files, $"errors/{error.Name}.html"));
            foreach (var platform in catalog.Platforms)
            {
                var cell = document.QuerySelector($"td.code[data-platform='{platform.Id}']");
                Assert.NotNull(cell);
                var expected = error.CodeOn(platform.Id)?.ToString(CultureInfo.InvariantCulture) ?? "absent";
                Assert.Equal(expected, cell!.TextContent.Trim());
                sawAbsent |= expected == "absent";
            }
        }

        Assert.True(sawAbsent, "the catalog has absent codes, and they must be shown");
        var refusedPage = Parser.ParseDocument(Text(files, "errors/ECONNREFUSED.html"));
        Assert.Equal("111", refusedPage.QuerySelector("td.code[data-platform='linux']")!.TextContent);
        Assert.Equal("10061", refusedPage.QuerySelector("td.code[data-platform='windows']")!.TextContent);
        var names = refusedPage.QuerySelector("#names")!.TextContent;
        Assert.Contains("ConnectError.ConnectionRefused", names, StringComparison.Ordinal);
        Assert.Contains("ConnectException.ConnectionRefused", names, StringComparison.Ordinal);
        Assert.Contains("SocketError.ConnectionRefused", names, StringComparison.Ordinal);
        Assert.Contains("Errno::ECONNREFUSED", names, StringComparison.Ordinal);
        Assert.Contains("error.ConnectionRefused", names, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrataAndUnreachableListingsAreVisible()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);
        var errata = 0;
        foreach (var error in catalog.Errors)
        {
            var document = Parser.ParseDocument(Text(files, $"errors/{error.Name}.html"));
            var shown = document.QuerySelectorAll("#sources .erratum").Select(e => e.TextContent).ToList();
            var recorded = error.Sources.SelectMany(s => s.Attributions).Where(a => a.Erratum is not null).ToList();
            Assert.Equal(recorded.Count, shown.Count);
            errata += recorded.Count;

            var unreachable = error.Sources.SelectMany(s => s.Attributions).Count(a => a.How == "unreachable");
            Assert.Equal(unreachable, document.QuerySelectorAll("#sources tr.unreachable").Length);
        }

        Assert.True(errata > 0, "the real catalog records errata; the test must see some");
    }

    [Fact]
    public void CoverageMatrixHasACellPerErrorAndSourceAndExplainsEachDifference()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);
        var document = Parser.ParseDocument(Text(files, "sources.html"));
        var rows = document.QuerySelectorAll("#matrix tbody tr").ToList();
        Assert.Equal(catalog.Errors.Count, rows.Count);

        for (var i = 0; i < rows.Count; i++)
        {
            var error = catalog.Errors[i];
            var cells = rows[i].QuerySelectorAll("td").ToList();
            Assert.Equal(catalog.Sources.Count + 1, cells.Count);
            for (var s = 0; s < catalog.Sources.Count; s++)
            {
                var listing = error.ListingBy(catalog.Sources[s].Id);
                Assert.Equal(listing is null, cells[s].ClassList.Contains("missing"));
                Assert.Equal(listing?.Attributions.Any(a => a.Erratum is not null) ?? false, cells[s].ClassList.Contains("has-erratum"));
            }

            // A row is flagged exactly when something differs, and then it says what.
            var everyoneListsItCleanly = catalog.Sources.All(s => error.ListingBy(s.Id) is { } l && l.Attributions.All(a => a.Erratum is null && a.How != "unreachable"));
            Assert.Equal(!everyoneListsItCleanly, rows[i].ClassList.Contains("differs"));
            var explanation = cells[^1].TextContent;
            if (everyoneListsItCleanly)
            {
                Assert.Equal("all agree", explanation.Trim());
            }
            else
            {
                Assert.NotEmpty(cells[^1].QuerySelectorAll("li"));
            }
        }
    }

    [Fact]
    public void PlatformPageListsCodesInNumericOrder()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);
        foreach (var platform in catalog.Platforms)
        {
            var document = Parser.ParseDocument(Text(files, $"platforms/{platform.Id}.html"));
            var numbers = document.QuerySelectorAll("table.platform-codes tbody td.num")
                .Select(c => int.Parse(c.TextContent, CultureInfo.InvariantCulture))
                .ToList();
            var expected = catalog.Errors.SelectMany(e => e.NamesOn(platform.Id)).Select(n => n.Code).OrderBy(c => c).ToList();
            Assert.Equal(expected, numbers);
        }
    }

    [Fact]
    public void PlatformPageSaysWhereGeneratedDetectionPicksIt()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var files = SiteGenerator.Render(new[] { catalog }).ToDictionary(f => f.Path, f => f.Content);
        string Detected(string platformId)
        {
            var document = Parser.ParseDocument(Text(files, $"platforms/{platformId}.html"));
            var term = document.QuerySelectorAll("dl.facts dt").Single(dt => dt.TextContent == "Detected on");
            return term.NextElementSibling!.TextContent;
        }

        // Every platform's page reflects its own runs-on data, not a fixed sentence.
        foreach (var platform in catalog.Platforms)
        {
            var text = Detected(platform.Id);
            Assert.Contains("ConnectErrors.CurrentPlatform", text, StringComparison.Ordinal);
            if (platform.RunsOn is { } runsOn)
            {
                Assert.All(runsOn.OperatingSystems, os => Assert.Contains(os, text, StringComparison.Ordinal));
                Assert.All(runsOn.Architectures, arch => Assert.Contains(arch, text, StringComparison.Ordinal));
            }
            else
            {
                Assert.Contains("never returns", text, StringComparison.Ordinal);
            }
        }

        Assert.Contains("x64", Detected("linux"), StringComparison.Ordinal);
        Assert.Contains("never returns", Detected("linux-mips"), StringComparison.Ordinal);
        Assert.Contains("any processor", Detected("windows"), StringComparison.Ordinal);
    }

    [Fact]
    public void CatalogTextIsEscaped()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var hostile = catalog.Errors[0] with { Summary = "<script>alert(1)</script> & \"quoted\" 'single'" };
        var modified = catalog with { Errors = new[] { hostile }.Concat(catalog.Errors.Skip(1)).ToEquatableArray() };
        var files = SiteGenerator.Render(new[] { modified }).ToDictionary(f => f.Path, f => f.Content);
        foreach (var page in new[] { "index.html", $"errors/{hostile.Name}.html" })
        {
            var html = Text(files, page);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SeveralCatalogsGetTheirOwnFoldersAndSoundLinks()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        var second = catalog with { Info = catalog.Info with { Id = "connect-copy", Title = "A second catalog" } };
        using var directory = new TempDirectory("errcat-site-multi");
        var summary = SiteGenerator.Write(directory.Path, new[] { catalog, second }, CatalogDiagnosticDescriptors.WithGenerator);

        Assert.Equal(2, summary.Catalogs);
        Assert.True(File.Exists(Path.Combine(directory.Path, "connect", "errors", "ECONNREFUSED.html")));
        Assert.True(File.Exists(Path.Combine(directory.Path, "connect-copy", "errors", "ECONNREFUSED.html")));
        Assert.True(File.Exists(Path.Combine(directory.Path, "connect-copy", "platforms", "windows.html")));
        Assert.Empty(new SiteLinkChecker(directory.Path).FindProblems());

        var index = Parser.ParseDocument(File.ReadAllText(Path.Combine(directory.Path, "index.html")));
        Assert.Equal(2 * catalog.Errors.Count, index.QuerySelectorAll("table.error-list tbody tr").Length);
    }

    [Fact]
    public void TwoRealCatalogsShareTheIndexSearchAndNavigation()
    {
        var catalogs = new[] { RepositoryFiles.ConnectCatalog, RepositoryFiles.BindCatalog };
        using var directory = new TempDirectory("errcat-site-two");
        SiteGenerator.Write(directory.Path, catalogs, CatalogDiagnosticDescriptors.WithGenerator);
        Assert.Empty(new SiteLinkChecker(directory.Path).FindProblems());

        var index = Parser.ParseDocument(File.ReadAllText(Path.Combine(directory.Path, "index.html")));
        foreach (var catalog in catalogs)
        {
            var section = index.QuerySelector($"#catalog-{catalog.Info.Id}")!;
            Assert.Equal(catalog.Errors.Select(e => $"{catalog.Info.Id}/errors/{e.Name}.html"), section.QuerySelectorAll("table.error-list tbody th a").Select(a => a.GetAttribute("href")));

            // Each error page leads back to its catalog's part of the index, and the search box is on it.
            var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(directory.Path, catalog.Info.Id, "errors", catalog.Errors[^1].Name + ".html")));
            Assert.Contains(page.QuerySelectorAll(".breadcrumbs a"), a => a.GetAttribute("href") == $"../../index.html#catalog-{catalog.Info.Id}");
            Assert.Equal("../../index.html", page.QuerySelector("form.site-search")!.GetAttribute("action"));
            Assert.Equal(new[] { "../../search-index.js", "../../site.js" }, page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
        }
    }

    [Fact]
    public void BadInputIsRefusedBeforeAnythingIsWritten()
    {
        var catalog = RepositoryFiles.ConnectCatalog;
        Assert.Throws<ArgumentException>(() => SiteGenerator.Render(Array.Empty<CatalogModel>()));
        Assert.Throws<ArgumentException>(() => SiteGenerator.Render(new[] { catalog, catalog }));

        using var directory = new TempDirectory("errcat-site-bad");
        var target = Path.Combine(directory.Path, "site");
        Assert.Throws<ArgumentException>(() => SiteGenerator.Write(target, new[] { catalog, catalog }, CatalogDiagnosticDescriptors.WithGenerator));
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public void PagesHaveAccessibleStructure()
    {
        var files = SiteGenerator.Render(new[] { RepositoryFiles.ConnectCatalog });
        foreach (var file in files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = Parser.ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
            Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
            Assert.False(string.IsNullOrWhiteSpace(document.Title), file.Path + " has no title");
            Assert.Single(document.QuerySelectorAll("h1"));
            Assert.Single(document.QuerySelectorAll("main"));
            Assert.NotNull(document.QuerySelector("nav[aria-label='Site']"));
            Assert.NotNull(document.QuerySelector("meta[name='viewport']"));
            foreach (var table in document.QuerySelectorAll("table"))
            {
                Assert.NotNull(table.QuerySelector("caption"));
                Assert.Equal("table-scroll", table.ParentElement!.ClassName);
            }
        }
    }

    private static string Text(Dictionary<string, byte[]> files, string path)
    {
        Assert.True(files.ContainsKey(path), path + " was not rendered");
        return System.Text.Encoding.UTF8.GetString(files[path]);
    }
}
