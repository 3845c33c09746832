using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ErrorCatalog.Generator.Tests;

/// <summary>
/// Packs the generator with <c>dotnet pack</c>, then restores, builds and runs tests/consumer
/// against that package from a local folder feed, as an outside library author would.
/// </summary>
public class PackageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public void PackageIsConsumableFromALocalFeed()
    {
        var work = Path.Combine(Path.GetTempPath(), "errorcatalog-pack-" + Guid.NewGuid().ToString("N"));
        // A version no cache has seen, so neither the global packages folder nor an HTTP cache can serve a stale package.
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        var feed = Path.Combine(work, "feed");
        var consumer = Path.Combine(work, "consumer");
        try
        {
            Directory.CreateDirectory(feed);
            // --artifacts-path keeps this build's bin and obj out of the repository, where other
            // test processes may have the Debug or Release builds loaded.
            Dotnet(
                Harness.RepositoryRoot,
                "pack",
                Path.Combine(Harness.GeneratorSourceDirectory, "ErrorCatalog.Generator.csproj"),
                "-c",
                "Release",
                "-o",
                feed,
                "-p:Version=" + version,
                "--artifacts-path",
                Path.Combine(work, "artifacts"));

            var package = Path.Combine(feed, $"ErrorCatalog.Generator.{version}.nupkg");
            Assert.True(File.Exists(package), "dotnet pack did not produce " + package);
            AssertPackageLayout(package);

            CopyConsumer(Path.Combine(Harness.RepositoryRoot, "tests", "consumer"), consumer);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="errorcatalog-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            var packages = Path.Combine(work, "packages");
            Dotnet(consumer, "build", "Consumer.csproj", "-p:ErrorCatalogGeneratorVersion=" + version, "-p:RestorePackagesPath=" + packages);
            var printed = Dotnet(consumer, "bin/Debug/net10.0/Consumer.dll");

            Assert.Equal(
                string.Join("\n", new[]
                {
                    "windows 10048 -> EADDRINUSE",
                    "EADDRINUSE on linux -> 98",
                    "ENOTSUP parses: True",
                    "linux 95 -> EOPNOTSUPP, alias member ENOTSUP = 95",
                    "linux 4000 -> unknown code 4000 on linux",
                    "Consumer.Listening.ListenException+AddressInUse AddressAlreadyInUse",
                    "listen() failed with EADDRINUSE (98 on linux) for 127.0.0.1:80: Another socket is already listening on the same port.",
                }),
                printed.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static void AssertPackageLayout(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var expected in new[]
        {
            "analyzers/dotnet/cs/ErrorCatalog.Generator.dll",
            "analyzers/dotnet/cs/ErrorCatalog.Catalog.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/ErrorCatalog.Generator.props",
        })
        {
            Assert.True(entries.Contains(expected), $"Package lacks {expected}; it has:\n{string.Join("\n", entries)}");
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        var text = reader.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependency ", text, StringComparison.Ordinal);
    }

    private string Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (arguments[0] is "pack" or "build")
        {
            // No build servers: a compiler server or MSBuild node left running would keep the
            // redirected output open and outlive the test.
            start.ArgumentList.Add("--disable-build-servers");
            start.ArgumentList.Add("--nologo");
        }

        // The test host runs under MSBuild-related variables from `dotnet test`; a child build must not inherit them.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var command = "dotnet " + string.Join(" ", arguments);
        output.WriteLine("$ " + command);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + command);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {StepTimeout.TotalMinutes} minutes.\n{Tail(stdout)}\n{Tail(stderr)}");
        }

        Task.WaitAll(stdout, stderr);
        output.WriteLine(stdout.Result);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` failed with exit code {process.ExitCode} in {workingDirectory}.\n--- stdout ---\n{stdout.Result}\n--- stderr ---\n{stderr.Result}");
        }

        return stdout.Result;
    }

    private static string DotnetPath()
    {
        // Set by the SDK for processes it starts (the test host among them): the same dotnet that runs the tests.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string Tail(Task<string> text) => text.IsCompletedSuccessfully ? text.Result : "(output not available)";

    private static void CopyConsumer(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test result is what matters.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
