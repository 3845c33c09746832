using System;
using System.Text;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>What the IP scenarios share: the addresses of the namespace pair and the socket steps.</summary>
internal static partial class IpScenarios
{
    // These addresses exist only inside namespaces the scenarios create and delete.
    private const string ClientV4 = "10.91.0.1";
    private const string PeerV4 = "10.91.0.2";
    private const string ClientV6 = "fd00:91::1";
    private const string PeerV6 = "fd00:91::2";

    /// <summary>A network with nothing on it: no namespace has a route there unless a scenario adds one.</summary>
    private const string ElsewhereV4 = "10.92.0.5";
    private const string ElsewhereV6 = "fd00:92::5";

    /// <summary>The client's end of the veth pair (NetworkNamespace.Link's default name).</summary>
    private const string ClientDevice = "ec0";

    private const string PeerDevice = "ec1";

    /// <summary>
    /// A port nothing listens on inside the scenarios' own namespaces; in the runner's namespace
    /// only connects that fail before sending anything use it.
    /// </summary>
    private const int ClosedPort = 9;

    /// <summary>
    /// A TCP user timeout of 300 ms ends a handshake at the first SYN retransmission timer, about
    /// one second after connect() starts, instead of after the default six retries (two minutes).
    /// </summary>
    private const int HandshakeUserTimeoutMilliseconds = 300;

    private sealed record NamespacePair(NetworkNamespace Client, NetworkNamespace Peer);

    private static bool IsV6(string address) => address.Contains(':', StringComparison.Ordinal);

    private static int FamilyOf(string address) => IsV6(address) ? LinuxConstants.AF_INET6 : LinuxConstants.AF_INET;

    private static SockAddr Target(string address, int port, uint scopeId = 0) =>
        IsV6(address) ? SockAddr.Inet6(address, port, scopeId) : SockAddr.Inet(address, port);

    /// <summary>Two namespaces joined by a veth pair: the client has .1 of both test networks, the peer .2.</summary>
    private static NamespacePair CreatePair(ScenarioContext context)
    {
        var client = context.CreateNamespace();
        var peer = context.CreateNamespace();
        client.Link(peer, [ClientV4 + "/24", ClientV6 + "/64"], [PeerV4 + "/24", PeerV6 + "/64"]);
        return new NamespacePair(client, peer);
    }

    /// <summary>A namespace with only its loopback interface up.</summary>
    private static NetworkNamespace CreateLoopbackNamespace(ScenarioContext context) => context.CreateNamespace().WithLoopbackUp();

    /// <summary>Loads one rule into an input chain of <paramref name="space"/>'s own nftables.</summary>
    private static void InputRule(NetworkNamespace space, string rules) => space.Nft($$"""
        table inet ecreplay {
          chain input {
            type filter hook input priority 0; policy accept;
            {{rules}}
          }
        }
        """);

    /// <summary>Opens a socket of <paramref name="type"/> for <paramref name="target"/>'s family inside <paramref name="space"/>, lets <paramref name="prepare"/> set it up, and observes the connect.</summary>
    private static Observation ConnectIn(ScenarioContext context, NetworkNamespace space, int type, string target, int port, Action<Fd>? prepare = null, uint scopeId = 0) =>
        space.Run(() => ConnectHere(context, type, target, port, prepare, scopeId));

    /// <summary>The same as <see cref="ConnectIn"/> in the calling thread's namespace.</summary>
    private static Observation ConnectHere(ScenarioContext context, int type, string target, int port, Action<Fd>? prepare = null, uint scopeId = 0)
    {
        var socket = context.OpenSocket(FamilyOf(target), type);
        prepare?.Invoke(socket);
        return context.Observe(socket, Target(target, port, scopeId));
    }

    /// <summary>Bounds a TCP handshake that gets no answer to about one second (see <see cref="HandshakeUserTimeoutMilliseconds"/>).</summary>
    private static void BoundHandshake(ScenarioContext context, Fd socket) =>
        context.SetOption(socket, LinuxConstants.IPPROTO_TCP, LinuxConstants.TCP_USER_TIMEOUT, HandshakeUserTimeoutMilliseconds);

    /// <summary>SO_BINDTODEVICE with an interface name.</summary>
    private static unsafe void BindToDevice(ScenarioContext context, Fd socket, string device)
    {
        byte[] name = Encoding.ASCII.GetBytes(device + "\0");
        fixed (byte* value = name)
        {
            context.Check(Libc.SetSockOpt(socket.Value, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_BINDTODEVICE, value, (uint)name.Length), $"SO_BINDTODEVICE {device}");
        }
    }

    /// <summary>A listening TCP socket on <paramref name="address"/> (port 0: any free port); returns its port.</summary>
    private static int Listener(ScenarioContext context, string address, int port = 0)
    {
        var listener = context.OpenSocket(FamilyOf(address), LinuxConstants.SOCK_STREAM);
        context.Bind(listener, Target(address, port));
        context.Listen(listener, 16);
        return context.BoundPort(listener);
    }

    /// <summary>
    /// A port on <paramref name="address"/> that stays closed for the whole run: a TCP socket is
    /// bound to it but never listens, so no other program can take it meanwhile.
    /// </summary>
    private static int HeldClosedPort(ScenarioContext context, string address)
    {
        var holder = context.OpenSocket(FamilyOf(address), LinuxConstants.SOCK_STREAM);
        context.Bind(holder, Target(address, 0));
        return context.BoundPort(holder);
    }

    /// <summary>Non-blocking connect, wait for the outcome, read SO_ERROR: the first attempt of a reconnect scenario; returns the errno SO_ERROR held.</summary>
    private static unsafe int FailedAttemptCollected(ScenarioContext context, Fd socket, SockAddr target)
    {
        SetNonBlocking(context, socket);
        int first = context.RawConnect(socket, target);
        if (first != LinuxConstants.EINPROGRESS)
        {
            throw new ScenarioSetupException($"the first non-blocking connect gave {context.NameOf(first)} instead of EINPROGRESS");
        }

        var poll = new Libc.PollFd { Fd = socket.Value, Events = LinuxConstants.POLLOUT };
        context.Check(Libc.Poll(&poll, 1, 5000), "poll");
        int error = 0;
        uint length = sizeof(int);
        context.Check(Libc.GetSockOpt(socket.Value, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_ERROR, &error, &length), "getsockopt(SO_ERROR)");
        if (error == 0)
        {
            throw new ScenarioSetupException("the first attempt succeeded; the scenario needs it to fail");
        }

        SetBlocking(context, socket, blocking: true);
        return error;
    }

    /// <summary>A connect() the setup needs to succeed.</summary>
    private static void ConnectForSetup(ScenarioContext context, Fd socket, SockAddr target)
    {
        int error = context.RawConnect(socket, target);
        if (error != 0)
        {
            throw new ScenarioSetupException($"the setup's connect to {target} failed with {context.NameOf(error)}");
        }
    }

    private static void SetNonBlocking(ScenarioContext context, Fd socket) => SetBlocking(context, socket, blocking: false);

    /// <summary>
    /// Sets or clears O_NONBLOCK. The second connect of a reconnect scenario runs on a blocking
    /// socket again, as .NET's blocking Socket.Connect refuses a descriptor left non-blocking.
    /// </summary>
    private static void SetBlocking(ScenarioContext context, Fd socket, bool blocking)
    {
        int flags = Libc.Fcntl(socket.Value, LinuxConstants.F_GETFL, 0);
        context.Check(flags, "fcntl(F_GETFL)");
        int wanted = blocking ? flags & ~LinuxConstants.O_NONBLOCK : flags | LinuxConstants.O_NONBLOCK;
        context.Check(Libc.Fcntl(socket.Value, LinuxConstants.F_SETFL, wanted), "fcntl(F_SETFL)");
    }
}
