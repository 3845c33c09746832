namespace ErrorCatalog.Cli.Commands;

/// <summary><c>errcat list [--platform ID] [--source ID] [--family ID]</c>: the errors as a filtered table.</summary>
public static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var platformOption = CommonOptions.Platform(context, "Only errors this platform defines (under their own name or an alias), sorted by their code there.");
        var sourceOption = CommonOptions.Id(context, "--source", "Only errors this source lists, with how it lists them.", c => c.Sources.Select(s => s.Id), "-s");
        var familyOption = CommonOptions.Id(context, "--family", "Only errors that apply to this address family (inet, inet6, unix, or AF_INET...).", c => c.Families.Select(f => f.Id));
        var command = new Command("list", "List the catalog's errors, optionally filtered by platform, source and address family.") { platformOption, sourceOption, familyOption };
        var common = CommonOptions.AddTo(command);
        command.SetAction(context.Guard(parseResult =>
        {
            var catalogs = context.RequireCatalogs(common.CatalogPath(parseResult));
            var platforms = parseResult.GetValue(platformOption) is { } p ? Lookup.RequirePlatformIn(catalogs, p) : null;
            var sources = parseResult.GetValue(sourceOption) is { } s ? Lookup.RequireSourceIn(catalogs, s) : null;
            var families = parseResult.GetValue(familyOption) is { } f ? Lookup.RequireFamilyIn(catalogs, f) : null;

            var rows = new List<Row>();
            foreach (var catalog in catalogs)
            {
                // A catalog without the platform, source or family asked for has nothing to list.
                var platform = platforms?[catalog];
                var source = sources?[catalog];
                var family = families?[catalog];
                if ((platforms is not null && platform is null) || (sources is not null && source is null) || (families is not null && family is null))
                {
                    continue;
                }

                var errors = catalog.Errors
                    .Where(e => platform is null || e.NamesOn(platform.Id).Any())
                    .Where(e => source is null || e.ListingBy(source.Id) is not null)
                    .Where(e => family is null || e.Families.Any(u => u.Family == family.Id));
                if (platform is not null)
                {
                    // OrderBy is stable, so equal codes (never expected) keep file order.
                    errors = errors.OrderBy(e => e.NamesOn(platform.Id).First().Code);
                }

                rows.AddRange(errors.Select(e => new Row(catalog, e, platform, source)));
            }

            var several = catalogs.Count > 1;
            if (common.WantsJson(parseResult))
            {
                context.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("filter");
                    CatalogJson.WriteOptional(writer, "platform", platforms?.Values.First(v => v is not null)!.Id);
                    CatalogJson.WriteOptional(writer, "source", sources?.Values.First(v => v is not null)!.Id);
                    CatalogJson.WriteOptional(writer, "family", families?.Values.First(v => v is not null)!.Id);
                    writer.WriteEndObject();
                    writer.WriteNumber("count", rows.Count);
                    writer.WriteStartArray("errors");
                    foreach (var row in rows)
                    {
                        CatalogJson.WriteError(writer, row.Catalog, row.Error, withCatalogId: several);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            var howHeader = sources is null ? "SOURCES" : "HOW (" + sources.Values.First(v => v is not null)!.Id + ")";
            var headers = new List<string> { "NAME" };
            if (several)
            {
                headers.Add("CATALOG");
            }

            if (platforms is not null)
            {
                headers.Add("CODE");
                headers.Add("AS");
            }

            headers.AddRange(new[] { "SYMBOL", "CLASS", howHeader, "SUMMARY" });
            var table = new TextTable(headers.ToArray()).DropWhenNarrow(howHeader, "SYMBOL", "AS", "CLASS");
            foreach (var row in rows)
            {
                var cells = new List<string> { row.Error.Name };
                if (several)
                {
                    cells.Add(row.Catalog.Info.Id);
                }

                if (row.Platform is { } platform)
                {
                    // The name the platform reports it under: the canonical one, or an alias where only that is defined.
                    var (nativeName, code) = row.Error.NamesOn(platform.Id).First();
                    cells.Add(code.ToString(CultureInfo.InvariantCulture));
                    cells.Add(platform.NativeName(nativeName));
                }

                cells.Add(row.Error.Symbol);
                cells.Add(row.Error.Classification);
                cells.Add(row.Source is { } source
                    ? string.Join(", ", row.Error.ListingBy(source.Id)!.Attributions.Select(a => a.How).Distinct())
                    : string.Join(",", row.Error.Sources.Select(l => l.Source)));
                cells.Add(row.Error.Summary);
                table.Add(cells.ToArray());
            }

            table.WriteTo(context.Output);
            context.Output.Write($"{rows.Count} of {catalogs.Sum(c => c.Errors.Count)} errors\n");
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One listed error, with the catalog it is from and the filters resolved in that catalog.</summary>
    private sealed record Row(Catalog.Model.Catalog Catalog, ErrorEntry Error, PlatformDefinition? Platform, SourceDefinition? Source);
}
