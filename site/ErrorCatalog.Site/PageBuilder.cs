namespace ErrorCatalog.Site;

/// <summary>Accumulates one page's HTML with '\n' line ends, whatever the host's newline is.</summary>
internal sealed class PageBuilder
{
    private readonly StringBuilder builder = new(16 * 1024);

    public PageBuilder Line(string html)
    {
        builder.Append(html).Append('\n');
        return this;
    }

    public PageBuilder Append(string html)
    {
        builder.Append(html);
        return this;
    }

    public override string ToString() => builder.ToString();
}
