using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>nftables rules, Landlock, cgroup BPF, privileges and resource limits.</summary>
internal static partial class PolicyScenarios
{
    public static IEnumerable<ScenarioImplementation> All =>
    [
        new("nft-output-drop-tcp-syn", OutputDropTcpSyn),
        .. NftablesScenarios,
        .. LandlockScenarios,
        .. BpfScenarios,
        .. PrivilegeScenarios,
        .. BroadcastAndPeerScenarios,
    ];

    private static Observation OutputDropTcpSyn(ScenarioContext context)
    {
        var local = context.CreateNamespace();
        var peer = context.CreateNamespace();
        local.Link(peer, ["10.200.0.1/24"], ["10.200.0.2/24"]);
        local.Nft("""
            table inet ecreplay {
              chain output {
                type filter hook output priority 0; policy accept;
                ip daddr 10.200.0.2 tcp flags syn drop
              }
            }
            """);
        return local.Run(() =>
        {
            var socket = context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM);
            // One retransmission: the kernel gives up after about three seconds instead of two minutes.
            context.SetOption(socket, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_SYNCNT, 1);
            return context.Observe(socket, SockAddr.Inet("10.200.0.2", 9));
        });
    }
}
