using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Xunit.Abstractions;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>
/// build/pack.sh run once for the whole test class into a temporary folder, as the README's
/// Install section does; the folder then serves as a local feed. The version is one no package
/// cache has seen, so a stale cached package can never stand in for the one just packed.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    private readonly object gate = new();
    private readonly TemporaryDirectory work = new("errorcatalog-feed");
    private bool packed;

    public PackedFeed()
    {
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        Folder = Path.Combine(work.Path, "packages");
        // Consumers restore into their own package folder, so the test leaves nothing behind in the user's.
        ConsumerEnvironment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work.Path, "nuget-packages") };
    }

    public string Version { get; }

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
                    "-p:Version=" + Version,
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
