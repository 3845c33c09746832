using System;
using System.CommandLine;
using System.Linq;
using System.Globalization;
using System.Text.Json;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Cli.Output;

namespace ErrorCatalog.Cli.Commands;

/// <summary><c>errcat show NAME|NUMBER [--platform ID]</c>: everything about one error, or what a number means on each platform.</summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var query = new Argument<string>("NAME|NUMBER")
        {
            Description = "An error name, alias or symbol (any case: ECONNREFUSED, econnrefused, ConnectionRefused, WSAECONNREFUSED), or a code such as 111.",
        };
        var platformOption = new Option<string?>("--platform", "-p")
        {
            Description = "Read a number as this platform's code; with a name, also show its code there.",
            HelpName = "ID",
        };
        var catalogOption = CliContext.CatalogOption();
        var jsonOption = CliContext.JsonOption();
        var command = new Command("show", "Show everything about one error; a number without --platform lists every platform where it means something.")
        {
            query,
            platformOption,
            catalogOption,
            jsonOption,
        };
        command.SetAction(context.Guard(parseResult =>
        {
            var text = parseResult.GetValue(query) ?? string.Empty;
            var catalog = context.RequireCatalog(parseResult.GetValue(catalogOption));
            var platformId = parseResult.GetValue(platformOption);
            var platform = platformId is null ? null : Lookup.RequirePlatform(catalog, platformId);
            var json = parseResult.GetValue(jsonOption);

            if (Lookup.LooksLikeNumber(text, out var number))
            {
                if (number is not int code)
                {
                    throw new CliException(ExitCodes.Usage, $"'{text}' is not a valid code; codes are positive whole numbers such as 111 (or 0x6f)");
                }

                return ShowNumber(context, catalog, text, code, platform, json);
            }

            var error = Lookup.FindError(catalog, text)
                ?? throw new CliException(ExitCodes.NotFound, $"no error named '{text}' in the {catalog.Info.Id} catalog (try 'errcat list')");
            if (json)
            {
                context.WriteJson(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("query", text);
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
                });
            }
            else
            {
                if (!string.Equals(text.Trim(), error.Name, StringComparison.OrdinalIgnoreCase)
                    && error.Aliases.FirstOrDefault(a => string.Equals(a.Name, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } alias)
                {
                    context.Output.Write($"{alias.Name} is another name for {error.Name}\n\n");
                }

                ErrorText.Write(context.Output, catalog, error, platform);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// The scenarios that concern the error, in full: under <c>result</c> those whose real result it
    /// is, under <c>naive</c> those that predict it but get another result (named by their own
    /// <c>result</c>).
    /// </summary>
    private static void WriteScenariosJson(Utf8JsonWriter writer, Catalog.Model.Catalog catalog, ErrorEntry error)
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

    private static int ShowNumber(CliContext context, Catalog.Model.Catalog catalog, string text, int code, PlatformDefinition? platform, bool json)
    {
        var matches = Lookup.ErrorsWithCode(catalog, code, platform);
        if (matches.Length == 0)
        {
            throw new CliException(
                ExitCodes.NotFound,
                platform is null
                    ? $"no platform of the {catalog.Info.Id} catalog has an error with code {code}"
                    : $"{platform.Id} has no error with code {code} in the {catalog.Info.Id} catalog");
        }

        if (json)
        {
            context.WriteJson(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("query", text);
                writer.WriteNumber("code", code);
                CatalogJson.WriteOptional(writer, "platform", platform?.Id);
                writer.WriteStartArray("matches");
                foreach (var (matchPlatform, error, nativeName) in matches)
                {
                    writer.WriteStartObject();
                    writer.WriteString("platform", matchPlatform.Id);
                    writer.WriteString("nativeName", nativeName);
                    writer.WritePropertyName("error");
                    CatalogJson.WriteError(writer, catalog, error);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (platform is not null)
        {
            var (_, error, nativeName) = matches[0];
            context.Output.Write(string.Create(CultureInfo.InvariantCulture, $"{code} on {platform.Id} is {nativeName}\n\n"));
            ErrorText.Write(context.Output, catalog, error, platform);
            return ExitCodes.Success;
        }

        context.Output.Write(string.Create(CultureInfo.InvariantCulture, $"Code {code} on each platform where it names an error:\n"));
        var table = new TextTable("PLATFORM", "NAME", "ERROR", "SUMMARY");
        foreach (var (matchPlatform, error, nativeName) in matches)
        {
            table.Add(matchPlatform.Id, nativeName, error.Name, error.Summary);
        }

        table.WriteTo(context.Output);
        var elsewhere = catalog.Platforms.Count - matches.Length;
        if (elsewhere > 0)
        {
            context.Output.Write($"({elsewhere} other platform{(elsewhere == 1 ? " has" : "s have")} no error with this code.)\n");
        }

        return ExitCodes.Success;
    }
}
