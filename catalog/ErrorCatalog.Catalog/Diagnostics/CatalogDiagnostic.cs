namespace ErrorCatalog.Catalog.Diagnostics;

/// <summary>
/// Where in a catalog file something is. Lines and columns are 1-based, as editors and compilers
/// print them; <see cref="Start"/> and <see cref="Length"/> are character offsets into the text.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan Empty => new(0, 0, 1, 1, 1, 1);
}

/// <summary>How serious a diagnostic is.</summary>
public enum CatalogSeverity
{
    Error,
    Warning,
}

/// <summary>A problem found in a catalog file, carried as data (id, message, file, span).</summary>
/// <param name="Id">Stable id such as <c>ECAT004</c>; see <see cref="CatalogDiagnosticDescriptors"/>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Path">The catalog file.</param>
/// <param name="Span">Where in the file.</param>
public readonly record struct CatalogDiagnostic(string Id, CatalogSeverity Severity, string Message, string Path, SourceSpan Span)
{
    /// <summary>Compiler style: <c>file(line,col): error ECAT004: message</c>.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}({1},{2}): {3} {4}: {5}",
        Path,
        Span.Line,
        Span.Column,
        Severity == CatalogSeverity.Error ? "error" : "warning",
        Id,
        Message);
}
