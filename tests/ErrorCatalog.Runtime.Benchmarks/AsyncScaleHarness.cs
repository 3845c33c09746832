using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime.Benchmarks;

/// <summary>
/// The async-at-scale measurements of issue 10, as a harness rather than BenchmarkDotNet: the
/// quantities (CPU while thousands of connects sit pending, time to cancel them all) are states
/// of a whole process, not the cost of one repeated call. Every figure is measured for the
/// runtime and for <see cref="Socket.ConnectAsync(EndPoint, CancellationToken)"/> in the same
/// process and run, alternating, and reported side by side with their ratio.
/// </summary>
internal static class AsyncScaleHarness
{
    internal static readonly int[] PendingCounts = [100, 1_000, 10_000];
    private const int Rounds = 3;
    private const int LatencySamples = 300;
    private const int CancelSamples = 200;
    private const int ThroughputConcurrency = 64;
    private const int ThroughputRounds = 5;
    private static readonly TimeSpan ThroughputDuration = TimeSpan.FromSeconds(2);

    /// <param name="pendingCounts">The values of N; empty for the throughput table alone.</param>
    /// <param name="throughput">Also measure concurrent connects to an accepting listener.</param>
    /// <param name="verbose">Print every round's figures, not only the medians.</param>
    internal static async Task RunAsync(int[] pendingCounts, bool throughput, bool verbose)
    {
        Console.WriteLine($"# async scale: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
        using var accepting = new AcceptingListener();
        using var full = new FullBacklogListener();
        var implementations = new IConnector[] { new RuntimeConnector(), new SocketConnectAsync() };

        // Warm-up: JIT, the waiter thread, .NET's own engine thread.
        foreach (var connector in implementations)
        {
            await PendingRound(connector, full.EndPoint, accepting.EndPoint, 100);
            await Throughput(connector, accepting.EndPoint, TimeSpan.FromMilliseconds(300));
        }

        Console.WriteLine();
        Console.WriteLine("| N pending | measure | ErrorCatalog.Runtime | Socket.ConnectAsync | ratio |");
        Console.WriteLine("| ---: | --- | ---: | ---: | ---: |");
        foreach (int n in pendingCounts)
        {
            var samples = implementations.ToDictionary(c => c.Name, _ => new List<PendingFigures>());
            for (int round = 0; round < Rounds; round++)
            {
                // Alternate which goes first, so slow drift on a shared machine hits both.
                foreach (var connector in round % 2 == 0 ? implementations : implementations.Reverse())
                {
                    var figures = await PendingRound(connector, full.EndPoint, accepting.EndPoint, n);
                    samples[connector.Name].Add(figures);
                    if (verbose)
                    {
                        Console.WriteLine($"<!-- round {round} {connector.Name}: {figures} -->");
                    }
                }
            }

            var ours = PendingFigures.Median(samples[implementations[0].Name]);
            var theirs = PendingFigures.Median(samples[implementations[1].Name]);
            Row(n, "CPU while pending, user + system (ms per s)", ours.CpuMillisecondsPerSecond, theirs.CpuMillisecondsPerSecond, "0.0");
            Row(n, "CPU while pending, user only (ms per s)", ours.UserCpuMillisecondsPerSecond, theirs.UserCpuMillisecondsPerSecond, "0.0");
            Row(n, "start all N (ms)", ours.StartMilliseconds, theirs.StartMilliseconds, "0.0");
            Row(n, "start, per connect (us)", ours.StartMilliseconds * 1000 / n, theirs.StartMilliseconds * 1000 / n, "0.0");
            Row(n, "one more connect, median (us)", ours.LatencyMedianMicroseconds, theirs.LatencyMedianMicroseconds, "0.0");
            Row(n, "one more connect, p99 (us)", ours.LatencyP99Microseconds, theirs.LatencyP99Microseconds, "0.0");
            Row(n, "cancel one more -> completed, median (us)", ours.CancelLatencyMedianMicroseconds, theirs.CancelLatencyMedianMicroseconds, "0.0");
            Row(n, "cancel one more -> completed, p99 (us)", ours.CancelLatencyP99Microseconds, theirs.CancelLatencyP99Microseconds, "0.0");
            Row(n, "cancel all -> all completed (ms)", ours.CancelMilliseconds, theirs.CancelMilliseconds, "0.0");
            Row(n, "managed memory per pending connect (B)", ours.ManagedBytesPerConnect, theirs.ManagedBytesPerConnect, "0");
        }

        if (!throughput)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"| throughput, {ThroughputConcurrency} concurrent connects to an accepting listener | ErrorCatalog.Runtime | Socket.ConnectAsync | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        var rates = implementations.ToDictionary(c => c.Name, _ => new List<double>());
        var costs = implementations.ToDictionary(c => c.Name, _ => new List<double>());
        for (int round = 0; round < ThroughputRounds; round++)
        {
            foreach (var connector in round % 2 == 0 ? implementations : implementations.Reverse())
            {
                var (perSecond, cpu) = await Throughput(connector, accepting.EndPoint, ThroughputDuration);
                rates[connector.Name].Add(perSecond);
                costs[connector.Name].Add(cpu);
            }
        }

        double oursRate = Median(rates[implementations[0].Name]);
        double theirsRate = Median(rates[implementations[1].Name]);
        double oursCost = Median(costs[implementations[0].Name]);
        double theirsCost = Median(costs[implementations[1].Name]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| connects per second (median of {ThroughputRounds} runs of {ThroughputDuration.TotalSeconds:0} s) | {oursRate:0} | {theirsRate:0} | {oursRate / theirsRate:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| process CPU per connect, both ends and the acceptor (us) | {oursCost:0.0} | {theirsCost:0.0} | {oursCost / theirsCost:0.00} |"));
        Console.WriteLine();
        Console.WriteLine($"# done {DateTime.UtcNow:HH:mm} UTC, load average {LoadAverage()}");
    }

    private static void Row(int n, string measure, double ours, double theirs, string format) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {n:N0} | {measure} | {ours.ToString(format, CultureInfo.InvariantCulture)} | {theirs.ToString(format, CultureInfo.InvariantCulture)} | {(theirs == 0 ? "-" : (ours / theirs).ToString("0.00", CultureInfo.InvariantCulture))} |"));

    private static async Task<PendingFigures> PendingRound(IConnector connector, IPEndPoint full, IPEndPoint accepting, int n)
    {
        long managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var cancel = new CancellationTokenSource();
        var pending = new Task<bool>[n];
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++)
        {
            pending[i] = connector.ConnectAsync(full, cancel.Token);
        }

        double startMilliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (pending.Any(task => task.IsCompleted))
        {
            throw new InvalidOperationException($"{connector.Name}: a connect to the full backlog did not stay pending");
        }

        long managedAfter = GC.GetTotalMemory(forceFullCollection: true);

        // CPU of the whole process over two seconds of doing nothing but having N pending.
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var userBefore = process.UserProcessorTime;
        long idleStart = Stopwatch.GetTimestamp();
        await Task.Delay(2_000);
        process.Refresh();
        double idleSeconds = Stopwatch.GetElapsedTime(idleStart).TotalSeconds;
        double cpuPerSecond = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / idleSeconds;
        double userPerSecond = (process.UserProcessorTime - userBefore).TotalMilliseconds / idleSeconds;

        // The cost of one more connect while N stay pending: sequential, to a listener that accepts.
        var latencies = new double[LatencySamples];
        for (int i = 0; i < LatencySamples; i++)
        {
            long one = Stopwatch.GetTimestamp();
            if (!await connector.ConnectAsync(accepting, CancellationToken.None))
            {
                throw new InvalidOperationException($"{connector.Name}: a connect to the accepting listener failed");
            }

            latencies[i] = Stopwatch.GetElapsedTime(one).TotalMicroseconds;
        }

        Array.Sort(latencies);

        // Cancellation latency of one more connect while N stay pending: cancel, then time until its task completes.
        var cancellations = new double[CancelSamples];
        for (int i = 0; i < CancelSamples; i++)
        {
            using var single = new CancellationTokenSource();
            var one = connector.ConnectAsync(full, single.Token);
            long fired = Stopwatch.GetTimestamp();
            single.Cancel();
            if (await one)
            {
                throw new InvalidOperationException($"{connector.Name}: a canceled connect reported success");
            }

            cancellations[i] = Stopwatch.GetElapsedTime(fired).TotalMicroseconds;
        }

        Array.Sort(cancellations);
        long cancelStart = Stopwatch.GetTimestamp();
        cancel.Cancel();
        var outcomes = await Task.WhenAll(pending);
        double cancelMilliseconds = Stopwatch.GetElapsedTime(cancelStart).TotalMilliseconds;
        if (outcomes.Any(connected => connected))
        {
            throw new InvalidOperationException($"{connector.Name}: a canceled connect reported success");
        }

        return new PendingFigures(
            cpuPerSecond,
            userPerSecond,
            startMilliseconds,
            latencies[LatencySamples / 2],
            latencies[(int)(LatencySamples * 0.99)],
            cancelMilliseconds,
            (double)(managedAfter - managedBefore) / n,
            cancellations[CancelSamples / 2],
            cancellations[(int)(CancelSamples * 0.99)]);
    }

    private static async Task<(double PerSecond, double CpuMicroseconds)> Throughput(IConnector connector, IPEndPoint accepting, TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        long completed = 0;
        long end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, ThroughputConcurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                if (!await connector.ConnectAsync(accepting, CancellationToken.None))
                {
                    throw new InvalidOperationException($"{connector.Name}: a connect to the accepting listener failed");
                }

                Interlocked.Increment(ref completed);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        return (completed / seconds, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / completed);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', System.IO.File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (System.IO.IOException)
        {
            return "unknown";
        }
    }

    private sealed record PendingFigures(
        double CpuMillisecondsPerSecond,
        double UserCpuMillisecondsPerSecond,
        double StartMilliseconds,
        double LatencyMedianMicroseconds,
        double LatencyP99Microseconds,
        double CancelMilliseconds,
        double ManagedBytesPerConnect,
        double CancelLatencyMedianMicroseconds,
        double CancelLatencyP99Microseconds)
    {
        internal static PendingFigures Median(List<PendingFigures> rounds)
        {
            double Mid(Func<PendingFigures, double> pick) => AsyncScaleHarness.Median(rounds.Select(pick).ToList());
            return new PendingFigures(
                Mid(r => r.CpuMillisecondsPerSecond),
                Mid(r => r.UserCpuMillisecondsPerSecond),
                Mid(r => r.StartMilliseconds),
                Mid(r => r.LatencyMedianMicroseconds),
                Mid(r => r.LatencyP99Microseconds),
                Mid(r => r.CancelMilliseconds),
                Mid(r => r.ManagedBytesPerConnect),
                Mid(r => r.CancelLatencyMedianMicroseconds),
                Mid(r => r.CancelLatencyP99Microseconds));
        }
    }

    /// <summary>One async connect that reports success or not and closes what it opened.</summary>
    private interface IConnector
    {
        string Name { get; }

        Task<bool> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken);
    }

    private sealed class RuntimeConnector : IConnector
    {
        // Targets are immutable and built once, as a caller would keep them.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IPEndPoint, ConnectTarget> _targets = new();

        public string Name => "ErrorCatalog.Runtime";

        public async Task<bool> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
        {
            var target = _targets.GetOrAdd(endPoint, ConnectTarget.FromEndPoint);
            var result = await SocketConnector.TryConnectAsync(target, cancellationToken: cancellationToken).ConfigureAwait(false);
            result.Socket?.Dispose();
            return result.IsConnected;
        }
    }

    private sealed class SocketConnectAsync : IConnector
    {
        public string Name => "Socket.ConnectAsync";

        public async Task<bool> ConnectAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
        {
            using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    /// <summary>A loopback listener whose thread accepts and closes every connection.</summary>
    private sealed class AcceptingListener : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        internal AcceptingListener()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(4096);
            EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            new Thread(() =>
            {
                try
                {
                    while (true)
                    {
                        _listener.Accept().Dispose();
                    }
                }
                catch (SocketException)
                {
                }
                catch (ObjectDisposedException)
                {
                }
            })
            { IsBackground = true, Name = "accepting listener" }.Start();
        }

        internal IPEndPoint EndPoint { get; }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>
    /// A loopback listener with listen(0) whose queue two connects fill; the kernel then drops
    /// further SYNs, so every new connect stays in SYN_SENT (no root, no firewall rule needed).
    /// </summary>
    private sealed class FullBacklogListener : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly Socket[] _fillers = new Socket[2];

        internal FullBacklogListener()
        {
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(0);
            EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
            for (int i = 0; i < _fillers.Length; i++)
            {
                _fillers[i] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                try
                {
                    _fillers[i].Connect(EndPoint);
                }
                catch (SocketException exception) when (exception.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
                {
                }
            }

            _fillers[0].Poll(2_000_000, SelectMode.SelectWrite);
        }

        internal IPEndPoint EndPoint { get; }

        public void Dispose()
        {
            foreach (var filler in _fillers)
            {
                filler.Dispose();
            }

            _listener.Dispose();
        }
    }
}
