namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>Silent destinations inside a network namespace, built from veth pairs only (no dummy module needed).</summary>
internal static class Blackhole
{
    /// <summary>
    /// Gives <paramref name="ns"/> a veth device <paramref name="device"/> holding <paramref name="localCidr"/> whose peer
    /// stays down, and a permanent neighbour entry for <paramref name="silentAddress"/>: a packet to that address needs no
    /// ARP, goes out the device and is dropped by the veth driver (the peer is not up), so a SYN there is never
    /// answered, not even with an ICMP error. Deleting the device takes its peer with it.
    /// </summary>
    internal static void Add(NetworkNamespace ns, string device, string localCidr, string silentAddress)
    {
        ns.Exec("ip", "link", "add", device, "type", "veth", "peer", "name", device + "p");
        ns.Exec("ip", "addr", "add", localCidr, "dev", device, "nodad");
        ns.Exec("ip", "link", "set", device, "up");
        ns.Exec("ip", "neigh", "add", silentAddress, "lladdr", "02:00:00:00:00:02", "dev", device, "nud", "permanent");
    }
}
