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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scenario {scenario} exited with {process.ExitCode}: {await error}\n{await output}");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
