namespace ErrorCatalog.Catalog.Diagnostics;

/// <summary>
/// A value of the catalog named by where it sits: the section (<see cref="CatalogSpans.Errors"/>,
/// <see cref="CatalogSpans.Groups"/>, ...), the id of the item in it (an entry's canonical name,
/// a declaration's id, an alias's name; empty for the <c>catalog</c> section) and the field's key
/// (empty for the item itself).
/// </summary>
public readonly record struct CatalogPlace(string Section, string Id, string Field);

/// <summary>
/// Where the loaded values of one catalog file are, kept beside the model rather than in it: the
/// model's records stay free of positions (so moving text around does not change them), and
/// every check that reports a problem after loading (generated-name clashes, collisions between
/// catalogs) takes its position from here instead of searching the text again.
/// Value-equatable, so it can travel through an incremental generator.
/// </summary>
public sealed class CatalogSpans : IEquatable<CatalogSpans>
{
    public const string Catalog = "catalog";
    public const string Sources = "sources";
    public const string Platforms = "platforms";
    public const string Families = "families";
    public const string Classifications = "classifications";
    public const string Groups = "groups";
    public const string Errors = "errors";
    public const string Aliases = "aliases";
    public const string Scenarios = "scenarios";

    private readonly Dictionary<CatalogPlace, SourceSpan> byPlace;

    /// <summary>Takes <paramref name="byPlace"/> as it is; the caller does not change it afterwards.</summary>
    internal CatalogSpans(string path, Dictionary<CatalogPlace, SourceSpan> byPlace)
    {
        Path = path;
        this.byPlace = byPlace;
    }

    /// <summary>No positions: every place is at the start of the file.</summary>
    public static CatalogSpans None(string path) => new(path, new Dictionary<CatalogPlace, SourceSpan>());

    /// <summary>The catalog file these positions are in.</summary>
    public string Path { get; }

    /// <summary>How many places are known.</summary>
    public int Count => byPlace.Count;

    /// <summary>
    /// The span of <paramref name="place"/>; when that field is not known, the span of its item;
    /// when the item is not known either, the start of the file.
    /// </summary>
    public SourceSpan Of(CatalogPlace place) =>
        byPlace.TryGetValue(place, out var span) ? span
        : byPlace.TryGetValue(place with { Field = string.Empty }, out var item) ? item
        : SourceSpan.Empty;

    /// <inheritdoc cref="Of(CatalogPlace)"/>
    public SourceSpan Of(string section, string id, string field) => Of(new CatalogPlace(section, id, field));

    /// <summary>Whether the exact <paramref name="place"/> is known.</summary>
    public bool Contains(CatalogPlace place) => byPlace.ContainsKey(place);

    public bool Equals(CatalogSpans? other)
    {
        if (other is null || Path != other.Path || byPlace.Count != other.byPlace.Count)
        {
            return false;
        }

        foreach (var pair in byPlace)
        {
            if (!other.byPlace.TryGetValue(pair.Key, out var span) || span != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as CatalogSpans);

    public override int GetHashCode() => unchecked((Path.GetHashCode() * 397) ^ byPlace.Count);
}
