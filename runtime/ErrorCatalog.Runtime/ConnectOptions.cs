using System;
using System.Net.Sockets;
using System.Threading;

namespace ErrorCatalog.Runtime;

/// <summary>How <see cref="SocketConnector"/> connects. Immutable; <see cref="Default"/> is a stream socket with no caller timeout.</summary>
public sealed record ConnectOptions
{
    private readonly SocketType _socketType = SocketType.Stream;
    private readonly TimeSpan? _timeout;

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

    /// <summary>The timeout in whole milliseconds (rounded up), or -1 for none.</summary>
    internal int TimeoutMilliseconds => _timeout is { } span ? (int)Math.Ceiling(span.TotalMilliseconds) : -1;
}
