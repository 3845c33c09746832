using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>The runtime used the wrong way, or on sockets the caller configured: each case is a reported defect.</summary>
public sealed class MisuseTests
{
    private const int TcpSynCountOption = 7; // TCP_SYNCNT, linux/tcp.h

    [Fact]
    public void Caller_send_timeout_ends_a_stalled_tcp_connect_in_progress_with_EINPROGRESS()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { SendTimeout = 100 };
        // One SYN retry: should the send timeout be ignored, the kernel's ETIMEDOUT comes after
        // about 3 s instead of 2 minutes, so the test still ends.
        socket.SetRawSocketOption((int)SocketOptionLevel.Tcp, TcpSynCountOption, BitConverter.GetBytes(1));
        var result = SocketConnector.TryConnect(socket.SafeHandle, listener.Target);
        // The kernel's own answer: the send timeout ran out, the handshake goes on in the background.
        Expect.InProgress(result, "EINPROGRESS", LinuxErrno.EINPROGRESS);
        Assert.True(socket.Blocking);
        Assert.Equal(0, UnixFlags.Get(socket.SafeHandle) & UnixFlags.ONonblock);
    }

    [Fact]
    public void Caller_send_timeout_ends_a_unix_connect_to_a_full_queue_with_EAGAIN()
    {
        using var directory = new TempDirectory();
        using var listener = new FullBacklogUnixListener(directory.Combine("full.sock"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { SendTimeout = 100 };
        Expect.Failure(SocketConnector.TryConnect(socket.SafeHandle, listener.Target), "EAGAIN", LinuxErrno.EAGAIN);
    }

    [Fact]
    public async Task Disposing_the_callers_socket_during_an_async_connect_reports_Aborted()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var pending = SocketConnector.TryConnectAsync(socket.SafeHandle, listener.Target).AsTask();
        Assert.False(pending.IsCompleted);
        socket.Dispose();
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.Outcome == ConnectOutcome.Aborted, $"expected Aborted, got {result}");
        Assert.IsType<SocketException>(result.ToException());
        Assert.Equal(SocketError.OperationAborted, ((SocketException)result.ToException()!).SocketErrorCode);

        // The descriptor number is free again and probably reused right away: a new pending
        // connect on it must wait for its own events, not inherit the old registration's.
        using var next = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var again = await SocketConnector.TryConnectAsync(next.SafeHandle, listener.Target, new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(50) });
        Assert.Equal(ConnectOutcome.TimedOutByCaller, again.Outcome);
    }

    [Fact]
    public async Task Disposing_a_SafeSocketDescriptor_during_an_async_connect_reports_Aborted()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        int fd = TestNative.Socket(TestNative.AF_INET, TestNative.SOCK_STREAM | TestNative.SOCK_CLOEXEC, 0);
        Assert.True(fd >= 0);
        var handle = new SafeSocketDescriptor(fd, ownsHandle: true);
        var pending = SocketConnector.TryConnectAsync(handle, listener.Target).AsTask();
        Assert.False(pending.IsCompleted);
        handle.Dispose();
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.Outcome == ConnectOutcome.Aborted, $"expected Aborted, got {result}");
        Assert.True(handle.IsClosed);
    }

    // Built in code: attribute arguments are stored as UTF-8, which would already have replaced
    // a lone surrogate with U+FFFD.
    private static readonly string[] PathsWithLoneSurrogates =
    [
        "/tmp/a" + '\ud800' + "b.sock",
        "/tmp/a" + '\udc00' + ".sock",
        "/tmp/" + '\udc00' + '\ud800' + ".sock",
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Unix_path_with_a_lone_surrogate_is_refused(int index)
    {
        string path = PathsWithLoneSurrogates[index];
        Assert.False(ConnectTarget.TryCreateUnixPath(path, out var target, out string? problem));
        Assert.Null(target);
        Assert.Contains("UTF-16", problem);
        Assert.Throws<ArgumentException>(() => ConnectTarget.UnixPath(path));
        Assert.Throws<ArgumentException>(() => ConnectTarget.FromEndPoint(new UnixDomainSocketEndPoint(path)));
    }

    [Fact]
    public void Abstract_name_with_a_lone_surrogate_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => ConnectTarget.UnixAbstract("name\ud800".AsSpan()));
        Assert.Contains("UTF-16", exception.Message);
    }

    [Fact]
    public async Task Handle_value_beyond_32_bits_is_refused()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 4, out var target);
        using var real = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // Truncated to 32 bits this value is the real socket's descriptor: connecting it would "work".
        long value = (1L << 32) | (long)real.Handle;
        using var handle = new SafeSocketDescriptor((IntPtr)value, ownsHandle: false);
        Assert.Throws<ArgumentOutOfRangeException>(() => SocketConnector.TryConnect(handle, target));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SocketConnector.TryConnectAsync(handle, target).AsTask());
        Assert.False(real.Connected);
    }

    [Fact]
    public void Default_result_is_explicitly_no_attempt()
    {
        ConnectResult result = default;
        Assert.True(Enum.IsDefined(result.Outcome), "default(ConnectResult).Outcome must be a named state");
        Assert.False(result.IsConnected);
        Assert.False(result.HasNativeError);
        Assert.Null(result.Socket);
        Assert.Throws<InvalidOperationException>(() => result.ThrowIfFailed());
        Assert.Throws<InvalidOperationException>(() => result.GetSocketOrThrow());
        Assert.IsType<InvalidOperationException>(result.ToException());
        Assert.Throws<InvalidOperationException>(() => result.Target);
        Assert.Throws<InvalidOperationException>(() => result.NativeError);
        Assert.Contains("no connect was attempted", result.ToString());
    }

    [Fact]
    public void Connected_socket_handed_back_behaves_like_Socket_Connect()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 4, out var target);
        var result = SocketConnector.TryConnect(target);
        Expect.Connected(result);
        using var socket = result.Socket!.ToSocket();
        Assert.True(socket.Connected);
        Assert.True(socket.Blocking);
        Assert.Equal(target.EndPoint, socket.RemoteEndPoint);
        using var stream = new NetworkStream(socket);
        using var server = listener.Accept();
        stream.Write("hi"u8);
        var buffer = new byte[2];
        Assert.Equal(2, server.Receive(buffer));
    }

    [Fact]
    public void Non_blocking_connect_hands_back_a_non_blocking_Socket()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        var result = SocketConnector.TryConnect(listener.Target, new ConnectOptions { NonBlocking = true });
        Expect.InProgress(result, "EINPROGRESS", LinuxErrno.EINPROGRESS);
        using var socket = result.Socket!.ToSocket();
        Assert.False(socket.Blocking);
        Assert.NotEqual(0, UnixFlags.Get(socket.SafeHandle) & UnixFlags.ONonblock);
    }

    [Fact]
    public void The_Socket_overloads_that_left_the_Socket_unaware_of_its_connection_are_gone()
    {
        // Connecting underneath a Socket object leaves its Connected flag false, and .NET offers
        // no way to update it, so the runtime only connects sockets it hands back itself.
        foreach (var method in typeof(SocketConnector).GetMethods())
        {
            Assert.DoesNotContain(method.GetParameters(), parameter => parameter.ParameterType == typeof(Socket));
        }
    }

    [Fact]
    public void Linux_EPERM_is_described_by_its_Linux_causes()
    {
        using var directory = new TempDirectory();
        string busyPath = directory.Combine("busy.sock");
        string otherPath = directory.Combine("other.sock");
        using var busy = Endpoints.UnixListener(busyPath, SocketType.Dgram);
        using var other = Endpoints.UnixListener(otherPath, SocketType.Dgram);
        busy.Connect(new UnixDomainSocketEndPoint(otherPath));
        var result = SocketConnector.TryConnect(ConnectTarget.UnixPath(busyPath), new ConnectOptions { SocketType = SocketType.Dgram });
        Expect.Failure(result, "EPERM", LinuxErrno.EPERM);
        // On Linux a broadcast without SO_BROADCAST is EACCES, so the text must not offer it.
        Assert.DoesNotContain("broadcast", result.ToString());
        Assert.Contains("unix_dgram_connect", result.ToString());
    }

    [Fact]
    public void Linux_EOPNOTSUPP_is_described_by_its_Linux_causes()
    {
        const int eopnotsupp = 95; // asm-generic/errno.h
        var result = ConnectResult.Failed(ConnectTarget.Ip(IPAddress.Loopback, 9), ConnectErrors.FromNative(ConnectPlatform.Linux, eopnotsupp));
        // A listening socket gets EISCONN (TCP) or EINVAL (AF_UNIX) from Linux, never this code.
        Assert.DoesNotContain("is in the listening state", result.ToString());
        Assert.Contains("sock_no_connect", result.ToString());
    }
}
