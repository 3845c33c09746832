namespace ErrorCatalog.Replay.Scenarios.Ip;

/// <summary>
/// Socket option numbers the IP scenarios need beyond the shared ones, printed by a C program
/// from glibc 2.36's netinet/in.h and netinet/ip.h and linux-libc-dev 6.1's linux/in6.h (not typed from memory).
/// </summary>
internal static class IpNative
{
    public const int IPV6_UNICAST_HOPS = 16;
    public const int IPV6_DSTOPTS = 59;
    public const int IP_OPTIONS = 4;
    public const int IP_FREEBIND = 15;
    public const int IP_BIND_ADDRESS_NO_PORT = 24;

    /// <summary>IPOPT_TIMESTAMP (netinet/ip.h): the IPv4 timestamp option type.</summary>
    public const byte IPOPT_TIMESTAMP = 68;
}
