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
            Assert.False(string.IsNullOrWhiteSpace(Field("projectUrl")), id + " has no project URL");
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
    public void TheRuntimePackageWorksInANewConsoleProject()
    {
        var folder = feed.EnsurePacked(output);
        using var work = new TemporaryDirectory("errorcatalog-runtime-user");
        cli.Dotnet(work.Path, feed.ConsumerEnvironment, "new", "console", "-o", "MyApp");
        var app = Path.Combine(work.Path, "MyApp");
        cli.Dotnet(app, feed.ConsumerEnvironment, "add", "package", "ErrorCatalog.Runtime", "--source", folder, "--version", feed.Version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System;
            using System.Net;
            using ErrorCatalog.Connect;
            using ErrorCatalog.Runtime;

            // Port 9 (discard) on loopback has no listener on a test machine.
            var result = SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Loopback, 9));
            Console.WriteLine($"{result.Outcome} {result.NativeError.Name} {result.NativeError.Code} {result.NativeError.Platform}");
            try
            {
                using var socket = SocketConnector.Connect(ConnectTarget.UnixPath("/nonexistent/errorcatalog.sock"));
            }
            catch (ConnectException.NoSuchPath exception)
            {
                Console.WriteLine($"{exception.GetType().Name} {exception.Code}");
            }
            """);
        var printed = cli.Dotnet(app, feed.ConsumerEnvironment, "run", "-c", "Release");
        Assert.Equal("Failed ECONNREFUSED 111 Linux\nNoSuchPath 2", Normalize(printed));
    }

    [Fact]
    public void TheGeneratorPackageCompilesACatalogInANewProject()
    {
        var folder = feed.EnsurePacked(output);
        using var work = new TemporaryDirectory("errorcatalog-generator-user");
        cli.Dotnet(work.Path, feed.ConsumerEnvironment, "new", "console", "-o", "MyLib");
        var project = Path.Combine(work.Path, "MyLib");
        cli.Dotnet(project, feed.ConsumerEnvironment, "add", "package", "ErrorCatalog.Generator", "--source", folder, "--version", feed.Version);
        File.Copy(RepositoryPaths.InRepository("tests", "ErrorCatalog.Catalog.Tests", "TestCatalogs", "minimal.yaml"), Path.Combine(project, "errors.yaml"));
        MarkCatalog(Path.Combine(project, "MyLib.csproj"), "errors.yaml");
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using System;
            using ErrorCatalog.Sample;

            SampleErrors.TryFromNative(SamplePlatform.Windows, 10035, out var error);
            Console.WriteLine($"{SampleErrors.GetName(error)} {SampleErrors.GetCode(error, SamplePlatform.Linux)} {SampleErrors.GetAction(error)}");
            """);
        var printed = cli.Dotnet(project, feed.ConsumerEnvironment, "run", "-c", "Release");
        Assert.Equal("EAGAIN 11 Retry later.", Normalize(printed));

        // A mistake in the catalog is a build error at its line, with the id and a help link.
        File.WriteAllText(Path.Combine(project, "errors.yaml"), File.ReadAllText(Path.Combine(project, "errors.yaml")).Replace("summary: Nobody", "sumary: Nobody", StringComparison.Ordinal));
        var broken = cli.Run(DotnetCli.DotnetPath, project, feed.ConsumerEnvironment, "build", "-c", "Release");
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("errors.yaml(", broken.Output, StringComparison.Ordinal);
        Assert.Contains("error ECAT004", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrcatInstallsAsAToolAndRuns()
    {
        var folder = feed.EnsurePacked(output);
        using var work = new TemporaryDirectory("errorcatalog-tool-user");
        var tools = Path.Combine(work.Path, "tools");
        cli.Dotnet(work.Path, feed.ConsumerEnvironment, "tool", "install", "errcat", "--tool-path", tools, "--add-source", folder, "--version", feed.Version);
        var errcat = Path.Combine(tools, "errcat");

        var show = cli.Run(errcat, work.Path, null, "show", "ECONNREFUSED");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("ECONNREFUSED (ConnectError.ConnectionRefused)", show.Output, StringComparison.Ordinal);

        var connect = cli.Run(errcat, work.Path, null, "connect", "127.0.0.1:9");
        Assert.Equal(5, connect.ExitCode);
        Assert.Contains("raw code        111 on linux (errno)", connect.Output, StringComparison.Ordinal);
    }

    internal static void MarkCatalog(string projectFile, string catalog)
    {
        var document = XDocument.Load(projectFile);
        document.Root!.Add(new XElement("ItemGroup", new XElement("AdditionalFiles", new XAttribute("Include", catalog), new XAttribute("ErrorCatalog", "true"))));
        document.Save(projectFile);
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
