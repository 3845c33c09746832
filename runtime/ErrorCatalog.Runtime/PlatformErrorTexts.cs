using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>
/// What a connect() code means on one system when the catalog's cross-platform summary describes
/// other systems' causes. Only the codes whose Linux causes differ from the summary are here.
/// </summary>
internal static class PlatformErrorTexts
{
    internal static string? Find(ConnectNativeError error) => error.Platform switch
    {
        ConnectPlatform.Linux => error.Error switch
        {
            // Broadcast without SO_BROADCAST is EACCES on Linux (net/ipv4/datagram.c
            // __ip4_datagram_connect()); EPERM comes from a local policy or a Unix peer.
            ConnectError.OperationNotPermitted =>
                "on Linux a local policy refused the connection (a netfilter rule dropping the packet in the output path, " +
                "net/netfilter/core.c nf_hook_slow(), or a cgroup BPF connect hook), or an AF_UNIX datagram target " +
                "is already connected to another socket (net/unix/af_unix.c unix_dgram_connect()).",
            // A listening socket answers EISCONN (TCP) or EINVAL (AF_UNIX) on Linux.
            ConnectError.OperationNotSupported =>
                "on Linux the socket's protocol has no connect operation (net/core/sock.c sock_no_connect()), or an " +
                "ICMP 'source route failed' message ended the handshake (net/ipv4/icmp.c icmp_err_convert[]); " +
                "a listening socket is reported as EISCONN or EINVAL here, not with this code.",
            _ => null,
        },
        _ => null,
    };
}
