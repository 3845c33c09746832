using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Catalog.Diagnostics;
using ErrorCatalog.Catalog.Model;

namespace ErrorCatalog.Catalog.Loading;

/// <summary>The file being loaded and the diagnostics found in it so far.</summary>
internal sealed class LoadContext
{
    private readonly List<CatalogDiagnostic> diagnostics = new();

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

    /// <summary>Reports at a node: a scalar's whole text, or the first line of a collection (a whole mapping would underline half the file).</summary>
    public void Report(CatalogDiagnosticDescriptor descriptor, YamlNode node, string message)
    {
        var end = node is YamlScalar ? node.End : Lines.EndOfLine(node.Start, node.End);
        Report(descriptor, node.Start, end, message);
    }

    public string LineOf(YamlNode node) => Lines.Position(node.Start).Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The diagnostics in file order (ties keep the order they were found in), without repeats (a node reached through two aliases reports once).</summary>
    public EquatableArray<CatalogDiagnostic> Sorted()
    {
        var seen = new HashSet<CatalogDiagnostic>();
        return diagnostics
            .Select((diagnostic, index) => (diagnostic, index))
            .OrderBy(d => d.diagnostic.Span.Start)
            .ThenBy(d => d.index)
            .Select(d => d.diagnostic)
            .Where(seen.Add)
            .ToEquatableArray();
    }
}
