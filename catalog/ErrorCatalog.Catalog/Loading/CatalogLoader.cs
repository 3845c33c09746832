using System.IO;
using System.Text;
using ErrorCatalog.Catalog.Validation;

namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// Reads a catalog: YAML text in, a validated immutable <see cref="Model.Catalog"/> or diagnostics
/// out. Never throws for any text; hostile input (huge files, alias bombs, deep nesting) is refused
/// with a diagnostic after a bounded amount of work.
/// </summary>
public static class CatalogLoader
{
    /// <summary>Largest catalog text accepted, in characters (8 MiB); a real catalog is a few hundred KiB.</summary>
    public const int MaxTextLength = 8 * 1024 * 1024;

    /// <summary>Most YAML nodes accepted, counting each alias use as the full size of what it repeats.</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>Most problems listed per file; the rest are counted in one <c>ECAT034</c> warning, so that a broken or huge file cannot flood a build.</summary>
    public const int MaxDiagnostics = 100;

    /// <summary>Deepest nesting of lists and mappings accepted; the schema itself needs six levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads and validates <paramref name="text"/>; <paramref name="path"/> is used only in diagnostics.</summary>
    public static CatalogLoadResult Load(string path, string text) => Load(path, text, default);

    /// <summary>
    /// Reads and validates <paramref name="text"/> as the generator builds it: the generated
    /// names are checked with <paramref name="overrides"/> (build metadata) applied.
    /// </summary>
    public static CatalogLoadResult Load(string path, string text, NameOverrides overrides)
    {
        path ??= string.Empty;
        text ??= string.Empty;
        var context = new LoadContext(path, text);
        try
        {
            if (text.Length > MaxTextLength)
            {
                context.Report(CatalogDiagnosticDescriptors.InputTooLarge, 0, 0, TooLargeMessage(text.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters"));
                return Failed(context);
            }

            var root = YamlTreeReader.Read(context, text, out var failed);
            if (failed)
            {
                return Failed(context);
            }

            var catalog = CatalogReader.Read(context, root);
            if (context.HasErrors || catalog is null)
            {
                return Failed(context);
            }

            if (CatalogValidator.OverrideProblem(overrides) is { } overrideProblem)
            {
                context.Report(CatalogDiagnosticDescriptors.InvalidOverride, 0, 0, overrideProblem + " Correct the item metadata, or remove it to use the catalog's own.");
                return Failed(context);
            }

            var spans = context.Spans();
            foreach (var diagnostic in CatalogValidator.CheckNames(catalog, spans, overrides.Namespace ?? catalog.Info.Namespace, overrides.Prefix ?? catalog.Info.Prefix))
            {
                context.Report(diagnostic);
            }

            return context.HasErrors ? Failed(context) : new CatalogLoadResult(catalog, context.Sorted(), spans);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not the normal path: every problem of the input has its own diagnostic. This keeps
            // the promise never to throw if the loader itself has a bug.
            context.Report(
                CatalogDiagnosticDescriptors.YamlSyntax,
                0,
                0,
                "The catalog loader failed unexpectedly (" + exception.GetType().Name + ": " + exception.Message + "). This is a bug in the loader, not necessarily in the file: please report it with the file attached.");
            return Failed(context);
        }
    }

    /// <summary>Reads the file at <paramref name="path"/> (UTF-8, or UTF-16/UTF-32 with a byte-order mark; see <see cref="EncodingOf"/>) and loads it; a missing, unreadable, oversized or undecodable file gives a diagnostic.</summary>
    public static CatalogLoadResult LoadFile(string path)
    {
        path ??= string.Empty;
        byte[] bytes;
        try
        {
            // No encoding takes more than 4 bytes per UTF-16 character (UTF-32), so a larger file cannot fit the text limit.
            var length = new FileInfo(path).Length;
            if (length > (4L * MaxTextLength) + 4)
            {
                return Single(path, CatalogDiagnosticDescriptors.InputTooLarge, TooLargeMessage(length.ToString("N0", CultureInfo.InvariantCulture) + " bytes"));
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return Single(path, CatalogDiagnosticDescriptors.YamlSyntax, "The catalog file could not be read: " + exception.Message + " Check that the path is right and the file is readable.");
        }

        var (encoding, preamble) = EncodingOf(bytes);
        var body = new byte[bytes.Length - preamble];
        Array.Copy(bytes, preamble, body, 0, body.Length);
        string text;
        try
        {
            text = encoding.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            // The exception's byte index means different things per decoder; the replacement
            // character a lenient decoder puts in place of the first bad sequence is where it is
            // in the text (a file that also holds a literal U+FFFD earlier is pointed there instead).
            var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")).GetString(body);
            var at = Math.Max(0, lenient.IndexOf('\uFFFD'));
            var context = new LoadContext(path, lenient);
            context.Report(
                CatalogDiagnosticDescriptors.YamlSyntax,
                at,
                at,
                string.Format(CultureInfo.InvariantCulture, "The file is not valid {0}: the text cannot be decoded here. Save the catalog as UTF-8.", encoding.WebName.ToUpperInvariant()));
            return Failed(context);
        }

        return Load(path, text);
    }

    /// <summary>
    /// The one encoding rule for catalog files, the one the C# compiler applies to AdditionalFiles
    /// (so the generator and errcat read the same text): a byte-order mark selects UTF-8, UTF-16 or
    /// UTF-32 (little or big endian) and is not part of the text; without one the file is UTF-8.
    /// Decoding is strict: bytes that are not valid in the encoding are an error, never replaced.
    /// </summary>
    private static (Encoding Encoding, int Preamble) EncodingOf(byte[] bytes)
    {
        bool StartsWith(params byte[] mark)
        {
            if (bytes.Length < mark.Length)
            {
                return false;
            }

            for (var i = 0; i < mark.Length; i++)
            {
                if (bytes[i] != mark[i])
                {
                    return false;
                }
            }

            return true;
        }

        if (StartsWith(0xEF, 0xBB, 0xBF))
        {
            return (new UTF8Encoding(false, true), 3);
        }

        if (StartsWith(0xFF, 0xFE, 0x00, 0x00))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (StartsWith(0x00, 0x00, 0xFE, 0xFF))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (StartsWith(0xFF, 0xFE))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (StartsWith(0xFE, 0xFF))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (new UTF8Encoding(false, true), 0);
    }

    private static string TooLargeMessage(string size) => string.Format(
        CultureInfo.InvariantCulture,
        "The catalog is {0}, more than the {1:N0} characters the loader accepts. Split the catalog into several files, or remove repeated content.",
        size,
        MaxTextLength);

    private static CatalogLoadResult Single(string path, CatalogDiagnosticDescriptor descriptor, string message)
    {
        var context = new LoadContext(path, string.Empty);
        context.Report(descriptor, 0, 0, message);
        return Failed(context);
    }

    private static CatalogLoadResult Failed(LoadContext context) => new(null, context.Sorted(), context.Spans());
}
