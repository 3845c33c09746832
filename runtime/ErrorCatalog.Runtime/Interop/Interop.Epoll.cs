using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    /// <summary>
    /// epoll(7), Linux only. Values from sys/epoll.h and bits/epoll.h (glibc), which match the
    /// kernel's uapi/linux/eventpoll.h.
    /// </summary>
    internal static partial class Epoll
    {
        internal const int CloseOnExec = 0x80000;   // EPOLL_CLOEXEC = 02000000
        internal const int ControlAdd = 1;          // EPOLL_CTL_ADD
        internal const int ControlDelete = 2;       // EPOLL_CTL_DEL
        internal const uint In = 0x001;             // EPOLLIN
        internal const uint Out = 0x004;            // EPOLLOUT
        internal const uint OneShot = 1u << 30;     // EPOLLONESHOT

        /// <summary>
        /// struct epoll_event on x86-64 (and i386): glibc declares it packed (__EPOLL_PACKED), so
        /// the 64-bit data follows the 32-bit events directly: 12 bytes.
        /// </summary>
        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        internal struct PackedEvent
        {
            internal uint Events;
            internal ulong Data;
        }

        /// <summary>struct epoll_event on every other architecture: the data is 8-byte aligned, 16 bytes.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct AlignedEvent
        {
            internal uint Events;
            internal ulong Data;
        }

        /// <summary>Which layout the running architecture uses.</summary>
        internal static readonly bool IsPacked =
            RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

        [LibraryImport(Libraries.Libc, EntryPoint = "epoll_create1", SetLastError = true)]
        internal static partial int Create(int flags);

        [LibraryImport(Libraries.Libc, EntryPoint = "epoll_ctl", SetLastError = true)]
        internal static unsafe partial int Control(int epoll, int operation, int fd, void* epollEvent);

        [LibraryImport(Libraries.Libc, EntryPoint = "epoll_wait", SetLastError = true)]
        internal static unsafe partial int Wait(int epoll, void* events, int maxEvents, int timeoutMilliseconds);
    }
}
