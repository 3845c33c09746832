using System.Text;

namespace ErrorCatalog.Cli.Output;

/// <summary>
/// One row per error and platform, after a header row. Text fields escape backslash, tab,
/// newline and carriage return as \\, \t, \n and \r, so every row is one line of exactly the header's columns.
/// </summary>
public static class CatalogTsv
{
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "name", "symbol", "platform", "code", "aliases", "value", "classification", "group", "dotnet", "sources", "families", "summary",
    };

    public static string Build(CatalogModel catalog)
    {
        var text = new StringBuilder();
        text.Append(string.Join("\t", Columns)).Append('\n');
        foreach (var error in catalog.Errors)
        {
            var sources = new List<string>();
            foreach (var listing in error.Sources)
            {
                sources.Add(listing.Source);
            }

            var families = new List<string>();
            foreach (var family in error.Families)
            {
                families.Add(family.Family);
            }

            foreach (var platform in catalog.Platforms)
            {
                var canonical = error.CodeOn(platform.Id);

                // Aliases defined on this platform, as NAME=number (the number may equal the canonical one).
                var aliases = new List<string>();
                foreach (var alias in error.Aliases)
                {
                    if (alias.CodeOn(platform.Id, canonical) is int aliasCode)
                    {
                        aliases.Add(alias.Name + "=" + aliasCode.ToString(CultureInfo.InvariantCulture));
                    }
                }

                var fields = new[]
                {
                    error.Name,
                    error.Symbol,
                    platform.Id,
                    canonical is int code ? code.ToString(CultureInfo.InvariantCulture) : string.Empty,
                    string.Join(",", aliases),
                    error.Value.ToString(CultureInfo.InvariantCulture),
                    error.Classification,
                    error.Group ?? string.Empty,
                    error.DotNet ?? string.Empty,
                    string.Join(",", sources),
                    string.Join(",", families),
                    error.Summary,
                };
                for (var i = 0; i < fields.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append('\t');
                    }

                    text.Append(Escape(fields[i]));
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Escape(string field) => field
        .Replace("\\", "\\\\")
        .Replace("\t", "\\t")
        .Replace("\n", "\\n")
        .Replace("\r", "\\r");
}
