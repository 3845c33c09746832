using System.IO;
using ErrorCatalog.Catalog.Diagnostics;

namespace ErrorCatalog.Site;

/// <summary>One file of the rendered site.</summary>
/// <param name="Path">Path relative to the site root, with '/' separators.</param>
/// <param name="Content">The exact bytes (UTF-8 without a byte-order mark, '\n' line ends).</param>
public sealed record SiteFile(string Path, byte[] Content);

/// <summary>What <see cref="SiteGenerator.Write"/> wrote.</summary>
/// <param name="OutputDirectory">The full path of the site's root folder.</param>
/// <param name="Files">Every file written, in the order written.</param>
/// <param name="Catalogs">How many catalogs the site covers.</param>
/// <param name="Errors">How many error pages.</param>
/// <param name="Platforms">How many platform pages.</param>
/// <param name="Diagnostics">How many diagnostic pages.</param>
public sealed record SiteWriteSummary(string OutputDirectory, IReadOnlyList<SiteFile> Files, int Catalogs, int Errors, int Platforms, int Diagnostics)
{
    public long TotalBytes
    {
        get
        {
            long total = 0;
            foreach (var file in Files)
            {
                total += file.Content.Length;
            }

            return total;
        }
    }
}

/// <summary>
/// Renders the static docs site: plain HTML, one style sheet and one small script, usable from
/// file:// without a server. The same catalogs always give the same files, byte for byte.
/// </summary>
public static class SiteGenerator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Renders the site for <paramref name="catalogs"/> with every diagnostic the loader and the generator define.</summary>
    public static IReadOnlyList<SiteFile> Render(IReadOnlyList<CatalogModel> catalogs) =>
        Render(catalogs, CatalogDiagnosticDescriptors.WithGenerator);

    /// <summary>Renders the site; files come back in a fixed order (assets, shared pages, then per catalog, then diagnostics).</summary>
    /// <exception cref="ArgumentException">No catalog, two catalogs with one id, or a name that cannot be a file name.</exception>
    public static IReadOnlyList<SiteFile> Render(IReadOnlyList<CatalogModel> catalogs, IReadOnlyList<CatalogDiagnosticDescriptor> diagnostics)
    {
        if (catalogs is null || catalogs.Count == 0)
        {
            throw new ArgumentException("The site needs at least one catalog.", nameof(catalogs));
        }

        SiteLayout.CheckFileNames(catalogs);
        foreach (var descriptor in diagnostics)
        {
            if (!Html.IsSafeFileName(descriptor.Id))
            {
                throw new ArgumentException($"The diagnostic id '{descriptor.Id}' cannot be used as a file name.", nameof(diagnostics));
            }
        }

        var layout = new SiteLayout(catalogs);
        var pages = new SitePages(layout, diagnostics);
        var files = new List<SiteFile>
        {
            new(SiteLayout.StyleSheet, ReadAsset("site.css")),
            new(SiteLayout.Script, ReadAsset("site.js")),
            new(SiteLayout.SearchIndexScript, SearchIndex.Render(layout)),
        };

        void Add(string path, string html) => files.Add(new SiteFile(path, Utf8.GetBytes(html)));

        Add(SiteLayout.IndexPage, pages.Index());
        Add(SiteLayout.SourcesPage, pages.Sources());
        Add(SiteLayout.PlatformsPage, pages.Platforms());
        Add(SiteLayout.ScenariosPage, pages.Scenarios());
        foreach (var catalog in catalogs)
        {
            for (var i = 0; i < catalog.Errors.Count; i++)
            {
                var error = catalog.Errors[i];
                Add(layout.ErrorPage(catalog, error), pages.Error(catalog, i));
            }

            foreach (var platform in catalog.Platforms)
            {
                Add(layout.PlatformPage(catalog, platform), pages.Platform(catalog, platform));
            }
        }

        Add(SiteLayout.DiagnosticsIndexPage, pages.DiagnosticsIndex());
        for (var i = 0; i < diagnostics.Count; i++)
        {
            Add(SiteLayout.DiagnosticPage(diagnostics[i].Id), pages.Diagnostic(i));
        }

        var list = new StringBuilder();
        foreach (var file in files)
        {
            list.Append(file.Path).Append('\n');
        }

        files.Add(new SiteFile(SiteLayout.FileList, Utf8.GetBytes(list.ToString())));
        return files;
    }

    /// <summary>
    /// Renders the site and writes it under <paramref name="outputDirectory"/>, creating folders as
    /// needed. Files of the site are overwritten; files an earlier render listed in its
    /// <see cref="SiteLayout.FileList"/> that this render does not produce (a catalog or an error
    /// that is gone) are deleted, so no stale page stays linked from search results; nothing else
    /// is touched.
    /// </summary>
    public static SiteWriteSummary Write(string outputDirectory, IReadOnlyList<CatalogModel> catalogs, IReadOnlyList<CatalogDiagnosticDescriptor> diagnostics)
    {
        // Render first, so bad input fails before anything is written.
        var files = Render(catalogs, diagnostics);
        var root = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(root);
        RemoveStaleFiles(root, files);
        foreach (var file in files)
        {
            var target = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, file.Content);
        }

        var errors = 0;
        var platforms = 0;
        foreach (var catalog in catalogs)
        {
            errors += catalog.Errors.Count;
            platforms += catalog.Platforms.Count;
        }

        return new SiteWriteSummary(root, files, catalogs.Count, errors, platforms, diagnostics.Count);
    }

    /// <summary>Deletes the files the previous render listed and this one does not write, then the folders that leaves empty.</summary>
    private static void RemoveStaleFiles(string root, IReadOnlyList<SiteFile> files)
    {
        var listPath = Path.Combine(root, SiteLayout.FileList);
        if (!File.Exists(listPath))
        {
            return;
        }

        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            current.Add(file.Path);
        }

        foreach (var line in File.ReadAllLines(listPath, Utf8))
        {
            // Only paths this generator could have written: relative, inside the root, site characters.
            if (current.Contains(line) || !SiteLayout.IsSitePath(line))
            {
                continue;
            }

            var stale = Path.Combine(root, line.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(stale))
            {
                continue;
            }

            File.Delete(stale);
            for (var folder = Path.GetDirectoryName(stale); folder is not null && folder.Length > root.Length && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
            {
                Directory.Delete(folder);
            }
        }
    }

    private static byte[] ReadAsset(string name)
    {
        var resource = "ErrorCatalog.Site." + name;
        using var stream = typeof(SiteGenerator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The site asset '{resource}' is missing from {typeof(SiteGenerator).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Utf8);

        // Normalise line ends so a checkout with CRLF still renders the same bytes.
        return Utf8.GetBytes(reader.ReadToEnd().Replace("\r\n", "\n"));
    }
}
