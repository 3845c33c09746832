using System.Collections.Generic;
using System.Globalization;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Model;

namespace ErrorCatalog.Catalog.Loading;

// The parts of platform and classification declarations beyond names and prose: their stable enum
// values, and a platform's 'runs-on' (where its codes are reported), with the checks across
// declarations (unique values, no two columns for one operating system and processor).
internal sealed partial class CatalogReader
{
    private static readonly string[] RunsOnKeys = { "os", "arch" };

    private readonly List<(long Value, YamlNode Node, string Id)> platformValueUses = new();
    private readonly List<(long Value, YamlNode Node, string Id)> classificationValueUses = new();
    private readonly List<(string Id, YamlNode Node, PlatformRunsOn RunsOn)> runsOnUses = new();

    private long? ReadDeclarationValue(MappingFields fields, string id, List<(long Value, YamlNode Node, string Id)> uses)
    {
        var value = fields.RequiredInteger("value", "the stable enum value, a positive whole number never reused", 1, int.MaxValue);
        // Compared only under a readable id, once per id: a declaration without one, or declared
        // twice, has already been reported (ECAT005, ECAT019, ECAT020).
        if (value is long v && id.Length > 0 && !uses.Exists(use => use.Id == id))
        {
            uses.Add((v, fields.Value("value")!, id));
        }

        return value;
    }

    private void CheckUniqueDeclarationValues(string kind, List<(long Value, YamlNode Node, string Id)> uses)
    {
        var first = new Dictionary<long, (long Value, YamlNode Node, string Id)>();
        var largest = 0L;
        foreach (var use in uses)
        {
            largest = System.Math.Max(largest, use.Value);
        }

        foreach (var use in uses)
        {
            if (!first.TryGetValue(use.Value, out var earlier))
            {
                first.Add(use.Value, use);
                continue;
            }

            context.Report(
                CatalogDiagnosticDescriptors.DuplicateDeclarationValue,
                use.Node,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The value {0} of {1} '{2}' is already the value of {1} '{3}' (line {4}). Give this {1} an unused value (the largest so far is {5}); never reuse or renumber a released one.",
                    use.Value,
                    kind,
                    use.Id,
                    earlier.Id,
                    context.LineOf(earlier.Node),
                    largest));
        }
    }

    /// <summary>The platform's optional 'runs-on'; null when it is left out, empty, or wrong (after reporting).</summary>
    private PlatformRunsOn? ReadRunsOn(MappingFields platform, string id)
    {
        var fields = OpenOptionalMapping(platform, "runs-on", "the 'runs-on' of platform '" + id + "'", RunsOnKeys);
        if (fields is null)
        {
            return null;
        }

        var systems = ReadRunsOnNames(fields, "os", required: true, RunsOnVocabulary.OperatingSystems, CatalogDiagnosticDescriptors.UnknownOperatingSystem, "operating systems, as System.OperatingSystem.IsOSPlatform names them");
        var architectures = ReadRunsOnNames(fields, "arch", required: false, RunsOnVocabulary.Architectures, CatalogDiagnosticDescriptors.UnknownArchitecture, "process architectures, System.Runtime.InteropServices.Architecture members in lower case");
        if (systems is null || architectures is null)
        {
            return null;
        }

        var runsOn = new PlatformRunsOn(systems.Value, architectures.Value);

        // A platform declared twice (ECAT019) is compared with the others once.
        if (id.Length > 0 && !runsOnUses.Exists(use => use.Id == id))
        {
            runsOnUses.Add((id, platform.Value("runs-on")!, runsOn));
        }

        return runsOn;
    }

    /// <summary>A list of vocabulary words under <paramref name="key"/>: empty when an optional list is left out; null after reporting a problem.</summary>
    private EquatableArray<string>? ReadRunsOnNames(MappingFields fields, string key, bool required, IReadOnlyList<string> vocabulary, CatalogDiagnosticDescriptor unknown, string what)
    {
        var list = fields.List(key, what, required, nonEmpty: false);
        if (list is null)
        {
            // Missing and required, or not a list: reported. Left out and optional: any.
            return required || (fields.Value(key) is { } value && value is not YamlScalar { IsNull: true }) ? null : EquatableArray<string>.Empty;
        }

        if (list.Items.Count == 0)
        {
            context.Report(
                CatalogDiagnosticDescriptors.EmptyRunsOnList,
                fields.Key(key)!,
                "'" + key + "' of " + fields.Owner + " is an empty list, which would match nothing" + (required ? string.Empty : " (leave 'arch' out to match any processor)")
                + ". List at least one of " + Naming.List(vocabulary) + ".");
            return null;
        }

        var words = ReadWords(fields, key, list, "one name (" + what + ")", string.Empty, out var valid);
        var names = new List<string>(words.Count);
        foreach (var scalar in words)
        {
            var name = scalar.Value;
            if (!vocabulary.Contains(name))
            {
                context.Report(
                    unknown,
                    scalar,
                    "'" + YamlScalar.Shorten(name) + "' in '" + key + "' of " + fields.Owner + " is not one of the " + what + " the catalog knows: " + Naming.List(vocabulary) + "."
                    + Naming.Suggestion(name, vocabulary));
                valid = false;
                continue;
            }

            names.Add(name);
        }

        return valid ? names.ToEquatableArray() : null;
    }

    /// <summary>Two columns that claim the same operating system and processor would make the running system's numbering ambiguous.</summary>
    private void CheckRunsOnOverlaps()
    {
        for (var later = 1; later < runsOnUses.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                if (runsOnUses[later].RunsOn.FirstSharedTarget(runsOnUses[earlier].RunsOn) is { } shared)
                {
                    context.Report(
                        CatalogDiagnosticDescriptors.OverlappingRunsOn,
                        runsOnUses[later].Node,
                        "Platform '" + runsOnUses[later].Id + "' runs on " + shared.System + " with " + shared.Architecture + " processes, and so does platform '" + runsOnUses[earlier].Id
                        + "' (line " + context.LineOf(runsOnUses[earlier].Node) + "), so the running system's column would be ambiguous. Narrow one 'runs-on' (its 'os' or 'arch') so that each operating system and processor belongs to one column.");
                    break;
                }
            }
        }
    }
}
