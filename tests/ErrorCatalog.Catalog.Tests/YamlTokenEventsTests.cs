using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using ErrorCatalog.Catalog.Loading;
using ErrorCatalog.Tests.Shared;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ErrorCatalog.Catalog.Tests;

/// <summary>
/// The loader reads YAML with its own grammar over YamlDotNet's scanner tokens
/// (<see cref="YamlTokenEvents"/>). These tests hold it to YamlDotNet's Parser, the oracle: on each
/// input, the tree read from the Parser's events and the tree read from the tokens must be the same
/// (node kinds, values, scalar styles, positions, sizes, which alias shares which node), and so must
/// the diagnostics when the text is refused (ids, messages, spans).
/// </summary>
public class YamlTokenEventsTests
{
    // Each construct of the YAML grammar at least once, and the ways each goes wrong.
    private static readonly string[] EdgeCaseTexts =
    {
        "",
        "# only a comment\n",
        "a: 1 # a comment\n# a full line\nb: 2\n",
        "a:\n- 1\n- 2\nb: 3\n",
        "a:\n  - 1\n  -\n  - \n- x\n",
        "a:\nb: 1\nc:\n",
        "a:\n-\n- \n- x\nb:\n-\n",
        "- \n- x\n-\n",
        "- - - x\n  - y\n- z\n",
        "? a\n: b\n? c\n",
        "? [x, y]\n: z\n? - q\n",
        ": no key\n",
        "a: [1, {b: c}, [d], ]\nb: {x: [1, 2], y: }\n",
        "[a: b, c, d: , : e]\n",
        "[? a : b, ? c]\n",
        "{a, b: c, : d}\n",
        "{a: b c}\n",
        "{a: b, }\n",
        "{a: 'b' c}\n",
        "{a: \"b\"[c], d: e}\n",
        "{a: &x b, c: d}\n",
        "{a: &x b}\n",
        "{a b}\n",
        "{? a : b, ? c}\n",
        "[a, b]: c\n",
        "{a: 1}: 2\n",
        "a: &x 1\nb: *x\n",
        "a: &m {k: v}\nb: *m\nc: [*m, *x]\n",
        "a: &s [1]\nb: *s\n",
        "a: &b\n  k: v\nb: *b\n",
        "a: &l\n- 1\nb: *l\n",
        "&a a: b\nc: *a\n",
        "*a : 1\n",
        "&a x: 1\n*a : 2\n",
        "a: !!str 1\nb: !t {k: v}\nc: !t [1]\nd: !t\n  k: v\n",
        "!t &a x: y\n",
        "&a !t x\n",
        "a: &x !t\nb: !t &y\nc: &z\n",
        "a: &x !t\n  - 1\n",
        "a: !x!y 1\n",
        "a: ! 1\n",
        "a: !<tag:yaml.org,2002:str> 1\n",
        "%TAG !e! tag:example.com,2000:\n---\na: !e!foo 1\n",
        "%TAG !e! tag:example.com,2000:\n%TAG !e! tag:example.com,2001:\n---\na\n",
        "%YAML 1.2\n---\na: 1\n",
        "%YAML 1.1\n---\na: 1\n",
        "%YAML 2.0\n---\na\n",
        "%YAML 1.1\n%YAML 1.1\n---\na\n",
        "%YAML 1.2\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "---\na: 1\n...\n---\nb\n",
        "--- a\n--- b\n",
        "---\n",
        "...\n",
        "---\n...\n",
        "--- |\n  text\n",
        "--- &a\na: 1\n",
        "&a\na: 1\n",
        "a: 1\n... x\n",
        "a: 1\n...\n%YAML 1.2\n---\nb\n",
        "a: |\n  line1\n  line2\nb: >\n  folded\n  text\nc: |-\n  x\nd: >+\n  x\n\n",
        "a: 'single ''quoted'''\nb: \"double \\\" \\u00e9\"\nc: plain\n  continued\n",
        "a:\n\tb: 1\n",
        "a: 1\n\tb: 2\n",
        "a: [1, 2\n",
        "a: {b: 1\n",
        "a: [1, 2]]\n",
        "]\n",
        "a: &x 1\nb: &x 2\nc: *x\n",
        "a: *nope\n",
        "a: &x [*x]\n",
        "a: &x &y 1\n",
        "a: &x *y\n",
        "a: b: c\n",
        "a: 'x\n",
        "a: \"x\\q\"\n",
        "a:\n  - 1\n  b: 2\n",
        "- a\nb: c\n",
        "a\nb: c\n",
        "a: @x\n",
        "a: `x`\n",
        "a: 1\r\nb:\r\n  - x\r\n",
        "\uFEFFa: 1\n",
        "\uFEFF\uFEFFa: 1\n",
        "a: 1\n\uFEFF",
        "a:\n  b:\n    c: [d, {e: f}]\n   g: h\n",
        "key: value\n  more: x\n",
        "a: [b, c]d\n",
        "a: {b: c}d\n",
        "- a\n - b\n",
        "a: b\n- c\n",
        "[a, b\nc: d\n",
        "{a: [b}\n",
        "a: 'b'c\n",
        "a: \"b\" c\n",
        "- &a\n- *a\n",
        "? &k key\n: *k\n",
        "[&a x, *a, &b [y], *b]\n",
        "{&a x: *a}\n",
        "a: !!map {k: v}\n",
        "\0",
        "a: \ud800\n",
        "a: b\u2028c: d\n",
        "a: b\u0085c: d\n",
        new string('[', 300) + new string(']', 300),
        string.Concat(Enumerable.Range(0, 40).Select(level => new string(' ', level * 2) + "k" + level + ":\n")) + new string(' ', 80) + "x\n",
        "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n" + string.Concat(Enumerable.Range(1, 8).Select(level => $"l{level}: &l{level} [" + string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10)) + "]\n")),
    };

    public static TheoryData<string> EdgeCases => new(EdgeCaseTexts);

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Edge_cases_read_as_the_parser_reads_them(string text) => AssertSameAsParser(text);

    [Fact]
    public void Edge_cases_cover_both_outcomes()
    {
        // Without both, the theory above could not tell a grammar that refuses everything from one that is right.
        var outcomes = EdgeCaseTexts.Select(text => Describe(text, Tokens).StartsWith("accepted", StringComparison.Ordinal)).ToList();
        Assert.Contains(true, outcomes);
        Assert.Contains(false, outcomes);
    }

    [Fact]
    public void Every_yaml_file_in_the_repository_reads_as_the_parser_reads_it()
    {
        var root = Path.GetDirectoryName(RealCatalogTests.RepositoryFile("x"))!;
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            .ToList();
        Assert.Contains(files, path => path.EndsWith(Path.Combine("catalog", "connect.yaml"), StringComparison.Ordinal));
        foreach (var file in files)
        {
            AssertSameAsParser(File.ReadAllText(file), file);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(500)]
    public void Synthetic_catalogs_read_as_the_parser_reads_them(int entries) =>
        AssertSameAsParser(ErrorCatalog.Generator.Benchmarks.SyntheticCatalog.Yaml(entries), entries + " synthetic entries");

    [Fact]
    public void The_validator_parity_mutations_read_as_the_parser_reads_them()
    {
        // The same 2,000 seeded mutations of bind.yaml as ValidatorParityTests.
        var original = File.ReadAllText(RealCatalogTests.RepositoryFile(Path.Combine("tests", "ErrorCatalog.Generator.Tests", "Catalogs", "bind.yaml")));
        for (var seed = 0; seed < 2000; seed++)
        {
            var random = new Random(seed);
            var text = original;
            var steps = random.Next(1, 4);
            for (var step = 0; step < steps; step++)
            {
                text = CatalogMutations.Mutate(text, random);
            }

            AssertSameAsParser(text, "seed " + seed);
        }
    }

    [Fact]
    public void Random_punctuation_edits_read_as_the_parser_reads_them()
    {
        // The fuzz test's edits insert YAML's indicators anywhere, which reaches far more of the grammar's error paths.
        FuzzTests.Mutation.Array[1, 6].Sample(
            mutations => AssertSameAsParser(mutations.Aggregate(CatalogText.Minimal, FuzzTests.Apply)),
            iter: 3_000,
            print: mutations => string.Join("; ", mutations.Select(m => m.ToString())));
    }

    private static void AssertSameAsParser(string text, string? name = null)
    {
        var expected = Describe(text, input => new ParserEvents(input));
        var actual = Describe(text, Tokens);
        if (expected != actual)
        {
            Assert.Fail((name ?? "input") + ":\n" + Escape(text) + "\nparser events:\n" + expected + "\nscanner tokens:\n" + actual);
        }
    }

    private static IYamlEvents Tokens(TextReader input) => new YamlTokenEvents(input);

    private static string Escape(string text) => text.Length > 400 ? "(" + text.Length + " characters)" : text.Replace("\t", "\\t", StringComparison.Ordinal);

    /// <summary>The outcome, the diagnostics and the tree, as text (a node reached again through an alias is named by its number).</summary>
    private static string Describe(string text, Func<TextReader, IYamlEvents> source)
    {
        var context = new LoadContext("differential.yaml", text);
        var root = YamlTreeReader.Read(context, text, source, out var failed);
        var description = new StringBuilder(failed ? "refused\n" : "accepted\n");
        foreach (var diagnostic in context.Sorted())
        {
            description.Append(diagnostic.Id).Append(' ').Append(diagnostic.Span).Append(' ').Append(diagnostic.Message).Append('\n');
        }

        if (root is not null)
        {
            Describe(root, description, new Dictionary<YamlNode, int>(ReferenceEqualityComparer.Instance), 0);
        }

        return description.ToString();
    }

    private static void Describe(YamlNode node, StringBuilder description, Dictionary<YamlNode, int> seen, int depth)
    {
        description.Append(' ', depth * 2);
        if (seen.TryGetValue(node, out var number))
        {
            description.Append("= #").Append(number).Append('\n');
            return;
        }

        number = seen.Count;
        seen.Add(node, number);
        description.Append(CultureInfo.InvariantCulture, $"#{number} {node.GetType().Name} {node.Start}-{node.End} size {node.ExpandedSize} height {node.Height}");
        switch (node)
        {
            case YamlScalar scalar:
                description.Append(CultureInfo.InvariantCulture, $" {scalar.Style} '{scalar.Value}'\n");
                break;
            case YamlSequence sequence:
                description.Append('\n');
                foreach (var item in sequence.Items)
                {
                    Describe(item, description, seen, depth + 1);
                }

                break;
            case YamlMapping mapping:
                description.Append('\n');
                foreach (var entry in mapping.Entries)
                {
                    Describe(entry.Key, description, seen, depth + 1);
                    Describe(entry.Value, description, seen, depth + 2);
                }

                break;
        }
    }

    /// <summary>The oracle: YamlDotNet's Parser, its event objects copied into the reader's event source shape.</summary>
    private sealed class ParserEvents(TextReader input) : IYamlEvents
    {
        private readonly Parser parser = new(input);

        public YamlEventKind Kind { get; private set; }

        public Mark Start { get; private set; }

        public Mark End { get; private set; }

        public string Value { get; private set; } = string.Empty;

        public ScalarStyle Style { get; private set; }

        public AnchorName Anchor { get; private set; }

        public TagName Tag { get; private set; }

        public bool MoveNext()
        {
            if (!parser.MoveNext())
            {
                Kind = YamlEventKind.None;
                return false;
            }

            var current = parser.Current!;
            Start = current.Start;
            End = current.End;
            Value = string.Empty;
            Style = default;
            Anchor = current is NodeEvent node ? node.Anchor : AnchorName.Empty;
            Tag = current is NodeEvent tagged ? tagged.Tag : TagName.Empty;
            Kind = current switch
            {
                StreamStart => YamlEventKind.StreamStart,
                StreamEnd => YamlEventKind.StreamEnd,
                DocumentStart => YamlEventKind.DocumentStart,
                DocumentEnd => YamlEventKind.DocumentEnd,
                MappingStart => YamlEventKind.MappingStart,
                MappingEnd => YamlEventKind.MappingEnd,
                SequenceStart => YamlEventKind.SequenceStart,
                SequenceEnd => YamlEventKind.SequenceEnd,
                AnchorAlias => YamlEventKind.Alias,
                Scalar => YamlEventKind.Scalar,
                _ => throw new InvalidOperationException("unexpected event " + current),
            };
            if (current is Scalar scalar)
            {
                Value = scalar.Value;
                Style = scalar.Style;
            }
            else if (current is AnchorAlias alias)
            {
                Anchor = alias.Value;
            }

            return true;
        }
    }
}
