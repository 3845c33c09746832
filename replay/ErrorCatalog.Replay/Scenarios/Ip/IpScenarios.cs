using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>IPv4 and IPv6: routes, interfaces and addresses, ports, ICMP and ICMPv6 answers from a peer namespace.</summary>
internal static partial class IpScenarios
{
    public static IEnumerable<ScenarioImplementation> All =>
    [
        new("tcp-loopback-closed-port", LoopbackClosedPort),
    ];

    private static Observation LoopbackClosedPort(ScenarioContext context)
    {
        // A socket bound to the port but not listening keeps the port closed and ours for the
        // whole run, so no other program can start listening on it in between.
        var holder = context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM);
        context.Bind(holder, SockAddr.Inet("127.0.0.1", 0));
        int port = context.BoundPort(holder);
        var socket = context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM);
        return context.Observe(socket, SockAddr.Inet("127.0.0.1", port));
    }
}
