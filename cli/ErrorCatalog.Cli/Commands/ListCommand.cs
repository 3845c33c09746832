using System.CommandLine;
using System.Globalization;
using System.Linq;
using ErrorCatalog.Cli.Output;

namespace ErrorCatalog.Cli.Commands;

/// <summary><c>errcat list [--platform ID] [--source ID] [--family ID]</c>: the errors as a filtered table.</summary>
public static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var platformOption = new Option<string?>("--platform", "-p")
        {
            Description = "Only errors this platform defines (under their own name or an alias), sorted by their code there.",
            HelpName = "ID",
        };
        var sourceOption = new Option<string?>("--source", "-s")
        {
            Description = "Only errors this source lists, with how it lists them.",
            HelpName = "ID",
        };
        var familyOption = new Option<string?>("--family")
        {
            Description = "Only errors that apply to this address family (inet, inet6, unix, or AF_INET...).",
            HelpName = "ID",
        };
        var catalogOption = CliContext.CatalogOption();
        var jsonOption = CliContext.JsonOption();
        var command = new Command("list", "List the catalog's errors, optionally filtered by platform, source and address family.")
        {
            platformOption,
            sourceOption,
            familyOption,
            catalogOption,
            jsonOption,
        };
        command.SetAction(context.Guard(parseResult =>
        {
            var catalog = context.RequireCatalog(parseResult.GetValue(catalogOption));
            var platform = parseResult.GetValue(platformOption) is { } p ? Lookup.RequirePlatform(catalog, p) : null;
            var source = parseResult.GetValue(sourceOption) is { } s ? Lookup.RequireSource(catalog, s) : null;
            var family = parseResult.GetValue(familyOption) is { } f ? Lookup.RequireFamily(catalog, f) : null;

            var errors = catalog.Errors
                .Where(e => platform is null || e.NamesOn(platform.Id).Any())
                .Where(e => source is null || e.ListingBy(source.Id) is not null)
                .Where(e => family is null || e.Families.Any(u => u.Family == family.Id))
                .ToList();
            if (platform is not null)
            {
                // OrderBy is stable, so equal codes (never expected) keep file order.
                errors = errors.OrderBy(e => e.NamesOn(platform.Id).First().Code).ToList();
            }

            if (parseResult.GetValue(jsonOption))
            {
                context.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartObject("filter");
                    CatalogJson.WriteOptional(writer, "platform", platform?.Id);
                    CatalogJson.WriteOptional(writer, "source", source?.Id);
                    CatalogJson.WriteOptional(writer, "family", family?.Id);
                    writer.WriteEndObject();
                    writer.WriteNumber("count", errors.Count);
                    writer.WriteStartArray("errors");
                    foreach (var error in errors)
                    {
                        CatalogJson.WriteError(writer, catalog, error);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            var headers = new System.Collections.Generic.List<string> { "NAME" };
            if (platform is not null)
            {
                headers.Add("CODE");
                headers.Add("AS");
            }

            headers.Add("SYMBOL");
            headers.Add("CLASS");
            if (source is not null)
            {
                headers.Add("HOW (" + source.Id + ")");
            }
            else
            {
                headers.Add("SOURCES");
            }

            headers.Add("SUMMARY");
            var table = new TextTable(headers.ToArray());
            foreach (var error in errors)
            {
                var cells = new System.Collections.Generic.List<string> { error.Name };
                if (platform is not null)
                {
                    // The name the platform reports it under: the canonical one, or an alias where only that is defined.
                    var (nativeName, code) = error.NamesOn(platform.Id).First();
                    cells.Add(code.ToString(CultureInfo.InvariantCulture));
                    cells.Add(platform.NativeName(nativeName));
                }

                cells.Add(error.Symbol);
                cells.Add(error.Classification);
                cells.Add(source is not null
                    ? string.Join(", ", error.ListingBy(source.Id)!.Attributions.Select(a => a.How).Distinct())
                    : string.Join(",", error.Sources.Select(l => l.Source)));
                cells.Add(error.Summary);
                table.Add(cells.ToArray());
            }

            table.WriteTo(context.Output);
            context.Output.Write($"{errors.Count} of {catalog.Errors.Count} errors\n");
            return ExitCodes.Success;
        }));
        return command;
    }
}
