using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>
/// A <see cref="SafeSocketDescriptor"/> the runtime created, passed back in as the caller's socket. On Windows it
/// wraps a <see cref="Socket"/> whose handle object records whether the handle is bound to the thread pool's I/O
/// completion port; a handle can be bound once only, so a second handle object for the same SOCKET that binds it
/// first leaves the runtime's Socket unable to do async I/O (InvalidOperationException). Each check ends with async
/// I/O on the Socket that <see cref="SafeSocketDescriptor.ToSocket"/> hands out.
/// </summary>
internal static class PassedBackChecks
{
    public static void Register(CheckRunner runner)
    {
        runner.Run("passed-back-in-progress-then-async-connect", InProgressThenAsyncConnect);
        runner.Run("passed-back-connected-async-then-async-connect", ConnectedThenAsyncConnect);
        runner.Run("passed-back-udp-reconnected-async", UdpReconnected);
        runner.Run("passed-back-pending-then-async-io", PendingThenAsyncIo);
    }

    /// <summary>
    /// A non-blocking connect gives InProgress and its socket; the caller finishes it with an async connect of that
    /// socket to the same listener (the answer of a connect already under way or done), then does async I/O on it.
    /// </summary>
    private static async Task<string> InProgressThenAsyncConnect()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        var target = ConnectTarget.FromEndPoint(listener.LocalEndPoint!);
        var started = SocketConnector.TryConnect(target, new ConnectOptions { NonBlocking = true });
        Expect.Equal(ConnectOutcome.InProgress, started.Outcome, "outcome of the non-blocking connect");
        using var descriptor = started.Socket!;
        var again = await SocketConnector.TryConnectAsync(descriptor, target, new ConnectOptions { Timeout = TimeSpan.FromSeconds(30) });
        Expect.True(!descriptor.IsClosed, "the descriptor passed back was closed");
        var answer = DescribeSecondConnect(again);
        using var socket = descriptor.ToSocket();
        return $"{answer}; {await ExchangeAsync(listener, socket)}";
    }

    /// <summary>An async connect (the runtime's socket bound to the completion port), passed back for a second one: WSAEISCONN.</summary>
    private static async Task<string> ConnectedThenAsyncConnect()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        var target = ConnectTarget.FromEndPoint(listener.LocalEndPoint!);
        var first = await SocketConnector.TryConnectAsync(target);
        Expect.Equal(ConnectOutcome.Connected, first.Outcome, "outcome of the first connect");
        using var descriptor = first.Socket!;
        var again = await SocketConnector.TryConnectAsync(descriptor, target);
        Expect.Equal(ConnectOutcome.Failed, again.Outcome, $"outcome of the second connect ({again.Message})");
        Expect.Equal((int)SocketError.IsConnected, again.NativeError.Code, "raw Winsock code of the second connect");
        Expect.Equal<ConnectError?>(ConnectError.AlreadyConnected, again.NativeError.Error, "catalog entry of the second connect");
        using var socket = descriptor.ToSocket();
        return $"second connect: {again.NativeError.Name} ({again.NativeError.Code}); {await ExchangeAsync(listener, socket)}";
    }

    /// <summary>A UDP socket the runtime connected, passed back to be connected to another peer: Connected, and datagrams go to the new peer.</summary>
    private static async Task<string> UdpReconnected()
    {
        using var firstPeer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        firstPeer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var secondPeer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        secondPeer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new ConnectOptions { SocketType = SocketType.Dgram };
        var first = await SocketConnector.TryConnectAsync(ConnectTarget.FromEndPoint(firstPeer.LocalEndPoint!), options);
        Expect.Equal(ConnectOutcome.Connected, first.Outcome, "outcome of the first connect");
        using var descriptor = first.Socket!;
        var again = await SocketConnector.TryConnectAsync(descriptor, ConnectTarget.FromEndPoint(secondPeer.LocalEndPoint!), options);
        Expect.Equal(ConnectOutcome.Connected, again.Outcome, $"outcome of the second connect ({again.Message})");
        using var socket = descriptor.ToSocket();
        Expect.Equal(1, await socket.SendAsync(new byte[] { 3 }), "bytes sent asynchronously");
        var buffer = new byte[1];
        var received = await secondPeer.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0));
        Expect.Equal(socket.LocalEndPoint, received.RemoteEndPoint, "sender seen by the second peer");
        Expect.Equal(0, firstPeer.Available, "bytes waiting at the first peer");
        return $"reconnected to {secondPeer.LocalEndPoint}; an async send reached it";
    }

    /// <summary>
    /// A non-blocking connect to a listener whose queue is full stays under way; the caller passes its socket back for
    /// an async connect, which reaches Winsock (and binds the handle to the completion port) while the first is still
    /// pending. Then the listener makes room, the first connect completes, and the runtime's Socket must do async I/O:
    /// bound through a second handle object, it would throw InvalidOperationException ("already bound").
    /// </summary>
    private static async Task<string> PendingThenAsyncIo()
    {
        using var full = FullBacklogListener.CreateOwn();
        var target = ConnectTarget.FromEndPoint(full.EndPoint);
        var started = SocketConnector.TryConnect(target, new ConnectOptions { NonBlocking = true });
        Expect.Equal(ConnectOutcome.InProgress, started.Outcome, "outcome of the non-blocking connect");
        using var descriptor = started.Socket!;
        var again = await SocketConnector.TryConnectAsync(descriptor, target, new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(500) });
        Expect.True(!descriptor.IsClosed, "the descriptor passed back was closed");
        string answer = again.Outcome == ConnectOutcome.Failed ? $"{again.NativeError.Name} ({again.NativeError.Code})" : again.Outcome.ToString();
        using var socket = descriptor.ToSocket();
        full.MakeRoom();
        // poll() is synchronous: it does not touch the completion port.
        Expect.True(socket.Poll(TimeSpan.FromSeconds(30), SelectMode.SelectWrite), $"second connect: {answer}; the first never completed after the listener made room");
        try
        {
            Expect.Equal(1, await socket.SendAsync(new byte[] { 13 }), "bytes sent asynchronously by the runtime's Socket");
        }
        catch (InvalidOperationException exception)
        {
            throw new CheckFailedException($"second connect: {answer}; then the runtime's Socket could not start async I/O: {exception.Message}");
        }

        return $"second connect: {answer}; once the first completed, the runtime's Socket sent asynchronously";
    }

    /// <summary>
    /// The second connect of a connect under way: Connected (Winsock saw it finish), or the Winsock answer for a
    /// connect already in progress (WSAEALREADY) or already done (WSAEISCONN). Never an exception.
    /// </summary>
    private static string DescribeSecondConnect(ConnectResult again)
    {
        if (again.Outcome == ConnectOutcome.Connected)
        {
            return "second connect: Connected";
        }

        Expect.Equal(ConnectOutcome.Failed, again.Outcome, $"outcome of the second connect ({again.Message})");
        int code = again.NativeError.Code;
        Expect.True(code == (int)SocketError.AlreadyInProgress || code == (int)SocketError.IsConnected, $"second connect: Winsock code {code} ({again.NativeError.Name}), expected WSAEALREADY or WSAEISCONN");
        return $"second connect: {again.NativeError.Name} ({code})";
    }

    private static async Task<string> ExchangeAsync(Socket listener, Socket socket)
    {
        using var accepted = await listener.AcceptAsync();
        Expect.Equal(1, await socket.SendAsync(new byte[] { 11 }), "bytes sent asynchronously by the runtime's Socket");
        var buffer = new byte[1];
        Expect.Equal(1, await accepted.ReceiveAsync(buffer), "bytes received by the listener");
        await accepted.SendAsync(new byte[] { 12 });
        Expect.Equal(1, await socket.ReceiveAsync(buffer), "bytes received asynchronously by the runtime's Socket");
        Expect.Equal((byte)12, buffer[0], "byte received by the runtime's Socket");
        return "then the runtime's Socket sent and received asynchronously";
    }
}
