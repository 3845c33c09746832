using System;
using System.IO;
using Xunit;
using Xunit.Abstractions;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>
/// errcat published with NativeAOT, with the command line cli/README.md gives, then run. NativeAOT
/// links with clang and needs zlib1g-dev; build/test.sh installs both. Without them the test is
/// skipped outside CI and fails in CI.
/// </summary>
[Collection(WholeBuilds.Name)]
public class NativeAotTests(ITestOutputHelper output)
{
    private readonly DotnetCli cli = new(output);

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [SkippableFact]
    public void ErrcatPublishesWithNativeAotAndRuns()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.Is64BitProcess && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64, "The publish line targets linux-x64.");
        RequireTool("clang", "clang");
        RequireFile("/usr/include/zlib.h", "zlib1g-dev");

        using var work = new TempDirectory("errorcatalog-aot");
        var published = Path.Combine(work.Path, "errcat");
        cli.Dotnet(
            RepositoryPaths.Root,
            null,
            "publish",
            "cli/ErrorCatalog.Cli/ErrorCatalog.Cli.csproj",
            "-c",
            "Release",
            "-r",
            "linux-x64",
            "-p:PublishAot=true",
            "-o",
            published,
            "--artifacts-path",
            Path.Combine(work.Path, "artifacts"));

        var errcat = Path.Combine(published, "errcat");
        Assert.True(File.Exists(errcat), "no native errcat in " + published);
        // A native executable, not an apphost next to a managed errcat.dll.
        Assert.False(File.Exists(Path.Combine(published, "errcat.dll")), "the publish output holds errcat.dll, so it is not a NativeAOT build");

        var validate = cli.Run(errcat, work.Path, null, "validate");
        Assert.Equal(0, validate.ExitCode);
        // Both built-in catalogs (connect() and socket()) load in the native build.
        Assert.StartsWith("OK: 2 catalogs, ", validate.Output, StringComparison.Ordinal);

        var show = cli.Run(errcat, work.Path, null, "show", "111", "--platform", "linux", "--json");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"ECONNREFUSED\"", show.Output, StringComparison.Ordinal);

        var connect = cli.Run(errcat, work.Path, null, "connect", "127.0.0.1:9");
        Assert.Equal(5, connect.ExitCode);
        Assert.Contains("raw code        111 on linux (errno)", connect.Output, StringComparison.Ordinal);

        using var site = new TempDirectory("errorcatalog-aot-site");
        var docs = cli.Run(errcat, work.Path, null, "docs", "--out", site.Path);
        Assert.Equal(0, docs.ExitCode);
        // errcat carries several catalogs, so each has its folder of pages (site/README.md).
        Assert.True(File.Exists(Path.Combine(site.Path, "connect", "errors", "ECONNREFUSED.html")), "errcat docs wrote no page for ECONNREFUSED");
    }

    private static void RequireTool(string name, string package)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (directory.Length > 0 && File.Exists(Path.Combine(directory, name)))
            {
                return;
            }
        }

        Missing($"{name} is not on PATH (apt package {package})");
    }

    private static void RequireFile(string path, string package)
    {
        if (!File.Exists(path))
        {
            Missing($"{path} is missing (apt package {package})");
        }
    }

    private static void Missing(string what)
    {
        if (IsCi)
        {
            throw new InvalidOperationException("CI=true, but NativeAOT cannot link here: " + what + ". build/test.sh installs it.");
        }

        Skip.If(true, "NativeAOT needs " + what + "; build/test.sh installs it when run as root.");
    }
}
