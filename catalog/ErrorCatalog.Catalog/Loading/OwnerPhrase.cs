namespace ErrorCatalog.Catalog.Loading;

/// <summary>
/// How messages name a part of something ("the codes of the error 'EFOO'", "source 'posix' of
/// the error 'EFOO'"), kept in pieces and joined only when a message needs the text: every entry
/// has several such parts and almost none is ever reported on, so joining them for every entry
/// cost a string each.
/// </summary>
internal readonly struct OwnerPhrase
{
    private readonly string lead;
    private readonly string? item;
    private readonly string owner;

    /// <summary>The owner itself.</summary>
    public OwnerPhrase(string owner)
        : this(string.Empty, owner)
    {
    }

    /// <summary><paramref name="lead"/> followed by the owner: <c>"the codes of " + owner</c>.</summary>
    public OwnerPhrase(string lead, string owner)
    {
        this.lead = lead;
        item = null;
        this.owner = owner;
    }

    /// <summary>One item of the owner, named in quotes: <c>lead + "'" + item + "' of " + owner</c>.</summary>
    public OwnerPhrase(string lead, string item, string owner)
    {
        this.lead = lead;
        this.item = item;
        this.owner = owner;
    }

    public string Text => item is null ? lead + owner : lead + "'" + item + "' of " + owner;

    public override string ToString() => Text;
}
