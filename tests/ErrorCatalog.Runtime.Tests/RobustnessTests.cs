using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Runtime.Tests.Child;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// The runtime under resource exhaustion, mass cancellation and completion racing cancellation.
/// In the descriptor-counting collection: nothing else opens descriptors meanwhile.
/// </summary>
[Collection(ResourceCollection.Name)]
public sealed class RobustnessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Exhausted_descriptors_give_a_typed_result_for_that_call_and_the_next_call_recovers()
    {
        var lines = await ChildProcess.RunScenarioAsync(DescriptorLimitScenario.Name);
        string Step(string name) => lines.Single(line => line.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

        Assert.Equal("SocketFailed socket EMFILE", Step("socket-sync"));
        Assert.Equal("SocketFailed socket EMFILE", Step("socket-async"));
        Assert.Equal("SystemCallFailed epoll_create1 EMFILE", Step("waiter"));
        Assert.Equal("Connected", Step("recovered-sync"));
        Assert.Equal("TimedOutByCaller", Step("recovered-async-pending"));
        Assert.Equal("Connected", Step("recovered-async"));
    }

    [SkippableFact]
    public async Task Ten_thousand_pending_connects_canceled_at_once_all_complete_and_leak_nothing()
    {
        const int count = 10_000;
        EnsureDescriptorLimit(count + 1_000);
        using var full = new FullBacklogTcpListener(IPAddress.Loopback);
        // Warm up: the waiter and its descriptors exist before counting.
        Assert.Equal(ConnectOutcome.TimedOutByCaller, (await SocketConnector.TryConnectAsync(full.Target, new ConnectOptions { Timeout = TimeSpan.Zero })).Outcome);
        var before = OpenDescriptors.Snapshot();

        using var cancel = new CancellationTokenSource();
        var pending = new Task<ConnectResult>[count];
        for (int i = 0; i < count; i++)
        {
            pending[i] = SocketConnector.TryConnectAsync(full.Target, cancellationToken: cancel.Token).AsTask();
        }

        Assert.True(ConnectWaiter.TryGetInstance(out var waiter, out _));
        Assert.All(pending, task => Assert.False(task.IsCompleted, "a connect to a full backlog should stay pending"));
        Assert.Equal(count, waiter.PendingCount);
        cancel.Cancel();
        var results = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.All(results, result => Assert.Equal(ConnectOutcome.Canceled, result.Outcome));
        Assert.All(results, result => Assert.Null(result.Socket));
        Assert.Equal(0, waiter.PendingCount);
        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public async Task A_ready_socket_racing_its_cancellation_completes_exactly_once_100000_times()
    {
        const int iterations = 100_000;
        // A UDP socket is always writable: its event reaches the waiter thread at once, while the
        // cancellation fires on this thread.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var handle = socket.SafeHandle;
        Assert.True(ConnectWaiter.TryGetInstance(out var waiter, out _));
        var random = new Random(10);
        int ready = 0, canceled = 0;
        for (int i = 0; i < iterations; i++)
        {
            using var cancel = new CancellationTokenSource();
            var wait = waiter.WaitAsync(handle, Deadline.None, cancel.Token);
            Thread.SpinWait(random.Next(0, 200));
            cancel.Cancel();
            var result = await wait;
            switch (result.Status)
            {
                case ConnectWaiter.WaitStatus.Ready:
                    ready++;
                    break;
                case ConnectWaiter.WaitStatus.Canceled:
                    canceled++;
                    break;
                default:
                    Assert.Fail($"iteration {i}: unexpected {result}");
                    break;
            }
        }

        output.WriteLine($"ready {ready}, canceled {canceled}");
        Assert.Equal(iterations, ready + canceled);
        Assert.Equal(0, waiter.PendingCount);
        // Each wait took one reference on the handle and gave exactly one back: a second release
        // would have closed the socket early, a missing one would keep it open after Dispose.
        socket.Dispose();
        Assert.True(handle.IsClosed, $"ready {ready}, canceled {canceled}");
    }

    [Fact]
    public async Task Real_connects_racing_their_cancellation_end_once_and_leak_nothing()
    {
        const int iterations = 2_000;
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 4096, out var target);
        using var stop = new CancellationTokenSource();
        var acceptor = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    (await listener.AcceptAsync(stop.Token)).Dispose();
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
        Assert.Equal(ConnectOutcome.Connected, Take(await SocketConnector.TryConnectAsync(target)).Outcome);
        var before = OpenDescriptors.Snapshot();

        var random = new Random(10);
        int connected = 0, canceled = 0;
        for (int i = 0; i < iterations; i++)
        {
            using var cancel = new CancellationTokenSource();
            var connect = SocketConnector.TryConnectAsync(target, cancellationToken: cancel.Token).AsTask();
            Thread.SpinWait(random.Next(0, 2_000));
            cancel.Cancel();
            var result = await connect;
            if (result.Outcome == ConnectOutcome.Connected)
            {
                Assert.NotNull(result.Socket);
                connected++;
            }
            else
            {
                Assert.Equal(ConnectOutcome.Canceled, result.Outcome);
                Assert.Null(result.Socket);
                canceled++;
            }

            Take(result);
        }

        stop.Cancel();
        await acceptor;
        output.WriteLine($"connected {connected}, canceled {canceled}");
        Assert.Equal(iterations, connected + canceled);
        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public async Task Caller_timeouts_never_end_early()
    {
        using var full = new FullBacklogTcpListener(IPAddress.Loopback);
        var timeout = TimeSpan.FromMilliseconds(3);
        var options = new ConnectOptions { Timeout = timeout };
        for (int i = 0; i < 100; i++)
        {
            long start = Stopwatch.GetTimestamp();
            var result = i % 2 == 0 ? await SocketConnector.TryConnectAsync(full.Target, options) : SocketConnector.TryConnect(full.Target, options);
            var elapsed = Stopwatch.GetElapsedTime(start);
            Assert.Equal(ConnectOutcome.TimedOutByCaller, result.Outcome);
            Assert.True(elapsed >= timeout, $"iteration {i}: timed out after {elapsed.TotalMilliseconds} ms, before the {timeout.TotalMilliseconds} ms asked for");
        }
    }

    private static ConnectResult Take(ConnectResult result)
    {
        result.Socket?.Dispose();
        return result;
    }

    private static void EnsureDescriptorLimit(int needed)
    {
        var limit = TestNative.GetDescriptorLimit();
        if (limit.Current >= (nuint)needed)
        {
            return;
        }

        if (limit.Maximum < (nuint)needed)
        {
            Privileges.SetupFailed($"RLIMIT_NOFILE's hard limit is {limit.Maximum}; the test needs {needed} descriptors");
        }

        TestNative.SetDescriptorSoftLimit((nuint)needed);
    }
}
