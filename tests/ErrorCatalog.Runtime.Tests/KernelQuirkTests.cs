using System.Net;
using System.Net.Sockets;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>Where Linux answers differently from what the manual pages lead one to expect. The catalog's quirks cite these tests.</summary>
public sealed class KernelQuirkTests
{
    [Fact]
    public void Nonblocking_tcp_connect_to_a_closed_loopback_port_is_EINPROGRESS_and_the_refusal_comes_through_SO_ERROR()
    {
        // Even on loopback, where the reset is produced during the call, a non-blocking connect()
        // reports EINPROGRESS; ECONNREFUSED arrives only through poll() and SO_ERROR.
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var target);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Expect.InProgress(SocketConnector.TryConnect(socket.SafeHandle, target, new ConnectOptions { NonBlocking = true }), "EINPROGRESS", LinuxErrno.EINPROGRESS);
        Assert.Equal(LinuxErrno.ECONNREFUSED, TestNative.WaitAndReadSocketError((int)socket.SafeHandle.DangerousGetHandle(), 5_000));

        // The runtime's waiting path hides the two steps and reports the refusal itself.
        Expect.Failure(SocketConnector.TryConnect(target, new ConnectOptions { Timeout = System.TimeSpan.FromSeconds(5) }), "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
    }

    [Fact]
    public void Connect_with_a_taken_four_tuple_is_EADDRNOTAVAIL_not_EADDRINUSE()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 8, out var target);
        using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var second = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        first.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        second.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        // SO_REUSEADDR lets both sockets bind the same local address and port...
        second.Bind(first.LocalEndPoint!);
        Expect.Connected(SocketConnector.TryConnect(first.SafeHandle, target));
        // ...but only one connection may use the 4-tuple. POSIX would suggest EADDRINUSE; Linux's
        // connect() reports EADDRNOTAVAIL (the established-hash check fails).
        Expect.Failure(SocketConnector.TryConnect(second.SafeHandle, target), "EADDRNOTAVAIL", LinuxErrno.EADDRNOTAVAIL);
    }
}
