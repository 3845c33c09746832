using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ErrorCatalog.Replay.Native;
using Microsoft.Win32.SafeHandles;

namespace ErrorCatalog.Replay.Environment;

/// <summary>
/// A network namespace made for one scenario with `ip netns add`, deleted when the scenario
/// ends. Sockets belong to the namespace of the thread that creates them, so
/// <see cref="Run{T}"/> creates them on a thread that entered the namespace: what they do can
/// reach nothing outside it. Its loopback starts down, as the kernel makes it.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private static int s_counter;
    private bool deleted;

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Creates a namespace (needs root; the runner checks the scenario's `needs` first).</summary>
    internal static NetworkNamespace Create()
    {
        string name = $"ecreplay-{System.Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}";
        Tool.Run("ip", "netns", "add", name);
        return new NetworkNamespace(name);
    }

    /// <summary>Runs `ip ARGS` inside the namespace (`ip -n NAME ARGS`).</summary>
    public string Ip(params string[] arguments) => Tool.Run("ip", ["-n", Name, .. arguments]);

    /// <summary>Runs any command inside the namespace (`ip netns exec NAME ...`).</summary>
    public string Exec(params string[] command) => Tool.Run("ip", ["netns", "exec", Name, .. command]);

    /// <summary>Loads an nftables ruleset into this namespace's own tables (`nft -f -` inside it).</summary>
    public void Nft(string ruleset) => Tool.RunWithInput("ip", ruleset, "netns", "exec", Name, "nft", "-f", "-");

    /// <summary>Sets a sysctl of this namespace (net.* settings are per namespace).</summary>
    public void Sysctl(string key, string value) => Exec("sysctl", "-q", "-w", $"{key}={value}");

    /// <summary>Brings the namespace's loopback interface up (it starts down).</summary>
    public NetworkNamespace WithLoopbackUp()
    {
        Ip("link", "set", "lo", "up");
        return this;
    }

    /// <summary>
    /// Joins this namespace to <paramref name="peer"/> with a veth pair: <paramref name="localDevice"/>
    /// here, <paramref name="peerDevice"/> there, each up, with the given addresses (CIDR, IPv4 or
    /// IPv6; IPv6 ones skip duplicate address detection so they are usable at once). Both
    /// loopbacks are brought up too.
    /// </summary>
    public void Link(
        NetworkNamespace peer,
        IReadOnlyList<string> localAddresses,
        IReadOnlyList<string> peerAddresses,
        string localDevice = "ec0",
        string peerDevice = "ec1")
    {
        ArgumentNullException.ThrowIfNull(peer);
        Ip("link", "add", localDevice, "type", "veth", "peer", "name", peerDevice, "netns", peer.Name);
        foreach (var address in localAddresses)
        {
            AddAddress(this, localDevice, address);
        }

        foreach (var address in peerAddresses)
        {
            AddAddress(peer, peerDevice, address);
        }

        Ip("link", "set", localDevice, "up");
        peer.Ip("link", "set", peerDevice, "up");
        WithLoopbackUp();
        peer.WithLoopbackUp();
    }

    private static void AddAddress(NetworkNamespace space, string device, string address)
    {
        if (address.Contains(':', StringComparison.Ordinal))
        {
            space.Ip("-6", "addr", "add", address, "dev", device, "nodad");
        }
        else
        {
            space.Ip("addr", "add", address, "dev", device);
        }
    }

    /// <summary>Runs <paramref name="action"/> on a new thread that has entered the namespace.</summary>
    public T Run<T>(Func<T> action) => DedicatedThread.Run(() =>
    {
        Enter();
        return action();
    });

    /// <summary>Moves the calling thread into the namespace; only for threads that end afterwards (see <see cref="Run{T}"/>).</summary>
    public void Enter()
    {
        using SafeFileHandle handle = File.OpenHandle($"/var/run/netns/{Name}");
        if (Libc.SetNs((int)handle.DangerousGetHandle(), LinuxConstants.CLONE_NEWNET) != 0)
        {
            throw new ScenarioSetupException($"setns into {Name} failed with errno {Libc.LastError}");
        }
    }

    public void Dispose()
    {
        if (deleted)
        {
            return;
        }

        deleted = true;
        try
        {
            Tool.Run("ip", "netns", "del", Name);
        }
        catch (ScenarioSetupException)
        {
            // Deleting can only fail if the namespace is already gone; the observation stands.
        }
    }
}
