using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    internal static partial class Sys
    {
        /// <summary>fcntl(2) with an int argument (F_GETFL, F_SETFL, F_SETFD).</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "fcntl", SetLastError = true)]
        internal static partial int Fcntl(int fd, int command, int argument);
    }
}
