using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// ConnectOptions' socket options on the real kernel, on loopback (no root needed): the errors only options can
/// produce come out typed, the values reach the socket (read back with getsockopt), and misuse is refused before
/// any system call.
/// Its descriptor counts need the process to itself, so it runs with the other resource tests, not in parallel.
/// </summary>
[Collection(ResourceCollection.Name)]
public sealed class SocketOptionTests
{
    /// <summary>Linux option numbers, from asm-generic/socket.h and linux/tcp.h (printed with a C program), kept apart from the runtime's table.</summary>
    private const int SOL_SOCKET = 1;
    private const int SO_REUSEPORT = 15;
    private const int SO_SNDTIMEO = 21;
    private const int IPPROTO_TCP = 6;
    private const int TCP_SYNCNT = 7;
    private const int TCP_USER_TIMEOUT = 18;

    [Fact]
    public void Two_sockets_sharing_a_local_port_with_SO_REUSEADDR_clash_on_the_same_peer_with_EADDRNOTAVAIL()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        int localPort = FreeLoopbackPort();
        var options = new ConnectOptions { ReuseAddress = true, LocalEndPoint = new IPEndPoint(IPAddress.Loopback, localPort) };

        var first = SocketConnector.TryConnect(target, options);
        Expect.Connected(first);
        using var firstSocket = first.Socket!.ToSocket();
        Assert.Equal(localPort, ((IPEndPoint)firstSocket.LocalEndPoint!).Port);

        // bind() succeeds for the second socket too (both set SO_REUSEADDR, neither listens); the
        // 4-tuple is taken, so connect() refuses it (net/ipv4/inet_hashtables.c __inet_hash_connect()).
        var second = SocketConnector.TryConnect(target, options);
        Expect.Failure(second, "EADDRNOTAVAIL", LinuxErrno.EADDRNOTAVAIL);
    }

    [Fact]
    public void A_local_port_in_use_is_a_bind_failure_with_EADDRINUSE()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var held);
        var result = SocketConnector.TryConnect(target, new ConnectOptions { LocalEndPoint = new IPEndPoint(IPAddress.Loopback, held.Port) });
        AssertCallFailed(result, "bind", "EADDRINUSE", LinuxErrno.EADDRINUSE);
    }

    [Fact]
    public void A_local_address_the_host_does_not_have_is_a_bind_failure_with_EADDRNOTAVAIL()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        // 192.0.2.1 (TEST-NET-1) is on no interface; bind() refuses it, nothing is sent.
        var result = SocketConnector.TryConnect(target, new ConnectOptions { LocalEndPoint = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 0) });
        AssertCallFailed(result, "bind", "EADDRNOTAVAIL", LinuxErrno.EADDRNOTAVAIL);
    }

    [Fact]
    public void A_wildcard_local_endpoint_fixes_only_the_port_for_either_family()
    {
        using var listener6 = Endpoints.TcpListener(IPAddress.IPv6Loopback, 16, out var target6);
        int localPort = FreeLoopbackPort();
        var result = SocketConnector.TryConnect(target6, new ConnectOptions { LocalEndPoint = new IPEndPoint(IPAddress.Any, localPort) });
        Expect.Connected(result);
        using var socket = result.Socket!.ToSocket();
        var local = (IPEndPoint)socket.LocalEndPoint!;
        Assert.Equal(AddressFamily.InterNetworkV6, local.AddressFamily);
        Assert.Equal(localPort, local.Port);
    }

    [Fact]
    public void An_IPv6_only_socket_to_an_IPv4_mapped_address_is_ENETUNREACH_and_a_dual_mode_one_connects()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        var mapped = ConnectTarget.Ip(IPAddress.Loopback.MapToIPv6(), target.Port);

        // net/ipv6/tcp_ipv6.c tcp_v6_connect(): a v4-mapped peer on a v6-only socket.
        var v6Only = SocketConnector.TryConnect(mapped, new ConnectOptions { Ipv6Only = true });
        Expect.Failure(v6Only, "ENETUNREACH", LinuxErrno.ENETUNREACH);

        var dual = SocketConnector.TryConnect(mapped, new ConnectOptions { Ipv6Only = false });
        Expect.Connected(dual);
        dual.Socket!.Dispose();
    }

    [Fact]
    public async Task Option_values_reach_the_socket()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        using var listener6 = Endpoints.TcpListener(IPAddress.IPv6Loopback, 16, out var target6);
        var options = new ConnectOptions
        {
            HopLimit = 7,
            TcpSynRetries = 2,
            TcpUserTimeout = TimeSpan.FromMilliseconds(1234),
            SendTimeout = TimeSpan.FromMilliseconds(1500),
            ReusePort = true,
        };

        var v4 = SocketConnector.TryConnect(target, options);
        Expect.Connected(v4);
        using (var socket = v4.Socket!.ToSocket())
        {
            Assert.Equal(7, socket.Ttl);
            Assert.Equal(2, ReadInt(socket, IPPROTO_TCP, TCP_SYNCNT));
            Assert.Equal(1234, ReadInt(socket, IPPROTO_TCP, TCP_USER_TIMEOUT));
            // Socket.SendTimeout reports .NET's own copy, so the kernel's value is read directly.
            Assert.Equal(1500, ReadTimevalMilliseconds(socket));
            Assert.Equal(1, ReadInt(socket, SOL_SOCKET, SO_REUSEPORT));
        }

        // The async path sets the same options; on IPv6 the hop limit is IPV6_UNICAST_HOPS.
        var v6 = await SocketConnector.TryConnectAsync(target6, options with { Ipv6Only = true });
        Expect.Connected(v6);
        using (var socket = v6.Socket!.ToSocket())
        {
            Assert.Equal(7, socket.Ttl);
            Assert.True(socket.DualMode is false);
            Assert.Equal(2, ReadInt(socket, IPPROTO_TCP, TCP_SYNCNT));
        }
    }

    [Fact]
    public void SO_SNDTIMEO_ends_a_blocking_connect_to_a_silent_peer_as_in_progress_with_the_socket_handed_back()
    {
        using var full = new FullBacklogTcpListener(IPAddress.Loopback);
        var result = SocketConnector.TryConnect(full.Target, new ConnectOptions { SendTimeout = TimeSpan.FromMilliseconds(200) });
        Expect.InProgress(result, "EINPROGRESS", LinuxErrno.EINPROGRESS);
        Assert.NotNull(result.Socket);
        result.Socket!.Dispose();
    }

    [Fact]
    public async Task BeforeConnect_sees_the_socket_before_connect_and_may_set_options_on_it()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        long seen = -1;
        ConnectTarget? seenTarget = null;
        int peerErrnoInCallback = 0;
        var options = new ConnectOptions
        {
            BeforeConnect = (socket, callbackTarget) =>
            {
                seen = socket.Descriptor;
                seenTarget = callbackTarget;
                peerErrnoInCallback = TestNative.PeerNameErrno((int)socket.Descriptor);
                TestNative.SetIntOption(socket, IPPROTO_TCP, TCP_SYNCNT, 3);
            },
        };

        for (int round = 0; round < 2; round++)
        {
            var result = round == 0 ? SocketConnector.TryConnect(target, options) : await SocketConnector.TryConnectAsync(target, options);
            Expect.Connected(result);
            Assert.Equal(result.Socket!.Descriptor, seen);
            Assert.Same(target, seenTarget);
            // Not connected yet when the callback ran.
            Assert.Equal(LinuxErrno.ENOTCONN, peerErrnoInCallback);
            using var socket = result.Socket.ToSocket();
            Assert.Equal(3, ReadInt(socket, IPPROTO_TCP, TCP_SYNCNT));
        }
    }

    [Fact]
    public async Task An_exception_or_cancellation_thrown_by_BeforeConnect_propagates_unchanged_and_closes_the_socket()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        var before = OpenDescriptors.Snapshot();
        var failure = new InvalidOperationException("from the callback");
        var throwing = new ConnectOptions { BeforeConnect = (_, _) => throw failure };
        Assert.Same(failure, Assert.Throws<InvalidOperationException>(() => SocketConnector.TryConnect(target, throwing)));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(async () => await SocketConnector.TryConnectAsync(target, throwing)));

        using var cancel = new System.Threading.CancellationTokenSource();
        var canceling = new ConnectOptions
        {
            BeforeConnect = (_, _) =>
            {
                cancel.Cancel();
                cancel.Token.ThrowIfCancellationRequested();
            },
        };
        var canceled = await Assert.ThrowsAsync<OperationCanceledException>(async () => await SocketConnector.TryConnectAsync(target, canceling, cancel.Token));
        Assert.Equal(cancel.Token, canceled.CancellationToken);
        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public void A_callback_that_disposes_its_handle_closes_nothing_and_one_that_closes_the_descriptor_is_refused()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var target);
        var before = OpenDescriptors.Snapshot();

        var disposing = SocketConnector.TryConnect(target, new ConnectOptions { BeforeConnect = (socket, _) => socket.Dispose() });
        Expect.Connected(disposing);
        disposing.Socket!.Dispose();

        var closing = new ConnectOptions { BeforeConnect = (socket, _) => TestNative.Close((int)socket.Descriptor) };
        var refused = Assert.Throws<InvalidOperationException>(() => SocketConnector.TryConnect(target, closing));
        Assert.Contains("BeforeConnect closed", refused.Message, StringComparison.Ordinal);
        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public void Values_out_of_range_are_refused_when_set()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { TcpSynRetries = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { TcpSynRetries = 128 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { HopLimit = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { HopLimit = 256 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { TcpUserTimeout = TimeSpan.FromMilliseconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { TcpUserTimeout = TimeSpan.FromDays(30) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { SendTimeout = TimeSpan.Zero });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { SendTimeout = TimeSpan.MaxValue });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { AttemptDelay = TimeSpan.FromMilliseconds(9) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { AttemptDelay = TimeSpan.FromMilliseconds(-250) });
        Assert.Throws<ArgumentException>(() => new ConnectOptions { BindToDevice = "" });
        Assert.Throws<ArgumentException>(() => new ConnectOptions { BindToDevice = "sixteen-bytes-xx" });
        Assert.Throws<ArgumentException>(() => new ConnectOptions { BindToDevice = "lo\0" });
        Assert.Throws<ArgumentOutOfRangeException>(() => new IPEndPoint(IPAddress.Loopback, 65536));
    }

    [Fact]
    public void Options_that_do_not_fit_the_target_are_refused_naming_the_option_before_any_system_call()
    {
        using var directory = new TempDirectory();
        var unix = ConnectTarget.UnixPath(directory.Combine("none.sock"));
        var v4 = ConnectTarget.Ip(IPAddress.Loopback, 9);
        using var own = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var before = OpenDescriptors.Snapshot();

        AssertRefused("HopLimit", () => SocketConnector.TryConnect(unix, new ConnectOptions { HopLimit = 1 }));
        AssertRefused("LocalEndPoint", () => SocketConnector.TryConnect(unix, new ConnectOptions { LocalEndPoint = new IPEndPoint(IPAddress.Any, 0) }));
        AssertRefused("Ipv6Only", () => SocketConnector.TryConnect(v4, new ConnectOptions { Ipv6Only = true }));
        AssertRefused("TcpSynRetries", () => SocketConnector.TryConnect(v4, new ConnectOptions { SocketType = SocketType.Dgram, TcpSynRetries = 2 }));
        AssertRefused("TcpUserTimeout", () => SocketConnector.TryConnect(v4, new ConnectOptions { SocketType = SocketType.Dgram, TcpUserTimeout = TimeSpan.FromSeconds(1) }));
        AssertRefused("LocalEndPoint", () => SocketConnector.TryConnect(v4, new ConnectOptions { LocalEndPoint = new IPEndPoint(IPAddress.IPv6Loopback, 0) }));

        // A socket the caller owns keeps the options the caller gave it.
        AssertRefused("HopLimit", () => SocketConnector.TryConnect(own.SafeHandle, v4, new ConnectOptions { HopLimit = 3 }));
        AssertRefused("BeforeConnect", () => SocketConnector.TryConnect(own.SafeHandle, v4, new ConnectOptions { BeforeConnect = (_, _) => { } }));
        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public void SendTimeout_and_BeforeConnect_apply_to_Unix_sockets_too()
    {
        using var directory = new TempDirectory();
        string path = directory.Combine("s.sock");
        using var listener = Endpoints.UnixListener(path, SocketType.Stream);
        bool called = false;
        var result = SocketConnector.TryConnect(ConnectTarget.UnixPath(path), new ConnectOptions { SendTimeout = TimeSpan.FromSeconds(2), BeforeConnect = (_, _) => called = true });
        Expect.Connected(result);
        Assert.True(called);
        using var socket = result.Socket!.ToSocket();
        Assert.Equal(2000, ReadTimevalMilliseconds(socket));
    }

    internal static void AssertCallFailed(ConnectResult result, string call, string name, int errno)
    {
        Assert.True(result.Outcome == ConnectOutcome.SystemCallFailed, $"expected {call}() to fail with {name}, got {result}");
        Assert.Null(result.Socket);
        Assert.Equal(call, result.SystemCallError.Call);
        Assert.Equal(errno, result.SystemCallError.Code);
        Assert.Equal(name, result.SystemCallError.Name);
        Assert.IsType<SystemCallException>(result.ToException());
    }

    private static void AssertRefused(string option, Action connect)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(connect);
        Assert.Contains("ConnectOptions." + option, exception.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback TCP port nothing holds right now (bound once by the kernel's choice, then released).</summary>
    private static int FreeLoopbackPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>SO_SNDTIMEO (21) as a struct timeval of two longs, in milliseconds.</summary>
    private static long ReadTimevalMilliseconds(Socket socket)
    {
        var buffer = new byte[2 * sizeof(long)];
        Assert.Equal(buffer.Length, socket.GetRawSocketOption(SOL_SOCKET, SO_SNDTIMEO, buffer));
        return BitConverter.ToInt64(buffer, 0) * 1000 + BitConverter.ToInt64(buffer, sizeof(long)) / 1000;
    }

    private static int ReadInt(Socket socket, int level, int name)
    {
        var buffer = new byte[sizeof(int)];
        int length = socket.GetRawSocketOption(level, name, buffer);
        Assert.Equal(sizeof(int), length);
        return BitConverter.ToInt32(buffer);
    }
}
