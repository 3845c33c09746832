using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    /// <summary>
    /// kqueue(2) on macOS and FreeBSD. Values from xnu bsd/sys/event.h and FreeBSD
    /// sys/sys/event.h, which agree on every constant used here.
    /// </summary>
    internal static partial class Kqueue
    {
        internal const short FilterRead = -1;   // EVFILT_READ
        internal const short FilterWrite = -2;  // EVFILT_WRITE
        internal const ushort Add = 0x0001;     // EV_ADD
        internal const ushort Delete = 0x0002;  // EV_DELETE
        internal const ushort OneShot = 0x0010; // EV_ONESHOT
        internal const ushort Error = 0x4000;   // EV_ERROR

        /// <summary>struct kevent on macOS (xnu): 32 bytes on 64-bit.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct DarwinEvent
        {
            internal nuint Ident;
            internal short Filter;
            internal ushort Flags;
            internal uint FilterFlags;
            internal nint Data;
            internal nuint UserData;
        }

        /// <summary>struct kevent on FreeBSD 12 and later: 64-bit data and four extension words.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct FreeBsdEvent
        {
            internal nuint Ident;
            internal short Filter;
            internal ushort Flags;
            internal uint FilterFlags;
            internal long Data;
            internal nuint UserData;
            internal ulong Extension0;
            internal ulong Extension1;
            internal ulong Extension2;
            internal ulong Extension3;
        }

        /// <summary>struct timespec: time_t seconds and long nanoseconds.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct TimeSpec
        {
            internal nint Seconds;
            internal nint Nanoseconds;
        }

        [LibraryImport(Libraries.Libc, EntryPoint = "kqueue", SetLastError = true)]
        internal static partial int Create();

        [LibraryImport(Libraries.Libc, EntryPoint = "kevent", SetLastError = true)]
        internal static unsafe partial int Kevent(int kq, void* changes, int changeCount, void* events, int eventCount, TimeSpec* timeout);
    }
}
