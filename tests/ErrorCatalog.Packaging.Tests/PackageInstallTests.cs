using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>
/// The README's Install section, step by step, against the folder build/pack.sh writes: each
/// package in a new project (or as a tool) in a temporary folder, then the result is run.
/// </summary>
[Collection(WholeBuilds.Name)]
public class PackageInstallTests(PackedFeed feed, ITestOutputHelper output) : IClassFixture<PackedFeed>
{
    private static readonly string[] PackageIds = { "ErrorCatalog.Catalog", "ErrorCatalog.Generator", "ErrorCatalog.Runtime", "errcat" };

    private readonly DotnetCli cli = new(output);

    [Fact]
    public void EveryPackageCarriesTheMetadataAndSymbols()
    {
        var folder = feed.EnsurePacked(output);
        var repositoryUrl = RepositoryUrlFromProps();
        foreach (var id in PackageIds)
        {
            var package = Path.Combine(folder, $"{id}.{feed.Version}.nupkg");
            Assert.True(File.Exists(package), "missing " + package + "; the folder has: " + string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName)));
            using var zip = ZipFile.OpenRead(package);
            var nuspec = ReadNuspec(zip);
            string? Field(string name) => nuspec.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            var license = nuspec.Elements().Single(e => e.Name.LocalName == "license");
            Assert.Equal("expression", license.Attribute("type")?.Value);
            Assert.Equal("MIT", license.Value);
            Assert.False(string.IsNullOrWhiteSpace(Field("description")), id + " has no description");
            Assert.False(string.IsNullOrWhiteSpace(Field("tags")), id + " has no tags");
            Assert.False(string.IsNullOrWhiteSpace(Field("authors")), id + " has no authors");
            Assert.Equal(PackedFeed.DocsUrl, Field("projectUrl"));
            var readme = Field("readme");
            Assert.Equal("README.md", readme);
            Assert.NotNull(zip.GetEntry("README.md"));
            var repository = nuspec.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.Equal("git", repository.Attribute("type")?.Value);
            Assert.Equal(repositoryUrl, repository.Attribute("url")?.Value);
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);

            // The analyzer package embeds its PDB; the libraries and the tool ship .snupkg symbol packages.
            if (id != "ErrorCatalog.Generator")
            {
                var symbols = Path.Combine(folder, $"{id}.{feed.Version}.snupkg");
                Assert.True(File.Exists(symbols), "missing " + symbols);
                using var symbolZip = ZipFile.OpenRead(symbols);
                Assert.Contains(symbolZip.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void TheGeneratorPackageCarriesTheSchemaAndTheFormat()
    {
        var folder = feed.EnsurePacked(output);
        using var zip = ZipFile.OpenRead(Path.Combine(folder, $"ErrorCatalog.Generator.{feed.Version}.nupkg"));
        Assert.Equal(File.ReadAllText(RepositoryPaths.Schema), ReadEntry(zip, "docs/errorcatalog.schema.json"));
        Assert.Equal(File.ReadAllText(RepositoryPaths.CatalogReadme), ReadEntry(zip, "docs/catalog-format.md"));
    }

    [Fact]
    public void TheRuntimePackageWorksInANewConsoleProjectAsTheReadmeShows()
    {
        var folder = feed.EnsurePacked(output);
        var steps = ReadmeInstall.Block("dotnet new console -o MyApp");
        using var work = new TempDirectory("errorcatalog-runtime-user");
        cli.Dotnet(work.Path, feed.ConsumerEnvironment, "new", "console", "-o", "MyApp");
        var app = Path.Combine(work.Path, "MyApp");
        Assert.Contains("dotnet add package ErrorCatalog.Runtime --source \"$feed\"", steps, StringComparison.Ordinal);
        cli.Dotnet(app, feed.ConsumerEnvironment, "add", "package", "ErrorCatalog.Runtime", "--source", folder);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeInstall.Program(steps));

        var printed = cli.Dotnet(app, feed.ConsumerEnvironment, "run");
        Assert.Equal(ReadmeInstall.ExpectedOutput(steps), Normalize(printed));
    }

    [Fact]
    public void TheGeneratorPackageCompilesACatalogInANewProjectAsTheReadmeShows()
    {
        var folder = feed.EnsurePacked(output);
        var steps = ReadmeInstall.Block("dotnet new console -o MyLib");
        using var work = new TempDirectory("errorcatalog-generator-user");
        cli.Dotnet(work.Path, feed.ConsumerEnvironment, "new", "console", "-o", "MyLib");
        var project = Path.Combine(work.Path, "MyLib");
        Assert.Contains("dotnet add package ErrorCatalog.Generator --source \"$feed\"", steps, StringComparison.Ordinal);
        cli.Dotnet(project, feed.ConsumerEnvironment, "add", "package", "ErrorCatalog.Generator", "--source", folder);
        File.Copy(RepositoryPaths.Catalog, Path.Combine(project, "errors.yaml"));
        // The README's own line marks the catalog in the project file.
        var mark = ReadmeInstall.Line(steps, "sed -i ");
        var marked = cli.Run("bash", project, null, "-c", mark);
        Assert.Equal(0, marked.ExitCode);
        File.WriteAllText(Path.Combine(project, "Program.cs"), ReadmeInstall.Program(steps));

        var printed = cli.Dotnet(project, feed.ConsumerEnvironment, "run");
        Assert.Equal(ReadmeInstall.ExpectedOutput(steps), Normalize(printed));

        // A mistake in the catalog is a build error at its line, with the loader's id.
        var catalog = Path.Combine(project, "errors.yaml");
        var text = File.ReadAllText(catalog);
        var at = text.IndexOf("    summary:", StringComparison.Ordinal);
        File.WriteAllText(catalog, text[..at] + "    sumary:" + text[(at + "    summary:".Length)..]);
        var broken = cli.Run(DotnetCli.DotnetPath, project, feed.ConsumerEnvironment, "build");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("errors.yaml(", broken.Output, StringComparison.Ordinal);
        Assert.Contains("error ECAT004", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrcatInstallsAsAToolAsTheReadmeShows()
    {
        var folder = feed.EnsurePacked(output);
        var steps = ReadmeInstall.Block("dotnet tool install --global errcat");
        Assert.Contains("dotnet tool install --global errcat --add-source \"$feed\"", steps, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install errcat --tool-path ./tools --add-source \"$feed\" && ./tools/errcat show ECONNREFUSED", steps, StringComparison.Ordinal);
        using var work = new TempDirectory("errorcatalog-tool-user");
        // The --tool-path form: a global install would change the machine's user profile.
        cli.Dotnet(work.Path, feed.ConsumerEnvironment, "tool", "install", "errcat", "--tool-path", "./tools", "--add-source", folder);
        var errcat = Path.Combine(work.Path, "tools", "errcat");

        var show = cli.Run(errcat, work.Path, null, "show", "ECONNREFUSED");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("ECONNREFUSED (ConnectError.ConnectionRefused)", show.Output, StringComparison.Ordinal);

        var connect = cli.Run(errcat, work.Path, null, "connect", "127.0.0.1:9");
        Assert.Equal(5, connect.ExitCode);
        Assert.Contains("raw code        111 on linux (errno)", connect.Output, StringComparison.Ordinal);

        // Help links follow the docs address the packages were built with, set in one property.
        var broken = Path.Combine(work.Path, "broken.yaml");
        File.WriteAllText(broken, "schema: 1\ncatalog: [\n");
        var validate = cli.Run(errcat, work.Path, null, "validate", broken, "--json");
        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("\"helpLink\": \"" + PackedFeed.DocsUrl + "diagnostics/ECAT001.html\"", validate.Output, StringComparison.Ordinal);
    }

    private static string RepositoryUrlFromProps()
    {
        var props = XDocument.Load(RepositoryPaths.InRepository("Directory.Build.props"));
        return props.Descendants("ErrorCatalogRepositoryUrl").Single().Value;
    }

    private static XElement ReadNuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException("the package lacks " + name);
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
