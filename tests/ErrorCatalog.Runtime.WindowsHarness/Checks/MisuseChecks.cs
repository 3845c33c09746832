using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>The API tried the wrong way on Windows: wrong arguments, closed or foreign handles, Unix-only targets.</summary>
internal static class MisuseChecks
{
    public static void Register(CheckRunner runner, WinsockView winsock)
    {
        runner.Run("misuse-null-arguments", NullArguments);
        runner.Run("misuse-disposed-handle", DisposedHandle);
        runner.Run("misuse-disposed-handle-async", DisposedHandleAsync);
        runner.Run("misuse-not-a-socket", () => NotASocket(winsock));
        runner.Run("misuse-already-connected", () => AlreadyConnected(winsock));
        runner.Run("misuse-family-mismatch", () => FamilyMismatch(winsock));
        runner.Run("misuse-unix-only-targets", UnixOnlyTargets);
        runner.Run("misuse-unix-path-too-long", UnixPathTooLong);
        runner.Run("misuse-invalid-values", InvalidValues);
        runner.Run("misuse-socket-handed-over-twice", SocketHandedOverTwice);
    }

    private static string NullArguments()
    {
        var target = ConnectTarget.Ip(IPAddress.Loopback, 9);
        Expect.Throws<ArgumentNullException>(() => SocketConnector.TryConnect(null!), "TryConnect(null)");
        Expect.Throws<ArgumentNullException>(() => SocketConnector.TryConnectAsync(null!), "TryConnectAsync(null)");
        Expect.Throws<ArgumentNullException>(() => SocketConnector.TryConnect(null!, target), "TryConnect(null handle)");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Expect.Throws<ArgumentNullException>(() => SocketConnector.TryConnect(socket.SafeHandle, null!), "TryConnect(handle, null)");
        return "ArgumentNullException for a null target or handle, before any Winsock call";
    }

    private static string DisposedHandle()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var handle = socket.SafeHandle;
        socket.Dispose();
        Expect.Throws<ObjectDisposedException>(() => SocketConnector.TryConnect(handle, ConnectTarget.Ip(IPAddress.Loopback, 9)), "TryConnect with a disposed handle");
        return "ObjectDisposedException";
    }

    private static async Task<string> DisposedHandleAsync()
    {
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        var handle = socket.SafeHandle;
        socket.Dispose();
        await Expect.ThrowsAsync<ObjectDisposedException>(
            async () => await SocketConnector.TryConnectAsync(handle, ConnectTarget.Ip(IPAddress.IPv6Loopback, 9)),
            "TryConnectAsync with a disposed handle");
        return "ObjectDisposedException";
    }

    /// <summary>A handle that is open but not a socket (a file): Winsock says WSAENOTSOCK, reported as connect()'s ENOTSOCK.</summary>
    private static string NotASocket(WinsockView winsock)
    {
        var path = Path.GetTempFileName();
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
            var result = SocketConnector.TryConnect(file, ConnectTarget.Ip(IPAddress.Loopback, 9));
            var detail = winsock.ExpectNative(result, ConnectOutcome.Failed, SocketError.NotSocket, "WSAENOTSOCK", ConnectError.NotASocket);
            Expect.True(!file.IsClosed, "the caller's file handle was closed");
            return detail;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string AlreadyConnected(WinsockView winsock)
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(listener.LocalEndPoint!);
        var result = SocketConnector.TryConnect(socket.SafeHandle, ConnectTarget.FromEndPoint(listener.LocalEndPoint!));
        return winsock.ExpectNative(result, ConnectOutcome.Failed, SocketError.IsConnected, "WSAEISCONN", ConnectError.AlreadyConnected);
    }

    /// <summary>An IPv6 socket (not dual-mode) asked for an IPv4 target: a Winsock error the catalog lists, never an exception.</summary>
    private static string FamilyMismatch(WinsockView winsock)
    {
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = false };
        var result = SocketConnector.TryConnect(socket.SafeHandle, ConnectTarget.Ip(IPAddress.Loopback, Loopback.ClosedPort(AddressFamily.InterNetwork).Port));
        Expect.Equal(ConnectOutcome.Failed, result.Outcome, $"outcome ({result})");
        Expect.Equal(ConnectPlatform.Windows, result.NativeError.Platform, "platform");
        var read = winsock.Read(result.NativeError.Code);
        Expect.True(read.Error is not null, $"code {result.NativeError.Code} is not in the {winsock.Column} column");
        var exception = result.ToException() as SocketException;
        Expect.True(exception is not null, "ToException() is not a SocketException");
        Expect.Equal(ConnectErrors.ToSocketError(read.Error!.Value), exception!.SocketErrorCode, "the exception's SocketErrorCode");
        return $"Failed {read.Name} ({read.Code}) is {ConnectErrors.GetName(read.Error.Value)}";
    }

    private static string UnixOnlyTargets()
    {
        Expect.Throws<PlatformNotSupportedException>(() => ConnectTarget.UnixAbstract("errorcatalog"), "UnixAbstract");
        Expect.Throws<PlatformNotSupportedException>(() => ConnectTarget.FromNativeAddress(new byte[16]), "FromNativeAddress");
        return "PlatformNotSupportedException for abstract names and raw sockaddr bytes";
    }

    /// <summary>
    /// Windows' sun_path (afunix.h) holds 108 bytes with the terminating NUL: a 107-byte path fits
    /// (checked where the system has AF_UNIX), a 108-byte one is refused, before .NET is asked for
    /// an endpoint, so the same on a Windows without AF_UNIX.
    /// </summary>
    private static string UnixPathTooLong()
    {
        if (Socket.OSSupportsUnixDomainSockets)
        {
            var fits = new string('a', 107);
            Expect.True(ConnectTarget.TryCreateUnixPath(fits, out _, out var fitsProblem), $"a 107-byte path was refused: {fitsProblem}");
        }

        var tooLong = new string('a', 108);
        Expect.True(!ConnectTarget.TryCreateUnixPath(tooLong, out _, out var problem), "a 108-byte path was accepted");
        Expect.True(problem!.Contains("108", StringComparison.Ordinal), $"the problem does not name sun_path's 108 bytes: {problem}");
        Expect.Throws<ArgumentException>(() => ConnectTarget.UnixPath(tooLong), "UnixPath with 108 bytes");
        Expect.Throws<ArgumentException>(() => ConnectTarget.UnixPath("a\0b"), "UnixPath with a NUL");
        return "108 bytes are refused before anything else: " + problem;
    }

    private static string InvalidValues()
    {
        Expect.Throws<ArgumentOutOfRangeException>(() => ConnectTarget.Ip(IPAddress.Loopback, 65536), "port 65536");
        Expect.Throws<ArgumentOutOfRangeException>(() => _ = new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(-5) }, "a negative timeout");
        Expect.Throws<ArgumentOutOfRangeException>(() => _ = new ConnectOptions { SocketType = SocketType.Raw }, "a raw socket type");
        Expect.Throws<InvalidOperationException>(() => default(ConnectResult).ThrowIfFailed(), "default(ConnectResult).ThrowIfFailed()");
        return "ArgumentOutOfRangeException and InvalidOperationException before any Winsock call";
    }

    private static string SocketHandedOverTwice()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        var result = SocketConnector.TryConnect(ConnectTarget.FromEndPoint(listener.LocalEndPoint!));
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, "outcome");
        using var socket = result.Socket!.ToSocket();
        Expect.Throws<ObjectDisposedException>(() => result.Socket.ToSocket(), "a second ToSocket()");
        Expect.True(socket.Connected, "the first Socket lost its connection");
        return "the second ToSocket() throws ObjectDisposedException; the first Socket stays connected";
    }
}
