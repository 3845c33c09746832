using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>Each connect() error a normal user can provoke on Linux, provoked for real.</summary>
public sealed class UnprivilegedErrorTests
{
    private static readonly ConnectOptions Datagram = new() { SocketType = SocketType.Dgram };
    private static readonly ConnectOptions NonBlocking = new() { NonBlocking = true };

    [Fact]
    public void Tcp_to_a_closed_ipv4_loopback_port_is_ECONNREFUSED()
    {
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var target);
        Expect.Failure(SocketConnector.TryConnect(target), "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
    }

    [Fact]
    public void Tcp_to_a_closed_ipv6_loopback_port_is_ECONNREFUSED()
    {
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.IPv6Loopback, out var target);
        Expect.Failure(SocketConnector.TryConnect(target), "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
    }

    [Fact]
    public async Task Async_tcp_to_a_closed_port_is_ECONNREFUSED()
    {
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var target);
        Expect.Failure(await SocketConnector.TryConnectAsync(target), "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
    }

    [Fact]
    public void Unix_socket_file_without_a_listener_is_ECONNREFUSED()
    {
        using var directory = new TempDirectory();
        string path = directory.Combine("bound.sock");
        // Bound but never listening: the file and the socket exist, nobody accepts.
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(path));
        Expect.Failure(SocketConnector.TryConnect(ConnectTarget.UnixPath(path)), "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
    }

    [Fact]
    public void Missing_abstract_name_is_ECONNREFUSED()
    {
        var target = ConnectTarget.UnixAbstract($"errorcatalog-test-missing-{Guid.NewGuid():N}");
        Expect.Failure(SocketConnector.TryConnect(target), "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
    }

    [Fact]
    public void Missing_unix_socket_file_is_ENOENT()
    {
        using var directory = new TempDirectory();
        Expect.Failure(SocketConnector.TryConnect(ConnectTarget.UnixPath(directory.Combine("missing.sock"))), "ENOENT", LinuxErrno.ENOENT);
    }

    [Fact]
    public void Unix_path_through_a_regular_file_is_ENOTDIR()
    {
        using var directory = new TempDirectory();
        string file = directory.Combine("plain");
        File.WriteAllText(file, "not a directory");
        Expect.Failure(SocketConnector.TryConnect(ConnectTarget.UnixPath(Path.Combine(file, "x.sock"))), "ENOTDIR", LinuxErrno.ENOTDIR);
    }

    [Fact]
    public void Unix_path_through_a_symlink_loop_is_ELOOP()
    {
        using var directory = new TempDirectory();
        File.CreateSymbolicLink(directory.Combine("a"), directory.Combine("b"));
        File.CreateSymbolicLink(directory.Combine("b"), directory.Combine("a"));
        Expect.Failure(SocketConnector.TryConnect(ConnectTarget.UnixPath(directory.Combine("a"))), "ELOOP", LinuxErrno.ELOOP);
    }

    [Fact]
    public void Udp_to_the_loopback_broadcast_address_without_SO_BROADCAST_is_EACCES()
    {
        // connect() on a UDP socket only records the peer; the route lookup refuses the broadcast
        // route before anything could be sent, and the address is loopback-scoped anyway.
        var target = ConnectTarget.Ip(IPAddress.Parse("127.255.255.255"), 9);
        Expect.Failure(SocketConnector.TryConnect(target, Datagram), "EACCES", LinuxErrno.EACCES);
    }

    [Fact]
    public void Stream_socket_to_a_datagram_socket_path_is_EPROTOTYPE()
    {
        using var directory = new TempDirectory();
        string path = directory.Combine("dgram.sock");
        using var datagram = Endpoints.UnixListener(path, SocketType.Dgram);
        Expect.Failure(SocketConnector.TryConnect(ConnectTarget.UnixPath(path)), "EPROTOTYPE", LinuxErrno.EPROTOTYPE);
    }

    [Fact]
    public void Ipv4_socket_to_an_ipv6_address_is_EAFNOSUPPORT()
    {
        using var ipv4 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var target = ConnectTarget.Ip(IPAddress.IPv6Loopback, 9);
        Expect.Failure(SocketConnector.TryConnect(ipv4.SafeHandle, target), "EAFNOSUPPORT", LinuxErrno.EAFNOSUPPORT);
    }

    [Fact]
    public void Truncated_sockaddr_in_is_EINVAL()
    {
        // AF_INET (2, little-endian), a port, and nothing else: 4 bytes where 16 are required.
        var target = ConnectTarget.FromNativeAddress([2, 0, 0, 9]);
        Assert.Equal(AddressFamily.InterNetwork, target.AddressFamily);
        Expect.Failure(SocketConnector.TryConnect(target), "EINVAL", LinuxErrno.EINVAL);
    }

    [Fact]
    public void Unix_sockaddr_without_a_path_is_EINVAL()
    {
        var target = ConnectTarget.FromNativeAddress([1, 0]);
        Expect.Failure(SocketConnector.TryConnect(target), "EINVAL", LinuxErrno.EINVAL);
    }

    [Fact]
    public void Connecting_a_connected_socket_again_is_EISCONN()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 8, out var target);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Expect.Connected(SocketConnector.TryConnect(socket.SafeHandle, target));
        Expect.Failure(SocketConnector.TryConnect(socket.SafeHandle, target), "EISCONN", LinuxErrno.EISCONN);
    }

    [Fact]
    public void A_descriptor_number_that_is_not_open_is_EBADF()
    {
        // Far above any descriptor this process opens, so no other test can own it.
        using var notOpen = new SafeSocketDescriptor(new IntPtr(1_000_000), ownsHandle: false);
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var target);
        Expect.Failure(SocketConnector.TryConnect(notOpen, target), "EBADF", LinuxErrno.EBADF);
    }

    [Fact]
    public void A_regular_file_descriptor_is_ENOTSOCK()
    {
        using var directory = new TempDirectory();
        using var file = File.OpenHandle(directory.Combine("file"), FileMode.Create, FileAccess.ReadWrite);
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var target);
        Expect.Failure(SocketConnector.TryConnect(file, target), "ENOTSOCK", LinuxErrno.ENOTSOCK);
    }

    [Fact]
    public void Non_blocking_connect_is_EINPROGRESS_then_EALREADY()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Expect.InProgress(SocketConnector.TryConnect(socket.SafeHandle, listener.Target, NonBlocking), "EINPROGRESS", LinuxErrno.EINPROGRESS);
        Expect.Failure(SocketConnector.TryConnect(socket.SafeHandle, listener.Target, NonBlocking), "EALREADY", LinuxErrno.EALREADY);
    }

    [Fact]
    public void Non_blocking_unix_connect_to_a_full_backlog_is_EAGAIN()
    {
        using var directory = new TempDirectory();
        using var listener = new FullBacklogUnixListener(directory.Combine("full.sock"));
        Expect.Failure(SocketConnector.TryConnect(listener.Target, NonBlocking), "EAGAIN", LinuxErrno.EAGAIN);
    }

    [Fact]
    public async Task Async_unix_connect_to_a_full_backlog_is_EAGAIN()
    {
        // Async connects are non-blocking, and a Unix stream socket cannot wait for queue space
        // without blocking: the kernel's answer is EAGAIN at once.
        using var directory = new TempDirectory();
        using var listener = new FullBacklogUnixListener(directory.Combine("full.sock"));
        Expect.Failure(await SocketConnector.TryConnectAsync(listener.Target), "EAGAIN", LinuxErrno.EAGAIN);
    }

    [Fact]
    public void Syn_retries_exhausted_against_a_full_backlog_is_ETIMEDOUT()
    {
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // One SYN retransmission: the kernel gives up after about 1 s + 2 s.
        TestNative.SetIntOption(socket.SafeHandle, TestNative.IPPROTO_TCP, TestNative.TCP_SYNCNT, 1);
        Expect.Failure(SocketConnector.TryConnect(socket.SafeHandle, listener.Target), "ETIMEDOUT", LinuxErrno.ETIMEDOUT);
    }

    [Fact]
    public void Connect_again_after_reading_SO_ERROR_is_ECONNABORTED()
    {
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var target);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Expect.InProgress(SocketConnector.TryConnect(socket.SafeHandle, target, NonBlocking), "EINPROGRESS", LinuxErrno.EINPROGRESS);
        // Reading SO_ERROR consumes the refusal; a second connect() then finds a closed socket
        // with no pending error. This is why the runtime never calls connect() again blindly.
        Assert.Equal(LinuxErrno.ECONNREFUSED, TestNative.WaitAndReadSocketError((int)socket.SafeHandle.DangerousGetHandle(), 5_000));
        Expect.Failure(SocketConnector.TryConnect(socket.SafeHandle, target, NonBlocking), "ECONNABORTED", LinuxErrno.ECONNABORTED);
    }

    [Fact]
    public void Unix_datagram_to_a_socket_connected_elsewhere_is_EPERM()
    {
        using var directory = new TempDirectory();
        string busyPath = directory.Combine("busy.sock");
        string otherPath = directory.Combine("other.sock");
        using var busy = Endpoints.UnixListener(busyPath, SocketType.Dgram);
        using var other = Endpoints.UnixListener(otherPath, SocketType.Dgram);
        busy.Connect(new UnixDomainSocketEndPoint(otherPath));
        Expect.Failure(SocketConnector.TryConnect(ConnectTarget.UnixPath(busyPath), Datagram), "EPERM", LinuxErrno.EPERM);
    }
}
