using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// nftables rules in a namespace of the scenario's own, against connections to its loopback
/// address: what the connecting socket sees for each verdict (drop, TCP reset, each ICMP,
/// ICMPv6 and family-neutral icmpx reject type) in the output, input and prerouting hooks.
/// </summary>
internal static partial class PolicyScenarios
{
    /// <summary>
    /// Bounds a handshake that gets no answer: the kernel reports the failure at the first SYN
    /// retransmission (about one second) instead of after two minutes of retries.
    /// </summary>
    private const int HandshakeUserTimeoutMilliseconds = 300;

    private static IEnumerable<ScenarioImplementation> NftablesScenarios =>
    [
        new("nft-output-drop-tcp-inet6", c => UnderLocalRule(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM, "output", "drop")),
        new("nft-output-drop-udp-inet", c => UnderLocalRule(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM, "output", "drop")),
        new("nft-output-drop-udp-inet6", c => UnderLocalRule(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_DGRAM, "output", "drop")),
        new("nft-output-tcp-reset-inet", c => UnderLocalRule(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, "output", "reject with tcp reset")),
        new("nft-output-tcp-reset-inet6", c => UnderLocalRule(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM, "output", "reject with tcp reset")),
        .. IcmpRejects("icmp", LinuxConstants.AF_INET, ["net-unreachable", "host-unreachable", "prot-unreachable", "port-unreachable", "net-prohibited", "host-prohibited", "admin-prohibited"]),
        .. IcmpRejects("icmpv6", LinuxConstants.AF_INET6, ["no-route", "admin-prohibited", "addr-unreachable", "port-unreachable", "policy-fail", "reject-route"]),
        new("nft-output-icmpx-admin-prohibited-inet", c => UnderLocalRule(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, "output", "reject with icmpx type admin-prohibited")),
        new("nft-output-icmpx-admin-prohibited-inet6", c => UnderLocalRule(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM, "output", "reject with icmpx type admin-prohibited")),
        new("nft-input-drop-tcp-inet", c => UnderLocalRule(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, "input", "drop")),
        new("nft-prerouting-icmpv6-admin-prohibited", c => UnderLocalRule(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM, "prerouting", "reject with icmpv6 type admin-prohibited")),
    ];

    /// <summary>One output-hook scenario per reject type, named nft-output-KIND-TYPE.</summary>
    private static IEnumerable<ScenarioImplementation> IcmpRejects(string kind, int family, string[] types)
    {
        foreach (string type in types)
        {
            yield return new($"nft-output-{kind}-{type}", c => UnderLocalRule(c, family, LinuxConstants.SOCK_STREAM, "output", $"reject with {kind} type {type}"));
        }
    }

    /// <summary>
    /// A namespace with loopback up and a listener (or bound UDP socket) on the loopback address;
    /// one rule in <paramref name="hook"/> applies <paramref name="verdict"/> to traffic for that
    /// port; then a socket of the same type connects to it.
    /// </summary>
    private static Observation UnderLocalRule(ScenarioContext context, int family, int type, string hook, string verdict)
    {
        var space = context.CreateNamespace().WithLoopbackUp();
        bool inet6 = family == LinuxConstants.AF_INET6;
        return space.Run(() =>
        {
            var (listener, address) = LoopbackListener(context, family, type);
            int port = context.BoundPort(listener);
            string protocol = type == LinuxConstants.SOCK_STREAM ? "tcp" : "udp";
            space.Nft($$"""
                table inet ecreplay {
                  chain scenario {
                    type filter hook {{hook}} priority 0; policy accept;
                    {{(inet6 ? "ip6 daddr ::1" : "ip daddr 127.0.0.1")}} {{protocol}} dport {{port}} {{verdict}}
                  }
                }
                """);
            var socket = context.OpenSocket(family, type);
            if (type == LinuxConstants.SOCK_STREAM)
            {
                context.SetOption(socket, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_USER_TIMEOUT, HandshakeUserTimeoutMilliseconds);
            }

            return context.Observe(socket, address);
        });
    }
}
