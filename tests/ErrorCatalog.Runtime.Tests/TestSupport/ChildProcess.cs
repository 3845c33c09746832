using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>Starts this test assembly again as a child process running one scenario (see Child/ChildEntryPoint).</summary>
internal static class ChildProcess
{
    internal static async Task<string[]> RunScenarioAsync(string scenario)
    {
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        start.ArgumentList.Add(scenario);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        string text = await output;
        string errors = await error;
        // Process.Dispose leaves streams read synchronously to the finalizer; close them now so
        // the descriptor-counting tests of the same collection see a settled process.
        process.StandardOutput.Dispose();
        process.StandardError.Dispose();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scenario {scenario} exited with {process.ExitCode}: {errors}\n{text}");
        }

        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
