using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text.Json;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>
/// errcat.exe, published for win-x64 beside the harness, run as a child process: a refused
/// loopback connect is named the Winsock way (WSAECONNREFUSED, 10061 on windows) and explained
/// with the catalog's ECONNREFUSED entry.
/// </summary>
internal static class ErrcatChecks
{
    /// <summary>errcat's exit code when the connect failed (cli/README's exit code table).</summary>
    private const int ConnectFailedExitCode = 5;

    public static void Register(CheckRunner runner, string errcatPath)
    {
        runner.Run("errcat-connect-refused", () => Text(errcatPath));
        runner.Run("errcat-connect-refused-json", () => Json(errcatPath));
        runner.Run("errcat-no-dynamic-methods", () => NoDynamicMethods(errcatPath));
    }

    private static string Text(string errcatPath)
    {
        var target = $"127.0.0.1:{Loopback.ClosedPort(AddressFamily.InterNetwork).Port}";
        var output = Run(errcatPath, "connect", target);
        var lines = output.Split('\n');
        Expect.True(lines[0].EndsWith("failed with WSAECONNREFUSED", StringComparison.Ordinal), $"first line does not end with the Winsock name: {lines[0]}");
        ExpectLine(lines, "raw code", "10061 on windows (Winsock code)");
        ExpectLine(lines, "error", "ECONNREFUSED (ConnectError.ConnectionRefused, ConnectException.ConnectionRefused)");
        return $"errcat connect {target}: {lines[0]}";
    }

    private static string Json(string errcatPath)
    {
        var target = $"[::1]:{Loopback.ClosedPort(AddressFamily.InterNetworkV6).Port}";
        var output = Run(errcatPath, "connect", target, "--json");
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Expect.Equal("failed", root.GetProperty("outcome").GetString(), "outcome");
        Expect.Equal("windows", root.GetProperty("platform").GetString(), "platform");
        Expect.Equal(10061, root.GetProperty("code").GetInt32(), "code");
        Expect.Equal("WSAECONNREFUSED", root.GetProperty("nativeName").GetString(), "nativeName");
        Expect.Equal("ECONNREFUSED", root.GetProperty("error").GetProperty("name").GetString(), "error.name");
        return $"errcat connect {target} --json: nativeName WSAECONNREFUSED, code 10061, platform windows";
    }

    /// <summary>
    /// errcat creates no dynamic method (LCG). Under Wine the CLR fails fast ("Internal CLR error",
    /// 0xC0000602, in DynamicResolver+DestroyScout.Finalize) when it releases the code of a
    /// dynamic method that the garbage collector found dead; the one errcat used to make was
    /// reflection's invoke stub for EventSourceAttribute.set_Name, emitted when the sockets'
    /// EventSource started. A tiny gen0 budget makes the collector run many times, so a dynamic
    /// method that dies is released while errcat runs (without the fix every such run failed fast),
    /// and the JIT's summary, which names dynamic methods "(dynamicClass)", shows whether one was made.
    /// </summary>
    private static string NoDynamicMethods(string errcatPath)
    {
        var target = $"127.0.0.1:{Loopback.ClosedPort(AddressFamily.InterNetwork).Port}";
        var summaryPath = Path.Combine(Path.GetTempPath(), $"errcat-jit-{Environment.ProcessId}.txt");
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_GCgen0size"] = "0x20000",
                ["DOTNET_JitDisasmSummary"] = "1",
                ["DOTNET_JitStdOutFile"] = summaryPath,
            };
            Run(errcatPath, environment, "connect", target, "--json");
            var compiled = File.ReadAllLines(summaryPath).Where(line => line.Contains("JIT compiled", StringComparison.Ordinal)).ToList();
            Expect.True(compiled.Count > 0, $"the JIT summary {summaryPath} lists no method: the switches did not reach errcat");
            var dynamic = compiled.Where(line => line.Contains("(dynamicClass)", StringComparison.Ordinal)).ToList();
            Expect.True(dynamic.Count == 0, $"errcat compiled {dynamic.Count} dynamic method(s):\n{string.Join('\n', dynamic)}");
            return $"errcat connect {target} --json under a 128 KiB gen0 budget: exit 5, {compiled.Count} methods compiled, none dynamic";
        }
        finally
        {
            File.Delete(summaryPath);
        }
    }

    /// <summary>
    /// Runs errcat and returns its standard output; the exit code must be 5 (connect failed). A CLR
    /// fail-fast fails the check like any other exit code, and says so.
    /// </summary>
    private static string Run(string errcatPath, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        Expect.True(File.Exists(errcatPath), $"{errcatPath} does not exist");
        var (exitCode, output, error) = RunOnce(errcatPath, environment, arguments);
        var failFast = exitCode == ClrFailFast ? " (a CLR fail-fast)" : string.Empty;
        Expect.Equal(ConnectFailedExitCode, exitCode, $"errcat's exit code{failFast} (stderr: {error.Trim()})");
        return output;
    }

    private static string Run(string errcatPath, params string[] arguments) =>
        Run(errcatPath, new Dictionary<string, string>(), arguments);

    /// <summary>STATUS_FAIL_FAST_EXCEPTION, the exit code of a process the CLR ended with a fatal error.</summary>
    private const int ClrFailFast = unchecked((int)0xC0000602);

    private static (int ExitCode, string Output, string Error) RunOnce(string errcatPath, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var start = new ProcessStartInfo(errcatPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // errcat folds text to the terminal width (80 when not a terminal); wide enough keeps each fact on one line.
        start.Environment["COLUMNS"] = "200";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new CheckFailedException($"{errcatPath} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        process.WaitForExit();
        return (process.ExitCode, output, error.Result.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>errcat prints facts as a two-column table: the field, spaces, the value.</summary>
    private static void ExpectLine(string[] lines, string field, string value)
    {
        foreach (var line in lines)
        {
            if (line.StartsWith(field + " ", StringComparison.Ordinal))
            {
                Expect.Equal(value, line.Substring(field.Length).Trim(), $"errcat's '{field}' line");
                return;
            }
        }

        throw new CheckFailedException($"errcat printed no '{field}' line:\n{string.Join('\n', lines)}");
    }
}
