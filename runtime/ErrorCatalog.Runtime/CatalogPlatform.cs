using System;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>Which column of the catalog the running system's error codes are read with.</summary>
public static class CatalogPlatform
{
    /// <summary>
    /// The catalog platform whose numbering the running system uses: Linux (every .NET
    /// architecture shares the asm-generic numbers; mips, sparc, alpha and parisc, which differ,
    /// do not run .NET), macOS, FreeBSD, or Windows (Winsock codes).
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">On any other system.</exception>
    public static ConnectPlatform Current => s_detected
        ?? throw new PlatformNotSupportedException("ErrorCatalog.Runtime supports Linux, macOS, FreeBSD and Windows.");

    /// <summary>True on a system the runtime can connect on.</summary>
    public static bool IsSupported => s_detected is not null;

    private static readonly ConnectPlatform? s_detected = Detect();

    private static ConnectPlatform? Detect()
    {
        if (OperatingSystem.IsWindows())
        {
            return ConnectPlatform.Windows;
        }

        var constants = Interop.PlatformConstants.Current;
        if (constants == Interop.PlatformConstants.Linux)
        {
            return ConnectPlatform.Linux;
        }

        if (constants == Interop.PlatformConstants.Darwin)
        {
            return ConnectPlatform.Darwin;
        }

        if (constants == Interop.PlatformConstants.FreeBsd)
        {
            return ConnectPlatform.FreeBSD;
        }

        return null;
    }
}
