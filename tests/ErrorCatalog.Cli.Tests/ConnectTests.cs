using System;
using System.Linq;
using System.IO;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// errcat connect against 127.0.0.1 and Unix paths in a temp folder only. The raw numbers
/// asserted here (111, 2) are Linux's, from asm-generic/errno.h, so these run on Linux, as CI does.
/// </summary>
public sealed class ConnectTests
{
    [SkippableFact]
    public void AClosedLoopbackPortIsExplainedAsConnectionRefused()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the expected raw code (111) is Linux's numbering");
        using var closed = BoundButNotListening(out var port);

        var run = CliHarness.Run("connect", $"127.0.0.1:{port}");

        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith($"connect to 127.0.0.1:{port} (stream socket, AF_INET): failed with ECONNREFUSED\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nraw code +111 on linux \(errno\)\n", "\n" + run.Output);
        Assert.Matches(@"\nerror +ECONNREFUSED \(ConnectError\.ConnectionRefused, ConnectException\.ConnectionRefused\)\n", run.Output);
        var entry = CliHarness.ConnectCatalog.Errors.Single(e => e.Name == "ECONNREFUSED");
        Assert.Contains(entry.Action, run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [SkippableFact]
    public void ConnectJsonCarriesTheRawCodeAndTheCatalogEntry()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the expected raw code (111) is Linux's numbering");
        using var closed = BoundButNotListening(out var port);

        var run = CliHarness.Run("connect", $"127.0.0.1:{port}", "--json", "--timeout", "5000");

        Assert.Equal(5, run.ExitCode);
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal("failed", root.GetProperty("outcome").GetString());
        Assert.Equal("linux", root.GetProperty("platform").GetString());
        Assert.Equal(111, root.GetProperty("code").GetInt32());
        Assert.Equal("inet", root.GetProperty("family").GetString());
        Assert.Equal(5000, root.GetProperty("timeoutMs").GetInt32());
        Assert.Equal("ECONNREFUSED", root.GetProperty("error").GetProperty("name").GetString());
        Assert.Equal(111, root.GetProperty("error").GetProperty("codes").GetProperty("linux").GetInt32());
    }

    [SkippableFact]
    public void AMissingUnixSocketPathIsExplainedAsNoSuchFile()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the expected raw code (2) is Linux's numbering");
        using var directory = new TempDirectory("errcat-cli");
        var path = directory.File("nobody.sock");

        var run = CliHarness.Run("connect", "unix:" + path);

        Assert.Equal(5, run.ExitCode);
        Assert.StartsWith($"connect to unix:{path} (stream socket, AF_UNIX): failed with ENOENT\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nraw code +2 on linux \(errno\)\n", "\n" + run.Output);
    }

    [SkippableFact]
    public void AUnixSocketFileWithoutListenerIsRefused()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the expected raw code (111) is Linux's numbering");
        using var directory = new TempDirectory("errcat-cli");
        var path = directory.File("bound.sock");
        using (var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            bound.Bind(new UnixDomainSocketEndPoint(path));

            var run = CliHarness.Run("connect", "unix:" + path, "--json");

            Assert.Equal(5, run.ExitCode);
            using var json = run.Json();
            Assert.Equal(111, json.RootElement.GetProperty("code").GetInt32());
            Assert.Equal("unix", json.RootElement.GetProperty("family").GetString());
            Assert.Equal("ECONNREFUSED", json.RootElement.GetProperty("nativeName").GetString());
        }
    }

    [Fact]
    public void AListeningLoopbackPortConnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var run = CliHarness.Run("connect", $"127.0.0.1:{port}", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = run.Json();
        Assert.Equal("connected", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("code").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("error").ValueKind);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("::1:80")]
    [InlineData("[::1]80")]
    [InlineData("[127.0.0.1]:80")]
    [InlineData("unix:")]
    [InlineData("unix:@")]
    [InlineData("300.1.1.1:80")]
    [InlineData("127.0.0.256:80")]
    public void MalformedTargetsAreUsageErrors(string target)
    {
        var run = CliHarness.Run("connect", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.StartsWith("errcat: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void AUnixPathTooLongForSunPathIsRefusedBeforeAnyCall()
    {
        var run = CliHarness.Run("connect", "unix:/tmp/" + new string('x', 300));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("sun_path", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeTimeoutIsAUsageError()
    {
        var run = CliHarness.Run("connect", "127.0.0.1:9", "--timeout", "-5");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--timeout", run.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A loopback port that refuses connections: bound by a socket that never listens, so no
    /// other process can start listening on it while the test runs.
    /// </summary>
    private static Socket BoundButNotListening(out int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        return socket;
    }
}
