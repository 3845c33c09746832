namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    /// <summary>
    /// The levels and option numbers <see cref="ConnectOptions"/> sets with setsockopt(), per system.
    /// Linux values from linux-libc-dev (asm-generic/socket.h, linux/in.h, linux/in6.h, linux/tcp.h,
    /// printed with a C program on x86-64; the same on every architecture .NET runs on);
    /// macOS from xnu bsd/sys/socket.h, bsd/netinet/in.h, bsd/netinet6/in6.h; FreeBSD from
    /// sys/sys/socket.h, sys/netinet/in.h, sys/netinet6/in6.h. A null option number means the
    /// system has no such option (SO_BINDTODEVICE, TCP_SYNCNT and TCP_USER_TIMEOUT are Linux's).
    /// SOL_SOCKET and SO_SNDTIMEO are in <see cref="PlatformConstants"/>.
    /// </summary>
    internal sealed class SocketOptionNumbers
    {
        internal required int IpProtoIp { get; init; }
        internal required int IpProtoIpv6 { get; init; }
        internal required int IpProtoTcp { get; init; }
        internal required int SoReuseAddr { get; init; }
        internal required int SoReusePort { get; init; }
        internal required int? SoBindToDevice { get; init; }
        internal required int IpTtl { get; init; }
        internal required int Ipv6UnicastHops { get; init; }
        internal required int Ipv6V6Only { get; init; }
        internal required int? TcpSynCnt { get; init; }
        internal required int? TcpUserTimeout { get; init; }

        internal static readonly SocketOptionNumbers Linux = new()
        {
            IpProtoIp = 0,
            IpProtoIpv6 = 41,
            IpProtoTcp = 6,
            SoReuseAddr = 2,
            SoReusePort = 15,
            SoBindToDevice = 25,
            IpTtl = 2,
            Ipv6UnicastHops = 16,
            Ipv6V6Only = 26,
            TcpSynCnt = 7,
            TcpUserTimeout = 18,
        };

        /// <summary>macOS and FreeBSD share these numbers.</summary>
        internal static readonly SocketOptionNumbers Bsd = new()
        {
            IpProtoIp = 0,
            IpProtoIpv6 = 41,
            IpProtoTcp = 6,
            SoReuseAddr = 0x4,
            SoReusePort = 0x200,
            SoBindToDevice = null,
            IpTtl = 4,
            Ipv6UnicastHops = 4,
            Ipv6V6Only = 27,
            TcpSynCnt = null,
            TcpUserTimeout = null,
        };

        /// <summary>The numbers of the running system; null on Windows and unknown systems.</summary>
        internal static readonly SocketOptionNumbers? Current =
            PlatformConstants.Current == PlatformConstants.Linux ? Linux
            : PlatformConstants.Current is null ? null
            : Bsd;
    }
}
