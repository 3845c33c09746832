using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>Connects that succeed: the socket handed back is really connected to the listener.</summary>
internal static class ConnectedChecks
{
    public static void Register(CheckRunner runner)
    {
        runner.Run("connect-ipv4", () => Sync(AddressFamily.InterNetwork));
        runner.Run("connect-ipv6", () => Sync(AddressFamily.InterNetworkV6));
        runner.Run("connect-ipv4-async", () => Async(AddressFamily.InterNetwork));
        runner.Run("connect-ipv4-with-timeout", () => WithTimeout());
        runner.Run("connect-udp-closed-port", UdpToClosedPort);
        runner.Run("connect-nonblocking-in-progress", NonBlocking);
        runner.Run("connect-caller-socket", CallerSocket);
        runner.Run("connect-caller-socket-async-then-async-io", CallerSocketAsyncThenAsyncIo);
    }

    private static string Sync(AddressFamily family)
    {
        using var listener = Loopback.Listen(family);
        var result = SocketConnector.TryConnect(ConnectTarget.FromEndPoint(listener.LocalEndPoint!));
        return Exchange(listener, result);
    }

    private static async Task<string> Async(AddressFamily family)
    {
        using var listener = Loopback.Listen(family);
        var result = await SocketConnector.TryConnectAsync(ConnectTarget.FromEndPoint(listener.LocalEndPoint!));
        return Exchange(listener, result);
    }

    private static async Task<string> WithTimeout()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        var result = await SocketConnector.TryConnectAsync(ConnectTarget.FromEndPoint(listener.LocalEndPoint!), new ConnectOptions { Timeout = TimeSpan.FromSeconds(30) });
        return Exchange(listener, result);
    }

    /// <summary>A datagram connect() only records the peer: nothing listening is no error.</summary>
    private static string UdpToClosedPort()
    {
        var target = ConnectTarget.Ip(IPAddress.Loopback, Loopback.ClosedPort(AddressFamily.InterNetwork).Port);
        var result = SocketConnector.TryConnect(target, new ConnectOptions { SocketType = SocketType.Dgram });
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, "outcome");
        using var socket = result.Socket!.ToSocket();
        Expect.Equal(SocketType.Dgram, socket.SocketType, "socket type");
        Expect.Equal<EndPoint?>(target.EndPoint, socket.RemoteEndPoint, "remote endpoint");
        return $"Connected, datagram socket with peer {socket.RemoteEndPoint}";
    }

    /// <summary>Windows answers a non-blocking connect with WSAEWOULDBLOCK (10035), not WSAEINPROGRESS.</summary>
    private static string NonBlocking()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        var result = SocketConnector.TryConnect(ConnectTarget.FromEndPoint(listener.LocalEndPoint!), new ConnectOptions { NonBlocking = true });
        Expect.Equal(ConnectOutcome.InProgress, result.Outcome, "outcome");
        var native = result.NativeError;
        Expect.Equal(ConnectPlatform.Windows, native.Platform, "platform");
        Expect.Equal((int)SocketError.WouldBlock, native.Code, "raw Winsock code");
        Expect.Equal("WSAEWOULDBLOCK", native.Name, "native name");
        Expect.True(result.Socket is not null, "no socket handed back for an in-progress connect");
        using var socket = result.Socket!.ToSocket();
        Expect.True(!socket.Blocking, "the in-progress socket is blocking again");
        Expect.True(socket.Poll(TimeSpan.FromSeconds(30), SelectMode.SelectWrite), "the in-progress socket never became writable");
        using var accepted = listener.Accept();
        return $"InProgress {native.Name} ({native.Code}) is {(native.Error is { } error ? ConnectErrors.GetName(error) : "unknown")}, then writable and accepted";
    }

    /// <summary>A socket the caller created and still owns afterwards.</summary>
    private static string CallerSocket()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var result = SocketConnector.TryConnect(socket.SafeHandle, ConnectTarget.FromEndPoint(listener.LocalEndPoint!));
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, "outcome");
        Expect.True(result.Socket is null, "a caller's socket was handed back as a new one");
        Expect.True(!socket.SafeHandle.IsClosed, "the caller's socket was closed");
        using var accepted = listener.Accept();
        socket.Send([42]);
        var buffer = new byte[1];
        Expect.Equal(1, accepted.Receive(buffer), "bytes received by the listener");
        Expect.Equal((byte)42, buffer[0], "byte received by the listener");
        return $"Connected the caller's socket to {listener.LocalEndPoint}, one byte through";
    }

    /// <summary>
    /// After an async connect of the caller's socket, the caller's own Socket can still do async
    /// I/O: the connect must not leave the handle bound to an I/O completion port the caller's
    /// Socket does not know about (a handle can be bound once only).
    /// </summary>
    private static async Task<string> CallerSocketAsyncThenAsyncIo()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var result = await SocketConnector.TryConnectAsync(socket.SafeHandle, ConnectTarget.FromEndPoint(listener.LocalEndPoint!));
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, "outcome");
        using var accepted = await listener.AcceptAsync();
        Expect.Equal(1, await socket.SendAsync(new byte[] { 9 }), "bytes sent asynchronously by the caller's Socket");
        var buffer = new byte[1];
        Expect.Equal(1, await accepted.ReceiveAsync(buffer), "bytes received by the listener");
        await accepted.SendAsync(new byte[] { 10 });
        Expect.Equal(1, await socket.ReceiveAsync(buffer), "bytes received asynchronously by the caller's Socket");
        Expect.Equal((byte)10, buffer[0], "byte received by the caller's Socket");
        return "Connected asynchronously, then the caller's Socket sent and received asynchronously";
    }

    /// <summary>The result is Connected with a socket whose peer is the listener, and a byte goes through.</summary>
    private static string Exchange(Socket listener, ConnectResult result)
    {
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, "outcome");
        Expect.True(result.Socket is not null, "no socket handed back");
        using var socket = result.Socket!.ToSocket();
        Expect.True(socket.Connected, "Socket.Connected is false");
        Expect.Equal(listener.LocalEndPoint, socket.RemoteEndPoint, "remote endpoint");
        using var accepted = listener.Accept();
        socket.Send([7]);
        var buffer = new byte[1];
        Expect.Equal(1, accepted.Receive(buffer), "bytes received by the listener");
        Expect.Equal((byte)7, buffer[0], "byte received by the listener");
        return $"Connected to {socket.RemoteEndPoint}, one byte through";
    }
}
