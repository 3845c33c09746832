using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>
/// Host-name targets on Windows: resolved, then raced (Dialing/HostDialer.cs) over the Windows connector. The only
/// name given to the system's resolver is "localhost"; names that must not resolve go to a resolver of the check's
/// own, so no DNS query ever leaves the machine.
/// </summary>
internal static class HostChecks
{
    private const string LocalHost = "localhost";

    /// <summary>A name under .invalid (RFC 2606), handed only to the checks' own resolvers.</summary>
    private const string UnresolvableName = "errorcatalog-harness.invalid";

    public static void Register(CheckRunner runner, WinsockView winsock)
    {
        runner.Run("host-localhost-connected", HostConnected);
        runner.Run("host-dns-endpoint-connected-async", DnsEndPointConnectedAsync);
        runner.Run("host-localhost-all-attempts-refused", () => AllRefused(winsock));
        runner.Run("host-localhost-all-attempts-refused-throwing-async", () => AllRefusedThrowingAsync(winsock));
        runner.Run("host-not-resolved-no-address", NoAddress);
        runner.Run("host-not-resolved-host-not-found-throwing", HostNotFoundThrowing);
    }

    /// <summary>Host("localhost", port, InterNetwork) to an IPv4 listener: one attempt, to 127.0.0.1, connected.</summary>
    private static string HostConnected()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var result = SocketConnector.TryConnect(ConnectTarget.Host(LocalHost, port, AddressFamily.InterNetwork));
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, $"outcome ({result.Message})");
        Expect.True(result.Attempts.All(attempt => attempt.EndPoint.AddressFamily == AddressFamily.InterNetwork), $"an attempt of the wrong family: {string.Join("; ", result.Attempts)}");
        var winner = result.Attempts[^1];
        Expect.Equal(ConnectOutcome.Connected, winner.Outcome, "last attempt's outcome");
        Expect.Equal(new IPEndPoint(IPAddress.Loopback, port), winner.EndPoint, "winning attempt's endpoint");
        return Exchange(listener, result);
    }

    /// <summary>
    /// A DnsEndPoint of any family to an IPv4 listener, async: whatever localhost resolves to, the attempt to
    /// 127.0.0.1 connects, and any other attempt (::1, where nothing listens on that port) was refused or canceled.
    /// </summary>
    private static async Task<string> DnsEndPointConnectedAsync()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var target = ConnectTarget.FromEndPoint(new DnsEndPoint(LocalHost, port));
        Expect.Equal(ConnectTargetKind.HostName, target.Kind, "target kind of a DnsEndPoint");
        var result = await SocketConnector.TryConnectAsync(target, new ConnectOptions { Timeout = TimeSpan.FromSeconds(30) });
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, $"outcome ({result.Message})");
        var winners = result.Attempts.Where(attempt => attempt.Outcome == ConnectOutcome.Connected).ToList();
        Expect.Equal(1, winners.Count, $"connected attempts ({string.Join("; ", result.Attempts)})");
        Expect.Equal(new IPEndPoint(IPAddress.Loopback, port), winners[0].EndPoint, "winning attempt's endpoint");
        foreach (var loser in result.Attempts.Where(attempt => attempt.Outcome != ConnectOutcome.Connected))
        {
            Expect.True(
                loser.Outcome == ConnectOutcome.Canceled || (loser.Outcome == ConnectOutcome.Failed && loser.Result.NativeError.Code == (int)SocketError.ConnectionRefused),
                $"attempt {loser}: expected refused or canceled");
        }

        return $"{Exchange(listener, result)}; attempts: {string.Join("; ", result.Attempts)}";
    }

    /// <summary>
    /// A port closed on both loopback addresses: every address localhost resolves to is tried, each refused with
    /// WSAECONNREFUSED (10061) read as ECONNREFUSED, and the outcome is AllAttemptsFailed with no socket.
    /// </summary>
    private static string AllRefused(WinsockView winsock)
    {
        int port = Loopback.ClosedPortOnBothFamilies();
        var result = SocketConnector.TryConnect(ConnectTarget.Host(LocalHost, port));
        Expect.Equal(ConnectOutcome.AllAttemptsFailed, result.Outcome, $"outcome ({result.Message})");
        Expect.True(result.Socket is null, "AllAttemptsFailed handed back a socket");
        var tried = ExpectEveryAddressRefused(winsock, result.Attempts, port);
        return $"AllAttemptsFailed after {tried}";
    }

    /// <summary>The throwing API for the same case: ConnectAttemptsException, one ConnectException.ConnectionRefused per address.</summary>
    private static async Task<string> AllRefusedThrowingAsync(WinsockView winsock)
    {
        int port = Loopback.ClosedPortOnBothFamilies();
        var exception = await Expect.ThrowsAsync<ConnectAttemptsException>(
            async () => (await SocketConnector.ConnectAsync(ConnectTarget.Host(LocalHost, port))).Dispose(),
            "ConnectAsync to localhost on a closed port");
        var tried = ExpectEveryAddressRefused(winsock, exception.Attempts, port);
        Expect.Equal(exception.Attempts.Count, exception.InnerExceptions.Count, "inner exceptions, one per attempt");
        foreach (var inner in exception.InnerExceptions)
        {
            Expect.True(inner is ConnectException.ConnectionRefused, $"inner exception {inner.GetType().Name}, expected ConnectException.ConnectionRefused");
        }

        Expect.Equal(SocketError.ConnectionRefused, exception.SocketErrorCode, "SocketErrorCode of the ConnectAttemptsException");
        return $"ConnectAttemptsException after {tried}";
    }

    /// <summary>A resolver with no address for the name: HostNotResolved with NoData, no attempt, no socket.</summary>
    private static async Task<string> NoAddress()
    {
        var resolver = new RecordingResolver(() => []);
        var options = new ConnectOptions { Resolver = resolver };
        var result = await SocketConnector.TryConnectAsync(ConnectTarget.Host(UnresolvableName, 80), options);
        Expect.Equal(ConnectOutcome.HostNotResolved, result.Outcome, "outcome");
        Expect.Equal(SocketError.NoData, result.ResolutionError.Error, "resolution error");
        Expect.Equal(0, result.Attempts.Count, "attempts");
        Expect.True(result.Socket is null, "HostNotResolved handed back a socket");
        Expect.Equal(UnresolvableName, string.Join(",", resolver.Names), "names the resolver was asked for");
        var thrown = Expect.Throws<SocketException>(result.ThrowIfFailed, "ThrowIfFailed of HostNotResolved");
        Expect.Equal(SocketError.NoData, thrown.SocketErrorCode, "SocketErrorCode thrown");
        Expect.True(thrown is not ConnectAttemptsException, "HostNotResolved thrown as ConnectAttemptsException");
        return $"HostNotResolved NoData ({result.ResolutionError.Message}), nothing tried";
    }

    /// <summary>A resolver that answers HostNotFound: the synchronous throwing API raises a SocketException with it.</summary>
    private static string HostNotFoundThrowing()
    {
        var resolver = new RecordingResolver(() => throw new SocketException((int)SocketError.HostNotFound));
        var options = new ConnectOptions { Resolver = resolver };
        var thrown = Expect.Throws<SocketException>(() => SocketConnector.Connect(ConnectTarget.Host(UnresolvableName, 80), options).Dispose(), "Connect to a name that does not resolve");
        Expect.Equal(SocketError.HostNotFound, thrown.SocketErrorCode, "SocketErrorCode thrown");
        Expect.Equal(1, resolver.Names.Count, "calls to the resolver");
        var result = SocketConnector.TryConnect(ConnectTarget.Host(UnresolvableName, 80), options);
        Expect.Equal(ConnectOutcome.HostNotResolved, result.Outcome, "outcome of TryConnect");
        Expect.Equal(SocketError.HostNotFound, result.ResolutionError.Error, "resolution error of TryConnect");
        return $"SocketException {thrown.SocketErrorCode}; TryConnect: HostNotResolved {result.ResolutionError.Error}";
    }

    /// <summary>Every address localhost resolves to (the system's own answer) was tried once and refused.</summary>
    private static string ExpectEveryAddressRefused(WinsockView winsock, IReadOnlyList<ConnectAttempt> attempts, int port)
    {
        var expected = Dns.GetHostAddresses(LocalHost)
            .Where(address => address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .Select(address => new IPEndPoint(address, port).ToString())
            .Order(StringComparer.Ordinal)
            .ToList();
        var tried = attempts.Select(attempt => attempt.EndPoint.ToString()).Order(StringComparer.Ordinal).ToList();
        Expect.Equal(string.Join(", ", expected), string.Join(", ", tried), "addresses tried");
        foreach (var attempt in attempts)
        {
            winsock.ExpectNative(attempt.Result, ConnectOutcome.Failed, SocketError.ConnectionRefused, "WSAECONNREFUSED", ConnectError.ConnectionRefused);
        }

        return $"{attempts.Count} attempt(s), each WSAECONNREFUSED (10061): {string.Join("; ", attempts)}";
    }

    private static string Exchange(Socket listener, ConnectResult result)
    {
        using var socket = result.Socket!.ToSocket();
        using var accepted = listener.Accept();
        socket.Send([5]);
        var buffer = new byte[1];
        Expect.Equal(1, accepted.Receive(buffer), "bytes received by the listener");
        return $"Connected to {socket.RemoteEndPoint}, one byte through";
    }

    /// <summary>A resolver that records the names it is asked for and answers with <paramref name="answer"/>; it never queries anything.</summary>
    private sealed class RecordingResolver(Func<IReadOnlyList<IPAddress>> answer) : IHostResolver
    {
        public List<string> Names { get; } = [];

        public ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string hostName, AddressFamily family, CancellationToken cancellationToken)
        {
            lock (Names)
            {
                Names.Add(hostName);
            }

            return ValueTask.FromResult(answer());
        }
    }
}
