using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ErrorCatalog.Runtime;

/// <summary>
/// The socket options of <see cref="ConnectOptions"/>: which apply to which target (checked once, before any system
/// call) and how they are set on a socket the runtime created (setsockopt(), the caller's callback, then bind()).
/// </summary>
internal static class SocketSetup
{
    /// <summary>F_GETFD and EBADF: the same numbers on Linux, macOS and FreeBSD (fcntl.h, errno.h).</summary>
    private const int FGetFd = 1;
    private const int EBadf = 9;

    /// <summary>
    /// Refuses an option that does not fit the target, the socket type, a socket the caller owns, or the running
    /// system. A host-name target is checked for what holds whatever it resolves to; each attempt is checked again
    /// with its address.
    /// </summary>
    /// <exception cref="ArgumentException">The option does not apply (the message names it).</exception>
    /// <exception cref="PlatformNotSupportedException">The running system has no such option.</exception>
    internal static void Check(ConnectOptions options, ConnectTarget target, bool callerSocket)
    {
        string? first = options.FirstSocketOption();
        if (first is null)
        {
            return;
        }

        if (callerSocket)
        {
            throw Refuse(first, "applies to sockets the runtime creates; set it on your own socket before connecting");
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException($"ConnectOptions.{first} is not applied on Windows, where the runtime connects through System.Net.Sockets; set the option on a Socket of your own.");
        }

        var family = target.AddressFamily;
        bool ip = family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 || target.Kind == ConnectTargetKind.HostName;
        if (!ip && FirstIpOption(options) is { } ipOnly)
        {
            throw Refuse(ipOnly, $"applies to IPv4 and IPv6 sockets, not to a {family} target ({target.Kind})");
        }

        if (family == AddressFamily.InterNetwork && options.Ipv6Only is not null)
        {
            throw Refuse(nameof(ConnectOptions.Ipv6Only), "applies to IPv6 sockets; the target is IPv4");
        }

        if (options.SocketType == SocketType.Dgram && FirstTcpOption(options) is { } tcpOnly)
        {
            throw Refuse(tcpOnly, "applies to TCP (stream) sockets; the socket is a datagram socket");
        }

        if (options.LocalEndPoint is { } local && !IsWildcard(local.Address) && target.Kind != ConnectTargetKind.HostName && local.AddressFamily != family)
        {
            throw Refuse(nameof(ConnectOptions.LocalEndPoint), $"is an {local.AddressFamily} address and the target is {family}; use an address of the target's family, or IPAddress.Any to fix only the port");
        }

        if (Interop.SocketOptionNumbers.Current is { } numbers)
        {
            string? missing = options.BindToDevice is not null && numbers.SoBindToDevice is null ? nameof(ConnectOptions.BindToDevice)
                : options.TcpSynRetries is not null && numbers.TcpSynCnt is null ? nameof(ConnectOptions.TcpSynRetries)
                : options.TcpUserTimeout is not null && numbers.TcpUserTimeout is null ? nameof(ConnectOptions.TcpUserTimeout)
                : null;
            if (missing is not null)
            {
                throw new PlatformNotSupportedException($"ConnectOptions.{missing} is a Linux socket option; {Interop.PlatformConstants.Current!.Name} has no equivalent the runtime sets.");
            }
        }
    }

    /// <summary>True when <paramref name="address"/> may be attempted with the options' local endpoint (one of its family, or any when the endpoint's address is a wildcard).</summary>
    internal static bool FitsLocalEndPoint(ConnectOptions options, IPAddress address) =>
        options.LocalEndPoint is not { } local || IsWildcard(local.Address) || local.AddressFamily == address.AddressFamily;

    /// <summary>
    /// Sets the options on a socket the runtime just created (Linux, macOS, FreeBSD), calls the caller's
    /// <see cref="ConnectOptions.BeforeConnect"/>, and binds the local endpoint. A failing call is returned; an
    /// exception of the callback propagates (the caller of this method closes the socket).
    /// </summary>
    internal static unsafe bool TryApply(SafeSocketDescriptor socket, ConnectTarget target, ConnectOptions options, out SystemCallError failure)
    {
        failure = default;
        if (!options.HasSocketOptions)
        {
            return true;
        }

        var constants = Interop.PlatformConstants.Current!;
        var numbers = Interop.SocketOptionNumbers.Current!;
        int fd = (int)socket.DangerousGetHandle();
        bool v6 = target.AddressFamily == AddressFamily.InterNetworkV6;
        bool ok = (options.Ipv6Only is not { } v6Only || SetInt(fd, numbers.IpProtoIpv6, numbers.Ipv6V6Only, v6Only ? 1 : 0, out failure))
            && (!options.ReuseAddress || SetInt(fd, constants.SolSocket, numbers.SoReuseAddr, 1, out failure))
            && (!options.ReusePort || SetInt(fd, constants.SolSocket, numbers.SoReusePort, 1, out failure))
            && (options.BindToDevice is not { } device || SetDevice(fd, constants.SolSocket, numbers.SoBindToDevice!.Value, device, out failure))
            && (options.HopLimit is not { } hops || SetInt(fd, v6 ? numbers.IpProtoIpv6 : numbers.IpProtoIp, v6 ? numbers.Ipv6UnicastHops : numbers.IpTtl, hops, out failure))
            && (options.TcpSynRetries is not { } syns || SetInt(fd, numbers.IpProtoTcp, numbers.TcpSynCnt!.Value, syns, out failure))
            && (options.TcpUserTimeout is not { } user || SetInt(fd, numbers.IpProtoTcp, numbers.TcpUserTimeout!.Value, WholeMilliseconds(user), out failure))
            && (options.SendTimeout is not { } send || SetTimeval(fd, constants, send, out failure));
        if (!ok)
        {
            return false;
        }

        if (options.BeforeConnect is { } callback)
        {
            RunCallback(callback, socket, fd, target);
        }

        return options.LocalEndPoint is not { } local || Bind(fd, constants, LocalAddressFor(local, target), local.Port, out failure);
    }

    private static void RunCallback(Action<SafeSocketDescriptor, ConnectTarget> callback, SafeSocketDescriptor socket, int fd, ConnectTarget target)
    {
        // A view that does not own the descriptor: the callback disposing it closes nothing.
        using (var view = new SafeSocketDescriptor(fd, ownsHandle: false))
        {
            callback(view, target);
        }

        if (Interop.Sys.Fcntl(fd, FGetFd, 0) < 0 && Marshal.GetLastPInvokeError() == EBadf)
        {
            // The number is no longer ours: closing it again could close another file of the process.
            socket.SetHandleAsInvalid();
            throw new InvalidOperationException($"ConnectOptions.BeforeConnect closed the socket's descriptor {fd}; the callback may set options on it but not close it.");
        }
    }

    private static IPAddress LocalAddressFor(IPEndPoint local, ConnectTarget target) =>
        IsWildcard(local.Address)
            ? (target.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any)
            : local.Address;

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static string? FirstIpOption(ConnectOptions options) =>
        options.LocalEndPoint is not null ? nameof(ConnectOptions.LocalEndPoint)
        : options.BindToDevice is not null ? nameof(ConnectOptions.BindToDevice)
        : options.Ipv6Only is not null ? nameof(ConnectOptions.Ipv6Only)
        : options.ReuseAddress ? nameof(ConnectOptions.ReuseAddress)
        : options.ReusePort ? nameof(ConnectOptions.ReusePort)
        : options.HopLimit is not null ? nameof(ConnectOptions.HopLimit)
        : FirstTcpOption(options);

    private static string? FirstTcpOption(ConnectOptions options) =>
        options.TcpSynRetries is not null ? nameof(ConnectOptions.TcpSynRetries)
        : options.TcpUserTimeout is not null ? nameof(ConnectOptions.TcpUserTimeout)
        : null;

    private static ArgumentException Refuse(string option, string why) =>
        new($"ConnectOptions.{option} {why}.", "options");

    private static int WholeMilliseconds(TimeSpan span) => (int)Math.Ceiling(span.TotalMilliseconds);

    private static unsafe bool SetInt(int fd, int level, int name, int value, out SystemCallError failure) =>
        SetOption(fd, level, name, &value, sizeof(int), out failure);

    private static unsafe bool SetDevice(int fd, int level, int name, string device, out SystemCallError failure)
    {
        // The kernel copies at most IFNAMSIZ bytes and NUL-terminates them itself; the length excludes the NUL.
        byte[] bytes = Encoding.UTF8.GetBytes(device);
        fixed (byte* pointer = bytes)
        {
            return SetOption(fd, level, name, pointer, bytes.Length, out failure);
        }
    }

    private static unsafe bool SetTimeval(int fd, Interop.PlatformConstants constants, TimeSpan span, out SystemCallError failure)
    {
        // struct timeval: a long of seconds, then microseconds as a long (Linux, FreeBSD) or an int (macOS, padded).
        long totalMicroseconds = (long)Math.Ceiling(span.Ticks / (double)TimeSpan.TicksPerMicrosecond);
        byte* timeval = stackalloc byte[2 * sizeof(nint)];
        new Span<byte>(timeval, 2 * sizeof(nint)).Clear();
        *(nint*)timeval = (nint)(totalMicroseconds / 1_000_000);
        if (constants.TimevalMicrosecondsIsInt32)
        {
            *(int*)(timeval + sizeof(nint)) = (int)(totalMicroseconds % 1_000_000);
        }
        else
        {
            *(nint*)(timeval + sizeof(nint)) = (nint)(totalMicroseconds % 1_000_000);
        }

        return SetOption(fd, constants.SolSocket, constants.SoSndTimeo, timeval, 2 * sizeof(nint), out failure);
    }

    private static unsafe bool SetOption(int fd, int level, int name, void* value, int length, out SystemCallError failure)
    {
        if (Interop.Sys.SetSockOpt(fd, level, name, value, (uint)length) == 0)
        {
            failure = default;
            return true;
        }

        failure = SystemCallError.Create("setsockopt", Marshal.GetLastPInvokeError());
        return false;
    }

    private static unsafe bool Bind(int fd, Interop.PlatformConstants constants, IPAddress address, int port, out SystemCallError failure)
    {
        byte[] socketAddress = Interop.SockAddr.Inet(constants, address, port);
        int rc;
        fixed (byte* pointer = socketAddress)
        {
            rc = Interop.Sys.Bind(fd, pointer, (uint)socketAddress.Length);
        }

        failure = rc == 0 ? default : SystemCallError.Create("bind", Marshal.GetLastPInvokeError());
        return rc == 0;
    }
}
