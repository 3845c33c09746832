namespace ErrorCatalog.Cli.Commands;

/// <summary>
/// <c>errcat show NAME|NUMBER|TEXT [--platform ID]</c>: everything about one error, what a number
/// means on each platform, or the errors whose text contains the words.
/// </summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string>("NAME|NUMBER|TEXT")
        {
            Description = "An error name, alias or symbol (any case: ECONNREFUSED, econnrefused, ConnectionRefused, WSAECONNREFUSED), a code such as 111 or 10061, or words of its text (\"connection refused\").",
        };
        var platformOption = CommonOptions.Platform(context, "Read a number as this platform's code; with a name, also show its code there.");
        var command = new Command("show", "Show everything about one error; a number without --platform lists every platform where it means something; other text lists the errors that contain it.") { query, platformOption };
        var common = CommonOptions.AddTo(command);
        command.SetAction(context.Guard(parseResult =>
        {
            var text = parseResult.GetValue(query) ?? string.Empty;
            var catalogs = context.RequireCatalogs(common.CatalogPath(parseResult));
            var platformId = parseResult.GetValue(platformOption);
            var platforms = platformId is null ? null : Lookup.RequirePlatformIn(catalogs, platformId);
            var json = common.WantsJson(parseResult);

            if (Lookup.LooksLikeNumber(text, out var number))
            {
                if (number is not int code)
                {
                    throw new CliException(ExitCodes.Usage, $"'{text}' is not a valid code; codes are positive whole numbers such as 111 (or 0x6f)");
                }

                return ShowNumber(context, catalogs, text, code, platforms, json);
            }

            var named = catalogs
                .Select(c => (Catalog: c, Error: Lookup.FindError(c, text)))
                .Where(m => m.Error is not null)
                .Select(m => (m.Catalog, Error: m.Error!))
                .ToList();
            if (named.Count == 0)
            {
                return ShowTextMatches(context, catalogs, text, platforms, json);
            }

            if (json)
            {
                context.WriteJson(writer =>
                {
                    if (named.Count == 1)
                    {
                        WriteNamedJson(writer, text, named[0].Catalog, named[0].Error, platforms?[named[0].Catalog]);
                        return;
                    }

                    writer.WriteStartObject();
                    writer.WriteString("query", text);
                    writer.WriteStartArray("matches");
                    foreach (var (catalog, error) in named)
                    {
                        WriteNamedJson(writer, text, catalog, error, platforms?[catalog]);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (named.Count > 1)
            {
                context.Output.Write($"'{text}' names an error in {named.Count} catalogs: {string.Join(", ", named.Select(m => m.Catalog.Info.Id))}\n\n");
            }

            foreach (var (catalog, error) in named)
            {
                if (named.Count > 1)
                {
                    context.Output.Write(TerminalWriter.Bold(context.Output, $"In the {catalog.Info.Id} catalog ({catalog.Info.Function}):") + "\n");
                }

                if (!string.Equals(text.Trim(), error.Name, StringComparison.OrdinalIgnoreCase)
                    && error.Aliases.FirstOrDefault(a => string.Equals(a.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } alias)
                {
                    context.Output.Write($"{alias.Name} is another name for {error.Name}\n\n");
                }

                ErrorText.Write(context.Output, catalog, error, platforms?[catalog]);
                if (named.Count > 1 && error != named[^1].Error)
                {
                    context.Output.Write("\n");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteNamedJson(Utf8JsonWriter writer, string text, CatalogModel catalog, ErrorEntry error, PlatformDefinition? platform)
    {
        writer.WriteStartObject();
        writer.WriteString("query", text);
        writer.WriteString("catalog", catalog.Info.Id);
        CatalogJson.WriteOptional(writer, "platform", platform?.Id);
        if (platform is not null && error.CodeOn(platform.Id) is int code)
        {
            writer.WriteNumber("code", code);
        }
        else
        {
            writer.WriteNull("code");
        }

        writer.WritePropertyName("error");
        CatalogJson.WriteError(writer, catalog, error);
        WriteScenariosJson(writer, catalog, error);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The scenarios that concern the error, in full: under <c>result</c> those whose real result it
    /// is, under <c>naive</c> those that predict it but get another result (named by their own
    /// <c>result</c>).
    /// </summary>
    private static void WriteScenariosJson(Utf8JsonWriter writer, CatalogModel catalog, ErrorEntry error)
    {
        writer.WriteStartObject("scenarios");
        writer.WriteStartArray("result");
        foreach (var scenario in catalog.ScenariosWithResult(error.Name))
        {
            CatalogJson.WriteScenario(writer, scenario);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("naive");
        foreach (var scenario in catalog.ScenariosBlaming(error.Name))
        {
            CatalogJson.WriteScenario(writer, scenario);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Errors whose names or text contain the query; one match is shown in full, several as a table saying which field matched.</summary>
    private static int ShowTextMatches(CliContext context, IReadOnlyList<CatalogModel> catalogs, string text, Dictionary<CatalogModel, PlatformDefinition?>? platforms, bool json)
    {
        var matches = catalogs
            .SelectMany(c => c.Errors.Select(e => (Catalog: c, Error: e, Field: TextSearch.MatchingField(e, text))))
            .Where(m => m.Field is not null)
            .ToList();
        if (matches.Count == 0)
        {
            var names = catalogs.SelectMany(c => c.Errors.SelectMany(e => e.Aliases.Select(a => a.Name).Append(e.Name))).ToList();
            var where = catalogs.Count == 1 ? $"the {catalogs[0].Info.Id} catalog" : "the catalogs " + string.Join(", ", catalogs.Select(c => c.Info.Id));
            throw new CliException(
                ExitCodes.NotFound,
                $"no error named '{text}' and none whose text contains it in {where}{Suggestions.DidYouMean(text, names)} (try 'errcat list')");
        }

        var several = catalogs.Count > 1;
        if (json)
        {
            WriteMatchesJson(context, text, _ => { }, matches, m => (m.Catalog, m.Error), (writer, m) => writer.WriteString("field", m.Field));
            return ExitCodes.Success;
        }

        if (matches.Count == 1)
        {
            var (catalog, error, field) = matches[0];
            context.Output.Write($"No error is named '{text}'; it matched {error.Name}{(several ? $" ({catalog.Info.Id})" : string.Empty)} by its {field}.\n\n");
            ErrorText.Write(context.Output, catalog, error, platforms?[catalog]);
            return ExitCodes.Success;
        }

        context.Output.Write($"No error is named '{text}'; {matches.Count} errors contain it (MATCHED says where):\n");
        var headers = several
            ? new[] { "NAME", "CATALOG", "MATCHED", "SUMMARY" }
            : new[] { "NAME", "MATCHED", "SUMMARY" };
        var table = new TextTable(headers);
        foreach (var (catalog, error, field) in matches)
        {
            table.Add(several ? new[] { error.Name, catalog.Info.Id, field, error.Summary } : new[] { error.Name, field, error.Summary });
        }

        table.WriteTo(context.Output);
        context.Output.Write("(errcat show NAME shows one of them in full)\n");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The JSON of a lookup with several results: <c>query</c>, what <paramref name="header"/> adds,
    /// then <c>matches[]</c>, each with its <c>catalog</c>, what <paramref name="fields"/> adds, and the <c>error</c>.
    /// </summary>
    private static void WriteMatchesJson<T>(
        CliContext context,
        string text,
        Action<Utf8JsonWriter> header,
        IEnumerable<T> matches,
        Func<T, (CatalogModel Catalog, ErrorEntry Error)> entryOf,
        Action<Utf8JsonWriter, T> fields) => context.WriteJson(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("query", text);
        header(writer);
        writer.WriteStartArray("matches");
        foreach (var match in matches)
        {
            var (catalog, error) = entryOf(match);
            writer.WriteStartObject();
            writer.WriteString("catalog", catalog.Info.Id);
            fields(writer, match);
            writer.WritePropertyName("error");
            CatalogJson.WriteError(writer, catalog, error);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static int ShowNumber(CliContext context, IReadOnlyList<CatalogModel> catalogs, string text, int code, Dictionary<CatalogModel, PlatformDefinition?>? platforms, bool json)
    {
        // Every platform where the number names an error, named the way that platform's headers spell it.
        var matches = catalogs
            .Where(c => platforms is null || platforms[c] is not null)
            .SelectMany(c => Lookup.ErrorsWithCode(c, code, platforms?[c]).Select(m => (Catalog: c, m.Platform, m.Error, NativeName: m.Platform.NativeName(m.NativeName))))
            .ToList();
        var onlyOn = platforms?.Values.First(p => p is not null)!;
        if (matches.Count == 0)
        {
            var where = catalogs.Count == 1 ? $"the {catalogs[0].Info.Id} catalog" : "any catalog";
            throw new CliException(
                ExitCodes.NotFound,
                onlyOn is null
                    ? $"no platform of {where} has an error with code {code}"
                    : $"{onlyOn.Id} has no error with code {code} in {where}");
        }

        var several = catalogs.Count > 1;
        if (json)
        {
            WriteMatchesJson(
                context,
                text,
                writer =>
                {
                    writer.WriteNumber("code", code);
                    CatalogJson.WriteOptional(writer, "platform", onlyOn?.Id);
                },
                matches,
                m => (m.Catalog, m.Error),
                (writer, m) =>
                {
                    writer.WriteString("platform", m.Platform.Id);
                    writer.WriteString("nativeName", m.NativeName);
                });
            return ExitCodes.Success;
        }

        if (onlyOn is not null)
        {
            foreach (var (catalog, matchPlatform, error, nativeName) in matches)
            {
                var inCatalog = several ? $" (in the {catalog.Info.Id} catalog)" : string.Empty;
                context.Output.Write(string.Create(CultureInfo.InvariantCulture, $"{code} on {matchPlatform.Id} is {nativeName}{inCatalog}\n\n"));
                ErrorText.Write(context.Output, catalog, error, matchPlatform);
                if (error != matches[^1].Error)
                {
                    context.Output.Write("\n");
                }
            }

            return ExitCodes.Success;
        }

        context.Output.Write(string.Create(CultureInfo.InvariantCulture, $"Code {code} on each platform where it names an error:\n"));
        var table = new TextTable(several
            ? new[] { "PLATFORM", "NAME", "CATALOG", "ERROR", "SUMMARY" }
            : new[] { "PLATFORM", "NAME", "ERROR", "SUMMARY" });
        foreach (var (catalog, matchPlatform, error, nativeName) in matches)
        {
            table.Add(several
                ? new[] { matchPlatform.Id, nativeName, catalog.Info.Id, error.Name, error.Summary }
                : new[] { matchPlatform.Id, nativeName, error.Name, error.Summary });
        }

        table.WriteTo(context.Output);
        var elsewhere = catalogs.SelectMany(c => c.Platforms.Select(p => p.Id)).Distinct().Count()
            - matches.Select(m => m.Platform.Id).Distinct().Count();
        if (elsewhere > 0)
        {
            context.Output.Write($"({elsewhere} other platform{(elsewhere == 1 ? " has" : "s have")} no error with this code.)\n");
        }

        return ExitCodes.Success;
    }
}
