using System;
using System.Net.Sockets;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>A connect to a loopback port nobody listens on: WSAECONNREFUSED (10061), read as ECONNREFUSED.</summary>
internal static class RefusedChecks
{
    private const string RefusedName = "WSAECONNREFUSED";

    public static void Register(CheckRunner runner, WinsockView winsock)
    {
        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            var label = family == AddressFamily.InterNetwork ? "ipv4" : "ipv6";
            runner.Run($"refused-{label}", () => Sync(winsock, family, null));
            runner.Run($"refused-{label}-async", () => Async(winsock, family));
        }

        runner.Run("refused-ipv4-with-timeout", () => Sync(winsock, AddressFamily.InterNetwork, TimeSpan.FromSeconds(30)));
        runner.Run("refused-throwing", () => Throwing(winsock));
        runner.Run("refused-throwing-async", () => ThrowingAsync(winsock));
        runner.Run("refused-caller-socket", () => CallerSocket(winsock));
    }

    private static string Sync(WinsockView winsock, AddressFamily family, TimeSpan? timeout)
    {
        var target = ConnectTarget.Ip(Loopback.Address(family), Loopback.ClosedPort(family).Port);
        var result = SocketConnector.TryConnect(target, new ConnectOptions { Timeout = timeout });
        Expect.True(result.Socket is null, "a refused connect handed back a socket");
        return winsock.ExpectNative(result, ConnectOutcome.Failed, SocketError.ConnectionRefused, RefusedName, ConnectError.ConnectionRefused);
    }

    private static async Task<string> Async(WinsockView winsock, AddressFamily family)
    {
        var target = ConnectTarget.Ip(Loopback.Address(family), Loopback.ClosedPort(family).Port);
        var result = await SocketConnector.TryConnectAsync(target);
        Expect.True(result.Socket is null, "a refused connect handed back a socket");
        return winsock.ExpectNative(result, ConnectOutcome.Failed, SocketError.ConnectionRefused, RefusedName, ConnectError.ConnectionRefused);
    }

    private static string Throwing(WinsockView winsock)
    {
        var target = ConnectTarget.Ip(Loopback.Address(AddressFamily.InterNetwork), Loopback.ClosedPort(AddressFamily.InterNetwork).Port);
        var exception = Expect.Throws<ConnectException>(() => SocketConnector.Connect(target).Dispose(), "Connect to a closed port");
        return DescribeException(winsock, exception, target);
    }

    private static async Task<string> ThrowingAsync(WinsockView winsock)
    {
        var target = ConnectTarget.Ip(Loopback.Address(AddressFamily.InterNetworkV6), Loopback.ClosedPort(AddressFamily.InterNetworkV6).Port);
        var exception = await Expect.ThrowsAsync<ConnectException>(
            async () => (await SocketConnector.ConnectAsync(target)).Dispose(),
            "ConnectAsync to a closed port");
        return DescribeException(winsock, exception, target);
    }

    /// <summary>A socket the caller created: refused the same way, and still open afterwards.</summary>
    private static string CallerSocket(WinsockView winsock)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var target = ConnectTarget.Ip(Loopback.Address(AddressFamily.InterNetwork), Loopback.ClosedPort(AddressFamily.InterNetwork).Port);
        var result = SocketConnector.TryConnect(socket.SafeHandle, target);
        var detail = winsock.ExpectNative(result, ConnectOutcome.Failed, SocketError.ConnectionRefused, RefusedName, ConnectError.ConnectionRefused);
        Expect.True(!socket.SafeHandle.IsClosed, "the caller's socket was closed");
        Expect.Equal(SocketType.Stream, (SocketType)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Type)!, "the caller's socket still answers getsockopt");
        return detail + ", caller's socket still open";
    }

    private static string DescribeException(WinsockView winsock, ConnectException exception, ConnectTarget target)
    {
        Expect.True(exception is ConnectException.ConnectionRefused, $"exception type {exception.GetType().Name}, expected ConnectException.ConnectionRefused");
        Expect.Equal(ConnectPlatform.Windows, exception.Platform, "exception platform");
        Expect.Equal((int)SocketError.ConnectionRefused, exception.Code, "exception code");
        Expect.Equal(SocketError.ConnectionRefused, exception.SocketErrorCode, "exception SocketErrorCode");
        Expect.Equal(target.EndPoint, exception.EndPoint, "exception endpoint");
        var read = winsock.Read(exception.Code);
        Expect.Equal(RefusedName, read.Name, $"native name of {exception.Code}");
        Expect.Equal<ConnectError?>(ConnectError.ConnectionRefused, read.Error, $"catalog entry of {exception.Code}");
        return $"{exception.GetType().FullName} {read.Name} ({exception.Code})";
    }
}
