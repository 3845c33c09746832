using System;
using ErrorCatalog.Connect;
using ErrorCatalog.SocketCall;

namespace ErrorCatalog.Runtime;

/// <summary>Which column of the catalog the running system's error codes are read with.</summary>
public static class CatalogPlatform
{
    /// <summary>
    /// The catalog platform whose numbering the running system uses, as the catalog's
    /// <c>runs-on</c> data says (<see cref="ConnectErrors.CurrentPlatform"/>): Linux on the
    /// architectures .NET runs on, Darwin, FreeBSD, or Windows (Winsock codes), limited to the
    /// systems the runtime can connect on.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">On any other system.</exception>
    public static ConnectPlatform Current => s_detected
        ?? throw new PlatformNotSupportedException("ErrorCatalog.Runtime supports Linux, macOS, FreeBSD and Windows.");

    /// <summary>True on a system the runtime can connect on.</summary>
    public static bool IsSupported => s_detected is not null;

    /// <summary>The socket() catalog's column of the running system (<see cref="SocketCallErrors.CurrentPlatform"/>), with the same limit as <see cref="Current"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">On a system the runtime cannot connect on.</exception>
    internal static SocketCallPlatform SocketCall => s_socketCall
        ?? throw new PlatformNotSupportedException("ErrorCatalog.Runtime supports Linux, macOS, FreeBSD and Windows.");

    // The catalog knows where each column's codes are reported; the runtime itself connects only
    // where it has interop constants (the Unix flavours in Interop.PlatformConstants) or on Windows.
    private static readonly bool s_runtimeCanConnect = OperatingSystem.IsWindows() || Interop.PlatformConstants.Current is not null;

    private static readonly ConnectPlatform? s_detected = s_runtimeCanConnect ? ConnectErrors.CurrentPlatform : null;

    private static readonly SocketCallPlatform? s_socketCall = s_runtimeCanConnect ? SocketCallErrors.CurrentPlatform : null;
}
