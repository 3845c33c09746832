using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>Successful connects, the two API shapes, timeouts, cancellation and target validation.</summary>
public sealed class ConnectSemanticsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public void Tcp_connect_hands_back_a_working_blocking_socket(string address)
    {
        using var listener = Endpoints.TcpListener(IPAddress.Parse(address), 8, out var target);
        var result = SocketConnector.TryConnect(target);
        Expect.Connected(result);
        Assert.NotNull(result.Socket);
        Assert.Equal(0, UnixFlags.Get(result.Socket!) & UnixFlags.ONonblock);
        using var client = result.Socket!.ToSocket();
        Assert.True(result.Socket.IsInvalid || result.Socket.IsClosed);
        Assert.True(client.Connected);
        using var server = listener.Accept();
        client.Send("ping"u8);
        var buffer = new byte[4];
        Assert.Equal(4, server.Receive(buffer));
        Assert.Equal("ping", Encoding.ASCII.GetString(buffer));
    }

    [Fact]
    public async Task Async_tcp_connect_through_the_waiter_succeeds()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 8, out var target);
        using var socket = await SocketConnector.ConnectAsync(target, new ConnectOptions { Timeout = TimeSpan.FromSeconds(10) });
        Assert.Equal(0, UnixFlags.Get(socket) & UnixFlags.ONonblock);
        using var server = listener.Accept();
        Assert.NotNull(server.RemoteEndPoint);
    }

    [Fact]
    public void Udp_connect_fixes_the_peer()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var target = ConnectTarget.FromEndPoint(receiver.LocalEndPoint!);
        using var sender = SocketConnector.Connect(target, new ConnectOptions { SocketType = SocketType.Dgram }).ToSocket();
        sender.Send("datagram"u8);
        var buffer = new byte[16];
        Assert.Equal(8, receiver.Receive(buffer));
    }

    [Fact]
    public void Unix_path_and_abstract_stream_and_datagram_targets_connect()
    {
        using var directory = new TempDirectory();
        string streamPath = directory.Combine("s.sock");
        string datagramPath = directory.Combine("d.sock");
        string abstractName = $"errorcatalog-test-{Guid.NewGuid():N}";
        using var stream = Endpoints.UnixListener(streamPath, SocketType.Stream);
        using var datagram = Endpoints.UnixListener(datagramPath, SocketType.Dgram);
        using var abstractListener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        abstractListener.Bind(new UnixDomainSocketEndPoint("\0" + abstractName));
        abstractListener.Listen(4);

        using var a = SocketConnector.Connect(ConnectTarget.UnixPath(streamPath));
        using var b = SocketConnector.Connect(ConnectTarget.UnixPath(datagramPath), new ConnectOptions { SocketType = SocketType.Dgram });
        using var c = SocketConnector.Connect(ConnectTarget.UnixAbstract(abstractName));
        using var d = SocketConnector.Connect(ConnectTarget.FromEndPoint(new UnixDomainSocketEndPoint("\0" + abstractName)));
        using var accepted = abstractListener.Accept();
        Assert.False(a.IsInvalid || b.IsInvalid || c.IsInvalid || d.IsInvalid);
    }

    [Fact]
    public void Throwing_api_raises_the_generated_exception_with_the_raw_code_and_endpoint()
    {
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var target);
        var exception = Assert.ThrowsAny<ConnectException>(() => SocketConnector.Connect(target));
        Assert.True(ConnectErrors.TryParse("ECONNREFUSED", out var refused));
        Assert.Equal(refused, exception.Error);
        Assert.Equal(LinuxErrno.ECONNREFUSED, exception.Code);
        Assert.Equal(ConnectPlatform.Linux, exception.Platform);
        Assert.Equal(target.EndPoint, exception.EndPoint);
        Assert.Equal(SocketError.ConnectionRefused, exception.SocketErrorCode);
        Assert.NotEqual(typeof(ConnectException), exception.GetType());
    }

    [Fact]
    public async Task Async_throwing_api_raises_the_generated_exception()
    {
        using var directory = new TempDirectory();
        var exception = await Assert.ThrowsAnyAsync<ConnectException>(async () => await SocketConnector.ConnectAsync(ConnectTarget.UnixPath(directory.Combine("none"))));
        Expect.AssertNative(exception.NativeError, "ENOENT", LinuxErrno.ENOENT);
    }

    [Fact]
    public void Caller_timeout_is_its_own_outcome_not_ETIMEDOUT()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        var options = new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(300) };
        var result = SocketConnector.TryConnect(listener.Target, options);
        Assert.Equal(ConnectOutcome.TimedOutByCaller, result.Outcome);
        Assert.False(result.HasNativeError);
        Assert.Null(result.Error);
        Assert.Null(result.Socket);
        Assert.Throws<InvalidOperationException>(() => result.NativeError);
        Assert.Throws<TimeoutException>(() => SocketConnector.Connect(listener.Target, options));
    }

    [Fact]
    public async Task Async_caller_timeout_and_cancellation_are_reported_distinctly()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        var timedOut = await SocketConnector.TryConnectAsync(listener.Target, new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(ConnectOutcome.TimedOutByCaller, timedOut.Outcome);

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var canceled = await SocketConnector.TryConnectAsync(listener.Target, cancellationToken: cancellation.Token);
        Assert.Equal(ConnectOutcome.Canceled, canceled.Outcome);

        using var cancellation2 = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await SocketConnector.ConnectAsync(listener.Target, cancellationToken: cancellation2.Token));
        await Assert.ThrowsAsync<TimeoutException>(async () => await SocketConnector.ConnectAsync(listener.Target, new ConnectOptions { Timeout = TimeSpan.Zero }));
    }

    [Fact]
    public async Task Many_async_waits_share_the_waiter_and_each_gets_its_own_outcome()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        using var accepting = Endpoints.TcpListener(IPAddress.Loopback, 256, out var open);
        var waits = new Task<ConnectResult>[64];
        for (int i = 0; i < waits.Length; i++)
        {
            waits[i] = i % 2 == 0
                ? SocketConnector.TryConnectAsync(listener.Target, new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(100 + i * 5) }).AsTask()
                : SocketConnector.TryConnectAsync(open).AsTask();
        }

        var results = await Task.WhenAll(waits);
        for (int i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? ConnectOutcome.TimedOutByCaller : ConnectOutcome.Connected, results[i].Outcome);
            results[i].Socket?.Dispose();
        }
    }

    [Fact]
    public void Non_blocking_option_hands_back_the_in_progress_socket()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        var result = SocketConnector.TryConnect(listener.Target, new ConnectOptions { NonBlocking = true });
        Expect.InProgress(result, "EINPROGRESS", LinuxErrno.EINPROGRESS);
        Assert.NotNull(result.Socket);
        Assert.NotEqual(0, UnixFlags.Get(result.Socket!) & UnixFlags.ONonblock);
        result.Socket!.Dispose();
    }

    [Fact]
    public void Caller_socket_gets_its_blocking_mode_back_after_a_timed_connect()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 8, out var target);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.Equal(0, UnixFlags.Get(socket.SafeHandle) & UnixFlags.ONonblock);
        Expect.Connected(SocketConnector.TryConnect(socket.SafeHandle, target, new ConnectOptions { Timeout = TimeSpan.FromSeconds(5) }));
        Assert.Equal(0, UnixFlags.Get(socket.SafeHandle) & UnixFlags.ONonblock);
        Assert.False(socket.SafeHandle.IsClosed);
    }

    [Fact]
    public void Unix_path_of_107_bytes_fits_and_is_used_whole()
    {
        using var directory = new TempDirectory();
        string prefix = directory.FullPath + "/";
        string path = prefix + new string('p', 107 - prefix.Length);
        Assert.Equal(107, Encoding.UTF8.GetByteCount(path));
        using var listener = Endpoints.UnixListener(path, SocketType.Stream);
        var result = SocketConnector.TryConnect(ConnectTarget.UnixPath(path));
        Expect.Connected(result);
        result.Socket!.Dispose();
    }

    [Fact]
    public void Unix_path_that_does_not_fit_sun_path_is_refused_before_any_system_call()
    {
        string path = "/tmp/" + new string('q', 103);
        Assert.Equal(108, Encoding.UTF8.GetByteCount(path));
        var exception = Assert.Throws<ArgumentException>(() => ConnectTarget.UnixPath(path));
        Assert.Contains("108", exception.Message);
        Assert.False(ConnectTarget.TryCreateUnixPath(path, out var target, out string? problem));
        Assert.Null(target);
        Assert.Contains("sun_path", problem);

        // Bytes count, not characters: 52 two-byte characters are 104 bytes plus the prefix.
        string wide = "/tmp/" + new string('é', 52);
        Assert.Equal(57, wide.Length);
        Assert.Throws<ArgumentException>(() => ConnectTarget.UnixPath(wide));
    }

    [Fact]
    public void Unix_path_with_a_nul_or_empty_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => ConnectTarget.UnixPath("/tmp/a\0b"));
        Assert.Contains("NUL", exception.Message);
        Assert.Throws<ArgumentException>(() => ConnectTarget.UnixPath(""));
        Assert.Throws<ArgumentException>(() => ConnectTarget.UnixAbstract(new byte[108]));
        Assert.Equal(107, ConnectTarget.UnixAbstract(new byte[107]).AbstractName.Length);
    }

    [Fact]
    public void Options_refuse_values_that_cannot_work()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { SocketType = SocketType.Raw });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(-5) });
        Assert.Null(new ConnectOptions { Timeout = Timeout.InfiniteTimeSpan }.Timeout);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectTarget.Ip(IPAddress.Loopback, 70000));
        var closed = new SafeSocketDescriptor(new IntPtr(1_000_000), ownsHandle: false);
        closed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => SocketConnector.TryConnect(closed, ConnectTarget.Ip(IPAddress.Loopback, 9)));
    }

    [Fact]
    public void Sockaddr_layouts_match_linux_and_bsd()
    {
        var v4 = Interop.SockAddr.Inet(Interop.PlatformConstants.Linux, IPAddress.Parse("10.1.2.3"), 0x1234);
        Assert.Equal(new byte[] { 2, 0, 0x12, 0x34, 10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0 }, v4);
        var v4Bsd = Interop.SockAddr.Inet(Interop.PlatformConstants.Darwin, IPAddress.Parse("10.1.2.3"), 0x1234);
        Assert.Equal(new byte[] { 16, 2, 0x12, 0x34, 10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0 }, v4Bsd);
        var v6 = Interop.SockAddr.Inet(Interop.PlatformConstants.FreeBsd, IPAddress.Parse("fe80::1%3"), 80);
        Assert.Equal(28, v6.Length);
        Assert.Equal(new byte[] { 28, 28, 0, 80 }, v6[..4]);
        Assert.Equal(3, BitConverter.ToInt32(v6, 24));
        var unix = Interop.SockAddr.UnixPath(Interop.PlatformConstants.Darwin, "/a"u8);
        Assert.Equal(new byte[] { 5, 1, (byte)'/', (byte)'a', 0 }, unix);
        var abstractName = Interop.SockAddr.UnixAbstract(Interop.PlatformConstants.Linux, "n"u8);
        Assert.Equal(new byte[] { 1, 0, 0, (byte)'n' }, abstractName);
    }
}
