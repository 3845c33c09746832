using System.Linq;
using ErrorCatalog.Catalog.Loading;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>
/// The loader checks C# names without referencing the compiler (the library also runs inside
/// errcat's NativeAOT binary); these tests prove its rules give Roslyn's answers.
/// </summary>
public class CSharpNameRuleTests
{
    [Fact]
    public void Identifier_characters_match_roslyn_for_every_utf16_code_unit()
    {
        var differences = Enumerable.Range(0, char.MaxValue + 1)
            .Select(code => (char)code)
            .SelectMany(c => new[] { c.ToString(), "A" + c, "_" + c + "1" })
            .Where(name => Naming.IsCSharpIdentifier(name) != SyntaxFacts.IsValidIdentifier(name))
            .Select(name => string.Join(" ", name.Select(c => ((int)c).ToString("X4"))))
            .Take(10)
            .ToList();
        Assert.Empty(differences);
    }

    [Fact]
    public void Keywords_match_roslyn()
    {
        var reserved = SyntaxFacts.GetKeywordKinds().Select(SyntaxFacts.GetText).ToHashSet();
        var contextual = SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText).ToHashSet();
        foreach (var word in reserved.Concat(contextual).Concat(new[] { "Error", "value", "System", "record1" }))
        {
            Assert.True(
                Naming.IsCSharpKeyword(word) == (SyntaxFacts.GetKeywordKind(word) != SyntaxKind.None),
                "reserved keyword disagreement: " + word);
            Assert.True(
                Naming.IsCSharpContextualKeyword(word) == (SyntaxFacts.GetContextualKeywordKind(word) != SyntaxKind.None),
                "contextual keyword disagreement: " + word);
        }
    }

    [Theory]
    [InlineData("Conn\u00ADect", "U+00AD")]
    [InlineData("Connect\u200B", "U+200B")]
    public void Formatting_characters_are_refused_although_roslyn_accepts_them(string name, string shown)
    {
        Assert.True(SyntaxFacts.IsValidIdentifier(name));
        Assert.Contains(shown, Naming.IdentifierProblem(name));
    }

    [Theory]
    [InlineData("My.nameof.Errors", "nameof")]
    [InlineData("My._", "_")]
    [InlineData("global.Errors", "global")]
    [InlineData("My.__arglist", "__arglist")]
    public void Namespace_segments_may_not_be_keywords_of_any_kind(string ns, string segment)
    {
        Assert.Contains("'" + segment + "'", Naming.NamespaceProblem(ns));
    }

    [Fact]
    public void Soft_hyphen_in_a_symbol_is_ECAT013_at_the_symbol()
    {
        var text = CatalogText.Minimal.Edit("symbol: ConnectionRefused", "symbol: Connection\u00ADRefused");
        var diagnostic = CatalogText.AssertFails(text, "ECAT013", CatalogText.PositionOf(text, "Connection\u00ADRefused"));
        Assert.Contains("U+00AD", diagnostic.Message);
    }

    [Theory]
    [InlineData("ErrorCatalog.nameof")]
    [InlineData("ErrorCatalog._")]
    public void Contextual_keyword_in_the_namespace_is_ECAT013_at_the_namespace(string ns)
    {
        var text = CatalogText.Minimal.Edit("namespace: ErrorCatalog.Sample", "namespace: " + ns);
        CatalogText.AssertFails(text, "ECAT013", CatalogText.PositionOf(text, ns));
    }
}
