using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Connects to a host name: resolves it, then races its addresses as RFC 8305 (Happy Eyeballs v2) sections 4 and 5
/// describe. Each attempt is an ordinary <see cref="SocketConnector.TryConnectAsync(ConnectTarget, ConnectOptions?, CancellationToken)"/>
/// of one address, so each gets the socket options and the typed outcome of any other connect.
/// </summary>
internal static class HostDialer
{
    /// <summary>The synchronous form: the same race, with every continuation (and so every socket() of every attempt) run on the calling thread.</summary>
    internal static ConnectResult Connect(ConnectTarget target, ConnectOptions options) =>
        CallingThreadContext.Run(() => DialAsync(target, options, CancellationToken.None, resumeOnCallingContext: true));

    internal static ValueTask<ConnectResult> ConnectAsync(ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken) =>
        new(DialAsync(target, options, cancellationToken, resumeOnCallingContext: false));

    /// <summary>
    /// RFC 8305 section 4: the first address family is the family of the resolver's first address (getaddrinfo's
    /// RFC 6724 order, IPv6 first where it is usable), then the families alternate, each keeping its own order.
    /// </summary>
    internal static List<IPAddress> Interleave(IEnumerable<IPAddress> addresses)
    {
        var all = addresses.ToList();
        if (all.Count == 0)
        {
            return all;
        }

        var firstFamily = all[0].AddressFamily;
        var first = new Queue<IPAddress>(all.Where(address => address.AddressFamily == firstFamily));
        var second = new Queue<IPAddress>(all.Where(address => address.AddressFamily != firstFamily));
        var order = new List<IPAddress>(all.Count);
        while (first.Count > 0 || second.Count > 0)
        {
            if (first.TryDequeue(out var a))
            {
                order.Add(a);
            }

            if (second.TryDequeue(out var b))
            {
                order.Add(b);
            }
        }

        return order;
    }

    private static async Task<ConnectResult> DialAsync(ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken, bool resumeOnCallingContext)
    {
        long started = Stopwatch.GetTimestamp();
        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
        using var dial = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        ConnectResult Stopped(IReadOnlyList<ConnectAttempt> attempts) =>
            ConnectResult.ForHost(cancellationToken.IsCancellationRequested ? ConnectOutcome.Canceled : ConnectOutcome.TimedOutByCaller, target, null, attempts);

        if (dial.IsCancellationRequested)
        {
            return Stopped([]);
        }

        IReadOnlyList<IPAddress> resolved;
        try
        {
            var resolver = options.Resolver ?? SystemHostResolver.Instance;
            resolved = await resolver.ResolveAsync(target.HostName!, target.AddressFamily, dial.Token).ConfigureAwait(resumeOnCallingContext)
                ?? throw new InvalidOperationException($"The resolver {resolver.GetType().Name} returned null for '{target.HostName}'.");
        }
        catch (OperationCanceledException) when (dial.IsCancellationRequested)
        {
            return Stopped([]);
        }
        catch (SocketException exception)
        {
            return ConnectResult.NotResolved(target, new HostResolutionError(exception.SocketErrorCode, exception.Message));
        }

        var usable = resolved.Where(address =>
            (address.AddressFamily == AddressFamily.InterNetwork || address.AddressFamily == AddressFamily.InterNetworkV6)
            && (target.AddressFamily == AddressFamily.Unspecified || address.AddressFamily == target.AddressFamily)
            && SocketSetup.FitsLocalEndPoint(options, address));
        var order = Interleave(usable);
        if (order.Count == 0)
        {
            string why = resolved.Count == 0 ? "the resolver returned no address" : $"none of its {resolved.Count} addresses ({string.Join(", ", resolved)}) is of the family asked for";
            return ConnectResult.NotResolved(target, new HostResolutionError(SocketError.NoData, $"'{target.HostName}': {why}."));
        }

        return await RaceAsync(target, options, order, started, dial, cancellationToken, resumeOnCallingContext).ConfigureAwait(resumeOnCallingContext);
    }

    /// <summary>
    /// RFC 8305 section 5: one attempt at a time starts, the next after the Connection Attempt Delay or as soon as every
    /// running attempt has failed; the first to connect wins, and the others are canceled (their sockets closed by
    /// the connector) and awaited before the result is returned, so no descriptor outlives the call.
    /// </summary>
    private static async Task<ConnectResult> RaceAsync(ConnectTarget target, ConnectOptions options, List<IPAddress> order, long started, CancellationTokenSource dial, CancellationToken callerToken, bool resumeOnCallingContext)
    {
        using var losers = CancellationTokenSource.CreateLinkedTokenSource(dial.Token);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopRegistration = dial.Token.UnsafeRegister(static state => ((TaskCompletionSource)state!).TrySetResult(), stopped);
        var running = new List<RunningAttempt>();
        var finished = new List<RunningAttempt>();
        RunningAttempt? winner = null;
        ExceptionDispatchInfo? thrown = null;
        int next = 0;
        long lastStart = 0;
        var attemptOptions = options with { Timeout = null, NonBlocking = false };
        var attemptOptionsV4 = attemptOptions.Ipv6Only is null ? attemptOptions : attemptOptions with { Ipv6Only = null };

        while (winner is null && thrown is null && !dial.IsCancellationRequested)
        {
            bool delayOver = running.Count == 0 || Stopwatch.GetElapsedTime(lastStart) >= options.AttemptDelay;
            if (next < order.Count && delayOver)
            {
                var address = order[next++];
                var ipTarget = ConnectTarget.Ip(address, target.Port);
                var attemptFor = address.AddressFamily == AddressFamily.InterNetwork ? attemptOptionsV4 : attemptOptions;
                lastStart = Stopwatch.GetTimestamp();
                // Called here, not on another thread: the attempt's socket() runs before its first await.
                running.Add(new RunningAttempt(ipTarget, lastStart, RunAttemptAsync(ipTarget, attemptFor, losers.Token)));
            }

            foreach (var attempt in running.Where(attempt => attempt.Task.IsCompleted).ToList())
            {
                running.Remove(attempt);
                finished.Add(attempt);
                if (attempt.Task.IsFaulted)
                {
                    thrown ??= ExceptionDispatchInfo.Capture(attempt.Task.Exception!.InnerException!);
                }
                else if (attempt.Task.Result.Result.IsConnected)
                {
                    winner ??= attempt;
                }
            }

            if (winner is not null || thrown is not null)
            {
                break;
            }

            if (running.Count == 0)
            {
                if (next < order.Count)
                {
                    continue;
                }

                break;
            }

            var wakeUps = running.Select(attempt => (Task)attempt.Task).Append(stopped.Task).ToList();
            if (next < order.Count)
            {
                var untilNext = options.AttemptDelay - Stopwatch.GetElapsedTime(lastStart);
                wakeUps.Add(Task.Delay(untilNext > TimeSpan.Zero ? untilNext : TimeSpan.Zero, losers.Token));
            }

            await Task.WhenAny(wakeUps).ConfigureAwait(resumeOnCallingContext);
        }

        // Cancel every attempt still running and wait for each to close its socket.
        await losers.CancelAsync().ConfigureAwait(resumeOnCallingContext);
        foreach (var attempt in running)
        {
            try
            {
                await attempt.Task.ConfigureAwait(resumeOnCallingContext);
            }
            catch (Exception exception)
            {
                thrown ??= ExceptionDispatchInfo.Capture(exception);
            }

            finished.Add(attempt);
        }

        var attempts = new List<ConnectAttempt>(finished.Count);
        SafeSocketDescriptor? socket = null;
        foreach (var attempt in finished.Where(attempt => attempt.Task.IsCompletedSuccessfully).OrderBy(attempt => attempt.Started))
        {
            var (result, ended) = attempt.Task.Result;
            if (attempt == winner && thrown is null)
            {
                socket = result.Socket;
            }
            else
            {
                // A loser that connected just as the winner did: nobody will use it.
                result.Socket?.Dispose();
            }

            attempts.Add(new ConnectAttempt(
                (IPEndPoint)attempt.Target.EndPoint!,
                result.WithoutSocket(),
                Stopwatch.GetElapsedTime(started, attempt.Started),
                Stopwatch.GetElapsedTime(attempt.Started, ended)));
        }

        thrown?.Throw();
        if (socket is not null)
        {
            return ConnectResult.ForHost(ConnectOutcome.Connected, target, socket, attempts);
        }

        if (dial.IsCancellationRequested)
        {
            return ConnectResult.ForHost(callerToken.IsCancellationRequested ? ConnectOutcome.Canceled : ConnectOutcome.TimedOutByCaller, target, null, attempts);
        }

        return ConnectResult.ForHost(ConnectOutcome.AllAttemptsFailed, target, null, attempts);
    }

    private static async Task<(ConnectResult Result, long Ended)> RunAttemptAsync(ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken)
    {
        var result = await SocketConnector.TryConnectAsync(target, options, cancellationToken).ConfigureAwait(false);
        return (result, Stopwatch.GetTimestamp());
    }

    private sealed record RunningAttempt(ConnectTarget Target, long Started, Task<(ConnectResult Result, long Ended)> Task);
}
