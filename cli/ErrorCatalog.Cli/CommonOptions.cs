namespace ErrorCatalog.Cli;

/// <summary>
/// The options errcat's commands declare, in one place: how a flag, a valued option and a list
/// argument are built,
/// and the options several commands share (<c>--catalog FILE</c>, <c>--json</c>, and an id option
/// such as <c>--platform ID</c> that completes from the built-in catalogs).
/// </summary>
public sealed class CommonOptions
{
    private CommonOptions(Option<string?> catalog, Option<bool> json)
    {
        Catalog = catalog;
        Json = json;
    }

    /// <summary><c>--catalog FILE</c>: a catalog file instead of the built-in catalogs.</summary>
    public Option<string?> Catalog { get; }

    /// <summary><c>--json</c>: machine-readable output.</summary>
    public Option<bool> Json { get; }

    /// <summary>Adds <c>--catalog FILE</c> and <c>--json</c> (described by <paramref name="jsonDescription"/> when the command's JSON is special) to <paramref name="command"/>.</summary>
    public static CommonOptions AddTo(Command command, string jsonDescription = "Write the result as JSON, for scripts.")
    {
        var options = new CommonOptions(
            Valued<string?>("--catalog", "FILE", "Use this catalog file instead of the catalogs built into errcat."),
            Flag("--json", jsonDescription));
        command.Options.Add(options.Catalog);
        command.Options.Add(options.Json);
        return options;
    }

    /// <summary>The <c>--catalog</c> file given, or null for the built-in catalogs.</summary>
    public string? CatalogPath(ParseResult parseResult) => parseResult.GetValue(Catalog);

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool WantsJson(ParseResult parseResult) => parseResult.GetValue(Json);

    /// <summary>An option that is on or off.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>An option with a value, shown in help as <paramref name="helpName"/>.</summary>
    public static Option<T> Valued<T>(string name, string helpName, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, HelpName = helpName };

    /// <summary>An argument of any number of values, none included.</summary>
    public static Argument<string[]> ZeroOrMore(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };

    /// <summary>An <c>ID</c> option whose values shell completion takes from <paramref name="ids"/> of every built-in catalog.</summary>
    public static Option<string?> Id(CliContext context, string name, string description, Func<CatalogModel, IEnumerable<string>> ids, params string[] aliases)
    {
        var option = Valued<string?>(name, "ID", description, aliases);
        option.CompletionSources.Add(_ => context.Catalogs.LoadAll().Where(l => l.Result.Catalog is not null).SelectMany(l => ids(l.Result.Catalog!)).Distinct());
        return option;
    }

    /// <summary><c>--platform ID</c> (<c>-p</c>), completed from the built-in catalogs' platforms.</summary>
    public static Option<string?> Platform(CliContext context, string description) =>
        Id(context, "--platform", description, c => c.Platforms.Select(p => p.Id), "-p");
}
