using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using Xunit.Abstractions;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>
/// build/pack.sh run once for the whole test class into a temporary folder, as the README's
/// Install section does; the folder then serves as a local feed. The packages keep the version a
/// user gets; consumers restore into a package folder of their own (NUGET_PACKAGES), so no cached
/// package of the same version can stand in for the one just packed.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private readonly object gate = new();
    private readonly TempDirectory work = new("errorcatalog-feed");
    private bool packed;

    public PackedFeed()
    {
        Version = System.Xml.Linq.XDocument.Load(RepositoryPaths.InRepository("Directory.Build.props")).Descendants("Version").Single().Value;
        Folder = Path.Combine(work.Path, "packages");
        // Consumers restore into their own package folder, so the test leaves nothing behind in the user's.
        ConsumerEnvironment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.Path, "nuget-packages") };
    }

    public string Version { get; }

    /// <summary>
    /// The docs address the packages are built with, as a publisher would set it (a reserved
    /// .test name: these packages never leave the test). Help links and the project URL follow it.
    /// </summary>
    public static string DocsUrl => "https://docs.errorcatalog.test/site/";

    public string Folder { get; }

    public IReadOnlyDictionary<string, string> ConsumerEnvironment { get; }

    public string WorkFolder => work.Path;

    /// <summary>Packs on first use; later callers wait for it and reuse the folder.</summary>
    public string EnsurePacked(ITestOutputHelper output)
    {
        lock (gate)
        {
            if (!packed)
            {
                var cli = new DotnetCli(output);
                // A separate artifacts folder keeps this build's bin and obj away from the
                // repository's, which other test projects may have loaded.
                var result = cli.Run(
                    "bash",
                    RepositoryPaths.Root,
                    null,
                    "build/pack.sh",
                    Folder,
                    "-p:ErrorCatalogDocsUrl=" + DocsUrl,
                    "--artifacts-path",
                    Path.Combine(work.Path, "artifacts"));
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"build/pack.sh exited {result.ExitCode}:\n{result.Output}\n{result.Error}");
                }

                packed = true;
            }

            return Folder;
        }
    }

    public void Dispose() => work.Dispose();
}
