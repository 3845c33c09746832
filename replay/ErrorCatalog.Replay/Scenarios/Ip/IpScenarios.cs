using System.Collections.Generic;

namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>IPv4 and IPv6: routes, interfaces and addresses, ports, ICMP and ICMPv6 answers from a peer namespace.</summary>
internal static partial class IpScenarios
{
    public static IEnumerable<ScenarioImplementation> All => [.. Loopback, .. Routing, .. Ports, .. Peer];
}
