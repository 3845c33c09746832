using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// Runs the real errcat program (the apphost built beside these tests) as a separate process, with
/// its own environment: what a user's shell would run.
/// </summary>
internal static class ErrcatProcess
{
    /// <summary>The folder that holds the errcat executable.</summary>
    public static string Folder => AppContext.BaseDirectory;

    public static string Executable => Path.Combine(Folder, OperatingSystem.IsWindows() ? "errcat.exe" : "errcat");

    /// <summary>Runs errcat with <paramref name="args"/>; <paramref name="environment"/> values of null remove the variable.</summary>
    public static CliRun Run(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunProgram(Executable, args, environment);

    /// <summary>Runs errcat with COLUMNS and NO_COLOR removed from the environment (so neither comes from the test runner's).</summary>
    public static CliRun Run(params string[] args) => Run(new Dictionary<string, string?>(), args);

    /// <summary>Runs any program (a shell, script(1)) with errcat's folder first on PATH.</summary>
    public static CliRun RunProgram(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("COLUMNS");
        start.Environment.Remove("NO_COLOR");
        start.Environment["PATH"] = Folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliRun(process.ExitCode, output.Result.Replace("\r\n", "\n"), error.Result.Replace("\r\n", "\n"));
    }

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Asserts that no line of <paramref name="text"/> is wider than <paramref name="width"/> columns.</summary>
    public static void AssertFits(string text, int width, string what)
    {
        var tooWide = text.Split('\n').Where(line => line.Length > width).ToList();
        Assert.True(tooWide.Count == 0, $"{what}: {tooWide.Count} line(s) wider than {width}:\n{string.Join("\n", tooWide)}");
    }
}
