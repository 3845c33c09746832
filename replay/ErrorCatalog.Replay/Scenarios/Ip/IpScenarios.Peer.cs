using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>
/// Scenarios where a peer namespace answers over a veth pair: with every ICMP and ICMPv6
/// destination-unreachable code (nftables `reject` in the peer's input hook), with silence, with
/// resets, or as a router.
/// </summary>
internal static partial class IpScenarios
{
    /// <summary>The ICMP destination-unreachable codes 0-15 (RFC 792, RFC 1122, RFC 1812), in code order.</summary>
    private static readonly string[] IcmpUnreachableCodes =
    [
        "net-unreachable", "host-unreachable", "protocol-unreachable", "port-unreachable",
        "fragmentation-needed", "source-route-failed", "net-unknown", "host-unknown",
        "host-isolated", "net-prohibited", "host-prohibited", "net-unreachable-for-tos",
        "host-unreachable-for-tos", "communication-prohibited", "host-precedence-violation", "precedence-cutoff",
    ];

    /// <summary>The ICMPv6 destination-unreachable codes 0-7 (RFC 4443, RFC 6550), in code order.</summary>
    private static readonly string[] Icmpv6UnreachableCodes =
    [
        "no-route", "administratively-prohibited", "beyond-scope", "address-unreachable",
        "port-unreachable", "source-policy-failed", "reject-route", "source-routing-header-error",
    ];

    private static IEnumerable<ScenarioImplementation> Peer =>
    [
        .. IcmpUnreachableCodes.Select((name, code) => new ScenarioImplementation(
            "tcp-peer-icmp-" + name, context => PeerRejects(context, PeerV4, $"ip protocol tcp reject with icmp type {code}"))),
        .. Icmpv6UnreachableCodes.Select((name, code) => new ScenarioImplementation(
            "tcp6-peer-icmpv6-" + name, context => PeerRejects(context, PeerV6, $"meta l4proto tcp reject with icmpv6 type {code}"))),
        new("udp-peer-port-unreachable", UdpPeerPortUnreachable),
        new("tcp-peer-closed-port", context => ConnectIn(context, CreatePair(context).Client, Stream, PeerV4, ClosedPort)),
        new("tcp6-peer-closed-port", context => ConnectIn(context, CreatePair(context).Client, Stream, PeerV6, ClosedPort)),
        new("tcp-peer-drops-syn", context => PeerRejects(context, PeerV4, "tcp flags syn drop")),
        new("tcp6-peer-drops-syn", context => PeerRejects(context, PeerV6, "tcp flags syn drop")),
        new("tcp-peer-resets-handshake", context => PeerResetsHandshake(context, PeerV4)),
        new("tcp6-peer-resets-handshake", context => PeerResetsHandshake(context, PeerV6)),
        new("tcp-peer-resets-handshake-nonblocking", context => PeerResetsHandshake(context, PeerV4)),
        new("tcp-reconnect-after-reading-reset", ReconnectAfterReadingReset),
        new("tcp-neighbour-never-answers", context => NeighbourNeverAnswers(context, Stream, "10.91.0.77")),
        new("tcp6-neighbour-never-answers", context => NeighbourNeverAnswers(context, Stream, "fd00:91::77")),
        new("udp-neighbour-never-answers", context => NeighbourNeverAnswers(context, Datagram, "10.91.0.77")),
        new("tcp-hop-limit-exceeded", context => HopLimitExceeded(context, ElsewhereV4)),
        new("tcp6-hop-limit-exceeded", context => HopLimitExceeded(context, ElsewhereV6)),
        new("tcp6-peer-parameter-problem", PeerParameterProblem),
        new("tcp-timestamp-option-overflow-through-router", TimestampOverflowThroughRouter),
        new("tcp-peer-icmp-then-silence", context => PeerRejects(context, PeerV4,
            "tcp flags syn quota until 60 bytes reject with icmp type host-unreachable\n    tcp flags syn drop")),
    ];

    /// <summary>The peer's input hook handles TCP with <paramref name="rules"/>; the client connects with a bounded handshake.</summary>
    private static Observation PeerRejects(ScenarioContext context, string target, string rules)
    {
        var pair = CreatePair(context);
        InputRule(pair.Peer, rules);
        return ConnectIn(context, pair.Client, Stream, target, ClosedPort, socket => BoundHandshake(context, socket));
    }

    private static Observation UdpPeerPortUnreachable(ScenarioContext context)
    {
        var pair = CreatePair(context);
        InputRule(pair.Peer, "meta l4proto udp reject with icmp type port-unreachable");
        return ConnectIn(context, pair.Client, Datagram, PeerV4, ClosedPort);
    }

    /// <summary>
    /// The peer listens, so it answers the SYN with a SYN-ACK; its nftables then answer the
    /// client's final ACK of the handshake (a segment with only ACK set) with a TCP reset.
    /// </summary>
    private static NamespacePair PeerListeningAndResetting(ScenarioContext context, string peerAddress, out int port)
    {
        var pair = CreatePair(context);
        const int servicePort = 5000;
        port = servicePort;
        pair.Peer.Run(() => Listener(context, peerAddress, servicePort));
        InputRule(pair.Peer, $"tcp dport {servicePort} tcp flags & (syn | ack | fin | rst) == ack reject with tcp reset");
        return pair;
    }

    private static Observation PeerResetsHandshake(ScenarioContext context, string peerAddress)
    {
        var pair = PeerListeningAndResetting(context, peerAddress, out int port);
        return ConnectIn(context, pair.Client, Stream, peerAddress, port);
    }

    private static Observation ReconnectAfterReadingReset(ScenarioContext context)
    {
        var pair = PeerListeningAndResetting(context, PeerV4, out int port);
        return pair.Client.Run(() =>
        {
            var target = Target(PeerV4, port);
            var socket = context.OpenSocket(LinuxConstants.AF_INET, Stream);
            FailedAttemptCollected(context, socket, target);
            return context.Observe(socket, target);
        });
    }

    private static Observation NeighbourNeverAnswers(ScenarioContext context, int type, string target)
    {
        var pair = CreatePair(context);
        // One solicitation, 100 ms apart: address resolution gives up after a tenth of a second.
        string protocol = IsV6(target) ? "ipv6" : "ipv4";
        pair.Client.Sysctl($"net.{protocol}.neigh.{ClientDevice}.mcast_solicit", "1");
        pair.Client.Sysctl($"net.{protocol}.neigh.{ClientDevice}.retrans_time_ms", "100");
        return ConnectIn(context, pair.Client, type, target, ClosedPort, socket =>
        {
            if (type == Stream)
            {
                BoundHandshake(context, socket);
            }
        });
    }

    /// <summary>The peer forwards to a network behind it; the client sends with a TTL (hop limit) of 1.</summary>
    private static Observation HopLimitExceeded(ScenarioContext context, string target)
    {
        var pair = CreatePair(context);
        pair.Peer.Sysctl("net.ipv4.ip_forward", "1");
        pair.Peer.Sysctl("net.ipv6.conf.all.forwarding", "1");
        pair.Peer.Ip("link", "add", "ec2", "type", "veth", "peer", "name", "ec3");
        pair.Peer.Ip("link", "set", "ec2", "up");
        pair.Peer.Ip("link", "set", "ec3", "up");
        if (IsV6(target))
        {
            pair.Peer.Ip("-6", "route", "add", "fd00:92::/64", "dev", "ec2");
            pair.Client.Ip("-6", "route", "add", "fd00:92::/64", "via", PeerV6);
        }
        else
        {
            pair.Peer.Ip("route", "add", "10.92.0.0/24", "dev", "ec2");
            pair.Client.Ip("route", "add", "10.92.0.0/24", "via", PeerV4);
        }

        return ConnectIn(context, pair.Client, Stream, target, ClosedPort, socket =>
        {
            BoundHandshake(context, socket);
            if (IsV6(target))
            {
                context.SetOption(socket, LinuxConstants.IPPROTO_IPV6, IpNative.IPV6_UNICAST_HOPS, 1);
            }
            else
            {
                context.SetOption(socket, LinuxConstants.IPPROTO_IP, LinuxConstants.IP_TTL, 1);
            }
        });
    }

    /// <summary>
    /// Client, router (the peer) and server in three namespaces. The client's SYN carries a full
    /// IPv4 timestamp option whose overflow counter is 14: the router counts one more missed
    /// timestamp (15, the most the four bits hold), and the server, which would have to count
    /// another, answers with an ICMP parameter problem instead.
    /// </summary>
    private static unsafe Observation TimestampOverflowThroughRouter(ScenarioContext context)
    {
        var pair = CreatePair(context);
        var server = context.CreateNamespace();
        pair.Peer.Link(server, ["10.92.0.1/24"], ["10.92.0.5/24"], localDevice: "ec2", peerDevice: "ec3");
        pair.Peer.Sysctl("net.ipv4.ip_forward", "1");
        pair.Client.Ip("route", "add", "10.92.0.0/24", "via", PeerV4);
        server.Ip("route", "add", "default", "via", "10.92.0.1");
        return ConnectIn(context, pair.Client, Stream, ElsewhereV4, ClosedPort, socket =>
        {
            BoundHandshake(context, socket);
            // Type, length 8, pointer 9 (past the end: no room left), overflow 14 with flag 0 (timestamps only), one empty slot.
            byte* option = stackalloc byte[] { IpNative.IPOPT_TIMESTAMP, 8, 9, 14 << 4, 0, 0, 0, 0 };
            context.Check(Libc.SetSockOpt(socket.Value, LinuxConstants.IPPROTO_IP, IpNative.IP_OPTIONS, option, 8), "setsockopt(IP_OPTIONS)");
        });
    }

    /// <summary>
    /// The client's SYN carries a destination-options header with an option of unknown type 0x80:
    /// its two high bits (10) tell the receiver to drop the packet and answer with an ICMPv6
    /// parameter problem.
    /// </summary>
    private static unsafe Observation PeerParameterProblem(ScenarioContext context)
    {
        var pair = CreatePair(context);
        return ConnectIn(context, pair.Client, Stream, PeerV6, ClosedPort, socket =>
        {
            BoundHandshake(context, socket);
            // Next header (the kernel fills it in), length 0 (8 bytes), option 0x80 with 4 data bytes.
            byte* options = stackalloc byte[] { 0, 0, 0x80, 4, 0, 0, 0, 0 };
            context.Check(Libc.SetSockOpt(socket.Value, LinuxConstants.IPPROTO_IPV6, IpNative.IPV6_DSTOPTS, options, 8), "setsockopt(IPV6_DSTOPTS)");
        });
    }
}
