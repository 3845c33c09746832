using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    internal static partial class Sys
    {
        /// <summary>pipe(2): fills two descriptors (read end, write end); 0 or -1 with errno.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "pipe", SetLastError = true)]
        internal static unsafe partial int Pipe(int* fds);
    }
}
