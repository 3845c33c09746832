using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    internal static partial class Sys
    {
        /// <summary>read(2): bytes read, 0 at end of file, -1 with errno.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "read", SetLastError = true)]
        internal static unsafe partial nint Read(int fd, byte* buffer, nuint count);
    }
}
