using System;
using System.Globalization;
using System.Linq;
using ErrorCatalog.Catalog.Model;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Cli;

/// <summary>Finding errors, platforms, sources and families from what a user typed.</summary>
public static class Lookup
{
    /// <summary>
    /// Finds an error by canonical name, alias, symbol, or a name a source gives it (Winsock's
    /// WSAECONNREFUSED, Ruby's Errno::ECONNREFUSED, Zig's error.ConnectionRefused); case-insensitive.
    /// </summary>
    public static ErrorEntry? FindError(CatalogModel catalog, string query)
    {
        // A name in generated code (ConnectError.ConnectionRefused) or in a source's own form
        // (each source's 'names' pattern) is looked up without that form.
        var typed = query.Trim();
        var generatedEnum = GeneratedNames.ErrorEnum(catalog) + ".";
        var text = (typed.StartsWith(generatedEnum, StringComparison.OrdinalIgnoreCase) && typed.Length > generatedEnum.Length ? typed.Substring(generatedEnum.Length) : null)
            ?? catalog.Sources.Select(s => s.Names?.Read(typed)).FirstOrDefault(name => name is not null)
            ?? typed;

        bool Is(string? candidate) => candidate is not null && string.Equals(candidate, text, StringComparison.OrdinalIgnoreCase);

        // Most specific first, so an alias never shadows another entry's canonical name.
        return catalog.Errors.FirstOrDefault(e => Is(e.Name))
            ?? catalog.Errors.FirstOrDefault(e => e.Aliases.Any(a => Is(a.Name)))
            ?? catalog.Errors.FirstOrDefault(e => Is(e.Symbol))
            ?? catalog.Errors.FirstOrDefault(e => e.Sources.Any(s => s.Attributions.Any(a => Is(a.Name))));
    }

    /// <summary>True when the text looks like a number (so it is never taken for a name); parses decimal or 0x hexadecimal.</summary>
    public static bool LooksLikeNumber(string text, out int? value)
    {
        value = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || !(char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '-' or '+'))
        {
            return false;
        }

        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex)
            && hex > 0)
        {
            value = hex;
        }
        else if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            value = number;
        }

        return true;
    }

    public static PlatformDefinition RequirePlatform(CatalogModel catalog, string id)
    {
        var platform = catalog.FindPlatform(id.Trim().ToLowerInvariant());
        return platform ?? throw new CliException(
            ExitCodes.Usage,
            $"unknown platform '{id}'; this catalog has: {string.Join(", ", catalog.Platforms.Select(p => p.Id))}");
    }

    public static SourceDefinition RequireSource(CatalogModel catalog, string id)
    {
        var source = catalog.FindSource(id.Trim().ToLowerInvariant());
        return source ?? throw new CliException(
            ExitCodes.Usage,
            $"unknown source '{id}'; this catalog has: {string.Join(", ", catalog.Sources.Select(s => s.Id))}");
    }

    public static FamilyDefinition RequireFamily(CatalogModel catalog, string id)
    {
        var wanted = id.Trim();
        var family = catalog.FindFamily(wanted.ToLowerInvariant())
            ?? catalog.Families.FirstOrDefault(f => string.Equals(f.Native, wanted, StringComparison.OrdinalIgnoreCase));
        return family ?? throw new CliException(
            ExitCodes.Usage,
            $"unknown address family '{id}'; this catalog has: {string.Join(", ", catalog.Families.Select(f => f.Id))}");
    }

    /// <summary>Every platform where <paramref name="code"/> names an error, with that name.</summary>
    public static (PlatformDefinition Platform, ErrorEntry Error, string NativeName)[] ErrorsWithCode(CatalogModel catalog, int code, PlatformDefinition? onlyOn) =>
        catalog.Platforms
            .Where(p => onlyOn is null || p.Id == onlyOn.Id)
            .SelectMany(p => catalog.ErrorsWithCode(p.Id, code).Select(m => (p, m.Error, m.NativeName)))
            .ToArray();
}
