using System;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>
/// The few libc calls and constants only the unix-area scenarios need. Values printed by a C
/// program from glibc 2.36 and linux-libc-dev 6.1 headers (fcntl.h, sys/mman.h, sys/mount.h,
/// sched.h, asm/unistd_64.h, asm-generic/unistd.h), not typed from memory.
/// </summary>
internal static unsafe partial class UnixNative
{
    public const int O_PATH = 0x200000;
    public const int O_RDWR = 2;
    public const int CLONE_NEWNS = 0x20000;
    public const nuint MS_NOSUID = 2;
    public const nuint MS_NODEV = 4;
    public const nuint MS_REC = 16384;
    public const nuint MS_PRIVATE = 262144;
    public const int PROT_NONE = 0;
    public const int MAP_PRIVATE = 2;
    public const int MAP_ANONYMOUS = 0x20;

    /// <summary>The uid and gid of the user <c>nobody</c> on Debian: an account that owns nothing the scenarios create.</summary>
    public const int NobodyId = 65534;

    /// <summary>connect's system call number, as /proc/self/task/N/syscall shows it while a thread waits inside connect().</summary>
    public static int SysConnect => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 203 : 42;

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "unshare", SetLastError = true)]
    public static partial int Unshare(int flags);

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string? source, string target, string? fileSystemType, nuint flags, string? data);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* ends, int flags);

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    public static partial int ConnectPointer(int fd, nint address, uint addressLength);
}
