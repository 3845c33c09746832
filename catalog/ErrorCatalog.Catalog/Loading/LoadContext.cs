namespace ErrorCatalog.Catalog.Loading;

/// <summary>The file being loaded and the diagnostics found in it so far.</summary>
internal sealed class LoadContext
{
    private readonly List<CatalogDiagnostic> diagnostics = new();
    private Dictionary<CatalogPlace, SourceSpan> spans = new();

    public LoadContext(string path, string text)
    {
        Path = path;
        Lines = new TextLines(text);
    }

    public string Path { get; }

    public TextLines Lines { get; }

    public bool HasErrors { get; private set; }

    public void Report(CatalogDiagnosticDescriptor descriptor, int start, int end, string message)
    {
        HasErrors = true;
        diagnostics.Add(new CatalogDiagnostic(descriptor.Id, CatalogSeverity.Error, message, Path, Lines.Span(start, end)));
    }

    /// <summary>Adds a diagnostic made elsewhere (by a check after loading) for this file.</summary>
    public void Report(CatalogDiagnostic diagnostic)
    {
        HasErrors |= diagnostic.Severity == CatalogSeverity.Error;
        diagnostics.Add(diagnostic);
    }

    /// <summary>Reports at a node: a scalar's whole text, or the first line of a collection (a whole mapping would underline half the file).</summary>
    public void Report(CatalogDiagnosticDescriptor descriptor, YamlNode node, string message)
    {
        var end = node is YamlScalar ? node.End : Lines.EndOfLine(node.Start, node.End);
        Report(descriptor, node.Start, end, message);
    }

    /// <summary>Remembers where <paramref name="place"/> is (the first record of a place wins): a scalar's whole text, or the first line of a collection.</summary>
    public void RecordSpan(CatalogPlace place, YamlNode node)
    {
        if (!spans.ContainsKey(place))
        {
            spans.Add(place, Lines.Span(node.Start, node is YamlScalar ? node.End : Lines.EndOfLine(node.Start, node.End)));
        }
    }

    /// <summary>
    /// Makes room for <paramref name="more"/> places at once (netstandard2.0 has no
    /// <c>EnsureCapacity</c>), so that a large catalog's entries do not regrow the table again and again.
    /// </summary>
    public void ReserveSpans(int more)
    {
        var larger = new Dictionary<CatalogPlace, SourceSpan>(spans.Count + more);
        foreach (var pair in spans)
        {
            larger.Add(pair.Key, pair.Value);
        }

        spans = larger;
    }

    /// <summary>Every recorded place; call once, when loading is over.</summary>
    public CatalogSpans Spans() => new(Path, spans);

    public string LineOf(YamlNode node) => Lines.Position(node.Start).Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The diagnostics in file order (ties keep the order they were found in), without repeats (a
    /// node reached through two aliases reports once): the first <see cref="CatalogLoader.MaxDiagnostics"/>,
    /// then, if there were more, one <c>ECAT034</c> warning at the first one left out that says how many.
    /// </summary>
    public EquatableArray<CatalogDiagnostic> Sorted()
    {
        var seen = new HashSet<CatalogDiagnostic>();
        var ordered = diagnostics
            .Select((diagnostic, index) => (diagnostic, index))
            .OrderBy(d => d.diagnostic.Span.Start)
            .ThenBy(d => d.index)
            .Select(d => d.diagnostic)
            .Where(seen.Add)
            .ToList();
        if (ordered.Count <= CatalogLoader.MaxDiagnostics)
        {
            return ordered.ToEquatableArray();
        }

        var left = ordered.Count - CatalogLoader.MaxDiagnostics;
        var firstLeftOut = ordered[CatalogLoader.MaxDiagnostics];
        var kept = ordered.Take(CatalogLoader.MaxDiagnostics).ToList();
        kept.Add(new CatalogDiagnostic(
            CatalogDiagnosticDescriptors.TooManyProblems.Id,
            CatalogDiagnosticDescriptors.TooManyProblems.Severity,
            string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "{0:N0} more problems were found from here on and are not listed: only the first {1} problems of a file are. Fix those (often one mistake repeated in many entries) and check the file again.",
                left,
                CatalogLoader.MaxDiagnostics),
            Path,
            firstLeftOut.Span));
        return kept.ToEquatableArray();
    }
}
