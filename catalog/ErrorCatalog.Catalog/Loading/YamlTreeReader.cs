using System.IO;
using YamlDotNet.Core;

namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from a YAML event source (<see cref="YamlTokenEvents"/>,
/// YamlDotNet's scanner tokens read by the YAML grammar) while enforcing the loader's limits.
/// Aliases share the anchored node instead of copying it, and each use counts the anchored
/// subtree's full size, so an alias bomb is refused after a bounded amount of work.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly LoadContext context;
    private readonly string text;
    private readonly int offset;
    // The collections being read, outermost first. Frames (and their child buffers) are reused
    // from one collection to the next at the same depth, so a node's children cost one exact-size
    // array when it closes instead of a growing list per node.
    private readonly List<Frame> frames = new();
    private int depth;
    private readonly Dictionary<string, YamlNode> anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> openAnchors = new(StringComparer.Ordinal);
    private long expandedNodes;
    private YamlNode? root;
    private int lastGoodOffset;

    private YamlTreeReader(LoadContext context, string text)
    {
        this.context = context;

        // YamlDotNet keeps a byte-order mark as part of the first scalar, so parse without it and
        // shift its offsets back.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            this.text = text.Substring(1);
            offset = 1;
        }
        else
        {
            this.text = text;
        }
    }

    /// <summary>The document's root node, or null when the text could not be read (diagnostics say why) or holds no document.</summary>
    public static YamlNode? Read(LoadContext context, string text, out bool failed) =>
        Read(context, text, input => new YamlTokenEvents(input), out failed);

    /// <summary>Reads with another event source (the tests compare with YamlDotNet's Parser).</summary>
    internal static YamlNode? Read(LoadContext context, string text, Func<TextReader, IYamlEvents> source, out bool failed)
    {
        var reader = new YamlTreeReader(context, text);
        failed = !reader.Run(source(new StringReader(reader.text)));
        return failed ? null : reader.root;
    }

    private bool Run(IYamlEvents current)
    {
        var documents = 0;
        while (true)
        {
            try
            {
                if (!current.MoveNext())
                {
                    return true;
                }
            }
            catch (YamlException exception)
            {
                var at = Offset(exception.Start);
                if (TabIndentNear(at) is int tab)
                {
                    // YamlDotNet stops at the end of the line before a tab-indented one; point at the tab.
                    context.Report(
                        CatalogDiagnosticDescriptors.YamlSyntax,
                        tab,
                        tab + 1,
                        "This line is indented with a tab, and YAML indents with spaces only. Replace the tab with spaces. Nothing after this point was read.");
                    return false;
                }

                context.Report(
                    CatalogDiagnosticDescriptors.YamlSyntax,
                    at,
                    at,
                    "The YAML cannot be read here. " + SyntaxHint(exception.Message) + " Nothing after this point was read.");
                return false;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // YamlDotNet signals malformed input with YamlException; anything else is still a
                // problem of this text, reported where reading last succeeded.
                context.Report(
                    CatalogDiagnosticDescriptors.YamlSyntax,
                    lastGoodOffset,
                    lastGoodOffset,
                    "The YAML parser could not read the text after this point (" + exception.GetType().Name + ": " + exception.Message + "). Check the YAML from here on for unusual constructs; nothing after this point was read.");
                return false;
            }

            lastGoodOffset = Offset(current.End);
            switch (current.Kind)
            {
                case YamlEventKind.DocumentStart:
                    documents++;
                    if (documents > 1)
                    {
                        var at = Offset(current.Start);
                        context.Report(
                            CatalogDiagnosticDescriptors.WrongType,
                            at,
                            context.Lines.EndOfLine(at),
                            "The file holds a second YAML document here. A catalog is one document: remove the '---' separator and what follows, or merge it into the first document.");
                        return false;
                    }

                    break;
                case YamlEventKind.Scalar:
                    CheckTag(current);
                    if (!Add(new YamlScalar(Offset(current.Start), Offset(current.End), current.Value, current.Style), current.Anchor))
                    {
                        return false;
                    }

                    break;
                case YamlEventKind.MappingStart:
                    CheckTag(current);
                    if (!Open(new YamlMapping(Offset(current.Start)), current.Anchor))
                    {
                        return false;
                    }

                    break;
                case YamlEventKind.SequenceStart:
                    CheckTag(current);
                    if (!Open(new YamlSequence(Offset(current.Start)), current.Anchor))
                    {
                        return false;
                    }

                    break;
                case YamlEventKind.MappingEnd:
                case YamlEventKind.SequenceEnd:
                    var frame = frames[--depth];
                    var node = frame.Close();
                    node.End = Offset(current.End);
                    if (!frame.Anchor.IsEmpty)
                    {
                        openAnchors.Remove(frame.Anchor.Value);
                    }

                    if (!Attach(node, frame.Anchor))
                    {
                        return false;
                    }

                    break;
                case YamlEventKind.Alias:
                    if (!UseAlias(current))
                    {
                        return false;
                    }

                    break;
            }
        }
    }

    /// <summary>The offset of a tab in the indentation of the line holding <paramref name="at"/> or of the next line, if there is one.</summary>
    private int? TabIndentNear(int at)
    {
        var lines = context.Lines;
        var full = context.Lines.Length;
        var lineStart = at;
        while (lineStart > 0 && !TextLines.IsLineBreak(FullText(lineStart - 1)))
        {
            lineStart--;
        }

        for (var line = 0; line < 2 && lineStart < full; line++)
        {
            for (var i = lineStart; i < full && FullText(i) is ' ' or '\t'; i++)
            {
                if (FullText(i) == '\t')
                {
                    return i;
                }
            }

            lineStart = lines.EndOfLine(lineStart);
            if (lineStart < full && FullText(lineStart) == '\r' && lineStart + 1 < full && FullText(lineStart + 1) == '\n')
            {
                lineStart++;
            }

            lineStart++;
        }

        return null;
    }

    /// <summary>A character of the whole text, byte-order mark included, by the offsets diagnostics use.</summary>
    private char FullText(int index) => index < offset ? '\uFEFF' : text[index - offset];

    /// <summary>The likely cause of YamlDotNet's most common complaints, in terms of what to change.</summary>
    private static string SyntaxHint(string message)
    {
        if (message.IndexOf("quoted scalar", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "A quoted value is not closed, or uses an escape YAML does not know: close the quote, and write a backslash as '\\\\' inside double quotes.";
        }

        if (message.IndexOf("invalid mapping", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("expected ':'", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "An unquoted value probably contains ': ' (or a key lost its colon): put the value in quotes, or fix the key.";
        }

        if (message.IndexOf("did not find expected key", StringComparison.OrdinalIgnoreCase) >= 0
            || message.IndexOf("indentation", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "A line is indented differently from the keys around it, or a quoted value has text after its closing quote: align the line with its siblings, or quote the whole value.";
        }

        if (message.IndexOf("cannot start any token", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return "A value starts with a character YAML reserves (such as '@', '`', '%' or a tab): put the value in quotes, and indent with spaces only.";
        }

        return "Correct the YAML here: look for an unclosed quote or bracket, a tab used for indentation, or a line indented inconsistently with its neighbours.";
    }

    private void CheckTag(IYamlEvents node)
    {
        if (!node.Tag.IsEmpty)
        {
            var at = Offset(node.Start);
            var tag = node.Tag.IsNonSpecific ? "!" : node.Tag.Value;
            context.Report(
                CatalogDiagnosticDescriptors.WrongType,
                at,
                Math.Max(at, Offset(node.End)),
                "The YAML tag '" + YamlScalar.Shorten(tag) + "' is not part of the catalog schema. Remove it; quote a value ('\"...\"') if it must stay text.");
        }
    }

    private bool Open(YamlCollection node, AnchorName anchor)
    {
        if (!Count(1, node))
        {
            return false;
        }

        if (depth + 1 > CatalogLoader.MaxDepth)
        {
            ReportTooDeep(node.Start);
            return false;
        }

        if (!anchor.IsEmpty)
        {
            openAnchors.Add(anchor.Value);
        }

        if (depth == frames.Count)
        {
            frames.Add(new Frame());
        }

        frames[depth++].Reset(node, anchor);
        return true;
    }

    private bool Add(YamlNode node, AnchorName anchor) => Count(1, node) && Attach(node, anchor);

    private bool UseAlias(IYamlEvents alias)
    {
        var start = Offset(alias.Start);
        var end = Offset(alias.End);
        var name = alias.Anchor.Value;
        if (openAnchors.Contains(name))
        {
            context.Report(
                CatalogDiagnosticDescriptors.YamlSyntax,
                start,
                end,
                "The alias '*" + name + "' refers to a node that contains it, which would repeat forever. Replace the alias with the values it should stand for.");
            return false;
        }

        if (!anchors.TryGetValue(name, out var target))
        {
            context.Report(
                CatalogDiagnosticDescriptors.YamlSyntax,
                start,
                end,
                "The alias '*" + name + "' refers to no anchor. Define '&" + name + "' on a node before this point, or write the value out.");
            return false;
        }

        if (depth + target.Height > CatalogLoader.MaxDepth)
        {
            ReportTooDeep(start);
            return false;
        }

        return Count(target.ExpandedSize, new YamlScalar(start, end, string.Empty, ScalarStyle.Plain)) && Attach(target, default);
    }

    private bool Count(long nodes, YamlNode at)
    {
        expandedNodes += nodes;
        if (expandedNodes > CatalogLoader.MaxNodes)
        {
            context.Report(
                CatalogDiagnosticDescriptors.InputTooLarge,
                at.Start,
                Math.Max(at.Start, at.End),
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The catalog has more than {0:N0} YAML nodes once its aliases are expanded (reached here). Remove the aliases that repeat large parts of the document, or split the catalog.",
                    CatalogLoader.MaxNodes));
            return false;
        }

        return true;
    }

    private void ReportTooDeep(int at) => context.Report(
        CatalogDiagnosticDescriptors.NestingTooDeep,
        at,
        at,
        string.Format(
            CultureInfo.InvariantCulture,
            "Lists and mappings are nested more than {0} levels deep here. The schema needs no more than a few levels: flatten this structure.",
            CatalogLoader.MaxDepth));

    /// <summary>Places a finished node into its parent (or makes it the root) and records its anchor.</summary>
    private bool Attach(YamlNode node, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        if (depth == 0)
        {
            root = node;
            return true;
        }

        frames[depth - 1].Add(node);
        return true;
    }

    private int Offset(Mark mark)
    {
        var index = mark.Index + offset;
        return index < 0 ? 0 : index > text.Length + offset ? text.Length + offset : (int)index;
    }

    /// <summary>A mapping or list being read, and its children so far.</summary>
    private sealed class Frame
    {
        private readonly List<YamlNode> items = new();
        private readonly List<KeyValuePair<YamlNode, YamlNode>> entries = new();
        private YamlNode? pendingKey;

        public YamlCollection Node { get; private set; } = null!;

        public AnchorName Anchor { get; private set; }

        public void Reset(YamlCollection node, AnchorName anchor)
        {
            Node = node;
            Anchor = anchor;
            pendingKey = null;
            items.Clear();
            entries.Clear();
        }

        public void Add(YamlNode child)
        {
            Node.Include(child);
            if (Node is YamlSequence)
            {
                items.Add(child);
            }
            else if (pendingKey is null)
            {
                pendingKey = child;
            }
            else
            {
                entries.Add(new(pendingKey, child));
                pendingKey = null;
            }
        }

        /// <summary>Hands the children to the node, which is complete now.</summary>
        public YamlNode Close()
        {
            switch (Node)
            {
                case YamlSequence sequence:
                    sequence.Items = new NodeList<YamlNode>(items.ToArray());
                    break;
                case YamlMapping mapping:
                    mapping.Entries = new NodeList<KeyValuePair<YamlNode, YamlNode>>(entries.ToArray());
                    break;
            }

            return Node;
        }
    }
}
