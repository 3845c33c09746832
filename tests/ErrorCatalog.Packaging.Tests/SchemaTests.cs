using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ErrorCatalog.Catalog.Loading;
using Json.Schema;
using Xunit;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>
/// catalog/errorcatalog.schema.json agrees with the loader: what the loader accepts validates,
/// what it refuses for its shape fails, and catalog/README.md documents every field the schema has.
/// </summary>
public class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Schema)));

    private static string Minimal => File.ReadAllText(RepositoryPaths.InRepository("tests", "ErrorCatalog.Catalog.Tests", "TestCatalogs", "minimal.yaml"));

    public static TheoryData<string> RepositoryCatalogs()
    {
        var data = new TheoryData<string>();
        foreach (var file in RepositoryYamlFiles())
        {
            data.Add(file);
        }

        return data;
    }

    private static List<string> RepositoryYamlFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void TheSchemaIsDraft2020_12()
    {
        var document = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema))!;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)document["$schema"]);
    }

    [Theory]
    [MemberData(nameof(RepositoryCatalogs))]
    public void EveryCatalogTheLoaderAcceptsValidates(string relativePath)
    {
        var path = RepositoryPaths.InRepository(relativePath);
        var text = File.ReadAllText(path);
        var loaded = CatalogLoader.Load(path, text);
        if (!loaded.Succeeded)
        {
            // Broken on purpose or not a catalog at all; the loader's shape errors are checked below.
            return;
        }

        if (relativePath.Contains("/Broken/", StringComparison.Ordinal))
        {
            // A fixture the loader accepts but the generator refuses (a reserved symbol, ECAT105):
            // the schema knows the reserved names, so an editor flags it before the build does.
            Assert.False(Evaluate(text).IsValid, relativePath + " is broken for the generator but passes the schema");
            return;
        }

        AssertValid(text, relativePath);
    }

    [Fact]
    public void TheProjectsCatalogsAreAmongThoseValidated()
    {
        var accepted = RepositoryYamlFiles()
            .Where(file => CatalogLoader.LoadFile(RepositoryPaths.InRepository(file)).Succeeded)
            .ToList();
        Assert.Contains("catalog/connect.yaml", accepted);
        Assert.Contains("tests/ErrorCatalog.Catalog.Tests/TestCatalogs/minimal.yaml", accepted);
        Assert.Contains("tests/ErrorCatalog.Generator.Tests/Catalogs/bind.yaml", accepted);
    }

    /// <summary>Edits of the loader's valid fixture, each a breakage of shape that the loader reports with the given id.</summary>
    public static TheoryData<string, string, string, string> StructuralBreakages() => new()
    {
        { "unknown key", "summary: Nobody", "sumary: Nobody", "ECAT004" },
        { "unknown top-level key", "schema: 1", "schema: 1\nextra: 1", "ECAT004" },
        { "missing required field", "    action: Check the address and port.\n", string.Empty, "ECAT005" },
        { "required field left empty", "    action: Check the address and port.", "    action: ~", "ECAT005" },
        { "missing catalog section", "catalog:\n  id: sample\n  function: sample()\n  title: Errors of a sample call\n  description: A catalog used by the loader's tests.\n  prefix: Sample\n  namespace: ErrorCatalog.Sample\n", string.Empty, "ECAT005" },
        { "fractional value", "value: 2", "value: 2.5", "ECAT006" },
        { "quoted number", "linux: 111", "linux: \"111\"", "ECAT006" },
        { "number with a leading zero", "linux: 111", "linux: 0111", "ECAT006" },
        { "hexadecimal code", "linux: 111", "linux: 0x6f", "ECAT006" },
        { "list where text belongs", "summary: Nobody listens at the address.", "summary: [Nobody]", "ECAT006" },
        { "mapping where a list belongs", "families: [unix, inet]", "families: unix", "ECAT006" },
        { "symbol with an underscore", "symbol: TryAgain", "symbol: Try_Again", "ECAT013" },
        { "symbol in lower case", "symbol: TryAgain", "symbol: tryAgain", "ECAT013" },
        { "keyword as a prefix", "prefix: Sample", "prefix: class", "ECAT013" },
        { "value zero", "value: 2", "value: 0", "ECAT014" },
        { "lower-case native name", "name: EAGAIN", "name: eagain", "ECAT020" },
        { "upper-case id", "id: transient", "id: Transient", "ECAT020" },
        { "unknown schema version", "schema: 1", "schema: 2", "ECAT022" },
        { "empty platforms list", "platforms:\n  - id: linux", "platforms: []\nunused:\n  - id: linux", "ECAT023" },
        { "unknown platform kind", "kind: winsock", "kind: win32", "ECAT006" },
        { "unknown SocketError member", "dotnet: ConnectionRefused", "dotnet: ConnectionRefusd", "ECAT018" },
        { "word other than absent for a code", "windows: absent", "windows: missing", "ECAT006" },
        { "same where an entry code belongs", "      linux: 11\n", "      linux: same\n", "ECAT006" },
    };

    [Theory]
    [MemberData(nameof(StructuralBreakages))]
    public void StructuralBreakagesFailTheLoaderAndTheSchema(string what, string find, string replace, string diagnosticId)
    {
        var text = Edit(Minimal, find, replace);
        var loaded = CatalogLoader.Load("broken.yaml", text);
        Assert.False(loaded.Succeeded, what + ": the loader accepted it");
        Assert.Contains(loaded.Diagnostics, d => d.Id == diagnosticId);

        var result = Evaluate(text);
        Assert.False(result.IsValid, what + ": the schema accepted it");
    }

    [Fact]
    public void TheValidFixtureItselfValidates() => AssertValid(Minimal, "minimal.yaml");

    [Fact]
    public void ScenarioShapesTheLoaderRefusesFailTheSchema()
    {
        // The minimal catalog's scenarios validate as they are; each breakage below is one the
        // loader reports (unknown key, missing result, a word outside the vocabulary).
        AssertValid(Minimal, "minimal.yaml with its scenarios");
        foreach (var (what, text) in new[]
        {
            ("an unknown scenario key", Minimal + "  - id: extra\n    platform: linux\n    family: inet\n    socket: stream\n    setup: x\n    needs: none\n    via: connect\n    result: success\n    steps: [connect]\n"),
            ("a scenario without result", Minimal + "  - id: extra\n    platform: linux\n    family: inet\n    socket: stream\n    setup: x\n    needs: none\n    via: connect\n"),
            ("an unknown via", Minimal + "  - id: extra\n    platform: linux\n    family: inet\n    socket: stream\n    setup: x\n    needs: none\n    via: poll\n    result: success\n"),
            ("an unknown need", Minimal + "  - id: extra\n    platform: linux\n    family: inet\n    socket: stream\n    setup: x\n    needs: [sudo]\n    via: connect\n    result: success\n"),
        })
        {
            Assert.False(Evaluate(text).IsValid, what + " should fail the schema");
        }
    }

    [Fact]
    public void ReservedSymbolsFailTheSchema()
    {
        var text = Edit(Minimal, "symbol: TryAgain", "symbol: Message");
        Assert.False(Evaluate(text).IsValid);
    }

    [Fact]
    public void ConnectYamlNamesTheSchemaForEditors()
    {
        var firstLine = File.ReadLines(RepositoryPaths.Catalog).First();
        var match = Regex.Match(firstLine, @"^# yaml-language-server: \$schema=(\S+)$");
        Assert.True(match.Success, "connect.yaml's first line is: " + firstLine);
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepositoryPaths.Catalog)!, match.Groups[1].Value));
        Assert.Equal(RepositoryPaths.Schema, target);
    }

    [Fact]
    public void TheReadmeExampleValidates()
    {
        // The annotated example in catalog/README.md uses '...' for prose and lists only a few
        // platforms, so the loader would refuse it; its shape must still be the schema's.
        var example = ReadmeSchemaExample();
        AssertValid(example, "catalog/README.md example");
    }

    /// <summary>
    /// Fields the schema already admits for the scenarios change, whose documentation arrives with
    /// that change; the list empties once catalog/README.md describes them.
    /// </summary>
    private static readonly string[] FieldsDocumentedByTheScenariosChange = { };

    [Fact]
    public void TheReadmeDocumentsEveryFieldOfTheSchema()
    {
        var example = ReadmeSchemaExample();
        var readme = File.ReadAllText(RepositoryPaths.CatalogReadme);
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Schema))!;
        var missing = new List<string>();
        foreach (var key in PropertyNames(schema).Except(FieldsDocumentedByTheScenariosChange))
        {
            var documented = Regex.IsMatch(example, @"(^|\s|-\s)" + Regex.Escape(key) + ":", RegexOptions.Multiline)
                || readme.Contains("`" + key + "`", StringComparison.Ordinal);
            if (!documented)
            {
                missing.Add(key);
            }
        }

        Assert.True(missing.Count == 0, "catalog/README.md does not document: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheGeneratorPackageCarriesTheSchemaAndTheFormatDescription()
    {
        var project = File.ReadAllText(RepositoryPaths.InRepository("generator", "ErrorCatalog.Generator", "ErrorCatalog.Generator.csproj"));
        Assert.Contains(@"catalog\errorcatalog.schema.json"" Pack=""true"" PackagePath=""docs/errorcatalog.schema.json""", project, StringComparison.Ordinal);
        Assert.Contains(@"catalog\README.md"" Pack=""true"" PackagePath=""docs/catalog-format.md""", project, StringComparison.Ordinal);
    }

    internal static string ReadmeSchemaExample()
    {
        var readme = File.ReadAllText(RepositoryPaths.CatalogReadme);
        var match = Regex.Match(readme, "```yaml\n(schema: 1.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "catalog/README.md has no ```yaml block starting with 'schema: 1'");
        return match.Groups[1].Value;
    }

    private static IEnumerable<string> PropertyNames(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (key == "properties" && value is JsonObject properties)
                {
                    foreach (var name in properties.Select(p => p.Key))
                    {
                        yield return name;
                    }
                }

                if (value is not null)
                {
                    foreach (var nested in PropertyNames(value))
                    {
                        yield return nested;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.Where(i => i is not null))
            {
                foreach (var nested in PropertyNames(item!))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void AssertValid(string yaml, string what)
    {
        var result = Evaluate(yaml);
        if (!result.IsValid)
        {
            var errors = (result.Details ?? new List<EvaluationResults>())
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .Take(20);
            Assert.Fail(what + " does not validate against the schema:\n" + string.Join("\n", errors));
        }
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var json = YamlToJson.Convert(yaml);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Edit(string text, string find, string replace)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, "the fixture no longer contains: " + find);
        Assert.True(text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, "the fixture contains more than once: " + find);
        return text[..first] + replace + text[(first + find.Length)..];
    }

    private static bool IsBuildOutput(string path)
    {
        var parts = Path.GetRelativePath(RepositoryPaths.Root, path).Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or "artifacts" or "TestResults" or ".git" or "node_modules");
    }
}
