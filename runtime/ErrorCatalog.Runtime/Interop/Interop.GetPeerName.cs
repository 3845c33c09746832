using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    internal static partial class Sys
    {
        /// <summary>getpeername(2): 0 when the socket has a peer, -1 with errno (ENOTCONN) when not.</summary>
        [LibraryImport(Libraries.Libc, EntryPoint = "getpeername", SetLastError = true)]
        internal static unsafe partial int GetPeerName(int socket, byte* address, uint* addressLength);
    }
}
