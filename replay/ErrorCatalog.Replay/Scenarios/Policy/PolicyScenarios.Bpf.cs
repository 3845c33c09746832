using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// cgroup BPF connect hooks that refuse every call: the socket is created by a thread inside a
/// cgroup of the scenario's own with the hooks attached, and connects to a listener made outside.
/// </summary>
internal static partial class PolicyScenarios
{
    private static IEnumerable<ScenarioImplementation> BpfScenarios =>
    [
        new("bpf-connect-deny-inet-stream", c => RefusedByCgroupHook(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM)),
        new("bpf-connect-deny-inet-dgram", c => RefusedByCgroupHook(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM)),
        new("bpf-connect-deny-inet6-stream", c => RefusedByCgroupHook(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM)),
        new("bpf-connect-deny-inet6-dgram", c => RefusedByCgroupHook(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_DGRAM)),
        new("bpf-connect-deny-unix-stream", c => RefusedByCgroupHook(c, LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM)),
        new("bpf-connect-deny-unix-dgram", c => RefusedByCgroupHook(c, LinuxConstants.AF_UNIX, LinuxConstants.SOCK_DGRAM)),
        new("bpf-connect-deny-unix-seqpacket", c => RefusedByCgroupHook(c, LinuxConstants.AF_UNIX, LinuxConstants.SOCK_SEQPACKET)),
    ];

    private static Observation RefusedByCgroupHook(ScenarioContext context, int family, int type)
    {
        // The listener is made outside the cgroup, so only the connecting socket carries the hooks.
        var address = family == LinuxConstants.AF_UNIX
            ? AbstractListener(context, type).Address
            : LoopbackListener(context, family, type).Address;
        var cgroup = context.Own(RefusingCgroup.Create());
        var socket = cgroup.CreateInside(() => context.OpenSocket(family, type));
        return context.Observe(socket, address);
    }
}
