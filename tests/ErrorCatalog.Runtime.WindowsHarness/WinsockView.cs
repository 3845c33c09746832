using System.Net.Sockets;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness;

/// <summary>
/// How the harness reads a Winsock code against the catalog: with the catalog's <c>windows</c>
/// column, as the runtime does, or (<c>--break-mapping</c>) with the Linux column, a plausible
/// mistake that the mapping checks must catch; so they cannot pass whatever the mapping says.
/// </summary>
internal sealed class WinsockView(bool broken)
{
    /// <summary>The catalog column Winsock codes are read with.</summary>
    public ConnectPlatform Column { get; } = broken ? ConnectPlatform.Linux : ConnectPlatform.Windows;

    /// <summary>A raw code as the catalog column under test names it.</summary>
    public ConnectNativeError Read(int code) => ConnectErrors.FromNative(Column, code);

    /// <summary>
    /// Checks a result that reports a Winsock code: the outcome, the raw code and platform the
    /// runtime reported, and the native name and catalog entry that code reads as.
    /// <paramref name="code"/> comes from .NET's <see cref="SocketError"/>, whose values are the
    /// Winsock numbers, and <paramref name="nativeName"/> from winerror.h: neither from the catalog.
    /// </summary>
    public string ExpectNative(ConnectResult result, ConnectOutcome outcome, SocketError code, string nativeName, ConnectError error)
    {
        Expect.Equal(outcome, result.Outcome, "outcome");
        var reported = result.NativeError;
        Expect.Equal(ConnectPlatform.Windows, reported.Platform, "platform of the reported code");
        Expect.Equal((int)code, reported.Code, "raw Winsock code");
        var read = Read(reported.Code);
        Expect.Equal(nativeName, read.Name, $"native name of {reported.Code}");
        Expect.Equal<ConnectError?>(error, read.Error, $"catalog entry of {reported.Code}");
        return $"{outcome} {read.Name} ({reported.Code}) is {ConnectErrors.GetName(error)}";
    }
}
