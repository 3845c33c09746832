using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace ErrorCatalog.Runtime;

/// <summary>
/// How <see cref="SocketConnector"/> connects. Immutable; <see cref="Default"/> is a stream socket with no caller timeout.
/// The socket options (<see cref="LocalEndPoint"/> through <see cref="BeforeConnect"/>) apply to sockets the runtime
/// creates; which of them fit which target is decided in one place (see <see cref="LocalEndPoint"/>'s remarks).
/// </summary>
/// <remarks>
/// Every value is checked when it is set (<see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/>).
/// When connecting, an option that does not apply to the target's family or socket type, or to a socket the caller owns,
/// is refused with an <see cref="ArgumentException"/> naming it, before any system call: TCP options on a datagram
/// socket, IP options on a Unix socket, <see cref="Ipv6Only"/> on an IPv4 socket, a <see cref="LocalEndPoint"/> of the
/// other family. An option the running system lacks is a <see cref="PlatformNotSupportedException"/> naming it
/// (<see cref="BindToDevice"/>, <see cref="TcpSynRetries"/> and <see cref="TcpUserTimeout"/> exist only on Linux; on
/// Windows only <see cref="LocalEndPoint"/>, <see cref="ReuseAddress"/>, <see cref="Ipv6Only"/> and <see cref="HopLimit"/>
/// are applied, through Winsock). A host-name target (<see cref="ConnectTarget.Host"/>) applies
/// <see cref="Ipv6Only"/> to its IPv6 attempts only, and a <see cref="LocalEndPoint"/> with a specific address limits the
/// attempts to that address's family. A failing setsockopt() or bind() is <see cref="ConnectOutcome.SystemCallFailed"/>
/// naming the call (<c>bind</c> for EADDRINUSE or EADDRNOTAVAIL of the local endpoint).
/// </remarks>
public sealed record ConnectOptions
{
    private readonly SocketType _socketType = SocketType.Stream;
    private readonly TimeSpan? _timeout;
    private readonly string? _bindToDevice;
    private readonly int? _tcpSynRetries;
    private readonly TimeSpan? _tcpUserTimeout;
    private readonly int? _hopLimit;
    private readonly TimeSpan? _sendTimeout;
    private readonly TimeSpan _attemptDelay = DefaultAttemptDelay;

    /// <summary>RFC 8305 section 5's recommended Connection Attempt Delay.</summary>
    public static readonly TimeSpan DefaultAttemptDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>RFC 8305 section 5: a next attempt must not start within 10 ms of the previous one.</summary>
    public static readonly TimeSpan MinimumAttemptDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>IFNAMSIZ (16) on Linux, including the terminating NUL.</summary>
    private const int MaxDeviceNameBytes = 15;

    /// <summary>MAX_TCP_SYNCNT in include/net/tcp.h; net/ipv4/tcp.c tcp_sock_set_syncnt() refuses more with EINVAL.</summary>
    private const int MaxTcpSynRetries = 127;

    /// <summary>A stream socket, blocking, no timeout of the caller's own (the system's connect timeout applies).</summary>
    public static ConnectOptions Default { get; } = new();

    /// <summary>
    /// <see cref="SocketType.Stream"/> (TCP, or a Unix stream socket) or <see cref="SocketType.Dgram"/>
    /// (UDP, or a Unix datagram socket). Ignored when connecting a socket the caller already owns.
    /// </summary>
    public SocketType SocketType
    {
        get => _socketType;
        init
        {
            if (value != SocketType.Stream && value != SocketType.Dgram)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Only SocketType.Stream and SocketType.Dgram can be connected by this runtime.");
            }

            _socketType = value;
        }
    }

    /// <summary>
    /// How long the caller is willing to wait, from the start of the call; null (or
    /// <see cref="Timeout.InfiniteTimeSpan"/>) leaves it to the system. When it runs out the result
    /// is <see cref="ConnectOutcome.TimedOutByCaller"/>, which is not the system's ETIMEDOUT.
    /// Zero means: do not wait at all.
    /// </summary>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init
        {
            if (value is { } span && span != System.Threading.Timeout.InfiniteTimeSpan && (span < TimeSpan.Zero || span.TotalMilliseconds > int.MaxValue))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be zero or positive, at most int.MaxValue milliseconds, or Timeout.InfiniteTimeSpan.");
            }

            _timeout = value == System.Threading.Timeout.InfiniteTimeSpan ? null : value;
        }
    }

    /// <summary>
    /// When true, the socket is made non-blocking and connect() is issued once: a connection that
    /// is still being set up is returned as <see cref="ConnectOutcome.InProgress"/> (the raw code is
    /// EINPROGRESS, or WSAEWOULDBLOCK on Windows) and the socket stays non-blocking. When false
    /// (the default) the call waits for the outcome and a socket it created is handed back in
    /// blocking mode; a caller's own socket gets its original mode back.
    /// </summary>
    public bool NonBlocking { get; init; }

    /// <summary>
    /// The local address and port to bind() before connecting; null lets the system choose. Port 0 means any port;
    /// <see cref="IPAddress.Any"/> or <see cref="IPAddress.IPv6Any"/> means any address of the target's family (so
    /// <c>new IPEndPoint(IPAddress.Any, 5000)</c> fixes only the port). A specific address must be of the target's family.
    /// </summary>
    public IPEndPoint? LocalEndPoint { get; init; }

    /// <summary>
    /// SO_BINDTODEVICE (Linux only): the interface name the socket is bound to, at most 15 bytes of UTF-8. A name the
    /// system does not know is the setsockopt() failure ENODEV; a device deleted after it was bound makes connect() fail with ENODEV.
    /// </summary>
    public string? BindToDevice
    {
        get => _bindToDevice;
        init
        {
            if (value is not null)
            {
                if (value.Length == 0 || value.Contains('\0', StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(value) > MaxDeviceNameBytes)
                {
                    throw new ArgumentException($"BindToDevice must be an interface name of 1 to {MaxDeviceNameBytes} bytes without NUL, not '{value}'.", nameof(value));
                }
            }

            _bindToDevice = value;
        }
    }

    /// <summary>IPV6_V6ONLY for IPv6 sockets: true refuses IPv4-mapped peers (connect() then fails with ENETUNREACH on Linux), false allows them (dual mode); null keeps the system default.</summary>
    public bool? Ipv6Only { get; init; }

    /// <summary>SO_REUSEADDR before bind(): lets sockets share a local address and port (a second connect of the same 4-tuple then fails with EADDRNOTAVAIL).</summary>
    public bool ReuseAddress { get; init; }

    /// <summary>SO_REUSEPORT before bind().</summary>
    public bool ReusePort { get; init; }

    /// <summary>TCP_SYNCNT (Linux only): how many times an unanswered SYN is sent again before connect() fails with ETIMEDOUT, 1 to 127.</summary>
    public int? TcpSynRetries
    {
        get => _tcpSynRetries;
        init
        {
            if (value is < 1 or > MaxTcpSynRetries)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"TcpSynRetries must be 1 to {MaxTcpSynRetries} (the kernel's MAX_TCP_SYNCNT).");
            }

            _tcpSynRetries = value;
        }
    }

    /// <summary>TCP_USER_TIMEOUT (Linux only): how long sent data (a SYN included) may stay unacknowledged before the kernel gives up with ETIMEDOUT; whole milliseconds, rounded up, 1 ms to int.MaxValue ms.</summary>
    public TimeSpan? TcpUserTimeout
    {
        get => _tcpUserTimeout;
        init => _tcpUserTimeout = CheckPositiveMilliseconds(value, nameof(TcpUserTimeout));
    }

    /// <summary>The hop limit of the packets sent: IP_TTL for IPv4 sockets, IPV6_UNICAST_HOPS for IPv6 sockets, 1 to 255.</summary>
    public int? HopLimit
    {
        get => _hopLimit;
        init
        {
            if (value is < 1 or > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "HopLimit must be 1 to 255.");
            }

            _hopLimit = value;
        }
    }

    /// <summary>
    /// SO_SNDTIMEO, 1 ms to int.MaxValue ms. It limits a blocking connect(): when it runs out the kernel answers EINPROGRESS
    /// and keeps the handshake going, so the result is <see cref="ConnectOutcome.InProgress"/> with the socket handed back.
    /// With <see cref="Timeout"/> or async calls the socket is non-blocking and the option only limits later sends.
    /// </summary>
    public TimeSpan? SendTimeout
    {
        get => _sendTimeout;
        init => _sendTimeout = CheckPositiveMilliseconds(value, nameof(SendTimeout));
    }

    /// <summary>
    /// Called with every socket the runtime creates, after the options above are set and before bind() and connect(),
    /// for options this type does not model (like Go's Dialer.Control). The handle passed does not own the descriptor:
    /// disposing it changes nothing. An exception thrown here closes the socket and propagates unchanged; closing the
    /// descriptor itself (close() on its number) is refused with an <see cref="InvalidOperationException"/>.
    /// </summary>
    public Action<SafeSocketDescriptor, ConnectTarget>? BeforeConnect { get; init; }

    /// <summary>
    /// For host-name targets: how long an attempt runs alone before the next address is tried as well (RFC 8305's
    /// Connection Attempt Delay); 250 ms by default, at least 10 ms (the RFC's floor; it recommends 100 ms or more).
    /// </summary>
    public TimeSpan AttemptDelay
    {
        get => _attemptDelay;
        init
        {
            if (value < MinimumAttemptDelay || value.TotalMilliseconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "AttemptDelay must be at least 10 ms (RFC 8305 section 5) and at most int.MaxValue milliseconds.");
            }

            _attemptDelay = value;
        }
    }

    /// <summary>For host-name targets: what turns the name into addresses; null uses <see cref="SystemHostResolver.Instance"/> (System.Net.Dns).</summary>
    public IHostResolver? Resolver { get; init; }

    /// <summary>True when any option that is applied to the socket before connect() is set.</summary>
    internal bool HasSocketOptions =>
        FirstSocketOption() is not null;

    /// <summary>The name of the first socket option that is set, for messages; null when none is.</summary>
    internal string? FirstSocketOption() =>
        LocalEndPoint is not null ? nameof(LocalEndPoint)
        : BindToDevice is not null ? nameof(BindToDevice)
        : Ipv6Only is not null ? nameof(Ipv6Only)
        : ReuseAddress ? nameof(ReuseAddress)
        : ReusePort ? nameof(ReusePort)
        : TcpSynRetries is not null ? nameof(TcpSynRetries)
        : TcpUserTimeout is not null ? nameof(TcpUserTimeout)
        : HopLimit is not null ? nameof(HopLimit)
        : SendTimeout is not null ? nameof(SendTimeout)
        : BeforeConnect is not null ? nameof(BeforeConnect)
        : null;

    private static TimeSpan? CheckPositiveMilliseconds(TimeSpan? value, string name)
    {
        if (value is { } span && (span < TimeSpan.FromMilliseconds(1) || span.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be 1 ms to int.MaxValue milliseconds (null leaves the system default).");
        }

        return value;
    }

    /// <summary>The timeout in whole milliseconds (rounded up), or -1 for none.</summary>
    internal int TimeoutMilliseconds => _timeout is { } span ? (int)Math.Ceiling(span.TotalMilliseconds) : -1;
}
