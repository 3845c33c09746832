namespace ErrorCatalog.Cli.Output;

/// <summary>Everything about one error as readable text: facts, codes, sources, families, quirks.</summary>
public static class ErrorText
{
    /// <summary>
    /// The short form of what the real kernel shows: per platform, the scenarios that give this
    /// error; the scenarios that predict it but get something else; the platforms that never
    /// return it; kernel source locations. Nothing when the catalog says none of these.
    /// </summary>
    public static void WriteScenarios(TextWriter output, CatalogModel catalog, ErrorEntry error)
    {
        var lines = new List<string>();
        var happening = catalog.ScenariosWithResult(error.Name).ToList();
        foreach (var platform in catalog.Platforms)
        {
            var ids = happening.Where(s => s.Platform == platform.Id).Select(s => s.Id).ToList();
            if (ids.Count > 0)
            {
                lines.Add($"On {platform.Id}: {Count(ids.Count, "scenario")} ({string.Join(", ", ids)})");
            }
        }

        var connect = happening.Select(s => s.DotNetConnect).OfType<string>().Distinct().ToList();
        var connectAsync = happening.Select(s => s.DotNetConnectAsync).OfType<string>().Distinct().ToList();
        if (connect.Count > 0 || connectAsync.Count > 0)
        {
            var reported = connect.Concat(connectAsync).Distinct().ToList();
            var mapped = error.DotNetTableMember;
            var differs = reported.Any(r => r != mapped)
                ? $"; the errno table maps it to SocketError.{mapped}"
                : string.Empty;
            lines.Add($".NET in those scenarios: Socket.Connect {Values(connect)}, Socket.ConnectAsync {Values(connectAsync)}{differs}");
        }

        foreach (var scenario in catalog.ScenariosBlaming(error.Name))
        {
            var predictedBy = scenario.NaiveSource is null ? string.Empty : $" (predicted by: {scenario.NaiveSource})";
            lines.Add($"Not this error: {scenario.Id} gives {scenario.Result}{predictedBy}");
        }

        foreach (var notReturned in error.NotReturned)
        {
            lines.Add($"{notReturned.Platform} never returns it: {notReturned.Why}");
        }

        foreach (var source in error.KernelSources)
        {
            var families = source.Families.IsEmpty ? string.Empty : $" [{string.Join(", ", source.Families)}]";
            lines.Add($"Kernel source: {source.At}{families}: {source.Says}");
        }

        if (lines.Count == 0)
        {
            return;
        }

        output.Write("\nOn the real kernel\n");
        foreach (var line in lines)
        {
            output.Write($"  {line}\n");
        }

        if (happening.Count > 0 || catalog.ScenariosBlaming(error.Name).Any())
        {
            output.Write("  (errcat reproduce ID runs a scenario; errcat show --json lists them in full)\n");
        }
    }

    private static string Values(List<string> values) => values.Count == 0 ? "(not recorded)" : string.Join("/", values);

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    public static void Write(TextWriter output, CatalogModel catalog, ErrorEntry error, PlatformDefinition? highlight = null)
    {
        output.Write($"{error.Name} ({GeneratedNames.ErrorMember(catalog, error)})\n");
        output.Write($"  {error.Summary}\n\n");

        var facts = new TextTable("FIELD", "VALUE");
        if (error.Details is not null)
        {
            facts.Add("details", error.Details);
        }

        if (error.Aliases.Count > 0)
        {
            facts.Add("aliases", string.Join(", ", error.Aliases.Select(a => a.Name)));
        }

        if (highlight is not null)
        {
            var names = error.NamesOn(highlight.Id).Select(n => highlight.NativeName(n.Name) + " = " + n.Code.ToString(CultureInfo.InvariantCulture)).ToList();
            var canonicalAbsent = error.CodeOn(highlight.Id) is null ? $" ({error.Name} itself is not defined there)" : string.Empty;
            facts.Add("code on " + highlight.Id, names.Count == 0 ? "absent (not defined there)" : string.Join(", ", names) + canonicalAbsent);
        }

        var classification = catalog.FindClassification(error.Classification);
        facts.Add("classification", classification is null ? error.Classification : $"{classification.Id}: {classification.Title}");
        if (error.Group is not null)
        {
            facts.Add("group", error.Group);
        }

        facts.Add("what to do", error.Action);
        facts.Add(".NET", error.DotNet is null ? "(no SocketError member)" : "SocketError." + error.DotNet);
        var exceptionParent = GeneratedNames.ExceptionParent(catalog, error);
        facts.Add("generated", $"{GeneratedNames.ErrorMember(catalog, error)}, {GeneratedNames.ExceptionType(catalog, error)}"
            + (exceptionParent == GeneratedNames.ExceptionClass(catalog) ? string.Empty : $" (a {exceptionParent})"));
        facts.Add("families", string.Join(", ", error.Families.Select(f => f.Family)));
        facts.WriteTo(output);
        WriteScenarios(output, catalog, error);

        output.Write("\nCodes\n");
        var codes = new TextTable("PLATFORM", "CODE", "OTHER NAMES");
        foreach (var platform in catalog.Platforms)
        {
            var canonical = error.CodeOn(platform.Id);
            var others = new List<string>();
            foreach (var alias in error.Aliases)
            {
                if (alias.CodeOn(platform.Id, canonical) is int aliasCode)
                {
                    others.Add(aliasCode == canonical ? alias.Name + " (same)" : alias.Name + "=" + aliasCode.ToString(CultureInfo.InvariantCulture));
                }
            }

            codes.Add(
                platform.Id,
                canonical is int c ? c.ToString(CultureInfo.InvariantCulture) : "absent",
                string.Join(", ", others));
        }

        codes.WriteTo(output);

        output.Write("\nSources\n");
        var sources = new TextTable("SOURCE", "HOW", "NAME", "NOTE");
        foreach (var source in catalog.Sources)
        {
            var listing = error.ListingBy(source.Id);
            if (listing is null)
            {
                sources.Add(source.Id, "(not listed)", string.Empty, string.Empty);
                continue;
            }

            foreach (var attribution in listing.Attributions)
            {
                var note = attribution.Note ?? string.Empty;
                if (attribution.Erratum is not null)
                {
                    note = (note.Length > 0 ? note + " " : string.Empty) + "ERRATUM: " + attribution.Erratum;
                }

                sources.Add(source.Id, attribution.How, attribution.Name ?? string.Empty, note);
            }
        }

        sources.WriteTo(output);

        var meanings = error.Families.Where(f => f.Meaning is not null).ToList();
        if (meanings.Count > 0)
        {
            output.Write("\nPer family\n");
            var families = new TextTable("FAMILY", "MEANING");
            foreach (var family in meanings)
            {
                families.Add(family.Family, family.Meaning);
            }

            families.WriteTo(output);
        }

        if (error.Quirks.Count > 0)
        {
            output.Write("\nQuirks\n");
            foreach (var quirk in error.Quirks)
            {
                var where = quirk.Platforms.Count == 0 ? "all platforms" : string.Join(", ", quirk.Platforms);
                output.Write($"- [{where}] {quirk.Text}{(quirk.Evidence is null ? string.Empty : $" (evidence: {quirk.Evidence})")}\n");
            }
        }
    }
}
