namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// Constants of the Landlock and BPF interfaces the policy scenarios use. Values present in the
/// installed headers (linux-libc-dev 6.1: linux/bpf.h, linux/landlock.h, sys/prctl.h) were
/// printed by a C program; the newer ones, which those headers predate, are the kernel's own
/// uapi values (include/uapi/linux/bpf.h and include/uapi/linux/landlock.h of Linux 6.18).
/// </summary>
internal static class PolicyNative
{
    // linux/bpf.h: commands and the program type for socket-address hooks.
    public const int BPF_PROG_LOAD = 5;
    public const int BPF_PROG_ATTACH = 8;
    public const int BPF_PROG_TYPE_CGROUP_SOCK = 9;
    public const int BPF_PROG_TYPE_CGROUP_SOCK_ADDR = 18;

    // enum bpf_attach_type: the hook run when an IPv4 or IPv6 socket is created.
    public const int BPF_CGROUP_INET_SOCK_CREATE = 2;

    // enum bpf_attach_type: the connect() hooks of a cgroup. UNIX_CONNECT arrived in Linux 6.7.
    public const int BPF_CGROUP_INET4_CONNECT = 10;
    public const int BPF_CGROUP_INET6_CONNECT = 11;
    public const int BPF_CGROUP_UNIX_CONNECT = 49;

    // Instruction encoding (linux/bpf_common.h, linux/bpf.h): BPF_ALU64|BPF_MOV|BPF_K and BPF_JMP|BPF_EXIT.
    public const byte BPF_ALU64_MOV_K = 0x07 | 0xb0 | 0x00;
    public const byte BPF_JMP_EXIT = 0x05 | 0x90;

    // union bpf_attr layout (offsetof in linux/bpf.h, sizeof 144 there).
    public const int BpfAttrSize = 144;
    public const int BpfAttrProgType = 0;
    public const int BpfAttrInsnCount = 4;
    public const int BpfAttrInsns = 8;
    public const int BpfAttrLicense = 16;
    public const int BpfAttrExpectedAttachType = 68;
    public const int BpfAttrTargetFd = 0;
    public const int BpfAttrAttachBpfFd = 4;
    public const int BpfAttrAttachType = 8;

    // linux/landlock.h: the ABI probe flag and the rule type for TCP ports (ABI 4).
    public const uint LANDLOCK_CREATE_RULESET_VERSION = 1;
    public const int LANDLOCK_RULE_NET_PORT = 2;

    /// <summary>LANDLOCK_ACCESS_NET_CONNECT_TCP (ABI 4).</summary>
    public const ulong LANDLOCK_ACCESS_NET_CONNECT_TCP = 1UL << 1;

    /// <summary>LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET (ABI 6).</summary>
    public const ulong LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET = 1UL << 0;

    /// <summary>LANDLOCK_SCOPE_SIGNAL (ABI 6).</summary>
    public const ulong LANDLOCK_SCOPE_SIGNAL = 1UL << 1;

    /// <summary>
    /// Every file-system right up to LANDLOCK_ACCESS_FS_IOCTL_DEV (1 &lt;&lt; 15, ABI 5): execute,
    /// read and write files, read directories, remove and make every kind of node, refer, truncate
    /// and device ioctls.
    /// </summary>
    public const ulong LandlockAllFileSystemRightsAbi5 = (1UL << 16) - 1;

    /// <summary>The first ABI with TCP port rules, and the first with scopes.</summary>
    public const int LandlockAbiNetwork = 4;
    public const int LandlockAbiScopes = 6;
    public const int LandlockAbiFileSystemAll = 5;

    /// <summary>O_WRONLY (fcntl.h; the same on x86-64 and arm64).</summary>
    public const int O_WRONLY = 1;

    /// <summary>The unprivileged identity the privilege scenarios switch one thread to (nobody/nogroup on Debian).</summary>
    public const int UnprivilegedId = 65534;
}
