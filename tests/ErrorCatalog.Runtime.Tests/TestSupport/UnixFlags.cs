using System;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>Reads a descriptor's file status flags (F_GETFL) to see whether it is non-blocking.</summary>
internal static partial class UnixFlags
{
    internal const int ONonblock = 0x800;
    private const int FGetFl = 3;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    internal static int Get(SafeHandle handle)
    {
        int flags = Fcntl((int)handle.DangerousGetHandle(), FGetFl, 0);
        return flags >= 0 ? flags : throw new InvalidOperationException($"fcntl(F_GETFL) failed with errno {Marshal.GetLastPInvokeError()}");
    }
}
