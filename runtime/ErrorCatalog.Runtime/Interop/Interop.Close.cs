using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    internal static partial class Sys
    {
        /// <summary>
        /// close(2). Never retried on EINTR: Linux releases the descriptor before it can report
        /// EINTR, so a second close could close a descriptor another thread just opened.
        /// </summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "close", SetLastError = true)]
        internal static partial int Close(int fd);
    }
}
