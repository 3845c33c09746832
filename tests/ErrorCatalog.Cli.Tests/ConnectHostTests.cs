using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// errcat connect to a host name: only "localhost", through the system resolver (no query leaves the machine), with
/// a dual-mode socket on the port so both loopback families answer the same way. The expected addresses are what the
/// resolver says here; 111 is Linux's ECONNREFUSED (asm-generic/errno.h).
/// </summary>
public sealed class ConnectHostTests
{
    [SkippableFact]
    public void LocalhostWithNothingListeningShowsEveryAttemptAndExplainsTheErrorOnce()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the expected raw code (111) is Linux's numbering");
        var resolved = Dns.GetHostAddresses("localhost");
        using var holder = DualModeSocket(out int port);

        var run = CliHarness.Run("connect", $"localhost:{port}");

        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith($"connect to localhost:{port}: failed on every address ({resolved.Length} address", run.Output, StringComparison.Ordinal);
        foreach (var address in resolved)
        {
            string shown = Regex.Escape(new IPEndPoint(address, port).ToString());
            Assert.Matches($@"\n\d+ +{shown} +failed with ECONNREFUSED \(111\) ", run.Output);
        }

        Assert.Single(Regex.Matches(run.Output, @"\nmore +errcat show ECONNREFUSED\n"));
        Assert.Equal(string.Empty, run.Error);
    }

    [SkippableFact]
    public void LocalhostJsonListsEveryAttemptWithItsExplanation()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the expected raw code (111) is Linux's numbering");
        var resolved = Dns.GetHostAddresses("localhost");
        using var holder = DualModeSocket(out int port);

        var run = CliHarness.Run("connect", $"localhost:{port}", "--json");

        Assert.Equal(5, run.ExitCode);
        using var json = run.Json();
        Assert.Equal("all-attempts-failed", json.RootElement.GetProperty("outcome").GetString());
        var attempts = json.RootElement.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(resolved.Length, attempts.Count);
        Assert.Equal(
            resolved.Select(address => new IPEndPoint(address, port).ToString()).OrderBy(text => text, StringComparer.Ordinal),
            attempts.Select(attempt => attempt.GetProperty("address").GetString()!).OrderBy(text => text, StringComparer.Ordinal));
        Assert.All(attempts, attempt =>
        {
            var result = attempt.GetProperty("result");
            Assert.Equal("failed", result.GetProperty("outcome").GetString());
            Assert.Equal(111, result.GetProperty("code").GetInt32());
            Assert.Equal("ECONNREFUSED", result.GetProperty("error").GetProperty("name").GetString());
        });
    }

    [Fact]
    public void LocalhostWithAListenerConnects()
    {
        using var listener = DualModeSocket(out int port);
        listener.Listen(16);

        var run = CliHarness.Run("connect", $"localhost:{port}");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"connect to localhost:{port}: connected (", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n1 +\S+ +connected ", run.Output);
    }

    [Fact]
    public void AHostNameThatCannotExistIsAUsageError()
    {
        var run = CliHarness.Run("connect", "bad\tname:80");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("control character", run.Error, StringComparison.Ordinal);
    }

    private static Socket DualModeSocket(out int port)
    {
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }
}
