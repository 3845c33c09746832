using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime.WindowsHarness.Checks;

/// <summary>
/// <see cref="ConnectOptions"/> socket options on Windows (SocketSetup.cs with Winsock's numbers), each judged by
/// what it does to the connect or to the socket, read back through .NET's own option names rather than the runtime's
/// numbers; and the options Winsock has no equivalent for, refused before any Winsock call.
/// </summary>
internal static class OptionChecks
{
    public static void Register(CheckRunner runner)
    {
        runner.Run("option-local-endpoint-port", LocalEndPointPort);
        runner.Run("option-local-endpoint-any-address-ipv6-async", LocalEndPointAnyAddressIpv6Async);
        runner.Run("option-local-endpoint-in-use", LocalEndPointInUse);
        runner.Run("option-reuse-address", ReuseAddress);
        runner.Run("option-ipv6-only-v4-mapped", Ipv6OnlyV4Mapped);
        runner.Run("option-hop-limit", HopLimit);
        runner.Run("option-no-windows-equivalent", NoWindowsEquivalent);
    }

    /// <summary>LocalEndPoint 127.0.0.1:P: getsockname() of the connected socket and the peer the listener accepted both show port P.</summary>
    private static string LocalEndPointPort()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        var local = Loopback.ClosedPort(AddressFamily.InterNetwork);
        var result = SocketConnector.TryConnect(ConnectTarget.FromEndPoint(listener.LocalEndPoint!), new ConnectOptions { LocalEndPoint = local });
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, $"outcome ({result.Message})");
        using var socket = result.Socket!.ToSocket();
        Expect.Equal<EndPoint?>(local, socket.LocalEndPoint, "getsockname() of the connected socket");
        using var accepted = listener.Accept();
        Expect.Equal<EndPoint?>(local, accepted.RemoteEndPoint, "peer seen by the listener");
        return $"bound to {local} before connect; the listener saw {accepted.RemoteEndPoint}";
    }

    /// <summary>LocalEndPoint IPAddress.Any:P towards an IPv6 target: bound to [::]:P, the port kept, async.</summary>
    private static async Task<string> LocalEndPointAnyAddressIpv6Async()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetworkV6);
        int port = Loopback.ClosedPort(AddressFamily.InterNetworkV6).Port;
        var options = new ConnectOptions { LocalEndPoint = new IPEndPoint(IPAddress.Any, port) };
        var result = await SocketConnector.TryConnectAsync(ConnectTarget.FromEndPoint(listener.LocalEndPoint!), options);
        Expect.Equal(ConnectOutcome.Connected, result.Outcome, $"outcome ({result.Message})");
        using var socket = result.Socket!.ToSocket();
        var bound = (IPEndPoint)socket.LocalEndPoint!;
        Expect.Equal(port, bound.Port, "local port of the connected socket");
        Expect.Equal(AddressFamily.InterNetworkV6, bound.AddressFamily, "family of the local address");
        using var accepted = await listener.AcceptAsync();
        return $"IPAddress.Any:{port} towards {listener.LocalEndPoint}: connected from {bound}";
    }

    /// <summary>A local port another socket holds: bind() fails with WSAEADDRINUSE (10048), SystemCallFailed naming bind, and SystemCallException when thrown.</summary>
    private static string LocalEndPointInUse()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new ConnectOptions { LocalEndPoint = (IPEndPoint)holder.LocalEndPoint! };
        var target = ConnectTarget.FromEndPoint(listener.LocalEndPoint!);
        var result = SocketConnector.TryConnect(target, options);
        var failure = ExpectAddressInUse(result);
        var thrown = Expect.Throws<SystemCallException>(() => SocketConnector.Connect(target, options).Dispose(), "Connect from a local port in use");
        Expect.Equal(failure, thrown.Error, "SystemCallException.Error");
        return $"{failure}";
    }

    /// <summary>
    /// ReuseAddress: a port another socket holds with SO_REUSEADDR can be bound and connected from (and is refused
    /// without the option). Winsock lets the second socket alone decide; Wine passes the option to Linux, where both
    /// sockets must ask, so the holder asks too.
    /// </summary>
    private static string ReuseAddress()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)holder.LocalEndPoint!;
        var target = ConnectTarget.FromEndPoint(listener.LocalEndPoint!);
        var without = SocketConnector.TryConnect(target, new ConnectOptions { LocalEndPoint = local });
        ExpectAddressInUse(without);
        var with = SocketConnector.TryConnect(target, new ConnectOptions { LocalEndPoint = local, ReuseAddress = true });
        Expect.Equal(ConnectOutcome.Connected, with.Outcome, $"outcome with ReuseAddress ({with.Message})");
        using var socket = with.Socket!.ToSocket();
        Expect.Equal<EndPoint?>(local, socket.LocalEndPoint, "getsockname() of the connected socket");
        Expect.Equal(1, (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress)!, "SO_REUSEADDR read back");
        using var accepted = listener.Accept();
        return $"without: {without.SystemCallError}; with ReuseAddress: connected from {socket.LocalEndPoint}";
    }

    /// <summary>
    /// Ipv6Only towards ::ffff:127.0.0.1 (an IPv4 listener): false makes a dual-stack socket that connects; true a
    /// v6-only one that Winsock refuses with a code the catalog lists.
    /// </summary>
    private static string Ipv6OnlyV4Mapped()
    {
        using var listener = Loopback.Listen(AddressFamily.InterNetwork);
        var mapped = ConnectTarget.Ip(IPAddress.Loopback.MapToIPv6(), ((IPEndPoint)listener.LocalEndPoint!).Port);
        var dual = SocketConnector.TryConnect(mapped, new ConnectOptions { Ipv6Only = false });
        Expect.Equal(ConnectOutcome.Connected, dual.Outcome, $"outcome with Ipv6Only = false ({dual.Message})");
        using (var socket = dual.Socket!.ToSocket())
        {
            Expect.True(socket.DualMode, "Socket.DualMode of the connected socket is false");
            using var accepted = listener.Accept();
        }

        var only = SocketConnector.TryConnect(mapped, new ConnectOptions { Ipv6Only = true });
        Expect.Equal(ConnectOutcome.Failed, only.Outcome, $"outcome with Ipv6Only = true ({only.Message})");
        Expect.True(only.NativeError.IsKnown, $"Winsock code {only.NativeError.Code} is not in the catalog");
        return $"Ipv6Only = false: connected to {mapped}; true: {only.NativeError.Name} ({only.NativeError.Code})";
    }

    /// <summary>HopLimit sets IP_TTL on IPv4 and IPV6_UNICAST_HOPS on IPv6; read back with .NET's IpTimeToLive at each level.</summary>
    private static string HopLimit()
    {
        var seen = new int[2];
        var families = new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 };
        for (var i = 0; i < families.Length; i++)
        {
            using var listener = Loopback.Listen(families[i]);
            var result = SocketConnector.TryConnect(ConnectTarget.FromEndPoint(listener.LocalEndPoint!), new ConnectOptions { HopLimit = 7 + i });
            Expect.Equal(ConnectOutcome.Connected, result.Outcome, $"{families[i]} outcome ({result.Message})");
            using var socket = result.Socket!.ToSocket();
            var level = families[i] == AddressFamily.InterNetwork ? SocketOptionLevel.IP : SocketOptionLevel.IPv6;
            seen[i] = (int)socket.GetSocketOption(level, SocketOptionName.IpTimeToLive)!;
            Expect.Equal(7 + i, seen[i], $"{families[i]} hop limit read back");
            using var accepted = listener.Accept();
        }

        return $"IP_TTL {seen[0]}, IPV6_UNICAST_HOPS {seen[1]} read back from the connected sockets";
    }

    /// <summary>The options Winsock has no equivalent for: PlatformNotSupportedException naming the option, before any Winsock call.</summary>
    private static string NoWindowsEquivalent()
    {
        var target = ConnectTarget.Ip(IPAddress.Loopback, Loopback.ClosedPort(AddressFamily.InterNetwork).Port);
        var refused = new (string Option, ConnectOptions Options)[]
        {
            (nameof(ConnectOptions.ReusePort), new ConnectOptions { ReusePort = true }),
            (nameof(ConnectOptions.BindToDevice), new ConnectOptions { BindToDevice = "lo" }),
            (nameof(ConnectOptions.TcpSynRetries), new ConnectOptions { TcpSynRetries = 2 }),
            (nameof(ConnectOptions.TcpUserTimeout), new ConnectOptions { TcpUserTimeout = TimeSpan.FromSeconds(5) }),
            (nameof(ConnectOptions.SendTimeout), new ConnectOptions { SendTimeout = TimeSpan.FromSeconds(5) }),
            (nameof(ConnectOptions.BeforeConnect), new ConnectOptions { BeforeConnect = (_, _) => throw new CheckFailedException("BeforeConnect ran on Windows") }),
        };
        foreach (var (option, options) in refused)
        {
            var exception = Expect.Throws<PlatformNotSupportedException>(() => SocketConnector.TryConnect(target, options), option);
            Expect.True(exception.Message.StartsWith($"ConnectOptions.{option} ", StringComparison.Ordinal), $"{option}: message does not name the option: {exception.Message}");
        }

        return $"{refused.Length} options refused, each naming itself";
    }

    private static SystemCallError ExpectAddressInUse(ConnectResult result)
    {
        Expect.Equal(ConnectOutcome.SystemCallFailed, result.Outcome, $"outcome ({result.Message})");
        var failure = result.SystemCallError;
        Expect.Equal("bind", failure.Call, "failed call");
        Expect.Equal(ErrorCatalog.Connect.ConnectPlatform.Windows, failure.Platform, "platform of the code");
        Expect.Equal((int)SocketError.AddressAlreadyInUse, failure.Code, "raw Winsock code");
        Expect.Equal("WSAEADDRINUSE", failure.Name, "name of the code");
        return failure;
    }
}
