using System;
using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>AF_UNIX sockets in states that matter to connect(): full queues, listening, connected, datagram peers.</summary>
internal static partial class UnixScenarios
{
    private static readonly TimeSpan ShortSendTimeout = TimeSpan.FromMilliseconds(200);

    private static IEnumerable<ScenarioImplementation> StateScenarios =>
    [
        new("unix-stream-full-backlog-nonblocking", StreamFullBacklogNonBlocking),
        new("unix-seqpacket-full-backlog-nonblocking", SeqpacketFullBacklogNonBlocking),
        new("unix-stream-abstract-full-backlog-nonblocking", AbstractFullBacklogNonBlocking),
        new("unix-stream-full-backlog-send-timeout", StreamFullBacklogSendTimeout),
        new("unix-stream-nonblocking-completes-at-once", NonBlockingCompletesAtOnce),
        new("unix-stream-connected-connect-again", StreamConnectedAgain),
        new("unix-seqpacket-connected-connect-again", SeqpacketConnectedAgain),
        new("unix-stream-connected-to-full-listener", StreamConnectedToFullListener),
        new("unix-stream-listening-socket", StreamListeningSocket),
        new("unix-seqpacket-listening-socket", SeqpacketListeningSocket),
        new("unix-dgram-peer-connected-elsewhere", DgramPeerConnectedElsewhere),
        new("unix-dgram-reconnect-elsewhere", DgramReconnectElsewhere),
        new("unix-dgram-unspec-dissolves", DgramUnspecDissolves),
        new("unix-stream-unspec-family", StreamUnspecFamily),
        new("unix-stream-inet-address", StreamInetAddress),
        new("unix-dgram-inet6-address", DgramInet6Address),
    ];

    private static Observation FullBacklogNonBlocking(ScenarioContext context, SockAddr address, int type)
    {
        UnixFixtures.FullUnixListener(context, address, type);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, type | LinuxConstants.SOCK_NONBLOCK);
        return context.Observe(socket, address);
    }

    private static Observation StreamFullBacklogNonBlocking(ScenarioContext context) =>
        FullBacklogNonBlocking(context, SockAddr.UnixPath(UnixFixtures.SocketPath(context, "full.sock")), LinuxConstants.SOCK_STREAM);

    private static Observation SeqpacketFullBacklogNonBlocking(ScenarioContext context) =>
        FullBacklogNonBlocking(context, SockAddr.UnixPath(UnixFixtures.SocketPath(context, "full.sock")), LinuxConstants.SOCK_SEQPACKET);

    private static Observation AbstractFullBacklogNonBlocking(ScenarioContext context) =>
        FullBacklogNonBlocking(context, SockAddr.UnixAbstract(AbstractName("full")), LinuxConstants.SOCK_STREAM);

    private static Observation StreamFullBacklogSendTimeout(ScenarioContext context)
    {
        var address = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "full.sock"));
        UnixFixtures.FullUnixListener(context, address);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        context.SetTimeout(socket, LinuxConstants.SO_SNDTIMEO, ShortSendTimeout);
        return context.Observe(socket, address);
    }

    private static Observation NonBlockingCompletesAtOnce(ScenarioContext context)
    {
        var address = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "server.sock"));
        UnixFixtures.UnixPeer(context, address, LinuxConstants.SOCK_STREAM);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_NONBLOCK), address);
    }

    private static Observation ConnectedAgain(ScenarioContext context, int type)
    {
        var address = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "server.sock"));
        UnixFixtures.UnixPeer(context, address, type);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, type);
        UnixFixtures.ConnectForSetup(context, socket, address, "the first connect");
        return context.Observe(socket, address);
    }

    private static Observation StreamConnectedAgain(ScenarioContext context) => ConnectedAgain(context, LinuxConstants.SOCK_STREAM);

    private static Observation SeqpacketConnectedAgain(ScenarioContext context) => ConnectedAgain(context, LinuxConstants.SOCK_SEQPACKET);

    private static Observation StreamConnectedToFullListener(ScenarioContext context)
    {
        // Connected to one listener, then (non-blocking) to another whose queue is full.
        var roomy = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "roomy.sock"));
        UnixFixtures.UnixPeer(context, roomy, LinuxConstants.SOCK_STREAM);
        var full = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "full.sock"));
        UnixFixtures.FullUnixListener(context, full);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_NONBLOCK);
        UnixFixtures.ConnectForSetup(context, socket, roomy, "the first connect");
        return context.Observe(socket, full);
    }

    private static Observation ListeningSocket(ScenarioContext context, int type)
    {
        var own = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "own.sock"));
        var listening = UnixFixtures.UnixPeer(context, own, type);
        var other = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "other.sock"));
        UnixFixtures.UnixPeer(context, other, type);
        return UnixFixtures.ObserveWhereDotNetThrows(context, listening.Value, other, nameof(InvalidOperationException), ConnectDriver.DotNetConnect, ConnectDriver.DotNetConnectAsync);
    }

    private static Observation StreamListeningSocket(ScenarioContext context) => ListeningSocket(context, LinuxConstants.SOCK_STREAM);

    private static Observation SeqpacketListeningSocket(ScenarioContext context) => ListeningSocket(context, LinuxConstants.SOCK_SEQPACKET);

    private static Observation DgramPeerConnectedElsewhere(ScenarioContext context)
    {
        // The target datagram socket has its own peer, a third socket; only that peer may send to it.
        var target = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "target.sock"));
        var targetSocket = UnixFixtures.UnixPeer(context, target, LinuxConstants.SOCK_DGRAM);
        var third = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "third.sock"));
        UnixFixtures.UnixPeer(context, third, LinuxConstants.SOCK_DGRAM);
        UnixFixtures.ConnectForSetup(context, targetSocket, third, "the target's own connect");
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM), target);
    }

    private static Observation DgramReconnectElsewhere(ScenarioContext context)
    {
        var first = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "first.sock"));
        UnixFixtures.UnixPeer(context, first, LinuxConstants.SOCK_DGRAM);
        var second = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "second.sock"));
        UnixFixtures.UnixPeer(context, second, LinuxConstants.SOCK_DGRAM);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM);
        UnixFixtures.ConnectForSetup(context, socket, first, "the first connect");
        return context.Observe(socket, second);
    }

    /// <summary>A sockaddr of <paramref name="length"/> bytes whose family field is <paramref name="family"/> and the rest zero.</summary>
    private static SockAddr FamilyOnly(int family, int length, string display)
    {
        var bytes = new byte[Math.Max(length, 2)];
        bytes[0] = (byte)family;
        bytes[1] = (byte)(family >> 8);
        return SockAddr.Raw(bytes, length, display);
    }

    private static Observation DgramUnspecDissolves(ScenarioContext context)
    {
        var peer = SockAddr.UnixPath(UnixFixtures.SocketPath(context, "peer.sock"));
        UnixFixtures.UnixPeer(context, peer, LinuxConstants.SOCK_DGRAM);
        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM);
        UnixFixtures.ConnectForSetup(context, socket, peer, "the first connect");
        return context.Observe(socket, FamilyOnly(LinuxConstants.AF_UNSPEC, 110, "AF_UNSPEC (110 bytes)"));
    }

    private static Observation StreamUnspecFamily(ScenarioContext context) =>
        context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), FamilyOnly(LinuxConstants.AF_UNSPEC, 110, "AF_UNSPEC (110 bytes)"));

    private static Observation StreamInetAddress(ScenarioContext context)
    {
        // A sockaddr_in for 127.0.0.1 handed to an AF_UNIX socket; .NET would refuse it before the kernel sees it.
        var inet = UnixFixtures.Loopback(LinuxConstants.AF_INET, 9);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM), SockAddr.Raw(inet.Bytes, inet.Length, "127.0.0.1:9 as raw bytes"));
    }

    private static Observation DgramInet6Address(ScenarioContext context)
    {
        var inet6 = UnixFixtures.Loopback(LinuxConstants.AF_INET6, 9);
        return context.Observe(context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM), SockAddr.Raw(inet6.Bytes, inet6.Length, "[::1]:9 as raw bytes"));
    }
}
