using System;

namespace ErrorCatalog.Runtime;

internal static partial class Interop
{
    /// <summary>
    /// The levels and option numbers <see cref="ConnectOptions"/> sets with setsockopt(), per system.
    /// Linux values from linux-libc-dev (asm-generic/socket.h, linux/in.h, linux/in6.h, linux/tcp.h,
    /// printed with a C program on x86-64; the same on every architecture .NET runs on);
    /// macOS from xnu bsd/sys/socket.h, bsd/netinet/in.h, bsd/netinet6/in6.h; FreeBSD from
    /// sys/sys/socket.h, sys/netinet/in.h, sys/netinet6/in6.h; Windows from mingw-w64's winsock2.h
    /// and ws2ipdef.h (Debian's mingw-w64-common). A null option number means the system has no
    /// such option (SO_BINDTODEVICE, TCP_SYNCNT and TCP_USER_TIMEOUT are Linux's; Windows has no
    /// SO_REUSEPORT). SOL_SOCKET and SO_SNDTIMEO are in <see cref="PlatformConstants"/> for the
    /// Unix systems; Windows' SOL_SOCKET is <see cref="WindowsSolSocket"/>.
    /// </summary>
    internal sealed class SocketOptionNumbers
    {
        internal required int IpProtoIp { get; init; }
        internal required int IpProtoIpv6 { get; init; }
        internal required int IpProtoTcp { get; init; }
        internal required int SoReuseAddr { get; init; }
        internal required int? SoReusePort { get; init; }
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

        /// <summary>Winsock's SOL_SOCKET (winsock2.h), the level of SO_REUSEADDR there.</summary>
        internal const int WindowsSolSocket = 0xffff;

        /// <summary>
        /// Winsock: SO_REUSEADDR 0x0004 (winsock2.h); IP_TTL 4, IPV6_UNICAST_HOPS 4, IPV6_V6ONLY 27
        /// (ws2ipdef.h); IPPROTO_IPV6 41, IPPROTO_TCP 6 (winsock2.h). No SO_REUSEPORT, SO_BINDTODEVICE,
        /// TCP_SYNCNT or TCP_USER_TIMEOUT.
        /// </summary>
        internal static readonly SocketOptionNumbers Windows = new()
        {
            IpProtoIp = 0,
            IpProtoIpv6 = 41,
            IpProtoTcp = 6,
            SoReuseAddr = 0x4,
            SoReusePort = null,
            SoBindToDevice = null,
            IpTtl = 4,
            Ipv6UnicastHops = 4,
            Ipv6V6Only = 27,
            TcpSynCnt = null,
            TcpUserTimeout = null,
        };

        /// <summary>The numbers of the running system; null on unknown systems.</summary>
        internal static readonly SocketOptionNumbers? Current =
            OperatingSystem.IsWindows() ? Windows
            : PlatformConstants.Current == PlatformConstants.Linux ? Linux
            : PlatformConstants.Current is null ? null
            : Bsd;
    }
}
