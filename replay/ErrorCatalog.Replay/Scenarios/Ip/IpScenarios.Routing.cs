using System.Collections.Generic;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>Scenarios about routes, interfaces, devices and local addresses, each in namespaces of its own.</summary>
internal static partial class IpScenarios
{
    private static IEnumerable<ScenarioImplementation> Routing =>
    [
        new("tcp-no-route", context => ToElsewhere(context, Stream, ElsewhereV4)),
        new("tcp6-no-route", context => ToElsewhere(context, Stream, ElsewhereV6)),
        new("udp-no-route", context => ToElsewhere(context, Datagram, ElsewhereV4)),
        new("tcp6-no-source-address", context => LoopbackDown(context, Stream)),
        new("udp6-no-source-address", context => LoopbackDown(context, Datagram)),
        new("tcp-route-blackhole", context => ThroughRoute(context, Stream, "blackhole", ElsewhereV4)),
        new("tcp6-route-blackhole", context => ThroughRoute(context, Stream, "blackhole", ElsewhereV6)),
        new("udp-route-blackhole", context => ThroughRoute(context, Datagram, "blackhole", ElsewhereV4)),
        new("tcp-route-unreachable", context => ThroughRoute(context, Stream, "unreachable", ElsewhereV4)),
        new("tcp6-route-unreachable", context => ThroughRoute(context, Stream, "unreachable", ElsewhereV6)),
        new("udp6-route-unreachable", context => ThroughRoute(context, Datagram, "unreachable", ElsewhereV6)),
        new("tcp-route-prohibit", context => ThroughRoute(context, Stream, "prohibit", ElsewhereV4)),
        new("tcp6-route-prohibit", context => ThroughRoute(context, Stream, "prohibit", ElsewhereV6)),
        new("udp-route-prohibit", context => ThroughRoute(context, Datagram, "prohibit", ElsewhereV4)),
        new("tcp-route-throw", context => ThroughRoute(context, Stream, "throw", ElsewhereV4)),
        new("tcp6-route-throw", context => ThroughRoute(context, Stream, "throw", ElsewhereV6)),
        new("tcp-multicast-destination", context => ToMulticast(context, Stream)),
        new("udp-multicast-destination", context => ToMulticast(context, Datagram)),
        new("tcp-interface-down", context => InterfaceDown(context, PeerV4)),
        new("tcp6-interface-down", context => InterfaceDown(context, PeerV6)),
        new("tcp-own-address-on-down-interface", context => InterfaceDown(context, ClientV4)),
        new("tcp6-own-address-on-down-interface", context => InterfaceDown(context, ClientV6)),
        new("tcp-bound-device-down", context => BoundDeviceDown(context, PeerV4)),
        new("tcp6-bound-device-down", context => BoundDeviceDown(context, PeerV6)),
        new("tcp-no-carrier", context => NoCarrier(context, ignoreLinkDownRoutes: false)),
        new("tcp-no-carrier-link-down-routes-ignored", context => NoCarrier(context, ignoreLinkDownRoutes: true)),
        new("tcp-bound-device-deleted", context => BoundDeviceDeleted(context, Stream, PeerV4)),
        new("udp-bound-device-deleted", context => BoundDeviceDeleted(context, Datagram, PeerV4)),
        new("tcp6-bound-device-deleted", context => BoundDeviceDeleted(context, Stream, PeerV6)),
        new("udp6-bound-device-deleted", context => BoundDeviceDeleted(context, Datagram, PeerV6)),
        new("tcp6-link-local-missing-interface", LinkLocalMissingInterface),
        new("tcp-bound-address-removed", context => BoundAddressRemoved(context, Stream, "10.91.0.9", "24", PeerV4)),
        new("udp-bound-address-removed", context => BoundAddressRemoved(context, Datagram, "10.91.0.9", "24", PeerV4)),
        new("tcp6-bound-address-removed", context => BoundAddressRemoved(context, Stream, "fd00:91::9", "64", PeerV6)),
        new("udp6-bound-address-removed", context => BoundAddressRemoved(context, Datagram, "fd00:91::9", "64", PeerV6)),
        new("tcp-nonlocal-source-with-freebind", NonLocalSourceWithFreebind),
    ];

    private static Observation ToElsewhere(ScenarioContext context, int type, string target) =>
        ConnectIn(context, CreateLoopbackNamespace(context), type, target, ClosedPort);

    private static Observation LoopbackDown(ScenarioContext context, int type) =>
        ConnectIn(context, context.CreateNamespace(), type, "::1", ClosedPort);

    private static Observation ThroughRoute(ScenarioContext context, int type, string routeType, string target)
    {
        var space = CreateLoopbackNamespace(context);
        if (IsV6(target))
        {
            space.Ip("-6", "route", "add", routeType, "fd00:92::/64");
        }
        else
        {
            space.Ip("route", "add", routeType, "10.92.0.0/24");
        }

        return ConnectIn(context, space, type, target, ClosedPort);
    }

    private static Observation ToMulticast(ScenarioContext context, int type)
    {
        var pair = CreatePair(context);
        // A route covers the multicast range, so only the destination's kind can stop a connect.
        pair.Client.Ip("route", "add", "224.0.0.0/4", "dev", ClientDevice);
        return ConnectIn(context, pair.Client, type, "224.0.0.1", ClosedPort);
    }

    private static Observation InterfaceDown(ScenarioContext context, string target)
    {
        var pair = CreatePair(context);
        pair.Client.Ip("link", "set", ClientDevice, "down");
        return ConnectIn(context, pair.Client, Stream, target, ClosedPort);
    }

    private static Observation BoundDeviceDown(ScenarioContext context, string target)
    {
        var pair = CreatePair(context);
        pair.Client.Ip("link", "set", ClientDevice, "down");
        return ConnectIn(context, pair.Client, Stream, target, ClosedPort, socket => BindToDevice(context, socket, ClientDevice));
    }

    private static Observation NoCarrier(ScenarioContext context, bool ignoreLinkDownRoutes)
    {
        var pair = CreatePair(context);
        // The far end goes down: the client's interface stays up but loses its carrier.
        pair.Peer.Ip("link", "set", PeerDevice, "down");
        if (ignoreLinkDownRoutes)
        {
            pair.Client.Sysctl($"net.ipv4.conf.{ClientDevice}.ignore_routes_with_linkdown", "1");
        }

        return ConnectIn(context, pair.Client, Stream, PeerV4, ClosedPort, socket => BoundHandshake(context, socket));
    }

    private static Observation BoundDeviceDeleted(ScenarioContext context, int type, string target)
    {
        var pair = CreatePair(context);
        return pair.Client.Run(() =>
        {
            var socket = context.OpenSocket(FamilyOf(target), type);
            BindToDevice(context, socket, ClientDevice);
            // Deleting one end of a veth pair deletes both.
            pair.Client.Ip("link", "del", ClientDevice);
            return context.Observe(socket, Target(target, ClosedPort));
        });
    }

    private static Observation LinkLocalMissingInterface(ScenarioContext context)
    {
        const uint missingInterfaceIndex = 77;
        return ConnectIn(context, CreateLoopbackNamespace(context), Stream, "fe80::2", ClosedPort, scopeId: missingInterfaceIndex);
    }

    private static Observation BoundAddressRemoved(ScenarioContext context, int type, string source, string prefixLength, string target)
    {
        var pair = CreatePair(context);
        string withPrefix = source + "/" + prefixLength;
        if (IsV6(source))
        {
            pair.Client.Ip("-6", "addr", "add", withPrefix, "dev", ClientDevice, "nodad");
        }
        else
        {
            pair.Client.Ip("addr", "add", withPrefix, "dev", ClientDevice);
        }

        return pair.Client.Run(() =>
        {
            var socket = context.OpenSocket(FamilyOf(target), type);
            if (type == Stream)
            {
                BoundHandshake(context, socket);
            }

            context.Bind(socket, Target(source, 0));
            pair.Client.Ip("addr", "del", withPrefix, "dev", ClientDevice);
            return context.Observe(socket, Target(target, ClosedPort));
        });
    }

    private static Observation NonLocalSourceWithFreebind(ScenarioContext context)
    {
        var pair = CreatePair(context);
        return pair.Client.Run(() =>
        {
            var socket = context.OpenSocket(LinuxConstants.AF_INET, Stream);
            context.SetOption(socket, LinuxConstants.IPPROTO_IP, IpNative.IP_FREEBIND, 1);
            context.Bind(socket, Target("10.93.0.9", 0));
            return context.Observe(socket, Target(PeerV4, ClosedPort));
        });
    }
}
