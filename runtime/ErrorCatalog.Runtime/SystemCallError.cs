using System;
using System.Globalization;
using ErrorCatalog.Connect;
using ErrorCatalog.SocketCall;

namespace ErrorCatalog.Runtime;

/// <summary>
/// A failed system call other than connect(): which call, its raw errno and the errno's name
/// (null when neither the catalog nor the runtime's own table knows the number).
/// </summary>
/// <param name="Call">The libc function that failed, such as <c>socket</c> or <c>epoll_ctl</c>.</param>
/// <param name="Platform">The numbering <paramref name="Code"/> follows.</param>
/// <param name="Code">The raw errno.</param>
/// <param name="Name">The errno's symbolic name, such as <c>EMFILE</c>, or null when unknown.</param>
public readonly record struct SystemCallError(string Call, ConnectPlatform Platform, int Code, string? Name)
{
    /// <summary>For example <c>socket() failed with EMFILE (24 on Linux)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Call}() failed with {Name ?? "errno"} ({Code} on {Platform})");

    internal static SystemCallError Create(string call, int errno)
    {
        var platform = CatalogPlatform.Current;
        return new SystemCallError(call, platform, errno, ErrnoNames.Find(platform, errno));
    }

    /// <summary>A socket() error of the running system, typed with the socket() catalog.</summary>
    internal static SocketCallNativeError SocketCallFailure(int code) => new(CatalogPlatform.SocketCall, code);

    /// <summary>The socket() catalog's platform with the same id as a connect() catalog platform (both catalogs declare the same platforms).</summary>
    internal static SocketCallPlatform SocketCallPlatformOf(ConnectPlatform platform) =>
        SocketCallErrors.TryParsePlatform(ConnectErrors.GetPlatformId(platform), out var socketPlatform)
            ? socketPlatform
            : throw new InvalidOperationException($"The socket() catalog declares no platform '{ConnectErrors.GetPlatformId(platform)}'.");
}

/// <summary>
/// Thrown by the throwing API (<c>SocketConnector.Connect*</c>) for <see cref="ConnectOutcome.SystemCallFailed"/>
/// (a failed socket() is <see cref="ConnectOutcome.SocketFailed"/> and throws the socket() catalog's
/// <see cref="SocketCallException"/> instead).
/// A <see cref="System.Net.Sockets.SocketException"/>, so code that catches those keeps working.
/// </summary>
public sealed class SystemCallException : System.Net.Sockets.SocketException
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public SystemCallException(SystemCallError error, string message)
        : base((int)ToSocketError(error), message)
    {
        Error = error;
    }

    /// <summary>The call, its raw errno and the errno's name.</summary>
    public SystemCallError Error { get; }

    private static System.Net.Sockets.SocketError ToSocketError(SystemCallError error) =>
        error.Name is "EMFILE" or "ENFILE"
            ? System.Net.Sockets.SocketError.TooManyOpenSockets
            : error.Name is "ENOBUFS" or "ENOMEM"
                ? System.Net.Sockets.SocketError.NoBufferSpaceAvailable
                : System.Net.Sockets.SocketError.SocketError;
}
