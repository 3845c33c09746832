using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// Errors that need root to set up: a process (here, one thread) without root's file access, and
/// network namespaces the test creates and deletes. In CI (CI=true, root) they must run; elsewhere
/// without root they are skipped with the reason.
/// </summary>
public sealed class RootErrorTests
{
    private const int Nobody = 65534;

    [SkippableFact]
    public void Unix_socket_without_write_permission_is_EACCES_for_a_user_who_dropped_root()
    {
        Privileges.RequireRoot("drop to an unprivileged user for the permission check");
        using var directory = new TempDirectory();
        File.SetUnixFileMode(directory.FullPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        string path = directory.Combine("private.sock");
        using var listener = Endpoints.UnixListener(path, SocketType.Stream);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var target = ConnectTarget.UnixPath(path);

        // Root itself may connect: the failure below is the permission, nothing else.
        var asRoot = SocketConnector.TryConnect(target);
        Expect.Connected(asRoot);
        asRoot.Socket!.Dispose();

        var asNobody = RunAsUser(Nobody, () => SocketConnector.TryConnect(target));
        Expect.Failure(asNobody, "EACCES", LinuxErrno.EACCES);
    }

    [SkippableFact]
    public void Namespace_without_any_route_is_ENETUNREACH()
    {
        using var ns = NetworkNamespace.Create("create a network namespace");
        // A new namespace has only lo, and it is down: no route exists at all, not even to 127.0.0.1.
        var (tcp, udp) = ns.Run(() => (
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Loopback, 9)),
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Loopback, 9), new ConnectOptions { SocketType = SocketType.Dgram })));
        Expect.Failure(tcp, "ENETUNREACH", LinuxErrno.ENETUNREACH);
        Expect.Failure(udp, "ENETUNREACH", LinuxErrno.ENETUNREACH);
    }

    [SkippableFact]
    public void Unreachable_route_is_EHOSTUNREACH()
    {
        using var ns = NetworkNamespace.Create("create a network namespace");
        ns.Exec("ip", "route", "add", "unreachable", "127.0.0.0/8");
        var (tcp, udp) = ns.Run(() => (
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Loopback, 9)),
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Loopback, 9), new ConnectOptions { SocketType = SocketType.Dgram })));
        Expect.Failure(tcp, "EHOSTUNREACH", LinuxErrno.EHOSTUNREACH);
        Expect.Failure(udp, "EHOSTUNREACH", LinuxErrno.EHOSTUNREACH);
    }

    [SkippableFact]
    public void Udp_broadcast_refusal_happens_before_any_packet_is_sent()
    {
        // The unprivileged test connects to 127.255.255.255 on the host; here the same connect
        // runs in an empty namespace whose IP counters start at zero, to show it sends nothing.
        using var ns = NetworkNamespace.Create("create a network namespace");
        ns.Exec("ip", "link", "set", "lo", "up");
        var (result, sentBefore, sentAfter) = ns.Run(() =>
        {
            long before = IpOutRequests();
            var connect = SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Parse("127.255.255.255"), 9), new ConnectOptions { SocketType = SocketType.Dgram });
            return (connect, before, IpOutRequests());
        });
        Expect.Failure(result, "EACCES", LinuxErrno.EACCES);
        Assert.Equal(sentBefore, sentAfter);
    }

    [SkippableFact]
    public void Exhausted_ephemeral_ports_is_EADDRNOTAVAIL()
    {
        using var ns = NetworkNamespace.Create("create a network namespace");
        ns.Exec("ip", "link", "set", "lo", "up");
        // ip_local_port_range is per namespace: two ephemeral ports in all.
        ns.Exec("sh", "-c", "echo '40000 40001' > /proc/sys/net/ipv4/ip_local_port_range");
        var (connected, last) = ns.Run(() =>
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            // A fixed port outside the ephemeral range, so the listener does not use one of the two.
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 5000));
            listener.Listen(16);
            var target = ConnectTarget.Ip(IPAddress.Loopback, 5000);
            var held = new List<SafeSocketDescriptor>();
            try
            {
                while (true)
                {
                    var result = SocketConnector.TryConnect(target);
                    if (!result.IsConnected || held.Count > 10)
                    {
                        return (held.Count, result);
                    }

                    held.Add(result.Socket!);
                }
            }
            finally
            {
                held.ForEach(socket => socket.Dispose());
            }
        });
        Assert.Equal(2, connected);
        Expect.Failure(last, "EADDRNOTAVAIL", LinuxErrno.EADDRNOTAVAIL);
    }

    /// <summary>The "Ip: OutRequests" counter (IP packets handed down for sending) of the calling thread's namespace.</summary>
    private static long IpOutRequests()
    {
        string[] lines = File.ReadAllLines("/proc/thread-self/net/snmp");
        for (int i = 0; i + 1 < lines.Length; i++)
        {
            if (lines[i].StartsWith("Ip: ", StringComparison.Ordinal) && lines[i + 1].StartsWith("Ip: ", StringComparison.Ordinal))
            {
                int column = Array.IndexOf(lines[i].Split(' '), "OutRequests");
                return long.Parse(lines[i + 1].Split(' ')[column], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException("no Ip counters in /proc/thread-self/net/snmp");
    }

    /// <summary>
    /// Runs <paramref name="action"/> on a new thread whose effective uid is <paramref name="uid"/>.
    /// Linux keeps credentials per thread and the raw setresuid system call changes only the
    /// caller's, so the rest of the test process keeps root; dropping euid from 0 also clears the
    /// thread's effective capabilities (CAP_DAC_OVERRIDE included), as for a process that dropped root.
    /// </summary>
    private static T RunAsUser<T>(int uid, Func<T> action) => DedicatedThread.Run(() =>
    {
        if (NativeHelper.SetThreadEffectiveUid(uid) != 0)
        {
            throw new InvalidOperationException($"setresuid(-1, {uid}, -1) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        Assert.Equal((uint)uid, TestNative.GetEuid());
        try
        {
            return action();
        }
        finally
        {
            NativeHelper.SetThreadEffectiveUid(0);
        }
    });
}
