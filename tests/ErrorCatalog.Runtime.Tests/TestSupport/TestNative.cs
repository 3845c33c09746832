using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>libc calls the tests need to set up situations (never to check the runtime's answers).</summary>
internal static unsafe partial class TestNative
{
    internal const int AF_UNIX = 1;
    internal const int AF_INET = 2;
    internal const int AF_INET6 = 10;
    internal const int SOCK_STREAM = 1;
    internal const int SOCK_DGRAM = 2;
    internal const int SOCK_NONBLOCK = 0x800;
    internal const int SOCK_CLOEXEC = 0x80000;
    internal const int SOL_SOCKET = 1;
    internal const int SO_ERROR = 4;
    internal const int IPPROTO_TCP = 6;
    internal const int TCP_SYNCNT = 7;
    internal const int CLONE_NEWNET = 0x40000000;
    internal const short POLLOUT = 0x0004;
    /// <summary>SIGURG: ignored by default, so a stray one is harmless.</summary>
    internal const int SIGURG = 23;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        internal int Fd;
        internal short Events;
        internal short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    internal static partial int Connect(int fd, byte* address, uint length);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    internal static partial int SetSockOpt(int fd, int level, int name, int* value, uint length);

    [LibraryImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
    internal static partial int GetSockOpt(int fd, int level, int name, int* value, uint* length);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeout);

    /// <summary>RLIMIT_NOFILE, asm-generic/resource.h.</summary>
    internal const int RLIMIT_NOFILE = 7;

    /// <summary>struct rlimit: two rlim_t (unsigned long) values.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct RLimit
    {
        internal nuint Current;
        internal nuint Maximum;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    internal static partial int GetRLimit(int resource, RLimit* limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    internal static partial int SetRLimit(int resource, RLimit* limit);

    internal static RLimit GetDescriptorLimit()
    {
        RLimit limit;
        if (GetRLimit(RLIMIT_NOFILE, &limit) != 0)
        {
            throw new System.InvalidOperationException($"getrlimit failed with errno {Marshal.GetLastPInvokeError()}");
        }

        return limit;
    }

    internal static void SetDescriptorSoftLimit(nuint current)
    {
        var limit = GetDescriptorLimit();
        limit.Current = current;
        if (SetRLimit(RLIMIT_NOFILE, &limit) != 0)
        {
            throw new System.InvalidOperationException($"setrlimit({current}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The descriptor number the next open would get: the lowest free one.</summary>
    internal static int LowestFreeDescriptor()
    {
        int fd = Socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            throw new System.InvalidOperationException($"socket failed with errno {Marshal.GetLastPInvokeError()}");
        }

        Close(fd);
        return fd;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    internal static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "getpid")]
    internal static partial int GetPid();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEuid();

    [LibraryImport("libc", EntryPoint = "tgkill", SetLastError = true)]
    internal static partial int TgKill(int tgid, int tid, int signal);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    internal static partial int SetNs(int fd, int nsType);

    [LibraryImport("libc", EntryPoint = "getpeername", SetLastError = true)]
    internal static partial int GetPeerName(int fd, byte* address, uint* length);

    /// <summary>0 when the socket has a peer, else the errno getpeername() reports.</summary>
    internal static int PeerNameErrno(int fd)
    {
        byte* address = stackalloc byte[128];
        uint length = 128;
        return GetPeerName(fd, address, &length) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    internal static void SetIntOption(System.Runtime.InteropServices.SafeHandle socket, int level, int name, int value)
    {
        int fd = (int)socket.DangerousGetHandle();
        if (SetSockOpt(fd, level, name, &value, sizeof(int)) != 0)
        {
            throw new System.InvalidOperationException($"setsockopt({level}, {name}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits until the socket is writable (or failed) and returns SO_ERROR, as the runtime does.</summary>
    internal static int WaitAndReadSocketError(int fd, int timeoutMilliseconds)
    {
        var pollFd = new PollFd { Fd = fd, Events = POLLOUT };
        int ready = Poll(&pollFd, 1, timeoutMilliseconds);
        if (ready != 1)
        {
            throw new System.InvalidOperationException($"poll returned {ready}, errno {Marshal.GetLastPInvokeError()}");
        }

        int value = 0;
        uint length = sizeof(int);
        if (GetSockOpt(fd, SOL_SOCKET, SO_ERROR, &value, &length) != 0)
        {
            throw new System.InvalidOperationException($"getsockopt(SO_ERROR) failed with errno {Marshal.GetLastPInvokeError()}");
        }

        return value;
    }
}
