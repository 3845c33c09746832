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

    // The catalog has no facts about which operating system or processor a platform is (only ids,
    // titles and code ranges), so the choice is made here: Windows reports Winsock codes, every
    // Unix flavour the runtime supports carries its catalog platform in its constants.
    private static ConnectPlatform? Detect() =>
        OperatingSystem.IsWindows() ? ConnectPlatform.Windows : Interop.PlatformConstants.Current?.CatalogPlatform;
}
