using System.Globalization;
using System.Linq;
using System.Text;
using ErrorCatalog.Catalog.Model;

namespace ErrorCatalog.Generator.Benchmarks;

/// <summary>
/// Synthetic catalogs of any size: three platforms (one where every third entry is absent), one
/// source, two families, an alias on every tenth entry. As YAML text for the full pipeline, and as
/// a model for the emitter alone.
/// </summary>
public static class SyntheticCatalog
{
    public static string Yaml(int entries)
    {
        var yaml = new StringBuilder(entries * 400);
        yaml.Append("""
            schema: 1
            catalog:
              id: synthetic
              function: synthetic()
              title: A generated catalog for benchmarks
              description: Entries made up in code, to measure how the generator scales.
              prefix: Synthetic
              namespace: Benchmarks.Synthetic
            sources:
              - id: generator
                title: The benchmark's own generator
                attributions:
                  - id: made-up
                    description: made up for the benchmark
            platforms:
              - id: alpha
                symbol: Alpha
                value: 1
                title: Platform Alpha
                kind: errno
                reference: nowhere
              - id: beta
                symbol: Beta
                value: 2
                title: Platform Beta
                kind: errno
                reference: nowhere
              - id: gamma
                symbol: Gamma
                value: 3
                title: Platform Gamma
                kind: winsock
                reference: nowhere
            families:
              - id: first
                title: First family
                native: AF_FIRST
              - id: second
                title: Second family
                native: AF_SECOND
            classifications:
              - id: plain
                symbol: Plain
                value: 1
                title: Plain
                description: Nothing special.
            errors:

            """);
        for (var i = 1; i <= entries; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yaml.Append("  - name: ESYN").Append(n).Append('\n');
            yaml.Append("    symbol: Synthetic").Append(n).Append('\n');
            yaml.Append("    value: ").Append(n).Append('\n');
            yaml.Append("    summary: Synthetic error number ").Append(n).Append(" & friends.\n");
            yaml.Append("    action: Nothing to do.\n");
            yaml.Append("    classification: plain\n");
            yaml.Append("    codes: {alpha: ").Append(n)
                .Append(", beta: ").Append((i + 100_000).ToString(CultureInfo.InvariantCulture))
                .Append(", gamma: ").Append(i % 3 == 0 ? "absent" : (i + 200_000).ToString(CultureInfo.InvariantCulture)).Append("}\n");
            if (i % 10 == 0)
            {
                yaml.Append("    aliases: [{name: ESYNALIAS").Append(n).Append(", codes: {alpha: same, beta: absent, gamma: absent}}]\n");
            }

            yaml.Append("    sources: {generator: made-up}\n");
            yaml.Append("    families: [first, second]\n");
        }

        return yaml.ToString();
    }

    public static Catalog.Model.Catalog Model(int entries)
    {
        var platforms = EquatableArray.Create(
            new PlatformDefinition("alpha", "Alpha", 1, "Platform Alpha", PlatformKind.Errno, "nowhere", 1, int.MaxValue),
            new PlatformDefinition("beta", "Beta", 2, "Platform Beta", PlatformKind.Errno, "nowhere", 1, int.MaxValue),
            new PlatformDefinition("gamma", "Gamma", 3, "Platform Gamma", PlatformKind.Winsock, "nowhere", 1, int.MaxValue));
        var errors = Enumerable.Range(1, entries).Select(i =>
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var aliases = i % 10 == 0
                ? EquatableArray.Create(new Alias("ESYNALIAS" + n, EquatableArray.Create(
                    new AliasCode("alpha", AliasCodeKind.Same, 0),
                    new AliasCode("beta", AliasCodeKind.Absent, 0),
                    new AliasCode("gamma", AliasCodeKind.Absent, 0))))
                : EquatableArray<Alias>.Empty;
            return new ErrorEntry(
                "ESYN" + n,
                "Synthetic" + n,
                i,
                "Synthetic error number " + n + " & friends.",
                null,
                "Nothing to do.",
                "plain",
                null,
                null,
                EquatableArray.Create(
                    new PlatformCode("alpha", i),
                    new PlatformCode("beta", i + 100_000),
                    new PlatformCode("gamma", i % 3 == 0 ? null : i + 200_000)),
                aliases,
                EquatableArray.Create(new SourceListing("generator", EquatableArray.Create(new Attribution("made-up", null, null, null)))),
                EquatableArray.Create(new FamilyUse("first", null), new FamilyUse("second", null)),
                EquatableArray<Quirk>.Empty);
        }).ToEquatableArray();

        return new Catalog.Model.Catalog(
            new CatalogInfo("synthetic", "synthetic()", "A generated catalog for benchmarks", "Entries made up in code, to measure how the generator scales.", "Synthetic", "Benchmarks.Synthetic"),
            EquatableArray.Create(new SourceDefinition("generator", "The benchmark's own generator", null, null, EquatableArray.Create(new AttributionKind("made-up", "made up for the benchmark")))),
            platforms,
            EquatableArray.Create(new FamilyDefinition("first", "First family", "AF_FIRST"), new FamilyDefinition("second", "Second family", "AF_SECOND")),
            EquatableArray.Create(new ClassificationDefinition("plain", "Plain", 1, "Plain", "Nothing special.")),
            EquatableArray<GroupDefinition>.Empty,
            errors);
    }
}
