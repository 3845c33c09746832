using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Turns a host name into addresses for <see cref="ConnectTarget.Host"/> targets. A name that does not resolve is
/// reported by throwing a <see cref="SocketException"/> whose <see cref="SocketException.SocketErrorCode"/> says why
/// (<see cref="SocketError.HostNotFound"/>, <see cref="SocketError.TryAgain"/>, <see cref="SocketError.NoData"/>...):
/// the connect then ends with <see cref="ConnectOutcome.HostNotResolved"/>. Any other exception propagates to the caller.
/// </summary>
public interface IHostResolver
{
    /// <summary>The addresses of <paramref name="hostName"/>, best first; <paramref name="family"/> is Unspecified (both), InterNetwork or InterNetworkV6.</summary>
    ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string hostName, AddressFamily family, CancellationToken cancellationToken);
}

/// <summary>The system's resolver through <see cref="Dns.GetHostAddressesAsync(string, AddressFamily, CancellationToken)"/> (getaddrinfo on Unix), which orders the addresses by RFC 6724.</summary>
public sealed class SystemHostResolver : IHostResolver
{
    private SystemHostResolver()
    {
    }

    /// <summary>The one instance.</summary>
    public static SystemHostResolver Instance { get; } = new();

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string hostName, AddressFamily family, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(hostName, family, cancellationToken).ConfigureAwait(false);
}
