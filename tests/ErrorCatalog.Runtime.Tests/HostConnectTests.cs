using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// Host-name targets: resolution through an injectable resolver, then Happy Eyeballs (RFC 8305) over the real
/// kernel's loopback. A "silent" address is a loopback listener whose accept queue is full, so the kernel drops the
/// SYN and the attempt stays pending, like a blackholed route.
/// Its descriptor counts need the process to itself, so it runs with the other resource tests, not in parallel.
/// </summary>
[Collection(ResourceCollection.Name)]
public sealed class HostConnectTests
{
    private static readonly TimeSpan TestDelay = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Localhost_through_the_system_resolver_connects_and_reports_its_attempt()
    {
        var resolved = await Dns.GetHostAddressesAsync("localhost");
        // A dual-mode listener takes IPv4 (as mapped addresses) and IPv6 alike, whatever localhost resolves to here.
        using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        listener.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        listener.Listen(16);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;

        var result = await SocketConnector.TryConnectAsync(ConnectTarget.Host("localhost", port));
        Expect.Connected(result);
        Assert.Equal(ConnectTargetKind.HostName, result.Target.Kind);
        var attempt = Assert.Single(result.Attempts);
        Assert.Equal(ConnectOutcome.Connected, attempt.Outcome);
        Assert.Equal(resolved[0], attempt.EndPoint.Address);
        Assert.Equal(port, attempt.EndPoint.Port);
        Assert.Null(attempt.Result.Socket);
        result.Socket!.Dispose();
    }

    [Fact]
    public void Localhost_with_nothing_listening_reports_every_resolved_address_refused_in_interleaved_order()
    {
        var resolved = Dns.GetHostAddresses("localhost");
        using var holder = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
        holder.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
        int port = ((IPEndPoint)holder.LocalEndPoint!).Port;

        var result = SocketConnector.TryConnect(ConnectTarget.Host("localhost", port));
        Assert.Equal(ConnectOutcome.AllAttemptsFailed, result.Outcome);
        Assert.Equal(HostDialerOrder(resolved), result.Attempts.Select(attempt => attempt.EndPoint.Address));
        Assert.All(result.Attempts, attempt => Expect.Failure(attempt.Result, "ECONNREFUSED", LinuxErrno.ECONNREFUSED));
        var exception = Assert.IsType<ConnectAttemptsException>(result.ToException());
        Assert.Equal(SocketError.ConnectionRefused, exception.SocketErrorCode);
        Assert.Equal(result.Attempts.Count, exception.InnerExceptions.Count);
        Assert.All(exception.InnerExceptions, inner => Assert.IsType<ConnectException.ConnectionRefused>(inner));
    }

    [Fact]
    public void Families_are_interleaved_starting_with_the_first_address_family()
    {
        var v6a = IPAddress.Parse("2001:db8::1");
        var v6b = IPAddress.Parse("2001:db8::2");
        var v4a = IPAddress.Parse("192.0.2.1");
        var v4b = IPAddress.Parse("192.0.2.2");
        var v4c = IPAddress.Parse("192.0.2.3");
        Assert.Equal([v6a, v4a, v6b, v4b], HostDialer.Interleave([v6a, v6b, v4a, v4b]));
        Assert.Equal([v4a, v6a, v4b, v6b, v4c], HostDialer.Interleave([v4a, v4b, v6a, v4c, v6b]));
        Assert.Empty(HostDialer.Interleave([]));
    }

    [Fact]
    public async Task A_silent_first_address_is_overtaken_by_the_second_after_the_attempt_delay_and_then_canceled()
    {
        using var silent = new FullBacklogTcpListener(IPAddress.Loopback);
        int port = silent.Target.Port;
        // Same port, another loopback address: the good one.
        using var good = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        good.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), port));
        good.Listen(16);
        var resolver = new ListResolver(IPAddress.Loopback, IPAddress.Parse("127.0.0.2"));
        var options = new ConnectOptions { Resolver = resolver, AttemptDelay = TestDelay };
        var target = ConnectTarget.Host("race.test", port);

        var before = OpenDescriptors.Snapshot();
        foreach (bool asynchronous in new[] { false, true })
        {
            var result = asynchronous ? await SocketConnector.TryConnectAsync(target, options) : SocketConnector.TryConnect(target, options);
            AssertSecondWon(result, IPAddress.Parse("127.0.0.2"));
            result.Socket!.Dispose();
        }

        OpenDescriptors.AssertUnchanged(before);
    }

    [SkippableFact]
    public void In_a_namespace_a_blackholed_first_address_is_overtaken_and_every_socket_is_made_on_the_calling_thread()
    {
        using var ns = NetworkNamespace.Create("create a network namespace with a silent route", "dial");
        ns.Exec("ip", "link", "set", "lo", "up");
        Blackhole.Add(ns, "dial0", "10.80.0.1/24", "10.80.0.2");
        var resolver = new ListResolver(IPAddress.Parse("10.80.0.2"), IPAddress.Loopback);
        var result = ns.Run(() =>
        {
            // The listener exists only in the namespace: an attempt made from another thread (the host's
            // namespace) could not reach it.
            using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var inside);
            var connect = SocketConnector.TryConnect(ConnectTarget.Host("blackholed.test", inside.Port), new ConnectOptions { Resolver = resolver, AttemptDelay = TestDelay });
            connect.Socket?.Dispose();
            return connect;
        });
        AssertSecondWon(result, IPAddress.Loopback);
    }

    [Fact]
    public async Task When_every_address_fails_each_error_is_reported_refused_on_one_timed_out_on_the_other()
    {
        using var silent = new FullBacklogTcpListener(IPAddress.Loopback);
        using var closed = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.IPv6Loopback, silent.Target.Port));
        var options = new ConnectOptions
        {
            Resolver = new ListResolver(IPAddress.IPv6Loopback, IPAddress.Loopback),
            AttemptDelay = TestDelay,
            // The kernel's own ETIMEDOUT for the silent address, soon.
            TcpUserTimeout = TimeSpan.FromMilliseconds(300),
        };

        var target = ConnectTarget.Host("both-fail.test", silent.Target.Port);
        var result = await SocketConnector.TryConnectAsync(target, options);
        Assert.Equal(ConnectOutcome.AllAttemptsFailed, result.Outcome);
        Assert.Equal(2, result.Attempts.Count);
        Assert.Equal(IPAddress.IPv6Loopback, result.Attempts[0].EndPoint.Address);
        Expect.Failure(result.Attempts[0].Result, "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
        Expect.Failure(result.Attempts[1].Result, "ETIMEDOUT", LinuxErrno.ETIMEDOUT);
        Assert.Contains("ECONNREFUSED", result.Message, StringComparison.Ordinal);
        Assert.Contains("ETIMEDOUT", result.Message, StringComparison.Ordinal);

        var thrown = await Assert.ThrowsAsync<ConnectAttemptsException>(async () => await SocketConnector.ConnectAsync(target, options));
        Assert.Equal(2, thrown.Attempts.Count);
        Assert.IsType<ConnectException.ConnectionRefused>(thrown.InnerExceptions[0]);
        Assert.IsType<ConnectException.TimedOut>(thrown.InnerExceptions[1]);
        Assert.Equal(SocketError.ConnectionRefused, thrown.SocketErrorCode);
    }

    [Fact]
    public async Task The_callers_timeout_covers_the_whole_race_and_cancels_every_pending_attempt()
    {
        using var silent = new FullBacklogTcpListener(IPAddress.Loopback);
        var options = new ConnectOptions
        {
            // The same silent address twice: two attempts pending when the caller's limit runs out.
            Resolver = new ListResolver(IPAddress.Loopback, IPAddress.Loopback),
            AttemptDelay = TestDelay,
            Timeout = TimeSpan.FromMilliseconds(300),
        };
        var before = OpenDescriptors.Snapshot();
        foreach (bool asynchronous in new[] { false, true })
        {
            var target = ConnectTarget.Host("silent.test", silent.Target.Port);
            var result = asynchronous ? await SocketConnector.TryConnectAsync(target, options) : SocketConnector.TryConnect(target, options);
            Assert.Equal(ConnectOutcome.TimedOutByCaller, result.Outcome);
            Assert.Null(result.Socket);
            Assert.Equal(2, result.Attempts.Count);
            Assert.All(result.Attempts, attempt => Assert.Equal(ConnectOutcome.Canceled, attempt.Outcome));
            Assert.IsType<TimeoutException>(result.ToException());
        }

        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public async Task Cancellation_racing_completion_gives_one_outcome_and_leaks_nothing()
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 512, out var inside);
        var options = new ConnectOptions { Resolver = new ListResolver(IPAddress.IPv6Loopback, IPAddress.Loopback), AttemptDelay = ConnectOptions.MinimumAttemptDelay };
        var target = ConnectTarget.Host("race.test", inside.Port);
        var before = OpenDescriptors.Snapshot();
        int connected = 0, canceled = 0;
        for (int i = 0; i < 300; i++)
        {
            using var cancel = new CancellationTokenSource();
            var pending = SocketConnector.TryConnectAsync(target, options, cancel.Token).AsTask();
            if (i % 3 != 0)
            {
                await Task.Yield();
            }

            cancel.Cancel();
            var result = await pending;
            Assert.True(result.Outcome is ConnectOutcome.Connected or ConnectOutcome.Canceled, result.ToString());
            Assert.Equal(result.Outcome == ConnectOutcome.Connected, result.Socket is not null);
            Assert.All(result.Attempts, attempt => Assert.Null(attempt.Result.Socket));
            if (result.Socket is { } socket)
            {
                connected++;
                socket.Dispose();
            }
            else
            {
                canceled++;
            }

            // Accept what got through so the backlog never fills.
            listener.Blocking = false;
            while (listener.Poll(0, SelectMode.SelectRead))
            {
                listener.Accept().Dispose();
            }
        }

        Assert.Equal(300, connected + canceled);
        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_typed_with_the_resolvers_error()
    {
        var target = ConnectTarget.Host("nowhere.test", 80);
        foreach (var error in new[] { SocketError.HostNotFound, SocketError.TryAgain, SocketError.NoData })
        {
            var options = new ConnectOptions { Resolver = new ThrowingResolver(new SocketException((int)error)) };
            var result = await SocketConnector.TryConnectAsync(target, options);
            Assert.Equal(ConnectOutcome.HostNotResolved, result.Outcome);
            Assert.Equal(error, result.ResolutionError.Error);
            Assert.Empty(result.Attempts);
            Assert.Null(result.Socket);
            var exception = Assert.IsType<SocketException>(result.ToException());
            Assert.Equal(error, exception.SocketErrorCode);
            Assert.Contains("nowhere.test", exception.Message, StringComparison.Ordinal);
            Assert.Equal(error, Assert.Throws<SocketException>(() => SocketConnector.Connect(target, options)).SocketErrorCode);
        }
    }

    [Fact]
    public async Task An_empty_answer_or_one_without_the_family_asked_for_is_NoData()
    {
        var empty = await SocketConnector.TryConnectAsync(ConnectTarget.Host("empty.test", 80), new ConnectOptions { Resolver = new ListResolver() });
        Assert.Equal(ConnectOutcome.HostNotResolved, empty.Outcome);
        Assert.Equal(SocketError.NoData, empty.ResolutionError.Error);

        var onlyV4 = new ListResolver(IPAddress.Loopback);
        var v6Wanted = SocketConnector.TryConnect(ConnectTarget.FromEndPoint(new DnsEndPoint("v4.test", 80, AddressFamily.InterNetworkV6)), new ConnectOptions { Resolver = onlyV4 });
        Assert.Equal(ConnectOutcome.HostNotResolved, v6Wanted.Outcome);
        Assert.Equal(SocketError.NoData, v6Wanted.ResolutionError.Error);
        Assert.Equal(AddressFamily.InterNetworkV6, onlyV4.AskedFamily);
    }

    [Fact]
    public async Task A_resolver_throwing_anything_else_propagates_and_a_canceled_resolution_is_Canceled()
    {
        var failure = new InvalidOperationException("resolver bug");
        var throwing = new ConnectOptions { Resolver = new ThrowingResolver(failure) };
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(async () => await SocketConnector.TryConnectAsync(ConnectTarget.Host("bug.test", 80), throwing)));
        Assert.Same(failure, Assert.Throws<InvalidOperationException>(() => SocketConnector.TryConnect(ConnectTarget.Host("bug.test", 80), throwing)));

        using var cancel = new CancellationTokenSource();
        var hanging = new ConnectOptions { Resolver = new HangingResolver() };
        var pending = SocketConnector.TryConnectAsync(ConnectTarget.Host("slow.test", 80), hanging, cancel.Token);
        cancel.Cancel();
        Assert.Equal(ConnectOutcome.Canceled, (await pending).Outcome);

        var timedOut = await SocketConnector.TryConnectAsync(ConnectTarget.Host("slow.test", 80), hanging with { Timeout = TimeSpan.FromMilliseconds(20) });
        Assert.Equal(ConnectOutcome.TimedOutByCaller, timedOut.Outcome);
    }

    [Fact]
    public void Host_targets_are_checked_when_made_and_refuse_what_cannot_work()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectTarget.Host("example.test", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectTarget.Host("example.test", 65536));
        Assert.Throws<ArgumentException>(() => ConnectTarget.Host("", 80));
        Assert.Throws<ArgumentException>(() => ConnectTarget.Host("bad name", 80));
        Assert.Throws<ArgumentException>(() => ConnectTarget.Host("nul\0.test", 80));
        Assert.Throws<ArgumentException>(() => ConnectTarget.Host(new string('a', 254), 80));
        Assert.Throws<ArgumentException>(() => ConnectTarget.Host("example.test", 80, AddressFamily.Unix));
        Assert.Equal("example.test:80", ConnectTarget.Host("example.test", 80).ToString());
        Assert.Equal(ConnectTargetKind.HostName, ConnectTarget.FromEndPoint(new DnsEndPoint("example.test", 80)).Kind);

        var host = ConnectTarget.Host("example.test", 80);
        using var own = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.Throws<ArgumentException>(() => SocketConnector.TryConnect(own.SafeHandle, host));
        Assert.Throws<ArgumentException>(() => SocketConnector.TryConnect(host, new ConnectOptions { NonBlocking = true }));
    }

    private static void AssertSecondWon(ConnectResult result, IPAddress winner)
    {
        Expect.Connected(result);
        Assert.Equal(2, result.Attempts.Count);
        var (first, second) = (result.Attempts[0], result.Attempts[1]);
        // The first attempt started first, was still pending when the second connected, and was canceled.
        Assert.Equal(ConnectOutcome.Canceled, first.Outcome);
        Assert.Equal(ConnectOutcome.Connected, second.Outcome);
        Assert.Equal(winner, second.EndPoint.Address);
        Assert.True(second.StartedAfter - first.StartedAfter >= TestDelay, $"the second attempt started {second.StartedAfter - first.StartedAfter} after the first");
    }

    /// <summary>The order the dialer must try <paramref name="addresses"/> in, computed here from the RFC's rule, independently of the runtime.</summary>
    private static List<IPAddress> HostDialerOrder(IReadOnlyList<IPAddress> addresses)
    {
        var first = addresses.Where(a => a.AddressFamily == addresses[0].AddressFamily).ToList();
        var second = addresses.Where(a => a.AddressFamily != addresses[0].AddressFamily).ToList();
        var order = new List<IPAddress>();
        for (int i = 0; i < Math.Max(first.Count, second.Count); i++)
        {
            if (i < first.Count)
            {
                order.Add(first[i]);
            }

            if (i < second.Count)
            {
                order.Add(second[i]);
            }
        }

        return order;
    }

    private sealed class ListResolver(params IPAddress[] addresses) : IHostResolver
    {
        internal AddressFamily? AskedFamily { get; private set; }

        public ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string hostName, AddressFamily family, CancellationToken cancellationToken)
        {
            AskedFamily = family;
            return ValueTask.FromResult<IReadOnlyList<IPAddress>>(addresses);
        }
    }

    private sealed class ThrowingResolver(Exception exception) : IHostResolver
    {
        public ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string hostName, AddressFamily family, CancellationToken cancellationToken) =>
            ValueTask.FromException<IReadOnlyList<IPAddress>>(exception);
    }

    private sealed class HangingResolver : IHostResolver
    {
        public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string hostName, AddressFamily family, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }
}
