using System;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Replay.Native;

/// <summary>
/// The libc calls the scenarios make, declared the way dotnet/runtime's Interop files are: one
/// [LibraryImport] each, raw descriptors and pointers, errno read with
/// <see cref="Marshal.GetLastPInvokeError"/>. Scenarios need calls that the runtime would never
/// make (odd address lengths, null pointers, per-thread uid switches), so the replay keeps its own.
/// </summary>
public static unsafe partial class Libc
{
    private const string Library = "libc";

    [LibraryImport(Library, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Library, EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    /// <summary>unshare(2); with CLONE_FILES it gives the calling thread a private copy of the descriptor table.</summary>
    [LibraryImport(Library, EntryPoint = "unshare", SetLastError = true)]
    public static partial int Unshare(int flags);

    [LibraryImport(Library, EntryPoint = "getrlimit", SetLastError = true)]
    public static partial int GetRLimit(int resource, ulong* limits);

    [LibraryImport(Library, EntryPoint = "socketpair", SetLastError = true)]
    public static partial int SocketPair(int domain, int type, int protocol, int* fds);

    [LibraryImport(Library, EntryPoint = "connect", SetLastError = true)]
    public static partial int Connect(int fd, byte* address, uint addressLength);

    [LibraryImport(Library, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, byte* address, uint addressLength);

    [LibraryImport(Library, EntryPoint = "listen", SetLastError = true)]
    public static partial int Listen(int fd, int backlog);

    [LibraryImport(Library, EntryPoint = "accept4", SetLastError = true)]
    public static partial int Accept4(int fd, byte* address, uint* addressLength, int flags);

    [LibraryImport(Library, EntryPoint = "shutdown", SetLastError = true)]
    public static partial int Shutdown(int fd, int how);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, void* value, uint length);

    [LibraryImport(Library, EntryPoint = "getsockopt", SetLastError = true)]
    public static partial int GetSockOpt(int fd, int level, int name, void* value, uint* length);

    [LibraryImport(Library, EntryPoint = "getsockname", SetLastError = true)]
    public static partial int GetSockName(int fd, byte* address, uint* addressLength);

    [LibraryImport(Library, EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, void* buffer, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "recv", SetLastError = true)]
    public static partial nint Recv(int fd, void* buffer, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint length);

    [LibraryImport(Library, EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int namespaceType);

    [LibraryImport(Library, EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);

    [LibraryImport(Library, EntryPoint = "syscall", SetLastError = true)]
    public static partial nint Syscall(nint number, nint argument1, nint argument2, nint argument3, nint argument4, nint argument5, nint argument6);

    [LibraryImport(Library, EntryPoint = "sigaction", SetLastError = true)]
    public static partial int SigAction(int signal, SigActionStruct* action, SigActionStruct* oldAction);

    [LibraryImport(Library, EntryPoint = "getpid")]
    public static partial int GetPid();

    [LibraryImport(Library, EntryPoint = "gettid")]
    public static partial int GetTid();

    [LibraryImport(Library, EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    /// <summary>tgkill(2): a signal to one thread of this process.</summary>
    public static int TgKill(int processId, int threadId, int signal) =>
        (int)Syscall(LinuxConstants.SYS_tgkill, processId, threadId, signal, 0, 0, 0);

    /// <summary>
    /// setresuid(2) as the raw system call: it changes the calling thread only. glibc's wrapper
    /// would change every thread of the process (the runtime's too), which is not what a scenario
    /// that acts as another user on one thread wants.
    /// </summary>
    public static int SetThreadResUid(int real, int effective, int saved) =>
        (int)Syscall(LinuxConstants.SYS_setresuid, real, effective, saved, 0, 0, 0);

    /// <summary>setresgid(2) as the raw system call, calling thread only (see <see cref="SetThreadResUid"/>).</summary>
    public static int SetThreadResGid(int real, int effective, int saved) =>
        (int)Syscall(LinuxConstants.SYS_setresgid, real, effective, saved, 0, 0, 0);

    public static int LastError => Marshal.GetLastPInvokeError();

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>glibc's struct sigaction on x86-64 and arm64: handler, 128-byte mask, flags, restorer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SigActionStruct
    {
        public nint Handler;
        public fixed ulong Mask[16];
        public int Flags;
        public nint Restorer;
    }
}
