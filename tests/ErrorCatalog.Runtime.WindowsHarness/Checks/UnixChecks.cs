using System;
using System.IO;
using System.Net.Sockets;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>
/// AF_UNIX on Windows (10 1803 and later). Where the system has no AF_UNIX (Wine 8.0 is one:
/// socket(AF_UNIX) fails there with WSAEAFNOSUPPORT), .NET refuses to create a
/// <see cref="UnixDomainSocketEndPoint"/> at all, so a Unix target cannot even be made.
/// </summary>
internal static class UnixChecks
{
    public static void Register(CheckRunner runner, WinsockView winsock)
    {
        if (Socket.OSSupportsUnixDomainSockets)
        {
            runner.Run("unix-path-connect", ConnectToListener);
        }
        else
        {
            runner.Run("unix-path-unsupported", () => Unsupported(winsock));
        }
    }

    /// <summary>What the system says to socket(AF_UNIX), and what the API makes of a Unix target there.</summary>
    private static string Unsupported(WinsockView winsock)
    {
        var socketError = Expect.Throws<SocketException>(() => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified).Dispose(), "socket(AF_UNIX)");
        Expect.Equal((int)SocketError.AddressFamilyNotSupported, socketError.NativeErrorCode, "socket(AF_UNIX)'s Winsock code");
        Expect.Equal("WSAEAFNOSUPPORT", winsock.Read(socketError.NativeErrorCode).Name, $"native name of {socketError.NativeErrorCode}");
        var path = Path.Combine(Path.GetTempPath(), $"ecwin-{Environment.ProcessId}.sock");
        Expect.Throws<PlatformNotSupportedException>(() => ConnectTarget.UnixPath(path), "ConnectTarget.UnixPath");
        return $"socket(AF_UNIX) fails with WSAEAFNOSUPPORT ({socketError.NativeErrorCode}); ConnectTarget.UnixPath throws PlatformNotSupportedException";
    }

    private static string ConnectToListener()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecwin-{Environment.ProcessId}.sock");
        File.Delete(path);
        try
        {
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen();
            var result = SocketConnector.TryConnect(ConnectTarget.UnixPath(path));
            Expect.Equal(ConnectOutcome.Connected, result.Outcome, $"outcome ({result})");
            result.Socket!.Dispose();
            using var accepted = listener.Accept();
            return $"Connected to {path}";
        }
        finally
        {
            File.Delete(path);
        }
    }
}
