using YamlDotNet.Core;

namespace ErrorCatalog.Catalog.Loading;

/// <summary>The steps of a YAML stream that <see cref="YamlTreeReader"/> builds its tree from.</summary>
internal enum YamlEventKind
{
    None,
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    Scalar,
    Alias,
    MappingStart,
    MappingEnd,
    SequenceStart,
    SequenceEnd,
}

/// <summary>
/// A YAML stream read one step at a time. The current step lives in the properties until the next
/// <see cref="MoveNext"/>, so a source need not allocate an object per step (YamlDotNet's
/// <c>Parser</c> does, and its event objects were a large part of what loading a catalog allocated).
/// </summary>
internal interface IYamlEvents
{
    /// <summary>Reads the next step; false at the end of the stream. Malformed text throws a <see cref="YamlException"/> at the place it was found.</summary>
    bool MoveNext();

    YamlEventKind Kind { get; }

    Mark Start { get; }

    Mark End { get; }

    /// <summary>A scalar's text (empty for other steps).</summary>
    string Value { get; }

    ScalarStyle Style { get; }

    /// <summary>The anchor a node defines, or for an alias the anchor it refers to.</summary>
    AnchorName Anchor { get; }

    TagName Tag { get; }
}
