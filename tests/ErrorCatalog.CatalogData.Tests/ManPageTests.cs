using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Sdk;

namespace ErrorCatalog.CatalogData.Tests;

/// <summary>Each catalog's `linux` attributions must be exactly the errors of the installed man page of its call (connect(2), socket(2), ...).</summary>
public sealed class ManPageTests
{
    [SkippableTheory]
    [MemberData(nameof(RepositoryCatalog.Files), MemberType = typeof(RepositoryCatalog))]
    public void LinuxAttributionsEqualTheManPageErrorsSection(string file)
    {
        var catalog = RepositoryCatalog.Load(file);
        var pageNames = ErrorNamesOfErrorsSection(ReadManPage(ManPagePath(catalog)));

        var unknown = pageNames.Where(name => catalog.FindError(name) is null).ToList();
        Assert.True(unknown.Count == 0, "The man page lists errors the catalog lacks: " + string.Join(", ", unknown));

        var fromPage = pageNames.Select(name => catalog.FindError(name)!.Name).ToHashSet(StringComparer.Ordinal);
        var attributed = catalog.Errors.Where(e => e.ListingBy("linux") is not null).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);

        var missing = fromPage.Except(attributed).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var extra = attributed.Except(fromPage).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"Listed by the page but without a linux attribution: [{string.Join(", ", missing)}]; attributed to linux but not on the page: [{string.Join(", ", extra)}].");
    }

    [Fact]
    public void TheParserReadsTagsAndSkipsComments()
    {
        // A page shaped like connect.2: two names on one tag, body text that mentions another
        // error, and a commented-out list that must not count.
        const string page = ".SH ERRORS\n.TP\n.BR EACCES \", \" EPERM\nText naming EAGAIN.\n.\\\" .BR ENOSR ,\n.TP\n.B ETIMEDOUT\nMore.\n.SH STANDARDS\n.TP\n.B EFAKE\n";
        Assert.Equal(new[] { "EACCES", "EPERM", "ETIMEDOUT" }, ErrorNamesOfErrorsSection(page).OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>The error names in the tags (the line after each .TP) of the ERRORS section; roff comments are skipped.</summary>
    public static IReadOnlyCollection<string> ErrorNamesOfErrorsSection(string roff)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var inErrors = false;
        var nextLineIsTag = false;
        foreach (var rawLine in roff.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith(".\\\"", StringComparison.Ordinal) || line.StartsWith("'\\\"", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith(".SH", StringComparison.Ordinal))
            {
                inErrors = line.Substring(3).Trim().Trim('"') == "ERRORS";
                nextLineIsTag = false;
                continue;
            }

            if (!inErrors)
            {
                continue;
            }

            if (line.StartsWith(".TP", StringComparison.Ordinal))
            {
                nextLineIsTag = true;
                continue;
            }

            if (nextLineIsTag)
            {
                nextLineIsTag = false;
                foreach (Match match in Regex.Matches(line, @"\bE[A-Z0-9]+\b"))
                {
                    names.Add(match.Value);
                }
            }
        }

        if (names.Count == 0)
        {
            throw new XunitException("No error names found in the ERRORS section; the page format may have changed.");
        }

        return names;
    }

    /// <summary>The section 2 page of the catalog's call: "connect()" reads /usr/share/man/man2/connect.2.gz.</summary>
    public static string ManPagePath(Catalog.Model.Catalog catalog) =>
        "/usr/share/man/man2/" + catalog.Info.Function.TrimEnd(')').TrimEnd('(') + ".2.gz";

    private static string ReadManPage(string path)
    {
        if (!File.Exists(path))
        {
            throw AptPackages.Missing($"{path} is missing; install the apt package 'manpages-dev' (and keep /usr/share/man, which minimal images may exclude).");
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
