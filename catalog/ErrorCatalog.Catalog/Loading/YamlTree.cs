using YamlDotNet.Core;

namespace ErrorCatalog.Catalog.Loading;

// A small YAML node tree with character positions. The loader builds it itself from YAML events
// (rather than with YamlStream) so that it can enforce size, depth and alias-expansion limits
// while reading, and so that every node keeps its offsets for diagnostics.

/// <summary>A node of the document; <see cref="Start"/> and <see cref="End"/> are character offsets into the catalog text.</summary>
internal abstract class YamlNode
{
    protected YamlNode(int start)
    {
        Start = start;
        End = start;
    }

    public int Start { get; }

    public int End { get; set; }

    /// <summary>Nodes in this subtree once aliases are expanded (this node included).</summary>
    public virtual long ExpandedSize => 1;

    /// <summary>Collection levels in this subtree (0 for a scalar).</summary>
    public virtual int Height => 0;

    /// <summary>Describes the node's shape for messages ("a list", "a mapping", "the text 'x'").</summary>
    public abstract string Describe();
}

internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(int start, int end, string value, ScalarStyle style)
        : base(start)
    {
        End = end;
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    public bool IsPlain => Style == ScalarStyle.Plain;

    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c> (not when quoted).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "an empty value" : "the text '" + Shorten(Value) + "'";

    internal static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 57) + "...";
}

/// <summary>A mapping or list: the only nodes with a size and height of their own (a scalar's are constant, so scalars, most of the nodes, stay small).</summary>
internal abstract class YamlCollection : YamlNode
{
    private long expandedSize = 1;
    private int height = 1;

    protected YamlCollection(int start)
        : base(start)
    {
    }

    public override long ExpandedSize => expandedSize;

    public override int Height => height;

    /// <summary>Counts a child just read into this node's size and height.</summary>
    public void Include(YamlNode child)
    {
        expandedSize += child.ExpandedSize;
        height = Math.Max(height, child.Height + 1);
    }
}

internal sealed class YamlMapping : YamlCollection
{
    public YamlMapping(int start)
        : base(start)
    {
    }

    /// <summary>The key/value pairs in file order; set once, when the mapping's end is read.</summary>
    public NodeList<KeyValuePair<YamlNode, YamlNode>> Entries { get; set; }

    public override string Describe() => "a mapping (key: value pairs)";
}

internal sealed class YamlSequence : YamlCollection
{
    public YamlSequence(int start)
        : base(start)
    {
    }

    /// <summary>The items in file order; set once, when the list's end is read.</summary>
    public NodeList<YamlNode> Items { get; set; }

    public override string Describe() => "a list";
}

/// <summary>
/// The children of a collection: a read-only view of an exact-size array, with a struct
/// enumerator so that walking a node allocates nothing.
/// </summary>
internal readonly struct NodeList<T>
{
    private readonly T[]? items;

    public NodeList(T[] items) => this.items = items;

    public int Count => items?.Length ?? 0;

    public T this[int index] => (items ?? Array.Empty<T>())[index];

    public ArrayEnumerator<T> GetEnumerator() => new(items ?? Array.Empty<T>());
}
