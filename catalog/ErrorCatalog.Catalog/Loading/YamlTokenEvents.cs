using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;
using AnchorToken = YamlDotNet.Core.Tokens.Anchor;
using TagToken = YamlDotNet.Core.Tokens.Tag;
using ValueToken = YamlDotNet.Core.Tokens.Value;

namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// YAML's grammar over the tokens of YamlDotNet's <see cref="Scanner"/>, which does the hard part
/// (quoting, escapes, folding, indentation, simple keys). It follows YamlDotNet's <c>Parser</c>
/// (16.3.0) production by production, asks the scanner for tokens in the same order and refuses
/// the same token sequences at the same tokens, so what it accepts, where it stops and the tree
/// built from it are the Parser's; only the event objects are gone. The differential test
/// (YamlTokenEventsTests) holds it to that.
/// </summary>
internal sealed class YamlTokenEvents : IYamlEvents
{
    private readonly Scanner scanner;
    private readonly Stack<State> states = new();
    private readonly TagDirectiveCollection tagDirectives = new();
    private State state;
    private Token? currentToken;
    private VersionDirective? version;

    public YamlTokenEvents(TextReader input) => scanner = new Scanner(input);

    private enum State
    {
        StreamStart,
        ImplicitDocumentStart,
        DocumentStart,
        DocumentContent,
        DocumentEnd,
        BlockNode,
        BlockNodeOrIndentlessSequence,
        FlowNode,
        BlockSequenceFirstEntry,
        BlockSequenceEntry,
        IndentlessSequenceEntry,
        BlockMappingFirstKey,
        BlockMappingKey,
        BlockMappingValue,
        FlowSequenceFirstEntry,
        FlowSequenceEntry,
        FlowSequenceEntryMappingKey,
        FlowSequenceEntryMappingValue,
        FlowSequenceEntryMappingEnd,
        FlowMappingFirstKey,
        FlowMappingKey,
        FlowMappingValue,
        FlowMappingEmptyValue,
        StreamEnd,
    }

    public YamlEventKind Kind { get; private set; }

    public Mark Start { get; private set; }

    public Mark End { get; private set; }

    public string Value { get; private set; } = string.Empty;

    public ScalarStyle Style { get; private set; }

    public AnchorName Anchor { get; private set; }

    public TagName Tag { get; private set; }

    public bool MoveNext()
    {
        if (state == State.StreamEnd)
        {
            Kind = YamlEventKind.None;
            return false;
        }

        switch (state)
        {
            case State.StreamStart:
                ReadStreamStart();
                break;
            case State.ImplicitDocumentStart:
                ReadDocumentStart(isImplicit: true);
                break;
            case State.DocumentStart:
                ReadDocumentStart(isImplicit: false);
                break;
            case State.DocumentContent:
                ReadDocumentContent();
                break;
            case State.DocumentEnd:
                ReadDocumentEnd();
                break;
            case State.BlockNode:
                ReadNode(isBlock: true, isIndentlessSequence: false);
                break;
            case State.BlockNodeOrIndentlessSequence:
                ReadNode(isBlock: true, isIndentlessSequence: true);
                break;
            case State.FlowNode:
                ReadNode(isBlock: false, isIndentlessSequence: false);
                break;
            case State.BlockSequenceFirstEntry:
                ReadBlockSequenceEntry(isFirst: true);
                break;
            case State.BlockSequenceEntry:
                ReadBlockSequenceEntry(isFirst: false);
                break;
            case State.IndentlessSequenceEntry:
                ReadIndentlessSequenceEntry();
                break;
            case State.BlockMappingFirstKey:
                ReadBlockMappingKey(isFirst: true);
                break;
            case State.BlockMappingKey:
                ReadBlockMappingKey(isFirst: false);
                break;
            case State.BlockMappingValue:
                ReadBlockMappingValue();
                break;
            case State.FlowSequenceFirstEntry:
                ReadFlowSequenceEntry(isFirst: true);
                break;
            case State.FlowSequenceEntry:
                ReadFlowSequenceEntry(isFirst: false);
                break;
            case State.FlowSequenceEntryMappingKey:
                ReadFlowSequenceEntryMappingKey();
                break;
            case State.FlowSequenceEntryMappingValue:
                ReadFlowSequenceEntryMappingValue();
                break;
            case State.FlowSequenceEntryMappingEnd:
                ReadFlowSequenceEntryMappingEnd();
                break;
            case State.FlowMappingFirstKey:
                ReadFlowMappingKey(isFirst: true);
                break;
            case State.FlowMappingKey:
                ReadFlowMappingKey(isFirst: false);
                break;
            case State.FlowMappingValue:
                ReadFlowMappingValue(isEmpty: false);
                break;
            default:
                ReadFlowMappingValue(isEmpty: true);
                break;
        }

        return true;
    }

    /// <summary>The token being looked at, fetched from the scanner when the last one was consumed (null after the stream's end).</summary>
    private Token? Current()
    {
        if (currentToken is null && scanner.MoveNextWithoutConsuming())
        {
            currentToken = scanner.Current;
        }

        return currentToken;
    }

    private void Skip()
    {
        if (currentToken is not null)
        {
            currentToken = null;
            scanner.ConsumeCurrent();
        }
    }

    private void Emit(YamlEventKind kind, Mark start, Mark end)
    {
        Kind = kind;
        Start = start;
        End = end;
        Value = string.Empty;
        Style = default;
        Anchor = AnchorName.Empty;
        Tag = TagName.Empty;
    }

    private void EmitNode(YamlEventKind kind, AnchorName anchor, TagName tag, Mark start, Mark end)
    {
        Emit(kind, start, end);
        Anchor = anchor;
        Tag = tag;
    }

    private void EmitScalar(AnchorName anchor, TagName tag, string value, ScalarStyle style, Mark start, Mark end)
    {
        EmitNode(YamlEventKind.Scalar, anchor, tag, start, end);
        Value = value;
        Style = style;
    }

    /// <summary>A value left out (a key with nothing after it, a '-' with no item): a plain empty scalar, YAML's null.</summary>
    private void EmitEmpty(Mark at) => EmitScalar(AnchorName.Empty, TagName.Empty, string.Empty, ScalarStyle.Plain, at, at);

    private static SemanticErrorException Unexpected(Token? token, string message) =>
        new(token?.Start ?? Mark.Empty, token?.End ?? Mark.Empty, message);

    private static SemanticErrorException ScannerError(Error error) => new(error.Start, error.End, error.Value);

    private void ReadStreamStart()
    {
        var current = Current();
        if (current is not StreamStart)
        {
            throw Unexpected(current, "The text does not begin a YAML stream.");
        }

        Skip();
        state = State.ImplicitDocumentStart;
        Emit(YamlEventKind.StreamStart, current.Start, current.End);
    }

    private void ReadDocumentStart(bool isImplicit)
    {
        if (currentToken is VersionDirective)
        {
            throw new SyntaxErrorException("A %YAML directive follows a document that was not ended with '...'.");
        }

        var current = Current();
        if (!isImplicit)
        {
            while (current is DocumentEnd)
            {
                Skip();
                current = Current();
            }
        }

        if (current is null)
        {
            throw new SyntaxErrorException("The text ends where a document should start.");
        }

        // A scalar here starts a document of its own, even after an explicit one.
        isImplicit |= current is Scalar;
        if ((isImplicit && current is not (VersionDirective or TagDirective or DocumentStart or StreamEnd or DocumentEnd)) || current is BlockMappingStart)
        {
            ReadDirectives(new TagDirectiveCollection());
            states.Push(State.DocumentEnd);
            state = State.BlockNode;
            Emit(YamlEventKind.DocumentStart, current.Start, current.End);
        }
        else if (current is not (StreamEnd or DocumentEnd))
        {
            ReadExplicitDocumentStart(current.Start);
        }
        else
        {
            ReadStreamEnd(current);
        }
    }

    private void ReadExplicitDocumentStart(Mark start)
    {
        ReadDirectives(new TagDirectiveCollection());
        var current = Current() ?? throw new SemanticErrorException("The text ends where a document should start.");
        if (current is not DocumentStart)
        {
            throw Unexpected(current, "Directives must be followed by '---'.");
        }

        states.Push(State.DocumentEnd);
        state = State.DocumentContent;
        Skip();
        Emit(YamlEventKind.DocumentStart, start, current.End);
    }

    private void ReadStreamEnd(Token current)
    {
        if (current is DocumentEnd)
        {
            Skip();
        }

        state = State.StreamEnd;
        current = Current() ?? throw new SemanticErrorException("The text ends where a document should start.");
        if (scanner.MoveNextWithoutConsuming())
        {
            // The Parser's own consistency check: the scanner has nothing after the stream's end.
            throw new InvalidOperationException("The YAML scanner returned a token after the end of the stream.");
        }

        Emit(YamlEventKind.StreamEnd, current.Start, current.End);
    }

    /// <summary>Reads the %YAML and %TAG directives before a document into <paramref name="tags"/>, and makes them the tag handles in force.</summary>
    private void ReadDirectives(TagDirectiveCollection tags)
    {
        var hasOwnDirectives = false;
        while (true)
        {
            var current = Current();
            if (current is VersionDirective versionDirective)
            {
                if (version is not null)
                {
                    throw Unexpected(versionDirective, "A second %YAML directive.");
                }

                if (versionDirective.Version.Major != Constants.MajorVersion || versionDirective.Version.Minor > Constants.MinorVersion)
                {
                    throw Unexpected(versionDirective, "The %YAML directive names a version this reader does not support.");
                }

                version = versionDirective;
                hasOwnDirectives = true;
            }
            else if (current is TagDirective tag)
            {
                if (tags.Contains(tag.Handle))
                {
                    throw Unexpected(tag, "A second %TAG directive for the same handle.");
                }

                tags.Add(tag);
                hasOwnDirectives = true;
            }
            else if (current is DocumentStart && (version is null || (version.Version.Major == 1 && version.Version.Minor > 1)))
            {
                // From YAML 1.2 on, tag handles do not carry over from one document to the next.
                version ??= new VersionDirective(new YamlDotNet.Core.Version(1, 2));
                hasOwnDirectives = true;
                break;
            }
            else
            {
                break;
            }

            Skip();
        }

        AddMissing(tags, Constants.DefaultTagDirectives);
        if (hasOwnDirectives)
        {
            tagDirectives.Clear();
        }

        AddMissing(tagDirectives, tags);
    }

    private static void AddMissing(TagDirectiveCollection directives, IEnumerable<TagDirective> source)
    {
        foreach (var directive in source)
        {
            if (!directives.Contains(directive))
            {
                directives.Add(directive);
            }
        }
    }

    private void ReadDocumentContent()
    {
        if (Current() is VersionDirective or TagDirective or DocumentStart or DocumentEnd or StreamEnd)
        {
            // '---' with nothing after it: the document is one empty value.
            state = states.Pop();
            EmitEmpty(scanner.CurrentPosition);
        }
        else
        {
            ReadNode(isBlock: true, isIndentlessSequence: false);
        }
    }

    private void ReadDocumentEnd()
    {
        var current = Current() ?? throw new SemanticErrorException("The text ends where a document should end.");
        var start = current.Start;
        var end = start;
        if (current is DocumentEnd)
        {
            end = current.End;
            Skip();
        }
        // Kind is still the last step's here: a scanner error right after a root scalar passes, and is refused where the next document should start.
        else if (!(current is StreamEnd or DocumentStart or FlowSequenceEnd or VersionDirective || (Kind == YamlEventKind.Scalar && current is Error)))
        {
            throw new SemanticErrorException(start, end, "More content follows the end of the document's root node.");
        }

        if (version is not null && version.Version.Major == 1 && version.Version.Minor > 1)
        {
            version = null;
        }

        state = State.DocumentStart;
        Emit(YamlEventKind.DocumentEnd, start, end);
    }

    /// <summary>A node: an alias, or optional anchor and tag followed by a scalar, a collection or nothing.</summary>
    private void ReadNode(bool isBlock, bool isIndentlessSequence)
    {
        if (Current() is Error errorToken)
        {
            throw ScannerError(errorToken);
        }

        var current = Current() ?? throw new SemanticErrorException("The text ends where a value should be.");
        if (current is AnchorAlias alias)
        {
            state = states.Pop();
            EmitNode(YamlEventKind.Alias, alias.Value, TagName.Empty, alias.Start, alias.End);
            Skip();
            return;
        }

        var start = current.Start;
        var anchorName = AnchorName.Empty;
        var tagName = TagName.Empty;
        AnchorToken? lastAnchor = null;
        TagToken? lastTag = null;

        // An anchor and a tag, in either order: at most two turns.
        while (true)
        {
            if (anchorName.IsEmpty && current is AnchorToken anchor)
            {
                lastAnchor = anchor;
                anchorName = anchor.Value;
                Skip();
            }
            else if (tagName.IsEmpty && current is TagToken tag)
            {
                lastTag = tag;
                tagName = Resolve(tag);
                Skip();
            }
            else if (current is AnchorToken secondAnchor)
            {
                throw Unexpected(secondAnchor, "A node has two anchors.");
            }
            else if (current is AnchorAlias misplacedAlias)
            {
                throw Unexpected(misplacedAlias, "An alias follows an anchor or a tag.");
            }
            else if (current is Error error)
            {
                if (lastTag is not null && lastAnchor is not null)
                {
                    // The Parser's reading of an anchored, tagged node cut short by a scanner error: an
                    // empty scalar; the error itself is raised on the next step.
                    EmitScalar(anchorName, TagName.Empty, string.Empty, default, lastAnchor.Start, lastAnchor.End);
                    return;
                }

                throw ScannerError(error);
            }
            else
            {
                break;
            }

            current = Current() ?? throw new SemanticErrorException("The text ends where a value should be.");
        }

        if (isIndentlessSequence && current is BlockEntry)
        {
            // 'key:' followed by '- item' lines at the key's own indentation.
            state = State.IndentlessSequenceEntry;
            EmitNode(YamlEventKind.SequenceStart, anchorName, tagName, start, current.End);
            return;
        }

        ReadNodeContent(current, isBlock, start, anchorName, tagName);
    }

    private void ReadNodeContent(Token current, bool isBlock, Mark start, AnchorName anchorName, TagName tagName)
    {
        switch (current)
        {
            case Scalar scalar:
                ReadScalar(scalar, start, anchorName, tagName);
                return;
            case FlowSequenceStart:
                state = State.FlowSequenceFirstEntry;
                EmitNode(YamlEventKind.SequenceStart, anchorName, tagName, start, current.End);
                return;
            case FlowMappingStart:
                state = State.FlowMappingFirstKey;
                EmitNode(YamlEventKind.MappingStart, anchorName, tagName, start, current.End);
                return;
            case BlockSequenceStart when isBlock:
                state = State.BlockSequenceFirstEntry;
                EmitNode(YamlEventKind.SequenceStart, anchorName, tagName, start, current.End);
                return;
            case BlockMappingStart when isBlock:
                state = State.BlockMappingFirstKey;
                EmitNode(YamlEventKind.MappingStart, anchorName, tagName, start, current.End);
                return;
        }

        if (!anchorName.IsEmpty || !tagName.IsEmpty)
        {
            // Only an anchor or a tag: the node is an empty scalar.
            state = states.Pop();
            EmitScalar(anchorName, tagName, string.Empty, ScalarStyle.Plain, start, current.End);
            return;
        }

        throw Unexpected(current, "A value was expected here.");
    }

    private void ReadScalar(Scalar scalar, Mark start, AnchorName anchorName, TagName tagName)
    {
        state = states.Pop();
        Skip();

        // The Parser looks one token further in two cases, to refuse an anchored scalar the scanner
        // flagged and a flow mapping key followed by anything but ',' or '}'; so does this reader.
        if (!anchorName.IsEmpty && scanner.MoveNextWithoutConsuming())
        {
            currentToken = scanner.Current;
            if (currentToken is Error error)
            {
                throw ScannerError(error);
            }
        }

        if (state == State.FlowMappingKey && scanner.Current is not FlowMappingEnd && scanner.MoveNextWithoutConsuming())
        {
            currentToken = scanner.Current;
            if (currentToken is not null and not FlowEntry and not FlowMappingEnd)
            {
                throw Unexpected(currentToken, "A flow mapping entry must be followed by ',' or '}'.");
            }
        }

        EmitScalar(anchorName, tagName, scalar.Value, scalar.Style, start, scalar.End);
    }

    /// <summary>A tag's full name: its suffix, prefixed by what its handle ('!', '!!' or a %TAG handle) stands for.</summary>
    private TagName Resolve(TagToken tag)
    {
        if (string.IsNullOrEmpty(tag.Handle))
        {
            return new TagName(tag.Suffix);
        }

        if (tagDirectives.Contains(tag.Handle))
        {
            return new TagName(tagDirectives[tag.Handle].Prefix + tag.Suffix);
        }

        throw Unexpected(tag, "The tag's handle is not declared by a %TAG directive.");
    }

    private void ReadBlockSequenceEntry(bool isFirst)
    {
        if (isFirst)
        {
            Current();
            Skip();
        }

        var current = Current();
        if (current is BlockEntry entry)
        {
            var mark = entry.End;
            Skip();
            current = Current();
            if (current is not (BlockEntry or BlockEnd))
            {
                states.Push(State.BlockSequenceEntry);
                ReadNode(isBlock: true, isIndentlessSequence: false);
            }
            else
            {
                state = State.BlockSequenceEntry;
                EmitEmpty(mark);
            }
        }
        else if (current is BlockEnd blockEnd)
        {
            state = states.Pop();
            Emit(YamlEventKind.SequenceEnd, blockEnd.Start, blockEnd.End);
            Skip();
        }
        else
        {
            throw Unexpected(current, "A list item must start with '-' here.");
        }
    }

    private void ReadIndentlessSequenceEntry()
    {
        var current = Current();
        if (current is BlockEntry entry)
        {
            var mark = entry.End;
            Skip();
            current = Current();
            if (current is not (BlockEntry or Key or ValueToken or BlockEnd))
            {
                states.Push(State.IndentlessSequenceEntry);
                ReadNode(isBlock: true, isIndentlessSequence: false);
            }
            else
            {
                state = State.IndentlessSequenceEntry;
                EmitEmpty(mark);
            }
        }
        else
        {
            // No block end closes such a list: it ends at the first token that is not '-' (left unread).
            state = states.Pop();
            Emit(YamlEventKind.SequenceEnd, current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty);
        }
    }

    private void ReadBlockMappingKey(bool isFirst)
    {
        if (isFirst)
        {
            Current();
            Skip();
        }

        var current = Current();
        switch (current)
        {
            case Key key:
                var mark = key.End;
                Skip();
                ReadBlockMappingPart(mark, State.BlockMappingValue);
                return;
            case ValueToken value:
                // ': x' with no key: the key is an empty scalar.
                Skip();
                EmitEmpty(value.End);
                return;
            case AnchorAlias alias:
                Skip();
                EmitNode(YamlEventKind.Alias, alias.Value, TagName.Empty, alias.Start, alias.End);
                return;
            case BlockEnd blockEnd:
                state = states.Pop();
                Emit(YamlEventKind.MappingEnd, blockEnd.Start, blockEnd.End);
                Skip();
                return;
            case Error error:
                throw new SyntaxErrorException(error.Start, error.End, error.Value);
            default:
                // The wording names the problem the way SyntaxHint recognizes it (a misaligned line).
                throw Unexpected(current, "In a block mapping, did not find expected key: this line is not a 'key: value' pair of the mapping.");
        }
    }

    private void ReadBlockMappingValue()
    {
        var current = Current();
        if (current is ValueToken value)
        {
            var mark = value.End;
            Skip();
            ReadBlockMappingPart(mark, State.BlockMappingKey);
        }
        else if (current is Error error)
        {
            throw ScannerError(error);
        }
        else
        {
            // A key with no ':' (an explicit '? key' alone): its value is empty.
            state = State.BlockMappingKey;
            EmitEmpty(current?.Start ?? Mark.Empty);
        }
    }

    /// <summary>After a block mapping's key or value indicator: its node (which may be a list at the key's indentation), or an empty scalar when another indicator follows at once.</summary>
    private void ReadBlockMappingPart(Mark indicatorEnd, State next)
    {
        if (Current() is not (Key or ValueToken or BlockEnd))
        {
            states.Push(next);
            ReadNode(isBlock: true, isIndentlessSequence: true);
        }
        else
        {
            state = next;
            EmitEmpty(indicatorEnd);
        }
    }

    private void ReadFlowSequenceEntry(bool isFirst)
    {
        if (isFirst)
        {
            Current();
            Skip();
        }

        var current = Current();
        if (current is not FlowSequenceEnd)
        {
            if (!isFirst)
            {
                if (current is not FlowEntry)
                {
                    throw Unexpected(current, "Items of a flow list must be separated by ',' and the list closed by ']'.");
                }

                Skip();
                current = Current();
            }

            if (current is Key)
            {
                // '[a: b]': a mapping of one pair inside the list. The Parser gives it no position.
                state = State.FlowSequenceEntryMappingKey;
                Emit(YamlEventKind.MappingStart, Mark.Empty, Mark.Empty);
                Skip();
                return;
            }

            if (current is not FlowSequenceEnd)
            {
                states.Push(State.FlowSequenceEntry);
                ReadNode(isBlock: false, isIndentlessSequence: false);
                return;
            }
        }

        state = states.Pop();
        Emit(YamlEventKind.SequenceEnd, current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty);
        Skip();
    }

    private void ReadFlowSequenceEntryMappingKey()
    {
        var current = Current();
        if (current is not (ValueToken or FlowEntry or FlowSequenceEnd))
        {
            states.Push(State.FlowSequenceEntryMappingValue);
            ReadNode(isBlock: false, isIndentlessSequence: false);
        }
        else
        {
            var mark = current?.End ?? Mark.Empty;
            Skip();
            state = State.FlowSequenceEntryMappingValue;
            EmitEmpty(mark);
        }
    }

    private void ReadFlowSequenceEntryMappingValue()
    {
        var current = Current();
        if (current is ValueToken)
        {
            Skip();
            current = Current();
            if (current is not (FlowEntry or FlowSequenceEnd))
            {
                states.Push(State.FlowSequenceEntryMappingEnd);
                ReadNode(isBlock: false, isIndentlessSequence: false);
                return;
            }
        }

        state = State.FlowSequenceEntryMappingEnd;
        EmitEmpty(current?.Start ?? Mark.Empty);
    }

    private void ReadFlowSequenceEntryMappingEnd()
    {
        state = State.FlowSequenceEntry;
        var current = Current();
        Emit(YamlEventKind.MappingEnd, current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty);
    }

    private void ReadFlowMappingKey(bool isFirst)
    {
        if (isFirst)
        {
            Current();
            Skip();
        }

        var current = Current();
        if (current is not FlowMappingEnd)
        {
            if (!isFirst)
            {
                if (current is FlowEntry)
                {
                    Skip();
                    current = Current();
                }
                else if (current is not Scalar)
                {
                    throw Unexpected(current, "Entries of a flow mapping must be separated by ',' and the mapping closed by '}'.");
                }
            }

            if (current is Key)
            {
                Skip();
                current = Current();
                if (current is not (ValueToken or FlowEntry or FlowMappingEnd))
                {
                    states.Push(State.FlowMappingValue);
                    ReadNode(isBlock: false, isIndentlessSequence: false);
                }
                else
                {
                    state = State.FlowMappingValue;
                    EmitEmpty(current?.Start ?? Mark.Empty);
                }

                return;
            }

            if (current is not FlowMappingEnd)
            {
                // An entry without a key indicator: a scalar may still be followed by ': value',
                // anything else gets an empty value.
                states.Push(current is Scalar ? State.FlowMappingValue : State.FlowMappingEmptyValue);
                ReadNode(isBlock: false, isIndentlessSequence: false);
                return;
            }
        }

        state = states.Pop();
        Skip();
        Emit(YamlEventKind.MappingEnd, current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty);
    }

    private void ReadFlowMappingValue(bool isEmpty)
    {
        var current = Current();
        if (!isEmpty && current is ValueToken)
        {
            Skip();
            current = Current();
            if (current is not (FlowEntry or FlowMappingEnd))
            {
                states.Push(State.FlowMappingKey);
                ReadNode(isBlock: false, isIndentlessSequence: false);
                return;
            }
        }

        state = State.FlowMappingKey;
        if (!isEmpty && current is Scalar scalar)
        {
            Skip();
            EmitScalar(AnchorName.Empty, TagName.Empty, scalar.Value, scalar.Style, current.Start, scalar.End);
            return;
        }

        EmitEmpty(current?.Start ?? Mark.Empty);
    }
}
