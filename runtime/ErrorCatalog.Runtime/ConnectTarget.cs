using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ErrorCatalog.Runtime;

/// <summary>What kind of address a <see cref="ConnectTarget"/> holds.</summary>
public enum ConnectTargetKind
{
    /// <summary>An IPv4 address and port (AF_INET).</summary>
    IPv4 = 1,

    /// <summary>An IPv6 address, port and scope (AF_INET6).</summary>
    IPv6 = 2,

    /// <summary>A Unix-domain socket reached through a filesystem path (AF_UNIX).</summary>
    UnixPath = 3,

    /// <summary>A Linux abstract Unix-domain name: no file, the name lives in the network namespace.</summary>
    UnixAbstract = 4,

    /// <summary>Caller-built sockaddr bytes passed to connect() unchanged.</summary>
    NativeAddress = 5,

    /// <summary>A host name and port: resolved, then its addresses are raced (Happy Eyeballs, RFC 8305).</summary>
    HostName = 6,
}

/// <summary>
/// An immutable endpoint to connect to. Everything that can be checked before a system call is
/// checked when the target is created, so a target that exists is one the system can be asked
/// about: a Unix path that does not fit sun_path, or that contains a NUL, is refused here with an
/// <see cref="ArgumentException"/>, never truncated.
/// </summary>
public sealed class ConnectTarget
{
    /// <summary>sizeof(sun_path) on Windows (afunix.h), where the runtime does not build the sockaddr itself.</summary>
    private const int WindowsSunPathLength = 108;

    private readonly byte[]? _nativeAddress;
    private readonly byte[]? _abstractName;

    private ConnectTarget(ConnectTargetKind kind, AddressFamily family, EndPoint? endPoint, byte[]? nativeAddress)
    {
        Kind = kind;
        AddressFamily = family;
        EndPoint = endPoint;
        _nativeAddress = nativeAddress;
    }

    private ConnectTarget(ConnectTargetKind kind, AddressFamily family, EndPoint? endPoint, byte[]? nativeAddress, byte[] abstractName)
        : this(kind, family, endPoint, nativeAddress)
    {
        _abstractName = abstractName;
    }

    /// <summary>What kind of address this is.</summary>
    public ConnectTargetKind Kind { get; }

    /// <summary>The address family the socket is created in (Unknown for <see cref="ConnectTargetKind.NativeAddress"/> of an unrecognised family; for a host name the family asked for, Unspecified for either).</summary>
    public AddressFamily AddressFamily { get; }

    /// <summary>The .NET view of the endpoint (an <see cref="IPEndPoint"/>, <see cref="DnsEndPoint"/> or <see cref="UnixDomainSocketEndPoint"/>), used in exceptions; null when .NET has no type for it.</summary>
    public EndPoint? EndPoint { get; }

    /// <summary>The IP address, for IPv4 and IPv6 targets.</summary>
    public IPAddress? Address => (EndPoint as IPEndPoint)?.Address;

    /// <summary>The port, for IPv4, IPv6 and host-name targets; 0 otherwise.</summary>
    public int Port => (EndPoint as IPEndPoint)?.Port ?? (EndPoint as DnsEndPoint)?.Port ?? 0;

    /// <summary>The name to resolve, for <see cref="ConnectTargetKind.HostName"/> targets.</summary>
    public string? HostName => (EndPoint as DnsEndPoint)?.Host;

    /// <summary>The filesystem path, for <see cref="ConnectTargetKind.UnixPath"/> targets.</summary>
    public string? Path { get; private init; }

    /// <summary>The abstract name's bytes (without the leading NUL), for <see cref="ConnectTargetKind.UnixAbstract"/> targets.</summary>
    public ReadOnlySpan<byte> AbstractName => _abstractName;

    /// <summary>The sockaddr bytes handed to connect() on this Unix system; null on Windows.</summary>
    internal byte[]? NativeAddressBytes => _nativeAddress;

    /// <summary>An IPv4 or IPv6 address and a port.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0..65535.</exception>
    public static ConnectTarget Ip(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var family = address.AddressFamily;
        if (family != AddressFamily.InterNetwork && family != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"Only IPv4 and IPv6 addresses can be connected to, not {family}.", nameof(address));
        }

        var platform = Interop.PlatformConstants.Current;
        return new ConnectTarget(
            family == AddressFamily.InterNetwork ? ConnectTargetKind.IPv4 : ConnectTargetKind.IPv6,
            family,
            new IPEndPoint(address, port),
            platform is null ? null : Interop.SockAddr.Inet(platform, address, port));
    }

    /// <summary>
    /// A host name and port. Connecting resolves the name (<see cref="ConnectOptions.Resolver"/>), then tries its
    /// addresses as RFC 8305 describes: families interleaved, starting with the family of the first address the
    /// resolver returned, a new attempt every <see cref="ConnectOptions.AttemptDelay"/> or as soon as the previous
    /// one failed, the losers canceled and closed. <paramref name="family"/> keeps only IPv4
    /// (<see cref="AddressFamily.InterNetwork"/>) or only IPv6 addresses; <see cref="AddressFamily.Unspecified"/> keeps both.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, longer than 253 characters (a trailing dot aside), or contains a NUL, a space or a control character; or the family is another one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0..65535.</exception>
    public static ConnectTarget Host(string name, int port, AddressFamily family = AddressFamily.Unspecified)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, IPEndPoint.MinPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        if (family is not (AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"A host name resolves to IPv4 or IPv6 addresses; the family must be Unspecified, InterNetwork or InterNetworkV6, not {family}.", nameof(family));
        }

        const int maxNameLength = 253;
        int length = name.EndsWith('.') ? name.Length - 1 : name.Length;
        if (length <= 0 || length > maxNameLength)
        {
            throw new ArgumentException($"A host name has 1 to {maxNameLength} characters (a trailing dot aside); this one has {length}.", nameof(name));
        }

        int bad = name.AsSpan().IndexOfAnyInRange('\0', ' ');
        if (bad >= 0 || (bad = name.IndexOf('\u007f', StringComparison.Ordinal)) >= 0)
        {
            throw new ArgumentException($"A host name cannot contain a space or a control character; this one has U+{(int)name[bad]:X4} at index {bad}.", nameof(name));
        }

        return new ConnectTarget(ConnectTargetKind.HostName, family, new DnsEndPoint(name, port, family), null);
    }

    /// <summary>
    /// An <see cref="IPEndPoint"/>, a <see cref="DnsEndPoint"/> (see <see cref="Host"/>; its address family is kept), or a
    /// <see cref="UnixDomainSocketEndPoint"/> (a path, or on Linux an abstract name starting with NUL).
    /// </summary>
    public static ConnectTarget FromEndPoint(EndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        switch (endPoint)
        {
            case IPEndPoint ip:
                return Ip(ip.Address, ip.Port);
            case UnixDomainSocketEndPoint unix:
                return FromUnixEndPoint(unix);
            case DnsEndPoint dns:
                return Host(dns.Host, dns.Port, dns.AddressFamily);
            default:
                throw new ArgumentException($"Endpoints of type {endPoint.GetType().Name} are not supported; use an IPEndPoint, a DnsEndPoint or a UnixDomainSocketEndPoint.", nameof(endPoint));
        }
    }

    private static ConnectTarget FromUnixEndPoint(UnixDomainSocketEndPoint endPoint)
    {
        // ToString() shows an abstract name with a leading '@', which a real path may also have;
        // the serialized form keeps the distinction: sun_path starting with NUL is abstract.
        var serialized = endPoint.Serialize();
        const int pathOffset = 2;
        var path = new byte[Math.Max(0, serialized.Size - pathOffset)];
        for (int i = 0; i < path.Length; i++)
        {
            path[i] = serialized[pathOffset + i];
        }

        if (path.Length > 0 && path[0] == 0)
        {
            return UnixAbstract(path.AsSpan(1));
        }

        // The endpoint keeps the caller's string; its serialized bytes have already replaced
        // invalid UTF-16 with U+FFFD, so the string is what is checked.
        return UnixPath(endPoint.ToString());
    }

    /// <summary>A Unix-domain socket file.</summary>
    /// <exception cref="ArgumentException">The path is empty, contains a NUL, or does not fit sun_path with its terminating NUL (107 bytes of UTF-8 on Linux, 103 on macOS and FreeBSD).</exception>
    public static ConnectTarget UnixPath(string path)
    {
        if (!TryCreateUnixPath(path, out var target, out string? problem))
        {
            throw new ArgumentException(problem, nameof(path));
        }

        return target;
    }

    /// <summary>Like <see cref="UnixPath(string)"/>, but reports a path that cannot be used through <paramref name="problem"/> instead of throwing.</summary>
    public static bool TryCreateUnixPath(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConnectTarget? target, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        target = null;
        if (path.Length == 0)
        {
            problem = "The Unix socket path is empty.";
            return false;
        }

        int nul = path.IndexOf('\0');
        if (nul >= 0)
        {
            problem = $"The Unix socket path contains a NUL character at index {nul}; the system would silently cut the path there. For a Linux abstract name use ConnectTarget.UnixAbstract.";
            return false;
        }

        if (!TryEncodeUtf8(path, out byte[]? bytes, out int invalid))
        {
            problem = $"The Unix socket path is not valid UTF-16: the character at index {invalid} (U+{(int)path[invalid]:X4}) is a lone surrogate. It has no UTF-8 form; encoding it anyway would name a different file.";
            return false;
        }

        var platform = Interop.PlatformConstants.Current;
        int capacity = platform?.SunPathLength ?? WindowsSunPathLength;
        if (bytes.Length + 1 > capacity)
        {
            problem = $"The Unix socket path is {bytes.Length} bytes in UTF-8; with its terminating NUL it needs {bytes.Length + 1}, but sun_path holds {capacity} bytes on {platform?.Name ?? "Windows"}. Use a shorter path (for example a relative path, or a symbolic link to the directory).";
            return false;
        }

        target = new ConnectTarget(
            ConnectTargetKind.UnixPath,
            AddressFamily.Unix,
            new UnixDomainSocketEndPoint(path),
            platform is null ? null : Interop.SockAddr.UnixPath(platform, bytes))
        {
            Path = path,
        };
        problem = null;
        return true;
    }

    /// <summary>A Linux abstract socket name, given as text (encoded as UTF-8) without the leading NUL.</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="ArgumentException">The name is not valid UTF-16 (a lone surrogate), or is longer than sun_path minus the leading NUL (107 bytes).</exception>
    public static ConnectTarget UnixAbstract(ReadOnlySpan<char> name)
    {
        if (!TryEncodeUtf8(name, out byte[]? bytes, out int invalid))
        {
            throw new ArgumentException($"The abstract name is not valid UTF-16: the character at index {invalid} (U+{(int)name[invalid]:X4}) is a lone surrogate. It has no UTF-8 form; pass the name's bytes instead.", nameof(name));
        }

        return UnixAbstract(bytes);
    }

    /// <summary>A Linux abstract socket name, given as raw bytes without the leading NUL (the bytes may include NULs).</summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="ArgumentException">The name is longer than sun_path minus the leading NUL (107 bytes).</exception>
    public static ConnectTarget UnixAbstract(ReadOnlySpan<byte> name)
    {
        var platform = Interop.PlatformConstants.Current;
        if (platform is null || !platform.SupportsAbstractNames)
        {
            throw new PlatformNotSupportedException("Abstract Unix socket names exist only on Linux.");
        }

        if (name.Length + 1 > platform.SunPathLength)
        {
            throw new ArgumentException($"The abstract name is {name.Length} bytes; after the leading NUL sun_path has room for {platform.SunPathLength - 1}.", nameof(name));
        }

        byte[] copy = name.ToArray();
        EndPoint? endPoint = null;
        if (IsValidUtf8WithoutNul(copy))
        {
            endPoint = new UnixDomainSocketEndPoint("\0" + Encoding.UTF8.GetString(copy));
        }

        return new ConnectTarget(ConnectTargetKind.UnixAbstract, AddressFamily.Unix, endPoint, Interop.SockAddr.UnixAbstract(platform, copy), copy);
    }

    /// <summary>
    /// A sockaddr built by the caller, passed to connect() byte for byte with its own length. An
    /// escape hatch for address families this type does not model; nothing is validated, so the
    /// system's answer (EINVAL, EAFNOSUPPORT...) is what the result reports.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    public static ConnectTarget FromNativeAddress(ReadOnlySpan<byte> socketAddress)
    {
        var platform = Interop.PlatformConstants.Current
            ?? throw new PlatformNotSupportedException("Native sockaddr targets are only supported on Unix systems.");
        int family = Interop.SockAddr.ReadFamily(platform, socketAddress);
        var addressFamily = family == platform.AfInet ? AddressFamily.InterNetwork
            : family == platform.AfInet6 ? AddressFamily.InterNetworkV6
            : family == platform.AfUnix ? AddressFamily.Unix
            : AddressFamily.Unknown;
        return new ConnectTarget(ConnectTargetKind.NativeAddress, addressFamily, null, socketAddress.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ConnectTargetKind.UnixPath => "unix:" + Path,
        ConnectTargetKind.UnixAbstract => "unix-abstract:@" + (EndPoint is null ? Convert.ToHexString(_abstractName!) : Encoding.UTF8.GetString(_abstractName!)),
        ConnectTargetKind.NativeAddress => "sockaddr:" + Convert.ToHexString(_nativeAddress!),
        ConnectTargetKind.HostName => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{HostName}:{Port}"),
        _ => EndPoint!.ToString()!,
    };

    /// <summary>Strict UTF-8: refuses a lone surrogate (reporting its index) instead of writing U+FFFD for it.</summary>
    private static bool TryEncodeUtf8(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes, out int invalidIndex)
    {
        var buffer = new byte[checked(text.Length * 3)];
        var status = System.Text.Unicode.Utf8.FromUtf16(text, buffer, out int read, out int written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            bytes = null;
            invalidIndex = read;
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        invalidIndex = -1;
        return true;
    }

    private static bool IsValidUtf8WithoutNul(byte[] bytes) =>
        Array.IndexOf(bytes, (byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(bytes);
}
