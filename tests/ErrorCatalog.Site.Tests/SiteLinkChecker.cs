using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ErrorCatalog.Site.Tests;

/// <summary>Parses every page of a written site and lists what is broken: missing files, missing anchors, external assets, duplicate ids.</summary>
internal sealed class SiteLinkChecker
{
    private readonly string root;
    private readonly Dictionary<string, IDocument> documents = new(StringComparer.Ordinal);
    private readonly HtmlParser parser = new();

    public SiteLinkChecker(string root)
    {
        this.root = Path.GetFullPath(root);
    }

    public int LinksChecked { get; private set; }

    public int PagesChecked { get; private set; }

    public IDocument Document(string fullPath)
    {
        if (!documents.TryGetValue(fullPath, out var document))
        {
            document = parser.ParseDocument(File.ReadAllText(fullPath));
            documents[fullPath] = document;
        }

        return document;
    }

    /// <summary>Every problem found, one readable line each; empty when the site is sound.</summary>
    public List<string> FindProblems()
    {
        var problems = new List<string>();
        foreach (var page in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            PagesChecked++;
            var document = Document(page);
            var relative = Path.GetRelativePath(root, page);

            var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            foreach (var duplicate in ids.GroupBy(i => i).Where(g => g.Count() > 1))
            {
                problems.Add($"{relative}: id '{duplicate.Key}' is used {duplicate.Count()} times");
            }

            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                foreach (var attribute in new[] { "href", "src" })
                {
                    var value = element.GetAttribute(attribute);
                    if (value is null)
                    {
                        continue;
                    }

                    LinksChecked++;
                    if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal) || value.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        // Only links out to a cited document may leave the site; styles, scripts and images must be local.
                        if (element.LocalName != "a")
                        {
                            problems.Add($"{relative}: <{element.LocalName}> loads an external resource {value}");
                        }

                        continue;
                    }

                    var hash = value.IndexOf('#', StringComparison.Ordinal);
                    var pathPart = hash < 0 ? value : value.Substring(0, hash);
                    var fragment = hash < 0 ? null : value.Substring(hash + 1);
                    var target = pathPart.Length == 0
                        ? page
                        : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(pathPart).Replace('/', Path.DirectorySeparatorChar)));
                    if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        problems.Add($"{relative}: {attribute}=\"{value}\" points outside the site");
                        continue;
                    }

                    if (!File.Exists(target))
                    {
                        problems.Add($"{relative}: {attribute}=\"{value}\" points to a missing file");
                        continue;
                    }

                    if (!string.IsNullOrEmpty(fragment))
                    {
                        if (!target.EndsWith(".html", StringComparison.Ordinal) || Document(target).GetElementById(fragment) is null)
                        {
                            problems.Add($"{relative}: {attribute}=\"{value}\" names an anchor that does not exist");
                        }
                    }
                }
            }
        }

        return problems;
    }
}
