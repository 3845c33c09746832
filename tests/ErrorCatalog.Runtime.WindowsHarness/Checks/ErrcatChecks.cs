using System;
using System.Diagnostics;
using System.IO;
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
    /// Runs errcat and returns its standard output; the exit code must be 5 (connect failed). Under
    /// Wine the CLR of a self-contained errcat.exe now and then fails fast in a finalizer after it
    /// printed its answer ("Internal CLR error", 0xC0000602, in DynamicResolver+DestroyScout.Finalize;
    /// seen in three of six CI runs, on `connect` with and without --json): such a run is said on the
    /// console and made again, up to <see cref="AttemptsUnderWine"/> times; any other exit fails.
    /// </summary>
    private static string Run(string errcatPath, params string[] arguments)
    {
        Expect.True(File.Exists(errcatPath), $"{errcatPath} does not exist");
        var (exitCode, output, error) = RunOnce(errcatPath, arguments);
        for (var attempt = 1; attempt < AttemptsUnderWine && exitCode == WineClrFailFast && error.Contains("Internal CLR error", StringComparison.Ordinal); attempt++)
        {
            Console.WriteLine($"note: errcat.exe {string.Join(' ', arguments)} ended in a CLR fail-fast under Wine (run {attempt}); running it again");
            (exitCode, output, error) = RunOnce(errcatPath, arguments);
        }

        Expect.Equal(ConnectFailedExitCode, exitCode, $"errcat's exit code (stderr: {error.Trim()})");
        return output;
    }

    private const int AttemptsUnderWine = 3;

    /// <summary>STATUS_FAIL_FAST_EXCEPTION, the exit code of a process the CLR ended with a fatal error.</summary>
    private const int WineClrFailFast = unchecked((int)0xC0000602);

    private static (int ExitCode, string Output, string Error) RunOnce(string errcatPath, string[] arguments)
    {
        var start = new ProcessStartInfo(errcatPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // errcat folds text to the terminal width (80 when not a terminal); wide enough keeps each fact on one line.
        start.Environment["COLUMNS"] = "200";
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
