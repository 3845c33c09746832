using System;
using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>
/// The checks connect() makes before any family-specific work: the descriptor, the pointer, the
/// length and family of the address, and what the socket's state allows.
/// </summary>
internal static partial class UnixScenarios
{
    /// <summary>
    /// A descriptor number far above anything this process opens (the kernel caps descriptor
    /// tables at fs.nr_open, 1,048,576 by default). A number that was open and then closed would
    /// say the same to the kernel, but another thread of the runtime could reuse it in between.
    /// </summary>
    private const int NeverOpenedDescriptor = 1 << 30;

    private static IEnumerable<ScenarioImplementation> ArgumentScenarios =>
    [
        new("args-never-opened-descriptor", NeverOpened),
        new("args-never-opened-descriptor-inet6", NeverOpenedInet6),
        new("args-o-path-descriptor-unix", OPathDescriptor),
        new("args-never-opened-descriptor-null-address", NeverOpenedNullAddress),
        new("args-regular-file-descriptor", RegularFileDescriptor),
        new("args-pipe-descriptor-unix", PipeDescriptor),
        new("args-regular-file-descriptor-inet6", RegularFileDescriptorInet6),
        new("args-regular-file-descriptor-null-address", RegularFileNullAddress),
        new("args-tcp-null-address", TcpNullAddress),
        new("args-tcp6-unreadable-address", Tcp6UnreadableAddress),
        new("args-unix-null-address", UnixNullAddress),
        new("args-tcp-short-length", TcpShortLength),
        new("args-tcp6-short-length", Tcp6ShortLength),
        new("args-udp-length-over-storage", UdpLengthOverStorage),
        new("args-tcp-unix-family", TcpUnixFamily),
        new("args-tcp6-inet-address", Tcp6InetAddress),
        new("args-tcp6-inet-address-short", Tcp6InetAddressShort),
        new("args-udp6-inet-address", Udp6InetAddress),
        new("args-udp6-only-inet-address", Udp6OnlyInetAddress),
        new("args-tcp-unspec-unconnected", TcpUnspecUnconnected),
        new("args-udp-unspec-connected", UdpUnspecConnected),
        new("args-tcp-listening-socket", TcpListeningSocket),
        new("args-tcp6-listening-socket", Tcp6ListeningSocket),
        new("args-tcp-connected-connect-again", TcpConnectedAgain),
        new("args-tcp6-connected-connect-again", Tcp6ConnectedAgain),
    ];

    private static Observation NeverOpened(ScenarioContext context) =>
        context.ObserveDescriptor(NeverOpenedDescriptor, UnixFixtures.Loopback(LinuxConstants.AF_INET, 9));

    private static Observation NeverOpenedInet6(ScenarioContext context) =>
        context.ObserveDescriptor(NeverOpenedDescriptor, UnixFixtures.Loopback(LinuxConstants.AF_INET6, 9));

    private static Observation OPathDescriptor(ScenarioContext context)
    {
        // An O_PATH descriptor of a listening socket's file: it names the file, but it is no socket to the kernel's descriptor lookup.
        var address = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "server.sock"));
        UnixFixtures.UnixPeer(context, address, LinuxConstants.SOCK_STREAM);
        int pathDescriptor = Libc.Open(address.Display, UnixNative.O_PATH | LinuxConstants.O_CLOEXEC, 0);
        context.Check(pathDescriptor, "open(O_PATH)");
        var owned = context.Own(new Fd(pathDescriptor));
        return UnixFixtures.ObserveWhereDotNetThrows(context, owned.Value, address, nameof(NotSupportedException), ConnectDriver.DotNetConnectAsync);
    }

    private static Observation NeverOpenedNullAddress(ScenarioContext context)
    {
        if (context.Driver != ConnectDriver.Libc)
        {
            return Observation.NotExpressible("a .NET EndPoint cannot carry an invalid pointer");
        }

        int result = UnixNative.ConnectPointer(NeverOpenedDescriptor, 0, 16);
        return new Observation(context.ResultOf(result == 0 ? 0 : Libc.LastError), ObservedStage.Connect);
    }

    private static Fd OpenDevNull(ScenarioContext context)
    {
        int descriptor = Libc.Open("/dev/null", LinuxConstants.O_RDONLY | LinuxConstants.O_CLOEXEC, 0);
        context.Check(descriptor, "open(/dev/null)");
        return context.Own(new Fd(descriptor));
    }

    private static Observation RegularFileDescriptor(ScenarioContext context) =>
        UnixFixtures.ObserveWhereDotNetThrows(context, OpenDevNull(context).Value, UnixFixtures.Loopback(LinuxConstants.AF_INET, 9), nameof(NotSupportedException), ConnectDriver.DotNetConnectAsync);

    private static Observation RegularFileDescriptorInet6(ScenarioContext context) =>
        UnixFixtures.ObserveWhereDotNetThrows(context, OpenDevNull(context).Value, UnixFixtures.Loopback(LinuxConstants.AF_INET6, 9), nameof(NotSupportedException), ConnectDriver.DotNetConnectAsync);

    private static unsafe Observation PipeDescriptor(ScenarioContext context)
    {
        int* ends = stackalloc int[2];
        context.Check(UnixNative.Pipe2(ends, LinuxConstants.O_CLOEXEC), "pipe2");
        var readEnd = context.Own(new Fd(ends[0]));
        context.Own(new Fd(ends[1]));
        var address = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "server.sock"));
        UnixFixtures.UnixPeer(context, address, LinuxConstants.SOCK_STREAM);
        return UnixFixtures.ObserveWhereDotNetThrows(context, readEnd.Value, address, nameof(NotSupportedException), ConnectDriver.DotNetConnectAsync);
    }

    private static Observation RegularFileNullAddress(ScenarioContext context) =>
        UnixFixtures.ObservePointer(context, OpenDevNull(context), 0, 16);

    private static Observation TcpNullAddress(ScenarioContext context) =>
        UnixFixtures.ObservePointer(context, context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM), 0, 16);

    private static Observation Tcp6UnreadableAddress(ScenarioContext context) =>
        UnixFixtures.ObservePointer(context, context.OpenSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM), UnixFixtures.InaccessiblePage(context), 28);

    private static Observation UnixNullAddress(ScenarioContext context) =>
        UnixFixtures.ObservePointer(context, context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), 0, 110);

    private static Observation TcpShortLength(ScenarioContext context)
    {
        // One byte short of sizeof(struct sockaddr_in), with a listener at the address.
        UnixFixtures.TcpListener(context, LinuxConstants.AF_INET, 8, out var target);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM), target.WithLength(15, target.Display + " (length 15)"));
    }

    private static Observation Tcp6ShortLength(ScenarioContext context)
    {
        // 23 bytes: shorter even than the 24-byte RFC 2133 sockaddr_in6 without sin6_scope_id.
        UnixFixtures.TcpListener(context, LinuxConstants.AF_INET6, 8, out var target);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM), target.WithLength(23, target.Display + " (length 23)"));
    }

    private static Observation UdpLengthOverStorage(ScenarioContext context)
    {
        // 129 bytes: one more than sizeof(struct sockaddr_storage).
        var target = UnixFixtures.Loopback(LinuxConstants.AF_INET, 9);
        var padded = new byte[129];
        target.Bytes.AsSpan(0, target.Length).CopyTo(padded);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM), SockAddr.Raw(padded, padded.Length, target.Display + " (length 129)"));
    }

    private static Observation TcpUnixFamily(ScenarioContext context) =>
        UnixFixtures.ObserveWhereDotNetThrows(context, context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM).Value, SockAddr.UnixPath(UnixFixtures.SocketPath(context, "server.sock")), nameof(NotSupportedException), ConnectDriver.DotNetConnectAsync);

    private static SockAddr InetAddressAsRaw(int length)
    {
        var inet = UnixFixtures.Loopback(LinuxConstants.AF_INET, 9);
        var bytes = new byte[Math.Max(length, inet.Length)];
        inet.Bytes.AsSpan(0, inet.Length).CopyTo(bytes);
        return SockAddr.Raw(bytes, length, $"127.0.0.1:9 as a sockaddr_in of length {length}");
    }

    private static Observation Tcp6InetAddress(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM), InetAddressAsRaw(28));

    private static Observation Tcp6InetAddressShort(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM), InetAddressAsRaw(16));

    private static Observation Udp6InetAddress(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_DGRAM), UnixFixtures.Loopback(LinuxConstants.AF_INET, 9));

    private static Observation Udp6OnlyInetAddress(ScenarioContext context)
    {
        var socket = context.OpenSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_DGRAM);
        context.SetOption(socket, LinuxConstants.IPPROTO_IPV6, LinuxConstants.IPV6_V6ONLY, 1);
        return UnixFixtures.ObserveWhereDotNetThrows(context, socket.Value, UnixFixtures.Loopback(LinuxConstants.AF_INET, 9), nameof(NotSupportedException), ConnectDriver.DotNetConnectAsync);
    }

    private static Observation TcpUnspecUnconnected(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM), FamilyOnly(LinuxConstants.AF_UNSPEC, 16, "AF_UNSPEC (16 bytes)"));

    private static Observation UdpUnspecConnected(ScenarioContext context)
    {
        var socket = context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM);
        UnixFixtures.ConnectForSetup(context, socket, UnixFixtures.Loopback(LinuxConstants.AF_INET, 9), "the first connect");
        return context.Observe(socket, FamilyOnly(LinuxConstants.AF_UNSPEC, 16, "AF_UNSPEC (16 bytes)"));
    }

    private static Observation ListeningTcp(ScenarioContext context, int family)
    {
        var listener = UnixFixtures.TcpListener(context, family, 8, out _);
        UnixFixtures.TcpListener(context, family, 8, out var other);
        return UnixFixtures.ObserveWhereDotNetThrows(context, listener.Value, other, nameof(InvalidOperationException), ConnectDriver.DotNetConnect, ConnectDriver.DotNetConnectAsync);
    }

    private static Observation TcpListeningSocket(ScenarioContext context) => ListeningTcp(context, LinuxConstants.AF_INET);

    private static Observation Tcp6ListeningSocket(ScenarioContext context) => ListeningTcp(context, LinuxConstants.AF_INET6);

    private static Observation ConnectedTcpAgain(ScenarioContext context, int family)
    {
        UnixFixtures.TcpListener(context, family, 8, out var target);
        var socket = context.OpenSocket(family, LinuxConstants.SOCK_STREAM);
        UnixFixtures.ConnectForSetup(context, socket, target, "the first connect");
        return context.Observe(socket, target);
    }

    private static Observation TcpConnectedAgain(ScenarioContext context) => ConnectedTcpAgain(context, LinuxConstants.AF_INET);

    private static Observation Tcp6ConnectedAgain(ScenarioContext context) => ConnectedTcpAgain(context, LinuxConstants.AF_INET6);
}
