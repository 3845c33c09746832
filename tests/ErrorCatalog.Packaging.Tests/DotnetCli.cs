using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ErrorCatalog.Packaging.Tests;

/// <summary>The outcome of one child process: exit code and both output streams.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs dotnet (and the programs it produces) as a user at a shell would: no MSBuild variables
/// inherited from the test host, no build servers left running, output kept for the report.
/// </summary>
internal sealed class DotnetCli(ITestOutputHelper output)
{
    // A guard against a hung build, not a speed check: a loaded 2-core machine needs minutes for one step.
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(20);

    /// <summary>The dotnet that runs these tests (the SDK sets DOTNET_HOST_PATH for its children).</summary>
    public static string DotnetPath =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs dotnet with <paramref name="arguments"/> and fails with its output unless it exits 0.</summary>
    public string Dotnet(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = Run(DotnetPath, workingDirectory, environment, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`dotnet {string.Join(' ', arguments)}` exited {result.ExitCode} in {workingDirectory}.\n--- stdout ---\n{result.Output}\n--- stderr ---\n{result.Error}");
        }

        return result.Output;
    }

    public ProcessResult Run(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
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

        foreach (var key in start.Environment.Keys
                     .Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase))
                     .ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No compiler server or MSBuild node may outlive the step and hold its output open.
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var command = Path.GetFileName(program) + " " + string.Join(' ', arguments);
        output.WriteLine("$ " + command + "   (in " + workingDirectory + ")");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + command);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(StepTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {StepTimeout.TotalMinutes} minutes.");
        }

        Task.WaitAll(stdout, stderr);
        output.WriteLine($"  exit {process.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(stdout.Result);
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>
/// The tests that run whole builds (pack, publish, restore) take turns: on two cores, parallel
/// builds only slow each other down.
/// </summary>
[Xunit.CollectionDefinition(Name)]
public sealed class WholeBuilds
{
    public const string Name = "whole builds";
}
