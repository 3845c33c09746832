using System.Text;

namespace ErrorCatalog.Generator;

/// <summary>Builds generated source with four-space indentation and "\n" line ends, whatever the host OS.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder builder = new(64 * 1024);
    private int depth;

    public void Line(string text)
    {
        if (text.Length != 0)
        {
            builder.Append(' ', depth * 4);
            builder.Append(text);
        }

        builder.Append('\n');
    }

    public void Line() => builder.Append('\n');

    /// <summary>One line of an XML documentation comment; <paramref name="xml"/> must already be escaped.</summary>
    public void Doc(string xml)
    {
        builder.Append(' ', depth * 4);
        builder.Append("/// ");
        builder.Append(xml);
        builder.Append('\n');
    }

    public void Open(string text)
    {
        Line(text);
        Line("{");
        depth++;
    }

    public void Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
    }

    public override string ToString() => builder.ToString();
}
