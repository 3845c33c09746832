using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>Setups several unix-area scenarios share: listeners, full queues, other users, raw pointers.</summary>
internal static unsafe class UnixFixtures
{
    /// <summary>A path for a socket file inside a fresh temporary directory of the run.</summary>
    public static string SocketPath(ScenarioContext context, string name) => Path.Combine(context.CreateTempDirectory(), name);

    /// <summary>chmod; the replay only runs on Linux, where Unix file modes exist.</summary>
    public static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new ScenarioUnavailableException("file modes need Linux");
        }

        File.SetUnixFileMode(path, mode);
    }

    /// <summary>An AF_UNIX socket of <paramref name="type"/> bound at <paramref name="address"/>; stream and seqpacket ones also listen.</summary>
    public static Fd UnixPeer(ScenarioContext context, SockAddr address, int type, int backlog = 8)
    {
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, type);
        context.Bind(socket, address);
        if (type != LinuxConstants.SOCK_DGRAM)
        {
            context.Listen(socket, backlog);
        }

        return socket;
    }

    /// <summary>
    /// A listening AF_UNIX socket whose queue is full: listen(0) admits one connection, which a
    /// filler takes, so the next connect() finds no room.
    /// </summary>
    public static Fd FullUnixListener(ScenarioContext context, SockAddr address, int type = LinuxConstants.SOCK_STREAM)
    {
        var listener = context.OpenSocket(LinuxConstants.AF_UNIX, type);
        context.Bind(listener, address);
        context.Listen(listener, 0);
        var filler = context.OpenSocket(LinuxConstants.AF_UNIX, type);
        ConnectForSetup(context, filler, address, "the filler's connect");
        return listener;
    }

    /// <summary>A TCP listener on the loopback address of <paramref name="family"/>, and its address.</summary>
    public static Fd TcpListener(ScenarioContext context, int family, int backlog, out SockAddr target)
    {
        var listener = context.OpenSocket(family, LinuxConstants.SOCK_STREAM);
        context.Bind(listener, Loopback(family, 0));
        context.Listen(listener, backlog);
        target = Loopback(family, context.BoundPort(listener));
        return listener;
    }

    /// <summary>
    /// A loopback TCP listener whose accept queue is full (listen(0) and one completed filler): the
    /// kernel drops further SYNs, so a new connect() stays in SYN_SENT until the queue is drained
    /// and its SYN is retransmitted (after one second).
    /// </summary>
    public static Fd FullTcpListener(ScenarioContext context, int family, out SockAddr target)
    {
        var listener = TcpListener(context, family, 0, out target);
        var filler = context.OpenSocket(family, LinuxConstants.SOCK_STREAM);
        ConnectForSetup(context, filler, target, "the filler's connect");
        return listener;
    }

    /// <summary>A TCP socket that gives up after one SYN retransmission (about three seconds), so no run can wait longer.</summary>
    public static Fd BoundedTcpSocket(ScenarioContext context, int family)
    {
        var socket = context.OpenSocket(family, LinuxConstants.SOCK_STREAM);
        context.SetOption(socket, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_SYNCNT, 1);
        return socket;
    }

    /// <summary>Accepts one queued connection of <paramref name="listener"/>, making room in its queue.</summary>
    public static void AcceptOne(ScenarioContext context, Fd listener)
    {
        int accepted = Libc.Accept4(listener.Value, null, null, LinuxConstants.SOCK_CLOEXEC);
        context.Check(accepted, "accept4");
        context.Own(new Fd(accepted));
    }

    public static SockAddr Loopback(int family, int port) =>
        family == LinuxConstants.AF_INET6 ? SockAddr.Inet6(IPAddress.IPv6Loopback, port) : SockAddr.Inet(IPAddress.Loopback, port);

    /// <summary>A setup connect() that must succeed.</summary>
    public static void ConnectForSetup(ScenarioContext context, Fd socket, SockAddr address, string what)
    {
        int error = context.RawConnect(socket, address);
        if (error != 0)
        {
            throw new ScenarioSetupException($"{what} to {address} failed with {context.NameOf(error)}");
        }
    }

    /// <summary>A setup connect() that must fail with <paramref name="expected"/> (for example the first of two).</summary>
    public static void ConnectExpecting(ScenarioContext context, Fd socket, SockAddr address, int expected, string what)
    {
        int error = context.RawConnect(socket, address);
        if (error != expected)
        {
            throw new ScenarioSetupException($"{what} to {address} gave {context.ResultOf(error)}, not {context.NameOf(expected)}");
        }
    }

    public static void SetNonBlocking(ScenarioContext context, Fd socket)
    {
        int flags = Libc.Fcntl(socket.Value, LinuxConstants.F_GETFL, 0);
        context.Check(flags, "fcntl(F_GETFL)");
        context.Check(Libc.Fcntl(socket.Value, LinuxConstants.F_SETFL, flags | LinuxConstants.O_NONBLOCK), "fcntl(F_SETFL, O_NONBLOCK)");
    }

    /// <summary>
    /// Runs <paramref name="observe"/> on a thread of its own whose effective uid and gid are those
    /// of <c>nobody</c>; the rest of the process stays root.
    /// </summary>
    public static Observation AsNobody(Func<Observation> observe) =>
        DedicatedThread.Run(() =>
        {
            if (Libc.SetThreadResGid(-1, UnixNative.NobodyId, -1) != 0 || Libc.SetThreadResUid(-1, UnixNative.NobodyId, -1) != 0)
            {
                throw new ScenarioSetupException($"switching the thread to uid {UnixNative.NobodyId} failed with errno {Libc.LastError}");
            }

            return observe();
        });

    /// <summary>
    /// connect() with an arbitrary pointer, which no <see cref="SockAddr"/> can carry (the point of
    /// EFAULT scenarios). .NET has no way to pass a bad pointer, so its drivers report not-expressible.
    /// </summary>
    public static Observation ObservePointer(ScenarioContext context, Fd socket, nint address, uint length)
    {
        if (context.Driver != ConnectDriver.Libc)
        {
            return Observation.NotExpressible("a .NET EndPoint cannot carry an invalid pointer");
        }

        int result = UnixNative.ConnectPointer(socket.Value, address, length);
        return new Observation(context.ResultOf(result == 0 ? 0 : Libc.LastError), ObservedStage.Connect);
    }

    /// <summary>An anonymous page that may not be read (PROT_NONE), unmapped when the run ends.</summary>
    public static nint InaccessiblePage(ScenarioContext context)
    {
        const int pageSize = 4096;
        nint page = UnixNative.Mmap(0, pageSize, UnixNative.PROT_NONE, UnixNative.MAP_PRIVATE | UnixNative.MAP_ANONYMOUS, -1, 0);
        if (page == -1)
        {
            throw new ScenarioSetupException($"mmap failed with {context.NameOf(Libc.LastError)}");
        }

        context.Defer(() => UnixNative.Munmap(page, pageSize));
        return page;
    }

    /// <summary>
    /// <see cref="ScenarioContext.ObserveDescriptor"/> where .NET answers with an exception other
    /// than SocketException (the catalog records only SocketError values): when the driver in
    /// <paramref name="throwingDrivers"/> really throws <paramref name="exception"/>, its run is
    /// reported as not expressible, naming the exception; any other outcome is reported as it is.
    /// </summary>
    public static Observation ObserveWhereDotNetThrows(ScenarioContext context, int descriptor, SockAddr address, string exception, params ConnectDriver[] throwingDrivers)
    {
        var observation = context.ObserveDescriptor(descriptor, address);
        return Array.IndexOf(throwingDrivers, context.Driver) >= 0 && observation.Result == "exception " + exception
            ? Observation.NotExpressible($".NET throws {exception} instead of reporting a SocketError")
            : observation;
    }
}
