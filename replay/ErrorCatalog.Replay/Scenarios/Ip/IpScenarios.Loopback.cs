using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>Scenarios on the loopback interface of the runner's own namespace: closed ports, special destinations, reconnects, local 4-tuples.</summary>
internal static partial class IpScenarios
{
    private const int Stream = LinuxConstants.SOCK_STREAM;
    private const int Datagram = LinuxConstants.SOCK_DGRAM;

    private static IEnumerable<ScenarioImplementation> Loopback =>
    [
        new("tcp-loopback-closed-port", context => ToClosedPort(context, Stream, "127.0.0.1")),
        new("tcp6-loopback-closed-port", context => ToClosedPort(context, Stream, "::1")),
        new("udp-loopback-closed-port", context => ToClosedPort(context, Datagram, "127.0.0.1")),
        new("udp6-loopback-closed-port", context => ToClosedPort(context, Datagram, "::1")),
        new("tcp-loopback-refused-nonblocking", context => ToClosedPort(context, Stream, "127.0.0.1")),
        new("tcp-reconnect-after-reading-refusal", context => ReconnectAfterReadingRefusal(context, "127.0.0.1")),
        new("tcp6-reconnect-after-reading-refusal", context => ReconnectAfterReadingRefusal(context, "::1")),
        new("tcp-reconnect-before-reading-refusal", ReconnectBeforeReadingRefusal),
        new("tcp-reconnect-after-blocking-refusal", ReconnectAfterBlockingRefusal),
        new("tcp-any-address-closed-port", context => AnyAddressToClosedPort(context, Stream, "127.0.0.1", "0.0.0.0")),
        new("tcp6-any-address-closed-port", context => AnyAddressToClosedPort(context, Stream, "::1", "::")),
        new("udp-any-address", context => AnyAddressToClosedPort(context, Datagram, "127.0.0.1", "0.0.0.0")),
        new("tcp-any-address-listener", AnyAddressToListener),
        new("tcp6-v4-mapped-on-v6-only-socket", context => V4MappedOnV6Only(context, Stream)),
        new("udp6-v4-mapped-on-v6-only-socket", context => V4MappedOnV6Only(context, Datagram)),
        new("tcp6-v4-mapped-dual-stack-closed-port", V4MappedDualStack),
        new("tcp6-multicast-destination", context => ConnectHere(context, Stream, "ff02::1", ClosedPort)),
        new("tcp6-link-local-without-scope", context => ConnectHere(context, Stream, "fe80::1", ClosedPort)),
        new("tcp-four-tuple-taken", context => FourTupleTaken(context, Stream, "127.0.0.1")),
        new("tcp6-four-tuple-taken", context => FourTupleTaken(context, Stream, "::1")),
        new("udp-four-tuple-shared", context => FourTupleTaken(context, Datagram, "127.0.0.1")),
        new("tcp-time-wait-four-tuple-reused", TimeWaitFourTupleReused),
    ];

    private static Observation ToClosedPort(ScenarioContext context, int type, string address) =>
        ConnectHere(context, type, address, HeldClosedPort(context, address));

    private static Observation ReconnectAfterReadingRefusal(ScenarioContext context, string address)
    {
        var target = Target(address, HeldClosedPort(context, address));
        var socket = context.OpenSocket(FamilyOf(address), Stream);
        FailedAttemptCollected(context, socket, target);
        return context.Observe(socket, target);
    }

    private static Observation ReconnectBeforeReadingRefusal(ScenarioContext context)
    {
        var target = Target("127.0.0.1", HeldClosedPort(context, "127.0.0.1"));
        var socket = context.OpenSocket(LinuxConstants.AF_INET, Stream);
        SetNonBlocking(context, socket);
        int first = context.RawConnect(socket, target);
        if (first != LinuxConstants.EINPROGRESS)
        {
            throw new ScenarioSetupException($"the first non-blocking connect gave {context.NameOf(first)} instead of EINPROGRESS");
        }

        // On loopback the reset has been processed once the first connect() returns; SO_ERROR is left unread.
        SetBlocking(context, socket, blocking: true);
        return context.Observe(socket, target);
    }

    private static Observation ReconnectAfterBlockingRefusal(ScenarioContext context)
    {
        var target = Target("127.0.0.1", HeldClosedPort(context, "127.0.0.1"));
        var socket = context.OpenSocket(LinuxConstants.AF_INET, Stream);
        int first = context.RawConnect(socket, target);
        if (first == 0)
        {
            throw new ScenarioSetupException("the first connect to a closed port succeeded");
        }

        return context.Observe(socket, target);
    }

    private static Observation AnyAddressToClosedPort(ScenarioContext context, int type, string loopback, string any) =>
        ConnectHere(context, type, any, HeldClosedPort(context, loopback));

    private static Observation AnyAddressToListener(ScenarioContext context) =>
        ConnectHere(context, Stream, "0.0.0.0", Listener(context, "127.0.0.1"));

    private static Observation V4MappedOnV6Only(ScenarioContext context, int type)
    {
        int port = HeldClosedPort(context, "127.0.0.1");
        return ConnectHere(context, type, "::ffff:127.0.0.1", port, socket =>
            context.SetOption(socket, LinuxConstants.IPPROTO_IPV6, LinuxConstants.IPV6_V6ONLY, 1));
    }

    private static Observation V4MappedDualStack(ScenarioContext context)
    {
        int port = HeldClosedPort(context, "127.0.0.1");
        return ConnectHere(context, Stream, "::ffff:127.0.0.1", port, socket =>
            context.SetOption(socket, LinuxConstants.IPPROTO_IPV6, LinuxConstants.IPV6_V6ONLY, 0));
    }

    /// <summary>
    /// Two sockets with SO_REUSEADDR share one local port; the first connects to a listener (or,
    /// for UDP, to a closed port), then the second is observed connecting to the same destination.
    /// </summary>
    private static Observation FourTupleTaken(ScenarioContext context, int type, string address)
    {
        int port = type == Stream ? Listener(context, address) : HeldClosedPort(context, address);
        var target = Target(address, port);
        var first = ReusableSocketOn(context, type, address, 0);
        var second = ReusableSocketOn(context, type, address, context.BoundPort(first));
        ConnectForSetup(context, first, target);
        return context.Observe(second, target);
    }

    private static Fd ReusableSocketOn(ScenarioContext context, int type, string address, int port)
    {
        var socket = context.OpenSocket(FamilyOf(address), type);
        context.SetOption(socket, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_REUSEADDR, 1);
        context.Bind(socket, Target(address, port));
        return socket;
    }

    /// <summary>
    /// A connection whose client closed first leaves its 4-tuple in TIME_WAIT; a new socket bound
    /// to the same local port (SO_REUSEADDR) connects to the same listener.
    /// </summary>
    private static unsafe Observation TimeWaitFourTupleReused(ScenarioContext context)
    {
        const string address = "127.0.0.1";
        var listener = context.OpenSocket(LinuxConstants.AF_INET, Stream);
        context.Bind(listener, Target(address, 0));
        context.Listen(listener, 16);
        var target = Target(address, context.BoundPort(listener));
        var first = ReusableSocketOn(context, Stream, address, 0);
        int localPort = context.BoundPort(first);
        ConnectForSetup(context, first, target);
        int accepted = Libc.Accept4(listener.Value, null, null, LinuxConstants.SOCK_CLOEXEC);
        context.Check(accepted, "accept4");
        using (var server = new Fd(accepted))
        {
            // The client closes first, so the client side ends in TIME_WAIT once the server closes too.
            first.Dispose();
            var drain = new Libc.PollFd { Fd = server.Value, Events = LinuxConstants.POLLIN };
            context.Check(Libc.Poll(&drain, 1, 2000), "poll for the client's FIN");
        }

        var second = ReusableSocketOn(context, Stream, address, localPort);
        return context.Observe(second, target);
    }
}
