using System;
using System.Net;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// Socket-option errors that need interfaces and routes of their own: each test builds network namespaces named
/// "dial-PID-N" (root), links them with veth pairs or sends into a veth device whose peer is down (see
/// <see cref="Blackhole"/>), and deletes them afterwards. In CI they must run; without root they are skipped.
/// </summary>
public sealed class SocketOptionNamespaceTests
{
    private const string Owner = "dial";
    private const int ENODEV = 19;

    [SkippableFact]
    public void A_bound_device_deleted_before_connect_is_ENODEV()
    {
        using var ns = NetworkNamespace.Create("create a network namespace with a veth device", Owner);
        Blackhole.Add(ns, "dial0", "10.77.0.1/24", "10.77.0.2");
        var options = new ConnectOptions
        {
            BindToDevice = "dial0",
            // Runs after SO_BINDTODEVICE was set and before connect(): the device goes away in between.
            BeforeConnect = (_, _) => ns.Exec("ip", "link", "del", "dial0"),
        };

        // net/ipv4/route.c ip_route_output_key_hash_rcu(): the socket's bound interface index no longer exists.
        var result = ns.Run(() => SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Parse("10.77.0.2"), 80), options));
        Expect.Failure(result, "ENODEV", ENODEV);
    }

    [SkippableFact]
    public void Binding_to_a_device_that_does_not_exist_is_a_setsockopt_failure_with_ENODEV()
    {
        using var ns = NetworkNamespace.Create("create a network namespace", Owner);
        var result = ns.Run(() => SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Loopback, 9), new ConnectOptions { BindToDevice = "dialnone0" }));
        SocketOptionTests.AssertCallFailed(result, "setsockopt", "ENODEV", ENODEV);
    }

    [SkippableFact]
    public void Hop_limit_1_through_a_forwarding_namespace_is_EHOSTUNREACH_from_ICMP_time_exceeded()
    {
        using var client = NetworkNamespace.Create("create network namespaces linked by veth", Owner);
        using var router = NetworkNamespace.Create("create network namespaces linked by veth", Owner);
        LinkClientToRouter(client, router);

        var (v4Routed, v4Local, v6Routed, v6Local) = client.Run(() => (
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Parse("10.78.2.2"), 80), new ConnectOptions { HopLimit = 1 }),
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Parse("10.78.1.1"), 80), new ConnectOptions { HopLimit = 1 }),
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Parse("fd00:78:2::2"), 80), new ConnectOptions { HopLimit = 1 }),
            SocketConnector.TryConnect(ConnectTarget.Ip(IPAddress.Parse("fd00:78:1::1"), 80), new ConnectOptions { HopLimit = 1 })));

        // The router must forward the SYN, its hop limit would reach 0, so it answers ICMP time exceeded
        // (net/ipv4/ip_forward.c ip_forward(), net/ipv6/ip6_output.c ip6_forward()), which TCP turns into
        // EHOSTUNREACH for a connect in SYN_SENT (net/ipv4/tcp_ipv4.c tcp_v4_err(), net/ipv6/icmp.c icmpv6_err_convert()).
        Expect.Failure(v4Routed, "EHOSTUNREACH", LinuxErrno.EHOSTUNREACH);
        Expect.Failure(v6Routed, "EHOSTUNREACH", LinuxErrno.EHOSTUNREACH);
        // The same hop limit to the router itself is delivered (nothing to forward): its closed port answers with a reset.
        Expect.Failure(v4Local, "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
        Expect.Failure(v6Local, "ECONNREFUSED", LinuxErrno.ECONNREFUSED);
    }

    [SkippableFact]
    public void TCP_SYNCNT_and_TCP_USER_TIMEOUT_end_a_blackholed_connect_with_the_kernels_ETIMEDOUT()
    {
        using var ns = NetworkNamespace.Create("create a network namespace with a veth device", Owner);
        Blackhole.Add(ns, "dial0", "10.79.0.1/24", "10.79.0.2");
        var silent = ConnectTarget.Ip(IPAddress.Parse("10.79.0.2"), 80);
        // The caller's limit is far above what either option needs (about 3 s for one SYN retry, 0.3 s for the user
        // timeout) and far below the default six retries (127 s): only the options can make the kernel answer first.
        var limit = TimeSpan.FromSeconds(30);

        var (synCount, userTimeout, withoutOptions) = ns.Run(() => (
            SocketConnector.TryConnect(silent, new ConnectOptions { TcpSynRetries = 1, Timeout = limit }),
            SocketConnector.TryConnectAsync(silent, new ConnectOptions { TcpUserTimeout = TimeSpan.FromMilliseconds(300), Timeout = limit }).AsTask().GetAwaiter().GetResult(),
            SocketConnector.TryConnect(silent, new ConnectOptions { Timeout = TimeSpan.FromSeconds(4) })));

        Expect.Failure(synCount, "ETIMEDOUT", LinuxErrno.ETIMEDOUT);
        Expect.Failure(userTimeout, "ETIMEDOUT", LinuxErrno.ETIMEDOUT);
        // Without them the same connect is still waiting when a caller's limit longer than one SYN retry runs out.
        Assert.Equal(ConnectOutcome.TimedOutByCaller, withoutOptions.Outcome);
    }

    /// <summary>
    /// client (10.78.1.2, fd00:78:1::2) --veth-- (10.78.1.1, fd00:78:1::1) router, which has routes to 10.78.2.0/24 and
    /// fd00:78:2::/64 through a device of its own, so it forwards packets for them (or, at hop limit 1, answers time exceeded).
    /// </summary>
    private static void LinkClientToRouter(NetworkNamespace client, NetworkNamespace router)
    {
        client.Exec("ip", "link", "add", "dialc", "type", "veth", "peer", "name", "dialr", "netns", router.Name);
        client.Exec("ip", "addr", "add", "10.78.1.2/24", "dev", "dialc");
        client.Exec("ip", "addr", "add", "fd00:78:1::2/64", "dev", "dialc", "nodad");
        client.Exec("ip", "link", "set", "dialc", "up");
        client.Exec("ip", "route", "add", "default", "via", "10.78.1.1");
        client.Exec("ip", "-6", "route", "add", "default", "via", "fd00:78:1::1");

        router.Exec("ip", "addr", "add", "10.78.1.1/24", "dev", "dialr");
        router.Exec("ip", "addr", "add", "fd00:78:1::1/64", "dev", "dialr", "nodad");
        router.Exec("ip", "link", "set", "dialr", "up");
        router.Exec("ip", "link", "set", "lo", "up");
        Blackhole.Add(router, "dial1", "10.78.2.1/24", "10.78.2.2");
        router.Exec("ip", "addr", "add", "fd00:78:2::1/64", "dev", "dial1", "nodad");
        // /proc/sys/net belongs to the namespace of the process reading it (procps' sysctl is not needed).
        router.Exec("sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward && echo 1 > /proc/sys/net/ipv6/conf/all/forwarding");
    }
}
