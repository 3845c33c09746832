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

    /// <summary>Other names people type for platform ids; each applies only where the catalog has the id it points to.</summary>
    public static readonly IReadOnlyDictionary<string, string> PlatformAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["macos"] = "darwin", ["osx"] = "darwin", ["mac"] = "darwin", ["macosx"] = "darwin", ["ios"] = "darwin", ["apple"] = "darwin",
        ["win"] = "windows", ["win32"] = "windows", ["win64"] = "windows", ["winsock"] = "windows", ["wsa"] = "windows",
        ["msvc"] = "windows-crt", ["ucrt"] = "windows-crt", ["msvcrt"] = "windows-crt", ["crt"] = "windows-crt",
        ["gnu-linux"] = "linux", ["x86-64"] = "linux", ["x86_64"] = "linux", ["amd64"] = "linux", ["arm64"] = "linux", ["aarch64"] = "linux",
        ["mips"] = "linux-mips", ["sparc"] = "linux-sparc", ["sparc64"] = "linux-sparc", ["alpha"] = "linux-alpha",
        ["parisc"] = "linux-parisc", ["pa-risc"] = "linux-parisc", ["hppa"] = "linux-parisc",
    };

    /// <summary>Other names people type for source ids.</summary>
    public static readonly IReadOnlyDictionary<string, string> SourceAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["man"] = "linux", ["manpage"] = "linux", ["man-pages"] = "linux", ["linux-man"] = "linux",
        ["microsoft"] = "winsock", ["msdn"] = "winsock", ["windows"] = "winsock",
        ["susv4"] = "posix", ["sus"] = "posix", ["opengroup"] = "posix", ["open-group"] = "posix",
        ["libc"] = "glibc", ["gnu"] = "glibc",
    };

    /// <summary>Other names people type for address family ids (the native AF_ constants are accepted as well).</summary>
    public static readonly IReadOnlyDictionary<string, string> FamilyAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ipv4"] = "inet", ["ip4"] = "inet", ["v4"] = "inet", ["ip"] = "inet",
        ["ipv6"] = "inet6", ["ip6"] = "inet6", ["v6"] = "inet6",
        ["local"] = "unix", ["af_local"] = "unix", ["unix-domain"] = "unix",
    };

    /// <summary>The id <paramref name="typed"/> stands for among <paramref name="ids"/>: itself (any case) or what its alias points to; null when neither is there.</summary>
    public static string? ResolveId(string typed, IReadOnlyCollection<string> ids, IReadOnlyDictionary<string, string> aliases)
    {
        var wanted = typed.Trim().ToLowerInvariant();
        if (ids.Contains(wanted))
        {
            return wanted;
        }

        return aliases.TryGetValue(wanted, out var target) && ids.Contains(target) ? target : null;
    }

    /// <summary>The platform <paramref name="typed"/> names in <paramref name="catalog"/> (id or alias, any case), or null.</summary>
    public static PlatformDefinition? FindPlatform(CatalogModel catalog, string typed) =>
        ResolveId(typed, catalog.Platforms.Select(p => p.Id).ToList(), PlatformAliases) is { } id ? catalog.FindPlatform(id) : null;

    public static SourceDefinition? FindSource(CatalogModel catalog, string typed) =>
        ResolveId(typed, catalog.Sources.Select(s => s.Id).ToList(), SourceAliases) is { } id ? catalog.FindSource(id) : null;

    public static FamilyDefinition? FindFamily(CatalogModel catalog, string typed) =>
        ResolveId(typed, catalog.Families.Select(f => f.Id).ToList(), FamilyAliases) is { } id
            ? catalog.FindFamily(id)
            : catalog.Families.FirstOrDefault(f => string.Equals(f.Native, typed.Trim(), StringComparison.OrdinalIgnoreCase));

    public static PlatformDefinition RequirePlatform(CatalogModel catalog, string id) =>
        RequirePlatformIn(new[] { catalog }, id)[catalog]
        ?? throw new InvalidOperationException("unreachable: one catalog and a match");

    public static Dictionary<CatalogModel, PlatformDefinition?> RequirePlatformIn(IReadOnlyList<CatalogModel> catalogs, string typed) =>
        RequireIn(catalogs, typed, "platform", FindPlatform, c => c.Platforms.Select(p => p.Id), PlatformAliases);

    public static Dictionary<CatalogModel, SourceDefinition?> RequireSourceIn(IReadOnlyList<CatalogModel> catalogs, string typed) =>
        RequireIn(catalogs, typed, "source", FindSource, c => c.Sources.Select(s => s.Id), SourceAliases);

    public static Dictionary<CatalogModel, FamilyDefinition?> RequireFamilyIn(IReadOnlyList<CatalogModel> catalogs, string typed) =>
        RequireIn(catalogs, typed, "address family", FindFamily, c => c.Families.Select(f => f.Id), FamilyAliases);

    /// <summary>
    /// Resolves a platform, source or family id in every catalog: the definition per catalog (null in
    /// the catalogs that lack it). When no catalog has it, a usage error names the nearest id
    /// (<see cref="Suggestions"/>) and lists them all.
    /// </summary>
    private static Dictionary<CatalogModel, T?> RequireIn<T>(
        IReadOnlyList<CatalogModel> catalogs,
        string typed,
        string what,
        Func<CatalogModel, string, T?> find,
        Func<CatalogModel, IEnumerable<string>> ids,
        IReadOnlyDictionary<string, string> aliases)
        where T : class
    {
        var found = catalogs.ToDictionary(c => c, c => find(c, typed));
        if (found.Values.Any(v => v is not null))
        {
            return found;
        }

        var known = catalogs.SelectMany(ids).Distinct().ToList();
        var where = catalogs.Count == 1 ? "this catalog has" : "these catalogs have";
        throw new CliException(
            ExitCodes.Usage,
            $"unknown {what} '{typed}'{Suggestions.DidYouMean(typed, known, aliases)} ({where}: {string.Join(", ", known)})");
    }

    /// <summary>Every platform where <paramref name="code"/> names an error, with that name.</summary>
    public static (PlatformDefinition Platform, ErrorEntry Error, string NativeName)[] ErrorsWithCode(CatalogModel catalog, int code, PlatformDefinition? onlyOn) =>
        catalog.Platforms
            .Where(p => onlyOn is null || p.Id == onlyOn.Id)
            .SelectMany(p => catalog.ErrorsWithCode(p.Id, code).Select(m => (p, m.Error, m.NativeName)))
            .ToArray();
}
