using System.Collections.Generic;
using ErrorCatalog.Replay.Native;
using ErrorCatalog.Replay.Scenarios.Policy;

namespace ErrorCatalog.Replay.Scenarios.Creation;

/// <summary>
/// The scenarios of the socket() catalog (catalog/socket.yaml): families, types, protocols and
/// flags the kernel refuses, a full descriptor table, and refusals by privileges, ping groups and
/// cgroup BPF. Each observes one socket() call with <see cref="ScenarioContext.ObserveSocket"/>.
/// </summary>
internal static partial class CreationScenarios
{
    /// <summary>Above every family number Linux knows (AF_MAX is 46 in Linux 6.18).</summary>
    private const int UnknownFamily = 9999;

    /// <summary>Above IPPROTO_MAX (263), so outside the protocol numbers an IP socket accepts.</summary>
    private const int ProtocolAboveRange = 300;

    /// <summary>A bit of the type argument that is neither part of the type number nor SOCK_NONBLOCK/SOCK_CLOEXEC.</summary>
    private const int UnknownTypeFlag = 0x100;

    public static IEnumerable<ScenarioImplementation> All =>
    [
        new("socket-unknown-family", c => c.ObserveSocket(UnknownFamily, LinuxConstants.SOCK_STREAM, 0)),
        new("socket-inet-stream-udp-protocol", c => c.ObserveSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, LinuxConstants.IPPROTO_UDP)),
        new("socket-inet6-stream-udp-protocol", c => c.ObserveSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM, LinuxConstants.IPPROTO_UDP)),
        new("socket-unix-stream-protocol-two", c => c.ObserveSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM, 2)),
        new("socket-unix-negative-protocol", c => c.ObserveSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM, -1)),
        new("socket-inet-raw-protocol-zero", c => c.ObserveSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_RAW, 0)),
        new("socket-inet-rdm", c => c.ObserveSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_RDM, 0)),
        new("socket-inet6-rdm", c => c.ObserveSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_RDM, 0)),
        new("socket-unix-rdm", c => c.ObserveSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_RDM, 0)),
        new("socket-unix-raw-becomes-dgram", c => c.ObserveSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_RAW, 0)),
        new("socket-inet-protocol-out-of-range", c => c.ObserveSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, ProtocolAboveRange)),
        new("socket-inet6-protocol-out-of-range", c => c.ObserveSocket(LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM, ProtocolAboveRange)),
        new("socket-inet-bad-type-flag", c => c.ObserveSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM | UnknownTypeFlag, 0)),
        new("socket-unix-bad-type-flag", c => c.ObserveSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM | UnknownTypeFlag, 0)),
        new("socket-inet-nonblocking-flag", c => c.ObserveSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM | LinuxConstants.SOCK_NONBLOCK, 0)),
        new("socket-inet-descriptor-table-full", c => WithFullDescriptorTable(c, LinuxConstants.AF_INET)),
        new("socket-unix-descriptor-table-full", c => WithFullDescriptorTable(c, LinuxConstants.AF_UNIX)),
        new("socket-inet-raw-unprivileged", c => AsNobody(c, LinuxConstants.AF_INET, LinuxConstants.IPPROTO_ICMP)),
        new("socket-inet6-raw-unprivileged", c => AsNobody(c, LinuxConstants.AF_INET6, LinuxConstants.IPPROTO_ICMPV6)),
        new("socket-inet-ping-outside-group-range", c => InNewNamespace(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM, LinuxConstants.IPPROTO_ICMP)),
        new("socket-inet6-ping-outside-group-range", c => InNewNamespace(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_DGRAM, LinuxConstants.IPPROTO_ICMPV6)),
        new("socket-inet-all-interfaces-down", c => InNewNamespace(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, 0)),
        new("socket-bpf-sock-create-deny-inet", c => InRefusingCgroup(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM)),
        new("socket-bpf-sock-create-deny-inet6", c => InRefusingCgroup(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_DGRAM)),
        new("socket-bpf-sock-create-unix-unaffected", c => InRefusingCgroup(c, LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM)),
        new("socket-landlock-denies-connect-not-creation", InTcpConnectSandbox),
    ];

    /// <summary>A raw socket asked for by a thread that switched to nobody and so holds no capabilities.</summary>
    private static Observation AsNobody(ScenarioContext context, int family, int protocol) => Environment.DedicatedThread.Run(() =>
    {
        PolicyScenarios.DropThreadPrivileges(context);
        return context.ObserveSocket(family, LinuxConstants.SOCK_RAW, protocol);
    });

    /// <summary>
    /// socket() in a fresh network namespace: its sysctls have their defaults (ping_group_range
    /// "1 0") and its only interface, lo, is down.
    /// </summary>
    private static Observation InNewNamespace(ScenarioContext context, int family, int type, int protocol) =>
        context.CreateNamespace().Run(() => context.ObserveSocket(family, type, protocol));

    /// <summary>socket() by a thread whose Landlock domain handles TCP connect and allows it to no port.</summary>
    private static Observation InTcpConnectSandbox(ScenarioContext context)
    {
        LandlockSandbox.RequireAbi(PolicyNative.LandlockAbiNetwork, "a Landlock network right");
        return Environment.DedicatedThread.Run(() =>
        {
            LandlockSandbox.RestrictCurrentThread(0, PolicyNative.LANDLOCK_ACCESS_NET_CONNECT_TCP, 0);
            return context.ObserveSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, 0);
        });
    }

    /// <summary>socket() by a thread inside a cgroup whose socket-creation hook refuses everything.</summary>
    private static Observation InRefusingCgroup(ScenarioContext context, int family, int type)
    {
        var cgroup = context.Own(RefusingCgroup.CreateRefusingSocketCreation());
        return cgroup.CreateInside(() => context.ObserveSocket(family, type, 0));
    }
}
