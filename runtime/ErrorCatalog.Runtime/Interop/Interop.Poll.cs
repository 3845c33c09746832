using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    internal static partial class Sys
    {
        /// <summary>struct pollfd: the same layout on Linux, macOS and the BSDs (int, short, short).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PollFd
        {
            internal int Fd;
            internal short Events;
            internal short ReturnedEvents;
        }

        // poll.h values; identical on Linux (asm-generic/poll.h), macOS and FreeBSD (sys/poll.h).
        internal const short PollIn = 0x0001;
        internal const short PollOut = 0x0004;
        internal const short PollErr = 0x0008;
        internal const short PollHup = 0x0010;
        internal const short PollNval = 0x0020;

        /// <summary>poll(2): number of ready entries, 0 on timeout, -1 with errno set.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "poll", SetLastError = true)]
        internal static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);
    }
}
