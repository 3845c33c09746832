using System.Buffers.Binary;
using System.Collections.Generic;
using ErrorCatalog.Replay.Environment;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Policy;

/// <summary>
/// Landlock: TCP connect rules (EACCES), the abstract-socket scope (EPERM), and what Landlock
/// leaves alone (UDP, pathname sockets, the signal scope). Listeners are made on the runner's
/// thread, outside any domain; the connecting thread restricts itself and ends with the run.
/// </summary>
internal static partial class PolicyScenarios
{
    private static IEnumerable<ScenarioImplementation> LandlockScenarios =>
    [
        new("landlock-tcp-port-denied-inet", c => LandlockTcp(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, allowListenerPort: false)),
        new("landlock-tcp-port-denied-inet6", c => LandlockTcp(c, LinuxConstants.AF_INET6, LinuxConstants.SOCK_STREAM, allowListenerPort: false)),
        new("landlock-tcp-port-allowed-inet", c => LandlockTcp(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM, allowListenerPort: true)),
        new("landlock-udp-not-restricted-inet", c => LandlockTcp(c, LinuxConstants.AF_INET, LinuxConstants.SOCK_DGRAM, allowListenerPort: false)),
        new("landlock-tcp-family-mismatch-inet", c => FamilyMismatch(c, underLandlock: true)),
        new("family-mismatch-inet-without-landlock", c => FamilyMismatch(c, underLandlock: false)),
        new("landlock-scope-abstract-stream", c => LandlockAbstractScope(c, LinuxConstants.SOCK_STREAM, PolicyNative.LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET)),
        new("landlock-scope-abstract-dgram", c => LandlockAbstractScope(c, LinuxConstants.SOCK_DGRAM, PolicyNative.LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET)),
        new("landlock-scope-abstract-seqpacket", c => LandlockAbstractScope(c, LinuxConstants.SOCK_SEQPACKET, PolicyNative.LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET)),
        new("landlock-signal-scope-abstract-stream", c => LandlockAbstractScope(c, LinuxConstants.SOCK_STREAM, PolicyNative.LANDLOCK_SCOPE_SIGNAL)),
        new("landlock-scope-same-domain-abstract", LandlockScopeSameDomain),
        new("landlock-scope-pathname-stream", c => LandlockPathname(c, handledFileSystem: 0, PolicyNative.LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET, PolicyNative.LandlockAbiScopes)),
        new("landlock-fs-sandbox-pathname-stream", c => LandlockPathname(c, PolicyNative.LandlockAllFileSystemRightsAbi5, scoped: 0, PolicyNative.LandlockAbiFileSystemAll)),
    ];

    /// <summary>
    /// A listener (or bound UDP socket) on loopback; a thread whose domain handles TCP connect,
    /// with a rule for the listener's port or for another port, connects to it.
    /// </summary>
    private static Observation LandlockTcp(ScenarioContext context, int family, int type, bool allowListenerPort)
    {
        LandlockSandbox.RequireAbi(PolicyNative.LandlockAbiNetwork, "a TCP connect rule");
        var (listener, address) = LoopbackListener(context, family, type);
        int listenerPort = context.BoundPort(listener);
        // Any port other than the listener's: the rule then allows something, just not this.
        int otherPort = listenerPort == 65535 ? 65534 : listenerPort + 1;
        return DedicatedThread.Run(() =>
        {
            var socket = context.OpenSocket(family, type);
            LandlockSandbox.RestrictCurrentThread(0, PolicyNative.LANDLOCK_ACCESS_NET_CONNECT_TCP, 0, allowListenerPort ? listenerPort : otherPort);
            return context.Observe(socket, address);
        });
    }

    /// <summary>
    /// An IPv4 TCP socket is given an address whose family field says AF_INET6 (16 bytes, the size
    /// of an IPv4 address structure), by a thread in a domain that handles TCP connect or, as the
    /// control, by a thread without one.
    /// </summary>
    private static Observation FamilyMismatch(ScenarioContext context, bool underLandlock)
    {
        if (underLandlock)
        {
            LandlockSandbox.RequireAbi(PolicyNative.LandlockAbiNetwork, "a TCP connect rule");
        }

        var (listener, address) = LoopbackListener(context, LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM);
        var bytes = (byte[])address.Bytes.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, LinuxConstants.AF_INET6);
        var mismatched = SockAddr.Raw(bytes, address.Length, $"{address} labelled AF_INET6");
        int listenerPort = context.BoundPort(listener);
        return DedicatedThread.Run(() =>
        {
            var socket = context.OpenSocket(LinuxConstants.AF_INET, LinuxConstants.SOCK_STREAM);
            if (underLandlock)
            {
                LandlockSandbox.RestrictCurrentThread(0, PolicyNative.LANDLOCK_ACCESS_NET_CONNECT_TCP, 0, listenerPort);
            }

            return context.Observe(socket, mismatched);
        });
    }

    /// <summary>A listener on an abstract name, made outside the domain; a scoped thread connects to it.</summary>
    private static Observation LandlockAbstractScope(ScenarioContext context, int type, ulong scoped)
    {
        LandlockSandbox.RequireAbi(PolicyNative.LandlockAbiScopes, "a Landlock scope");
        var (_, address) = AbstractListener(context, type);
        return DedicatedThread.Run(() =>
        {
            var socket = context.OpenSocket(LinuxConstants.AF_UNIX, type);
            LandlockSandbox.RestrictCurrentThread(0, 0, scoped);
            return context.Observe(socket, address);
        });
    }

    /// <summary>The scoped thread makes the abstract listener itself, then connects to it.</summary>
    private static Observation LandlockScopeSameDomain(ScenarioContext context)
    {
        LandlockSandbox.RequireAbi(PolicyNative.LandlockAbiScopes, "a Landlock scope");
        return DedicatedThread.Run(() =>
        {
            LandlockSandbox.RestrictCurrentThread(0, 0, PolicyNative.LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET);
            var (_, address) = AbstractListener(context, LinuxConstants.SOCK_STREAM);
            var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
            return context.Observe(socket, address);
        });
    }

    /// <summary>A listener on a pathname socket made outside the domain; a restricted thread connects to it.</summary>
    private static Observation LandlockPathname(ScenarioContext context, ulong handledFileSystem, ulong scoped, int abi)
    {
        LandlockSandbox.RequireAbi(abi, "this Landlock domain");
        string path = System.IO.Path.Join(context.CreateTempDirectory(), "listener.sock");
        var address = SockAddr.UnixPath(path);
        var listener = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
        context.Bind(listener, address);
        context.Listen(listener, 8);
        return DedicatedThread.Run(() =>
        {
            var socket = context.OpenSocket(LinuxConstants.AF_UNIX, LinuxConstants.SOCK_STREAM);
            LandlockSandbox.RestrictCurrentThread(handledFileSystem, 0, scoped);
            return context.Observe(socket, address);
        });
    }
}
