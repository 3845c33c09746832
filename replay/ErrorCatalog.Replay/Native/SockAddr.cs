using System;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ErrorCatalog.Replay.Native;

/// <summary>
/// A socket address as the kernel receives it: the bytes and the length passed to connect().
/// Built ones also know the .NET <see cref="EndPoint"/> that means the same thing, so the .NET
/// drivers can replay the scenario; raw ones (odd lengths, wrong families) have none.
/// </summary>
public sealed class SockAddr
{
    private SockAddr(byte[] bytes, int length, EndPoint? endPoint, string display)
    {
        Bytes = bytes;
        Length = length;
        EndPoint = endPoint;
        Display = display;
    }

    /// <summary>The buffer handed to the kernel; at least <see cref="Length"/> bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>The address length argument.</summary>
    public int Length { get; }

    /// <summary>The same address as .NET expresses it, or null where .NET cannot express it.</summary>
    public EndPoint? EndPoint { get; }

    /// <summary>How reports show the address.</summary>
    public string Display { get; }

    public override string ToString() => Display;

    /// <summary>struct sockaddr_in for an IPv4 address.</summary>
    public static SockAddr Inet(IPAddress address, int port)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("Inet needs an IPv4 address; use Inet6.", nameof(address));
        }

        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, LinuxConstants.AF_INET);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), checked((ushort)port));
        address.TryWriteBytes(bytes.AsSpan(4), out _);
        return new SockAddr(bytes, 16, new IPEndPoint(address, port), $"{address}:{port}");
    }

    /// <summary>struct sockaddr_in for <c>a.b.c.d</c> text.</summary>
    public static SockAddr Inet(string address, int port) => Inet(IPAddress.Parse(address), port);

    /// <summary>struct sockaddr_in6; <paramref name="scopeId"/> is the interface index for link-local addresses.</summary>
    public static SockAddr Inet6(IPAddress address, int port, uint scopeId = 0)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException("Inet6 needs an IPv6 address (map an IPv4 one with MapToIPv6).", nameof(address));
        }

        var bytes = new byte[28];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, LinuxConstants.AF_INET6);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), checked((ushort)port));
        address.TryWriteBytes(bytes.AsSpan(8), out _);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), scopeId);
        var endPointAddress = scopeId == 0 ? address : new IPAddress(address.GetAddressBytes(), scopeId);
        return new SockAddr(bytes, 28, new IPEndPoint(endPointAddress, port), $"[{endPointAddress}]:{port}");
    }

    /// <summary>struct sockaddr_in6 for IPv6 text.</summary>
    public static SockAddr Inet6(string address, int port, uint scopeId = 0) => Inet6(IPAddress.Parse(address), port, scopeId);

    /// <summary>
    /// struct sockaddr_un for a file-system path: the path's UTF-8 bytes and a terminating NUL,
    /// with the length the way most programs compute it (offsetof(sun_path) + strlen + 1). Paths
    /// longer than sun_path are allowed here on purpose: the buffer grows, and the kernel judges.
    /// </summary>
    public static SockAddr UnixPath(string path)
    {
        var pathBytes = Encoding.UTF8.GetBytes(path);
        var bytes = new byte[Math.Max(110, 2 + pathBytes.Length + 1)];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, LinuxConstants.AF_UNIX);
        pathBytes.CopyTo(bytes, 2);
        int length = 2 + pathBytes.Length + 1;
        EndPoint? endPoint = path.Length > 0 && pathBytes.Length < 108 ? new UnixDomainSocketEndPoint(path) : null;
        return new SockAddr(bytes, length, endPoint, path.Length == 0 ? "(empty path)" : path);
    }

    /// <summary>struct sockaddr_un for a Linux abstract name: a leading NUL, then the name's bytes, no terminator.</summary>
    public static SockAddr UnixAbstract(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var bytes = new byte[Math.Max(110, 3 + nameBytes.Length)];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, LinuxConstants.AF_UNIX);
        nameBytes.CopyTo(bytes, 3);
        // .NET treats a path that starts with NUL as an abstract name on Linux.
        EndPoint? endPoint = nameBytes.Length < 107 ? new UnixDomainSocketEndPoint("\0" + name) : null;
        return new SockAddr(bytes, 3 + nameBytes.Length, endPoint, "@" + name);
    }

    /// <summary>Exactly these bytes and this length: for what .NET cannot express (odd lengths, wrong or unknown families).</summary>
    public static SockAddr Raw(byte[] bytes, int length, string display)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var buffer = new byte[Math.Max(bytes.Length, Math.Max(length, 1))];
        bytes.CopyTo(buffer, 0);
        return new SockAddr(buffer, length, null, display);
    }

    /// <summary>The same bytes with another length; the result has no .NET form.</summary>
    public SockAddr WithLength(int length, string display) => Raw(Bytes, length, display);
}
