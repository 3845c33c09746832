using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>Cancellation: before the call, while it waits, against a timeout, racing completion, and the caller's dispose.</summary>
internal static class CancellationChecks
{
    private const int RaceRounds = 200;

    public static void Register(CheckRunner runner)
    {
        runner.Run("cancel-before-start", BeforeStart);
        runner.Run("cancel-pending", Pending);
        runner.Run("cancel-pending-caller-socket", PendingCallerSocket);
        runner.Run("cancel-throwing", Throwing);
        runner.Run("cancel-beats-timeout", BeatsTimeout);
        runner.Run("cancel-racing-completion", RacingCompletion);
        runner.Run("dispose-caller-socket-while-pending", DisposeWhilePending);
    }

    private static async Task<string> BeforeStart()
    {
        var target = ConnectTarget.Ip(Loopback.Address(AddressFamily.InterNetwork), Loopback.ClosedPort(AddressFamily.InterNetwork).Port);
        var result = await SocketConnector.TryConnectAsync(target, null, new CancellationToken(canceled: true));
        Expect.Equal(ConnectOutcome.Canceled, result.Outcome, "outcome for a new socket");
        Expect.True(result.Socket is null, "a canceled connect handed back a socket");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var owned = await SocketConnector.TryConnectAsync(socket.SafeHandle, target, null, new CancellationToken(canceled: true));
        Expect.Equal(ConnectOutcome.Canceled, owned.Outcome, "outcome for the caller's socket");
        return "Canceled before any connect, for a new socket and for the caller's";
    }

    private static async Task<string> Pending()
    {
        var listener = FullBacklogListener.Shared;
        using var cancellation = new CancellationTokenSource();
        var pending = SocketConnector.TryConnectAsync(ConnectTarget.FromEndPoint(listener.EndPoint), null, cancellation.Token).AsTask();
        Expect.True(!pending.IsCompleted, $"the connect to a full queue finished at once: {(pending.IsCompleted ? pending.Result.ToString() : string.Empty)}");
        await cancellation.CancelAsync();
        var result = await pending;
        Expect.Equal(ConnectOutcome.Canceled, result.Outcome, "outcome");
        Expect.True(result.Socket is null, "a canceled connect handed back a socket");
        return "Canceled while pending";
    }

    private static async Task<string> PendingCallerSocket()
    {
        var listener = FullBacklogListener.Shared;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cancellation = new CancellationTokenSource();
        var pending = SocketConnector.TryConnectAsync(socket.SafeHandle, ConnectTarget.FromEndPoint(listener.EndPoint), null, cancellation.Token).AsTask();
        Expect.True(!pending.IsCompleted, "the connect to a full queue finished at once");
        await cancellation.CancelAsync();
        var result = await pending;
        Expect.Equal(ConnectOutcome.Canceled, result.Outcome, "outcome");
        Expect.True(!socket.SafeHandle.IsClosed, "the caller's socket was closed");
        return "Canceled while pending, caller's socket still open";
    }

    private static async Task<string> Throwing()
    {
        var listener = FullBacklogListener.Shared;
        using var cancellation = new CancellationTokenSource();
        var pending = SocketConnector.ConnectAsync(ConnectTarget.FromEndPoint(listener.EndPoint), null, cancellation.Token).AsTask();
        await cancellation.CancelAsync();
        var exception = await Expect.ThrowsAsync<OperationCanceledException>(() => pending, "ConnectAsync canceled while pending");
        Expect.Equal(cancellation.Token, exception.CancellationToken, "the exception's token");
        return $"{exception.GetType().Name} carrying the caller's token";
    }

    /// <summary>The caller's token fires first while a long timeout runs: Canceled, not TimedOutByCaller.</summary>
    private static async Task<string> BeatsTimeout()
    {
        var listener = FullBacklogListener.Shared;
        using var cancellation = new CancellationTokenSource();
        var options = new ConnectOptions { Timeout = TimeSpan.FromMinutes(5) };
        var pending = SocketConnector.TryConnectAsync(ConnectTarget.FromEndPoint(listener.EndPoint), options, cancellation.Token).AsTask();
        await cancellation.CancelAsync();
        var result = await pending;
        Expect.Equal(ConnectOutcome.Canceled, result.Outcome, "outcome");
        return "Canceled, although a 5-minute timeout was also running";
    }

    /// <summary>
    /// Connects to a listener with room, canceled at once: each ends exactly once, as Connected
    /// (with a socket) or Canceled (without one), never as an exception or a Winsock error.
    /// </summary>
    private static async Task<string> RacingCompletion()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork, backlog: RaceRounds + 16);
        var target = ConnectTarget.FromEndPoint(listener.LocalEndPoint!);
        int connected = 0, canceled = 0;
        for (var round = 0; round < RaceRounds; round++)
        {
            using var cancellation = new CancellationTokenSource();
            var pending = SocketConnector.TryConnectAsync(target, null, cancellation.Token);
            cancellation.Cancel();
            var result = await pending;
            switch (result.Outcome)
            {
                case ConnectOutcome.Connected:
                    Expect.True(result.Socket is not null, $"round {round}: Connected without a socket");
                    result.Socket!.Dispose();
                    connected++;
                    break;
                case ConnectOutcome.Canceled:
                    Expect.True(result.Socket is null, $"round {round}: Canceled with a socket");
                    canceled++;
                    break;
                default:
                    throw new CheckFailedException($"round {round}: {result}");
            }
        }

        return $"{RaceRounds} rounds: {connected} Connected, {canceled} Canceled";
    }

    /// <summary>The caller disposes its socket while the runtime waits on it: the call ends as Aborted.</summary>
    private static async Task<string> DisposeWhilePending()
    {
        var listener = FullBacklogListener.Shared;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var pending = SocketConnector.TryConnectAsync(socket.SafeHandle, ConnectTarget.FromEndPoint(listener.EndPoint)).AsTask();
        Expect.True(!pending.IsCompleted, "the connect to a full queue finished at once");
        socket.Dispose();
        var result = await pending;
        Expect.Equal(ConnectOutcome.Aborted, result.Outcome, $"outcome ({result})");
        return "Aborted when the caller disposed its socket";
    }
}
