using System;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>
/// The caller's own timeout, against a loopback listener whose queue is full (the connect stays
/// pending): <see cref="ConnectOutcome.TimedOutByCaller"/>, never a made-up Winsock code.
/// </summary>
internal static class TimeoutChecks
{
    private static readonly ConnectOptions Short = new() { Timeout = TimeSpan.FromMilliseconds(300) };

    public static void Register(CheckRunner runner)
    {
        runner.Run("timeout-full-backlog", Sync);
        runner.Run("timeout-full-backlog-async", Async);
        runner.Run("timeout-throwing", Throwing);
        runner.Run("timeout-caller-socket", CallerSocket);
    }

    private static string Sync()
    {
        var listener = FullBacklogListener.Shared;
        var result = SocketConnector.TryConnect(ConnectTarget.FromEndPoint(listener.EndPoint), Short);
        return ExpectTimedOut(result, listener);
    }

    private static async Task<string> Async()
    {
        var listener = FullBacklogListener.Shared;
        var result = await SocketConnector.TryConnectAsync(ConnectTarget.FromEndPoint(listener.EndPoint), Short);
        return ExpectTimedOut(result, listener);
    }

    private static string Throwing()
    {
        var listener = FullBacklogListener.Shared;
        var exception = Expect.Throws<TimeoutException>(() => SocketConnector.Connect(ConnectTarget.FromEndPoint(listener.EndPoint), Short).Dispose(), "Connect with a timeout to a full queue");
        return $"TimeoutException: {exception.Message}";
    }

    /// <summary>A caller's socket that timed out is still the caller's: open, to be closed by the caller.</summary>
    private static string CallerSocket()
    {
        var listener = FullBacklogListener.Shared;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var result = SocketConnector.TryConnect(socket.SafeHandle, ConnectTarget.FromEndPoint(listener.EndPoint), Short);
        var detail = ExpectTimedOut(result, listener);
        Expect.True(!socket.SafeHandle.IsClosed, "the caller's socket was closed");
        return detail + ", caller's socket still open";
    }

    private static string ExpectTimedOut(ConnectResult result, FullBacklogListener listener)
    {
        Expect.Equal(ConnectOutcome.TimedOutByCaller, result.Outcome, "outcome");
        Expect.True(!result.HasNativeError, "a caller timeout carries a native code");
        Expect.True(result.Socket is null, "a timed-out connect handed back a socket");
        Expect.True(result.ToException() is TimeoutException, "ToException() is not a TimeoutException");
        return $"TimedOutByCaller (the listen(1) queue took {listener.Queued} connections, then dropped SYNs)";
    }
}
