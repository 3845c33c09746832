using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Catalog.Model;
using Microsoft.CodeAnalysis;
using Xunit;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Generator.Tests;

/// <summary>The short scenario form in each entry's doc comment, built from the catalog's scenarios and not-returned fields.</summary>
public class ScenarioDocTests
{
    private const string FirstSetup = "First invented setup, with <angle> & ampersand.";

    [Fact]
    public void EntryDocsSummariseTheScenariosOfTheModel()
    {
        var real = LoadConnect();
        var refused = real.FindError("ECONNREFUSED")!;
        var added = new[]
        {
            Invented("gen-doc-first", FirstSetup, "ECONNREFUSED", naive: null),
            Invented("gen-doc-second", "Second invented setup.", "ECONNREFUSED", naive: null),
            Invented("gen-doc-third", "Third invented setup.", "ECONNREFUSED", naive: null),
            Invented("gen-doc-blames", "Invented setup that succeeds.", ScenarioVocabulary.Success, naive: "ECONNREFUSED"),
        };

        // The invented scenarios go first, so they are the ones the short form quotes.
        var catalog = real with
        {
            Scenarios = added.Concat(real.Scenarios).ToEquatableArray(),
            Errors = real.Errors.Select(e => e == refused ? e with { NotReturned = new[] { new NotReturned("darwin", "Invented: never seen there.") }.ToEquatableArray(), Quirks = e.Quirks.Append(InventedQuirk).ToEquatableArray() } : e).ToEquatableArray(),
        };

        var text = Emit(catalog);
        var doc = MemberDoc(text, refused.Symbol);
        var replayed = catalog.ScenariosWithResult("ECONNREFUSED").Count(s => s.Platform == "linux");
        Assert.Contains($"<para>On <c>linux</c>, replayed: First invented setup, with &lt;angle&gt; &amp; ampersand. (+{replayed - 1} more)</para>", doc, StringComparison.Ordinal);
        var blaming = catalog.ScenariosBlaming("ECONNREFUSED").Count();
        Assert.Contains(
            "<para>Not this error: Invented setup that succeeds. The kernel succeeds instead (scenario <c>gen-doc-blames</c>)." + (blaming > 1 ? $" (+{blaming - 1} more)" : string.Empty) + "</para>",
            doc,
            StringComparison.Ordinal);
        Assert.Contains("<para><c>darwin</c> connect() never returns it.</para>", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("Second invented setup", doc, StringComparison.Ordinal);
        Assert.Contains("Invented quirk. Shown by scenarios <c>gen-doc-first</c>, <c>gen-doc-second</c>.</description>", doc, StringComparison.Ordinal);

        // Doc comments stay well-formed XML: a documentation build of the output has no warning.
        var compilation = Harness.CreateCompilation(new[] { text });
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void BlamingScenarioNamesTheErrorItReallyGives()
    {
        var catalog = LoadConnect();
        var text = Emit(catalog);
        var blamed = catalog.Errors.Where(e => catalog.ScenariosBlaming(e.Name).Any()).ToList();
        Assert.NotEmpty(blamed);
        foreach (var error in blamed)
        {
            // The doc quotes the first scenario that blames the entry, in file order.
            var first = catalog.ScenariosBlaming(error.Name).First();
            var outcome = first.Succeeds
                ? "succeeds"
                : $"gives <see cref=\"{GeneratedNames.ErrorMember(catalog, catalog.FindError(first.Result)!)}\"/>";
            Assert.Contains($"The kernel {outcome} instead (scenario <c>{first.Id}</c>).", MemberDoc(text, error.Symbol), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EntriesNoScenarioMentionsGetNoScenarioLines()
    {
        var catalog = LoadConnect();
        var text = Emit(catalog);
        foreach (var error in catalog.Errors)
        {
            var doc = MemberDoc(text, error.Symbol);
            var mentioned = catalog.ScenariosWithResult(error.Name).Any() || catalog.ScenariosBlaming(error.Name).Any() || !error.NotReturned.IsEmpty;
            Assert.Equal(mentioned, doc.Contains(", replayed: ", StringComparison.Ordinal) || doc.Contains("Not this error:", StringComparison.Ordinal) || doc.Contains(" never returns it.", StringComparison.Ordinal));
        }
    }

    private static readonly Quirk InventedQuirk = new(
        new[] { "linux" }.ToEquatableArray(), "Invented quirk.", null, new[] { "gen-doc-first", "gen-doc-second" }.ToEquatableArray());

    private static Scenario Invented(string id, string setup, string result, string? naive) => new(
        id, "linux", "inet", ScenarioVocabulary.Stream, setup, default, ScenarioVocabulary.ViaConnect, result,
        naive, naive is null ? null : "the test", null, null, null);

    private static CatalogModel LoadConnect()
    {
        var loaded = CatalogLoader.LoadFile(Harness.ConnectCatalogPath);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        return loaded.Catalog!;
    }

    private static string Emit(CatalogModel catalog) =>
        Harness.EmitWithoutDriver(new CatalogSpec("/project/connect.yaml", "connect.yaml", catalog.Info.Namespace, catalog.Info.Prefix, catalog));

    /// <summary>The doc comment lines directly above the enum member <paramref name="symbol"/>.</summary>
    private static string MemberDoc(string text, string symbol)
    {
        var lines = text.Split('\n');
        var memberLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith(symbol + " = ", StringComparison.Ordinal));
        Assert.True(memberLine > 0, symbol + " not found");
        var doc = new List<string>();
        for (var i = memberLine - 1; i >= 0 && lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal); i--)
        {
            doc.Insert(0, lines[i].TrimStart().Substring(3).Trim());
        }

        return string.Join("\n", doc);
    }
}
