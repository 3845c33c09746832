using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// Broadcast destinations (the loopback network's 127.255.255.255: connect() sends nothing, so
/// the host's own namespace is safe to use) and the AF_UNIX datagram peer rule.
/// </summary>
internal static partial class PolicyScenarios
{
    private const string LoopbackBroadcast = "127.255.255.255";

    /// <summary>The discard port: no listener is needed, a datagram connect only records the peer.</summary>
    private const int DiscardPort = 9;

    private static IEnumerable<ScenarioImplementation> BroadcastAndPeerScenarios =>
    [
        new("bcast-udp-loopback-without-flag", c => LoopbackBroadcastConnect(c, LinuxConstants.SOCK_DGRAM, broadcastFlag: false)),
        new("bcast-udp-loopback-with-flag", c => LoopbackBroadcastConnect(c, LinuxConstants.SOCK_DGRAM, broadcastFlag: true)),
        new("bcast-tcp-loopback-without-flag", c => LoopbackBroadcastConnect(c, LinuxConstants.SOCK_STREAM, broadcastFlag: false)),
        new("bcast-tcp-loopback-with-flag", c => LoopbackBroadcastConnect(c, LinuxConstants.SOCK_STREAM, broadcastFlag: true)),
        new("peer-unix-dgram-target-connected-elsewhere", UnixDatagramTargetConnectedElsewhere),
    ];

    private static Observation LoopbackBroadcastConnect(ScenarioContext context, int type, bool broadcastFlag)
    {
        var socket = context.OpenSocket(LinuxConstants.AF_INET, type);
        if (broadcastFlag)
        {
            context.SetOption(socket, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_BROADCAST, 1);
        }

        return context.Observe(socket, SockAddr.Inet(LoopbackBroadcast, DiscardPort));
    }

    /// <summary>
    /// Datagram socket A is bound to an abstract name and connected to B; a third socket C
    /// connects to A's name.
    /// </summary>
    private static Observation UnixDatagramTargetConnectedElsewhere(ScenarioContext context)
    {
        var (target, targetAddress) = AbstractListener(context, LinuxConstants.SOCK_DGRAM);
        var (_, partnerAddress) = AbstractListener(context, LinuxConstants.SOCK_DGRAM);
        int first = context.RawConnect(target, partnerAddress);
        if (first != 0)
        {
            throw new ScenarioSetupException($"connecting the target to its partner failed with {context.NameOf(first)}");
        }

        var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM);
        return context.Observe(socket, targetAddress);
    }
}
