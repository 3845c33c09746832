using System;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    /// <summary>
    /// The handful of numbers the runtime's own control flow needs, per Unix flavour. Every other
    /// errno is only reported, and mapped through the generated catalog tables, never branched on.
    /// </summary>
    /// <remarks>
    /// Sources: Linux from linux-libc-dev (asm-generic/errno-base.h, asm-generic/errno.h,
    /// asm-generic/socket.h, asm-generic/fcntl.h, linux/socket.h, linux/in6.h, linux/tcp.h), which
    /// hold for every architecture .NET runs on (x64, x86, arm, arm64, riscv64, loongarch64,
    /// s390x, ppc64le). mips, sparc, alpha and parisc use other numbers for several of these (and
    /// for errno), but .NET does not run on them, so they are not handled here. macOS from xnu
    /// bsd/sys/socket.h, bsd/sys/errno.h, bsd/sys/fcntl.h, bsd/sys/un.h; FreeBSD from
    /// sys/sys/socket.h, sys/sys/errno.h, sys/sys/fcntl.h, sys/sys/un.h. The errno values the
    /// catalog lists (EINTR, EAGAIN, EINPROGRESS) are not re-typed here: they come from the
    /// generated per-platform code enums, so the catalog is their one source. ENOTCONN is not a
    /// connect() error in the catalog, so it stays a header constant.
    /// </remarks>
    internal sealed class PlatformConstants
    {
        internal required string Name { get; init; }
        internal required bool HasLengthByte { get; init; }
        internal required int AfUnix { get; init; }
        internal required int AfInet { get; init; }
        internal required int AfInet6 { get; init; }
        internal required int SockStream { get; init; }
        internal required int SockDgram { get; init; }
        /// <summary>Flags that socket() accepts OR-ed into the type; 0 where unsupported (macOS).</summary>
        internal required int SockCloexec { get; init; }
        internal required int SockNonblock { get; init; }
        internal required int SolSocket { get; init; }
        internal required int SoError { get; init; }
        /// <summary>SO_SNDTIMEO: the option a blocking connect() is limited by.</summary>
        internal required int SoSndTimeo { get; init; }
        /// <summary>True where struct timeval's tv_usec is a 32-bit int (macOS); elsewhere it is a long.</summary>
        internal required bool TimevalMicrosecondsIsInt32 { get; init; }
        internal required int FGetFl { get; init; }
        internal required int FSetFl { get; init; }
        internal required int FSetFd { get; init; }
        internal required int FdCloexec { get; init; }
        internal required int ONonblock { get; init; }
        internal required int EIntr { get; init; }
        internal required int EAgain { get; init; }
        internal required int EInProgress { get; init; }
        internal required int ENotConn { get; init; }
        /// <summary>sizeof(sun_path): the path must fit with its terminating NUL.</summary>
        internal required int SunPathLength { get; init; }
        internal required bool SupportsAbstractNames { get; init; }

        internal static readonly PlatformConstants Linux = new()
        {
            Name = "Linux",
            HasLengthByte = false,
            AfUnix = 1,
            AfInet = 2,
            AfInet6 = 10,
            SockStream = 1,
            SockDgram = 2,
            SockCloexec = 0x80000, // 02000000, = O_CLOEXEC
            SockNonblock = 0x800,  // 00004000, = O_NONBLOCK
            SolSocket = 1,
            SoError = 4,
            SoSndTimeo = 21, // SO_SNDTIMEO_OLD: struct timeval of two longs on every word size
            TimevalMicrosecondsIsInt32 = false,
            FGetFl = 3,
            FSetFl = 4,
            FSetFd = 2,
            FdCloexec = 1,
            ONonblock = 0x800,
            EIntr = (int)ConnectLinuxCode.EINTR,
            EAgain = (int)ConnectLinuxCode.EAGAIN,
            EInProgress = (int)ConnectLinuxCode.EINPROGRESS,
            ENotConn = 107,
            SunPathLength = 108,
            SupportsAbstractNames = true,
        };

        internal static readonly PlatformConstants Darwin = new()
        {
            Name = "macOS",
            HasLengthByte = true,
            AfUnix = 1,
            AfInet = 2,
            AfInet6 = 30,
            SockStream = 1,
            SockDgram = 2,
            SockCloexec = 0,
            SockNonblock = 0,
            SolSocket = 0xffff,
            SoError = 0x1007,
            SoSndTimeo = 0x1005,
            TimevalMicrosecondsIsInt32 = true, // __darwin_suseconds_t is __int32_t
            FGetFl = 3,
            FSetFl = 4,
            FSetFd = 2,
            FdCloexec = 1,
            ONonblock = 0x4,
            EIntr = (int)ConnectDarwinCode.EINTR,
            EAgain = (int)ConnectDarwinCode.EAGAIN,
            EInProgress = (int)ConnectDarwinCode.EINPROGRESS,
            ENotConn = 57,
            SunPathLength = 104,
            SupportsAbstractNames = false,
        };

        internal static readonly PlatformConstants FreeBsd = new()
        {
            Name = "FreeBSD",
            HasLengthByte = true,
            AfUnix = 1,
            AfInet = 2,
            AfInet6 = 28,
            SockStream = 1,
            SockDgram = 2,
            SockCloexec = 0x10000000,
            SockNonblock = 0x20000000,
            SolSocket = 0xffff,
            SoError = 0x1007,
            SoSndTimeo = 0x1005,
            TimevalMicrosecondsIsInt32 = false, // suseconds_t is long
            FGetFl = 3,
            FSetFl = 4,
            FSetFd = 2,
            FdCloexec = 1,
            ONonblock = 0x4,
            EIntr = (int)ConnectFreeBSDCode.EINTR,
            EAgain = (int)ConnectFreeBSDCode.EAGAIN,
            EInProgress = (int)ConnectFreeBSDCode.EINPROGRESS,
            ENotConn = 57,
            SunPathLength = 104,
            SupportsAbstractNames = false,
        };

        /// <summary>The constants of the running system; null on Windows and unknown systems.</summary>
        /// <remarks>
        /// Chosen by the catalog column the running system follows (the generated
        /// <see cref="ConnectErrors.CurrentPlatform"/>, from the catalog's <c>runs-on</c>): the
        /// headers above belong to the same systems and processors as those columns, so a system
        /// whose errno numbering the catalog does not place (Linux on MIPS, say, whose socket
        /// numbers differ too) gets no constants rather than wrong ones.
        /// </remarks>
        internal static readonly PlatformConstants? Current = ConnectErrors.CurrentPlatform switch
        {
            ConnectPlatform.Linux => Linux,
            ConnectPlatform.Darwin => Darwin,
            ConnectPlatform.FreeBSD => FreeBsd,
            _ => null,
        };
    }
}
