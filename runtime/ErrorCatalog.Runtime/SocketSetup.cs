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

        if (Interop.SocketOptionNumbers.Current is { } numbers && FirstMissing(options, numbers) is { } missing)
        {
            throw new PlatformNotSupportedException($"ConnectOptions.{missing} {WhyMissing(missing)}.");
        }
    }

    /// <summary>The first option set in <paramref name="options"/> that the running system has no equivalent for.</summary>
    private static string? FirstMissing(ConnectOptions options, Interop.SocketOptionNumbers numbers) =>
        options.BindToDevice is not null && numbers.SoBindToDevice is null ? nameof(ConnectOptions.BindToDevice)
        : options.ReusePort && numbers.SoReusePort is null ? nameof(ConnectOptions.ReusePort)
        : options.TcpSynRetries is not null && numbers.TcpSynCnt is null ? nameof(ConnectOptions.TcpSynRetries)
        : options.TcpUserTimeout is not null && numbers.TcpUserTimeout is null ? nameof(ConnectOptions.TcpUserTimeout)
        // Winsock applies SO_SNDTIMEO to send() only, so it would not limit the connect as it does on Linux.
        : options.SendTimeout is not null && OperatingSystem.IsWindows() ? nameof(ConnectOptions.SendTimeout)
        // On Windows the runtime's socket is a System.Net.Sockets.Socket, which a callback given a bare handle could close underneath it.
        : options.BeforeConnect is not null && OperatingSystem.IsWindows() ? nameof(ConnectOptions.BeforeConnect)
        : null;

    private static string WhyMissing(string option)
    {
        bool windows = OperatingSystem.IsWindows();
        string system = windows ? "Windows" : Interop.PlatformConstants.Current!.Name;
        // What Windows has near each option, and why it is not the same thing.
        string Near(string note) => windows ? $" ({note})" : string.Empty;
        return option switch
        {
            nameof(ConnectOptions.BindToDevice) => $"(SO_BINDTODEVICE) is a Linux socket option; {system} has none{Near("IP_UNICAST_IF only picks the interface of outgoing packets")}",
            nameof(ConnectOptions.ReusePort) => $"(SO_REUSEPORT) has no {system} equivalent{Near("SO_REUSE_UNICASTPORT shares ephemeral ports, which is another thing; ReuseAddress is SO_REUSEADDR")}",
            nameof(ConnectOptions.TcpSynRetries) => $"(TCP_SYNCNT) is a Linux socket option; {system} has no count of SYN retries{Near("TCP_MAXRT is a time limit in seconds for all retransmissions, not a count")}",
            nameof(ConnectOptions.TcpUserTimeout) => $"(TCP_USER_TIMEOUT) is a Linux socket option; {system} has no equivalent the runtime sets{Near("TCP_MAXRT counts whole seconds and also governs the handshake")}; use ConnectOptions.Timeout to limit the connect",
            nameof(ConnectOptions.SendTimeout) => "(SO_SNDTIMEO) limits only send() on Windows, not connect(); use ConnectOptions.Timeout to limit the connect",
            _ => "is not run on Windows, where the runtime's socket is a System.Net.Sockets.Socket; create the Socket yourself, set it up, and pass its SafeHandle",
        };
    }

    /// <summary>True when <paramref name="address"/> may be attempted with the options' local endpoint (one of its family, or any when the endpoint's address is a wildcard).</summary>
    internal static bool FitsLocalEndPoint(ConnectOptions options, IPAddress address) =>
        options.LocalEndPoint is not { } local || IsWildcard(local.Address) || local.AddressFamily == address.AddressFamily;

    /// <summary>
    /// Sets the options on a socket the runtime just created (Linux, macOS, FreeBSD), calls the caller's
    /// <see cref="ConnectOptions.BeforeConnect"/>, and binds the local endpoint. A failing call is returned; an
    /// exception of the callback propagates (the caller of this method closes the socket).
    /// </summary>
    internal static bool TryApply(SafeSocketDescriptor socket, ConnectTarget target, ConnectOptions options, out SystemCallError failure)
    {
        failure = default;
        if (!options.HasSocketOptions)
        {
            return true;
        }

        int fd = (int)socket.DangerousGetHandle();
        Action? beforeBind = options.BeforeConnect is { } callback ? () => RunCallback(callback, socket, fd, target) : null;
        return TryApply(new DescriptorSetter(fd, Interop.PlatformConstants.Current!), Interop.SocketOptionNumbers.Current!, target, options, beforeBind, out failure);
    }

    /// <summary>
    /// Windows: the same options, with Winsock's numbers, on the <see cref="Socket"/> the runtime just created, then
    /// bind(). <see cref="Check"/> has refused those Winsock lacks, <see cref="ConnectOptions.SendTimeout"/> and
    /// <see cref="ConnectOptions.BeforeConnect"/>.
    /// </summary>
    internal static bool TryApply(Socket socket, ConnectTarget target, ConnectOptions options, out SystemCallError failure)
    {
        failure = default;
        return !options.HasSocketOptions
            || TryApply(new WinsockSetter(socket), Interop.SocketOptionNumbers.Windows, target, options, beforeBind: null, out failure);
    }

    /// <summary>The one order for every system: setsockopt() for each option, then the callback, then bind().</summary>
    private static bool TryApply(ISocketSetter setter, Interop.SocketOptionNumbers numbers, ConnectTarget target, ConnectOptions options, Action? beforeBind, out SystemCallError failure)
    {
        failure = default;
        bool v6 = target.AddressFamily == AddressFamily.InterNetworkV6;
        bool ok = (options.Ipv6Only is not { } v6Only || SetInt(setter, numbers.IpProtoIpv6, numbers.Ipv6V6Only, v6Only ? 1 : 0, out failure))
            && (!options.ReuseAddress || SetInt(setter, setter.SolSocket, numbers.SoReuseAddr, 1, out failure))
            && (!options.ReusePort || SetInt(setter, setter.SolSocket, numbers.SoReusePort!.Value, 1, out failure))
            // The kernel copies at most IFNAMSIZ bytes and NUL-terminates them itself; the length excludes the NUL.
            && (options.BindToDevice is not { } device || setter.TrySet(setter.SolSocket, numbers.SoBindToDevice!.Value, Encoding.UTF8.GetBytes(device), out failure))
            && (options.HopLimit is not { } hops || SetInt(setter, v6 ? numbers.IpProtoIpv6 : numbers.IpProtoIp, v6 ? numbers.Ipv6UnicastHops : numbers.IpTtl, hops, out failure))
            && (options.TcpSynRetries is not { } syns || SetInt(setter, numbers.IpProtoTcp, numbers.TcpSynCnt!.Value, syns, out failure))
            && (options.TcpUserTimeout is not { } user || SetInt(setter, numbers.IpProtoTcp, numbers.TcpUserTimeout!.Value, WholeMilliseconds(user), out failure))
            // Refused on Windows by Check, so the Unix constants are there.
            && (options.SendTimeout is not { } send || setter.TrySet(setter.SolSocket, Interop.PlatformConstants.Current!.SoSndTimeo, Timeval(Interop.PlatformConstants.Current!, send), out failure));
        if (!ok)
        {
            return false;
        }

        beforeBind?.Invoke();
        return options.LocalEndPoint is not { } local || setter.TryBind(LocalAddressFor(local, target), local.Port, out failure);
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

    private static bool SetInt(ISocketSetter setter, int level, int name, int value, out SystemCallError failure)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        MemoryMarshal.Write(bytes, in value);
        return setter.TrySet(level, name, bytes, out failure);
    }

    /// <summary>struct timeval: a long of seconds, then microseconds as a long (Linux, FreeBSD) or an int (macOS, padded).</summary>
    private static byte[] Timeval(Interop.PlatformConstants constants, TimeSpan span)
    {
        long totalMicroseconds = (long)Math.Ceiling(span.Ticks / (double)TimeSpan.TicksPerMicrosecond);
        var timeval = new byte[2 * IntPtr.Size];
        var seconds = (nint)(totalMicroseconds / 1_000_000);
        MemoryMarshal.Write(timeval, in seconds);
        if (constants.TimevalMicrosecondsIsInt32)
        {
            var microseconds = (int)(totalMicroseconds % 1_000_000);
            MemoryMarshal.Write(timeval.AsSpan(IntPtr.Size), in microseconds);
        }
        else
        {
            var microseconds = (nint)(totalMicroseconds % 1_000_000);
            MemoryMarshal.Write(timeval.AsSpan(IntPtr.Size), in microseconds);
        }

        return timeval;
    }

    /// <summary>setsockopt() and bind() on one socket, however the system reaches it.</summary>
    private interface ISocketSetter
    {
        /// <summary>The SOL_SOCKET level of the system.</summary>
        int SolSocket { get; }

        bool TrySet(int level, int name, ReadOnlySpan<byte> value, out SystemCallError failure);

        bool TryBind(IPAddress address, int port, out SystemCallError failure);
    }

    /// <summary>A Unix descriptor, through libc.</summary>
    private sealed class DescriptorSetter(int fd, Interop.PlatformConstants constants) : ISocketSetter
    {
        public int SolSocket => constants.SolSocket;

        public unsafe bool TrySet(int level, int name, ReadOnlySpan<byte> value, out SystemCallError failure)
        {
            int rc;
            fixed (byte* pointer = value)
            {
                rc = Interop.Sys.SetSockOpt(fd, level, name, pointer, (uint)value.Length);
            }

            failure = rc == 0 ? default : SystemCallError.Create("setsockopt", Marshal.GetLastPInvokeError());
            return rc == 0;
        }

        public unsafe bool TryBind(IPAddress address, int port, out SystemCallError failure)
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

    /// <summary>A Windows socket, through System.Net.Sockets, whose SocketException carries the Winsock code.</summary>
    private sealed class WinsockSetter(Socket socket) : ISocketSetter
    {
        public int SolSocket => Interop.SocketOptionNumbers.WindowsSolSocket;

        public bool TrySet(int level, int name, ReadOnlySpan<byte> value, out SystemCallError failure)
        {
            try
            {
                socket.SetRawSocketOption(level, name, value);
                failure = default;
                return true;
            }
            catch (SocketException exception)
            {
                failure = SystemCallError.Create("setsockopt", exception.NativeErrorCode);
                return false;
            }
        }

        public bool TryBind(IPAddress address, int port, out SystemCallError failure)
        {
            try
            {
                socket.Bind(new IPEndPoint(address, port));
                failure = default;
                return true;
            }
            catch (SocketException exception)
            {
                failure = SystemCallError.Create("bind", exception.NativeErrorCode);
                return false;
            }
        }
    }
}
