using System;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Replay.Native;

/// <summary>
/// Linux constants the scenarios use, read from the headers of linux-libc-dev 6.1 and glibc 2.36
/// (sys/socket.h, netinet/in.h, netinet/tcp.h, fcntl.h, poll.h, signal.h, sys/prctl.h, sched.h,
/// asm/unistd_64.h for x86-64 and asm-generic/unistd.h for arm64), printed through a C program
/// rather than typed from memory. Error numbers are not here: the catalog names them.
/// </summary>
public static class LinuxConstants
{
    public const int AF_UNSPEC = 0;
    public const int AF_UNIX = 1;
    public const int AF_INET = 2;
    public const int AF_INET6 = 10;
    public const int AF_PACKET = 17;

    public const int SOCK_STREAM = 1;
    public const int SOCK_DGRAM = 2;
    public const int SOCK_RAW = 3;
    public const int SOCK_RDM = 4;
    public const int SOCK_SEQPACKET = 5;
    public const int SOCK_TYPE_MASK = 0xf;
    public const int SOCK_NONBLOCK = 0x800;
    public const int SOCK_CLOEXEC = 0x80000;

    public const int SOL_SOCKET = 1;
    public const int SO_REUSEADDR = 2;
    public const int SO_ERROR = 4;
    public const int SO_BROADCAST = 6;
    public const int SO_LINGER = 13;
    public const int SO_REUSEPORT = 15;
    public const int SO_RCVTIMEO = 20;
    public const int SO_SNDTIMEO = 21;
    public const int SO_BINDTODEVICE = 25;

    public const int IPPROTO_IP = 0;
    public const int IPPROTO_ICMP = 1;
    public const int IPPROTO_TCP = 6;
    public const int IPPROTO_UDP = 17;
    public const int IPPROTO_IPV6 = 41;
    public const int IPPROTO_ICMPV6 = 58;

    public const int IP_TTL = 2;
    public const int IP_RECVERR = 11;
    public const int IPV6_RECVERR = 25;
    public const int IPV6_V6ONLY = 26;
    public const int TCP_SYNCNT = 7;
    public const int TCP_USER_TIMEOUT = 18;

    public const int F_GETFL = 3;
    public const int F_SETFL = 4;
    public const int O_RDONLY = 0;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    public const short POLLIN = 1;
    public const short POLLOUT = 4;
    public const short POLLERR = 8;
    public const short POLLHUP = 16;

    public const int SA_RESTART = 0x10000000;
    public const int SIGURG = 23;
    public const int PR_SET_NO_NEW_PRIVS = 38;
    public const int CLONE_NEWNET = 0x40000000;
    public const int CLONE_FILES = 0x400;
    public const int RLIMIT_NOFILE = 7;

    /// <summary>The numbers the control flow of the replay needs (the rest are only named, through the catalog).</summary>
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EALREADY = 114;
    public const int EINPROGRESS = 115;
    public const int EMFILE = 24;

    private static readonly bool IsArm64 = RuntimeInformation.ProcessArchitecture == Architecture.Arm64;

    // System call numbers differ between x86-64 (asm/unistd_64.h) and arm64 (asm-generic/unistd.h);
    // the Landlock calls were added after the tables were unified and are the same everywhere.
    public static nint SYS_tgkill => IsArm64 ? 131 : 234;
    public static nint SYS_setresuid => IsArm64 ? 147 : 117;
    public static nint SYS_setresgid => IsArm64 ? 149 : 119;
    public static nint SYS_bpf => IsArm64 ? 280 : 321;
    public const nint SYS_landlock_create_ruleset = 444;
    public const nint SYS_landlock_add_rule = 445;
    public const nint SYS_landlock_restrict_self = 446;

    /// <summary>Whether this process can run the replay at all: Linux on x86-64 or arm64.</summary>
    public static bool IsSupportedHost =>
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;
}
