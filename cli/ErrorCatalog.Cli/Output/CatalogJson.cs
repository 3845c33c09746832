using System.Text;
using System.Text.Encodings.Web;

namespace ErrorCatalog.Cli.Output;

/// <summary>
/// Writes the catalog model as JSON. Key order follows the model and the file, so the same
/// catalog always gives the same bytes. Absent codes are written as null, never left out.
/// </summary>
public static class CatalogJson
{
    /// <summary>Builds a JSON document with <paramref name="write"/> and returns it as text ending in a newline.</summary>
    public static string Build(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",

            // Output goes to files and terminals, never into HTML, so keep text readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The whole catalog: header, declarations, every error, then every scenario.</summary>
    public static void WriteCatalog(Utf8JsonWriter writer, CatalogModel catalog)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schema", 1);
        writer.WriteStartObject("catalog");
        WriteFields(
            writer,
            ("id", catalog.Info.Id),
            ("function", catalog.Info.Function),
            ("title", catalog.Info.Title),
            ("description", catalog.Info.Description),
            ("prefix", catalog.Info.Prefix),
            ("namespace", catalog.Info.Namespace));
        writer.WriteEndObject();

        WriteObjects(writer, "sources", catalog.Sources, source =>
        {
            writer.WriteString("id", source.Id);
            writer.WriteString("title", source.Title);
            WriteOptional(writer, "url", source.Url);
            WriteOptional(writer, "note", source.Note);
            WriteObjects(writer, "attributions", source.Attributions, kind =>
            {
                writer.WriteString("id", kind.Id);
                writer.WriteString("description", kind.Description);
            });
        });

        writer.WriteStartArray("platforms");
        foreach (var platform in catalog.Platforms)
        {
            WritePlatform(writer, platform);
        }

        writer.WriteEndArray();

        WriteObjects(writer, "families", catalog.Families, family =>
            WriteFields(writer, ("id", family.Id), ("title", family.Title), ("native", family.Native)));

        WriteObjects(writer, "classifications", catalog.Classifications, classification =>
        {
            WriteFields(writer, ("id", classification.Id), ("symbol", classification.Symbol));
            writer.WriteNumber("value", classification.Value);
            WriteFields(writer, ("title", classification.Title), ("description", classification.Description));
        });

        WriteObjects(writer, "groups", catalog.Groups, group =>
            WriteFields(writer, ("id", group.Id), ("symbol", group.Symbol), ("summary", group.Summary)));

        writer.WriteStartArray("errors");
        foreach (var error in catalog.Errors)
        {
            WriteError(writer, catalog, error);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("scenarios");
        foreach (var scenario in catalog.Scenarios)
        {
            WriteScenario(writer, scenario);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>One scenario with the keys of the YAML; <c>needs</c> is always a list (empty for <c>none</c>) and <c>dotnet</c> always has both keys.</summary>
    public static void WriteScenario(Utf8JsonWriter writer, Scenario scenario)
    {
        writer.WriteStartObject();
        WriteFields(writer, ("id", scenario.Id), ("platform", scenario.Platform), ("family", scenario.Family), ("socket", scenario.Socket), ("setup", scenario.Setup));
        WriteStrings(writer, "needs", scenario.Needs);
        WriteFields(writer, ("via", scenario.Via), ("result", scenario.Result));
        WriteOptional(writer, "naive", scenario.Naive);
        WriteOptional(writer, "naive-source", scenario.NaiveSource);
        writer.WriteStartObject("dotnet");
        WriteOptional(writer, ScenarioVocabulary.DotNetConnectKey, scenario.DotNetConnect);
        WriteOptional(writer, ScenarioVocabulary.DotNetConnectAsyncKey, scenario.DotNetConnectAsync);
        if (scenario.DotNetSocket is not null)
        {
            // Only socket() scenarios have it; leaving the key out keeps connect() exports as they were.
            writer.WriteString(ScenarioVocabulary.DotNetSocketKey, scenario.DotNetSocket);
        }

        writer.WriteEndObject();
        WriteOptional(writer, "note", scenario.Note);
        writer.WriteEndObject();
    }

    public static void WritePlatform(Utf8JsonWriter writer, PlatformDefinition platform)
    {
        writer.WriteStartObject();
        WriteFields(
            writer,
            ("id", platform.Id),
            ("symbol", platform.Symbol),
            ("title", platform.Title),
            ("kind", platform.Kind == PlatformKind.Winsock ? "winsock" : "errno"),
            ("reference", platform.Reference));
        writer.WriteNumber("value", platform.Value);
        writer.WriteNumber("min", platform.Min);
        writer.WriteNumber("max", platform.Max);
        if (platform.RunsOn is { } runsOn)
        {
            writer.WriteStartObject("runs-on");
            WriteStrings(writer, "os", runsOn.OperatingSystems);
            if (!runsOn.Architectures.IsEmpty)
            {
                WriteStrings(writer, "arch", runsOn.Architectures);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>One error with every field of the model; also used by show, list and connect.</summary>
    public static void WriteError(Utf8JsonWriter writer, CatalogModel catalog, ErrorEntry error, bool withCatalogId = false)
    {
        writer.WriteStartObject();
        if (withCatalogId)
        {
            // Where errors of several catalogs share one list, each says which catalog it is from.
            writer.WriteString("catalog", catalog.Info.Id);
        }

        writer.WriteString("name", error.Name);
        writer.WriteString("symbol", error.Symbol);
        writer.WriteNumber("value", error.Value);
        writer.WriteString("summary", error.Summary);
        WriteOptional(writer, "details", error.Details);
        writer.WriteString("action", error.Action);
        writer.WriteString("classification", error.Classification);
        WriteOptional(writer, "group", error.Group);
        WriteOptional(writer, "dotnet", error.DotNet);

        writer.WriteStartObject("codes");
        foreach (var platform in catalog.Platforms)
        {
            WriteCode(writer, platform.Id, error.CodeOn(platform.Id));
        }

        writer.WriteEndObject();

        WriteObjects(writer, "aliases", error.Aliases, alias =>
        {
            writer.WriteString("name", alias.Name);
            writer.WriteStartObject("codes");
            foreach (var platform in catalog.Platforms)
            {
                WriteCode(writer, platform.Id, alias.CodeOn(platform.Id, error.CodeOn(platform.Id)));
            }

            writer.WriteEndObject();
        });

        writer.WriteStartObject("sources");
        foreach (var listing in error.Sources)
        {
            WriteObjects(writer, listing.Source, listing.Attributions, attribution =>
            {
                writer.WriteString("how", attribution.How);
                WriteOptional(writer, "name", attribution.Name);
                WriteOptional(writer, "note", attribution.Note);
                WriteOptional(writer, "erratum", attribution.Erratum);
            });
        }

        writer.WriteEndObject();

        writer.WriteStartObject("families");
        foreach (var family in error.Families)
        {
            WriteOptional(writer, family.Family, family.Meaning);
        }

        writer.WriteEndObject();

        WriteObjects(writer, "quirks", error.Quirks, quirk =>
        {
            WriteStrings(writer, "platforms", quirk.Platforms);
            writer.WriteString("text", quirk.Text);
            WriteOptional(writer, "evidence", quirk.Evidence);
            WriteStrings(writer, "scenarios", quirk.Scenarios);
        });

        WriteObjects(writer, "kernel-sources", error.KernelSources, kernelSource =>
        {
            writer.WriteString("at", kernelSource.At);
            WriteStrings(writer, "families", kernelSource.Families);
            writer.WriteString("says", kernelSource.Says);
        });

        WriteObjects(writer, "not-returned", error.NotReturned, notReturned =>
        {
            writer.WriteString("platform", notReturned.Platform);
            writer.WriteString("why", notReturned.Why);
        });
        writer.WriteEndObject();
    }

    /// <summary>An array named <paramref name="name"/> with one object per item, whose members <paramref name="writeMembers"/> writes.</summary>
    private static void WriteObjects<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<T> writeMembers)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStartObject();
            writeMembers(item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, EquatableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>String properties in the order given.</summary>
    private static void WriteFields(Utf8JsonWriter writer, params (string Name, string Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteCode(Utf8JsonWriter writer, string platform, int? code)
    {
        if (code is int value)
        {
            writer.WriteNumber(platform, value);
        }
        else
        {
            writer.WriteNull(platform);
        }
    }

    /// <summary>Writes the value, or null: every key is always present, so scripts need no existence checks.</summary>
    public static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
