using System.Collections.Generic;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>Ephemeral port exhaustion: a namespace whose ip_local_port_range holds a single port.</summary>
internal static partial class IpScenarios
{
    private const int OnlyEphemeralPort = 40000;

    /// <summary>Listening ports outside the one-port ephemeral range.</summary>
    private const int FirstServicePort = 5000;
    private const int SecondServicePort = 5001;

    private static IEnumerable<ScenarioImplementation> Ports =>
    [
        new("tcp-ephemeral-ports-exhausted", context => EphemeralPortTaken(context, Stream, "127.0.0.1", FirstServicePort)),
        new("tcp6-ephemeral-ports-exhausted", context => EphemeralPortTaken(context, Stream, "::1", FirstServicePort)),
        new("tcp-ephemeral-port-shared-across-destinations", context => EphemeralPortTaken(context, Stream, "127.0.0.1", SecondServicePort)),
        new("udp-ephemeral-ports-exhausted", context => EphemeralPortTaken(context, Datagram, "127.0.0.1", FirstServicePort)),
        new("udp6-ephemeral-ports-exhausted", context => EphemeralPortTaken(context, Datagram, "::1", FirstServicePort)),
        new("tcp-bind-address-no-port-exhausted", BindAddressNoPortExhausted),
    ];

    private static NetworkNamespace OnePortNamespace(ScenarioContext context)
    {
        var space = CreateLoopbackNamespace(context);
        // The range is per namespace; in the runner's own namespace it is never touched.
        space.Sysctl("net.ipv4.ip_local_port_range", $"{OnlyEphemeralPort} {OnlyEphemeralPort}");
        return space;
    }

    /// <summary>
    /// A first socket takes the only ephemeral port by connecting to <see cref="FirstServicePort"/>;
    /// the observed socket, unbound, connects to <paramref name="observedPort"/>.
    /// </summary>
    private static Observation EphemeralPortTaken(ScenarioContext context, int type, string address, int observedPort)
    {
        var space = OnePortNamespace(context);
        return space.Run(() =>
        {
            if (type == Stream)
            {
                Listener(context, address, FirstServicePort);
                Listener(context, address, SecondServicePort);
            }

            var first = context.OpenSocket(FamilyOf(address), type);
            ConnectForSetup(context, first, Target(address, FirstServicePort));
            var socket = context.OpenSocket(FamilyOf(address), type);
            return context.Observe(socket, Target(address, observedPort));
        });
    }

    private static Observation BindAddressNoPortExhausted(ScenarioContext context)
    {
        const string address = "127.0.0.1";
        var space = OnePortNamespace(context);
        return space.Run(() =>
        {
            Listener(context, address, FirstServicePort);
            var first = context.OpenSocket(LinuxConstants.AF_INET, Stream);
            ConnectForSetup(context, first, Target(address, FirstServicePort));
            var socket = context.OpenSocket(LinuxConstants.AF_INET, Stream);
            // The port is chosen at connect() time, not at bind() time.
            context.SetOption(socket, LinuxConstants.IPPROTO_IP, IpNative.IP_BIND_ADDRESS_NO_PORT, 1);
            context.Bind(socket, Target(address, 0));
            return context.Observe(socket, Target(address, FirstServicePort));
        });
    }
}
