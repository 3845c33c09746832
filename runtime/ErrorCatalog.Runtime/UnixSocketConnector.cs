using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>The libc implementation used on Linux, macOS and FreeBSD.</summary>
internal static class UnixSocketConnector
{
    private enum Status
    {
        Connected,
        Failed,
        InProgress,
        TimedOut,
    }

    private static Interop.PlatformConstants Constants => Interop.PlatformConstants.Current!;

    internal static ConnectResult Connect(ConnectTarget target, ConnectOptions options)
    {
        long deadline = Deadline(options);
        bool nonBlockingSocket = options.NonBlocking || deadline >= 0;
        if (!OpenSocket(target, options.SocketType, nonBlockingSocket, out var descriptor, out int errno))
        {
            return ConnectResult.Failed(target, Native(errno));
        }

        bool handedOver = false;
        try
        {
            int fd = (int)descriptor.DangerousGetHandle();
            var status = ConnectDescriptor(fd, target.NativeAddressBytes!, options.NonBlocking, deadline, out errno);
            if (status == Status.Connected && nonBlockingSocket && !options.NonBlocking && !SetFlags(fd, 0, out errno))
            {
                status = Status.Failed;
            }

            var result = ToResult(target, status, errno, descriptor);
            handedOver = result.Socket is not null;
            return result;
        }
        finally
        {
            if (!handedOver)
            {
                descriptor.Dispose();
            }
        }
    }

    internal static ConnectResult Connect(SafeHandle socket, ConnectTarget target, ConnectOptions options)
    {
        long deadline = Deadline(options);
        bool added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            int fd = (int)socket.DangerousGetHandle();
            bool needNonBlocking = options.NonBlocking || deadline >= 0;
            if (!PrepareCallerSocket(fd, needNonBlocking, out int originalFlags, out int errno))
            {
                return ConnectResult.Failed(target, Native(errno));
            }

            var status = ConnectDescriptor(fd, target.NativeAddressBytes!, options.NonBlocking, deadline, out errno);
            RestoreCallerSocket(fd, originalFlags, options, status);
            return ToResult(target, status, errno, socket: null);
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }
    }

    internal static async ValueTask<ConnectResult> ConnectAsync(ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ConnectResult.Canceled(target);
        }

        long deadline = Deadline(options);
        if (!OpenSocket(target, options.SocketType, nonBlocking: true, out var descriptor, out int errno))
        {
            return ConnectResult.Failed(target, Native(errno));
        }

        bool handedOver = false;
        try
        {
            var (status, code) = await ConnectNonBlockingAsync(descriptor, target, options, deadline, cancellationToken).ConfigureAwait(false);
            if (status == Status.Connected && !options.NonBlocking && !SetFlags((int)descriptor.DangerousGetHandle(), 0, out code))
            {
                status = Status.Failed;
            }

            var result = code == CanceledMarker ? ConnectResult.Canceled(target) : ToResult(target, status, code, descriptor);
            handedOver = result.Socket is not null;
            return result;
        }
        finally
        {
            if (!handedOver)
            {
                descriptor.Dispose();
            }
        }
    }

    internal static async ValueTask<ConnectResult> ConnectAsync(SafeHandle socket, ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ConnectResult.Canceled(target);
        }

        long deadline = Deadline(options);
        bool added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            int fd = (int)socket.DangerousGetHandle();
            if (!PrepareCallerSocket(fd, needNonBlocking: true, out int originalFlags, out int errno))
            {
                return ConnectResult.Failed(target, Native(errno));
            }

            var (status, code) = await ConnectNonBlockingAsync(socket, target, options, deadline, cancellationToken).ConfigureAwait(false);
            RestoreCallerSocket(fd, originalFlags, options, status);
            return code == CanceledMarker ? ConnectResult.Canceled(target) : ToResult(target, status, code, socket: null);
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }
    }

    /// <summary>Stands in for an errno when the wait was canceled; errno values are positive.</summary>
    private const int CanceledMarker = -1;

    private static async ValueTask<(Status Status, int Code)> ConnectNonBlockingAsync(
        SafeHandle socket, ConnectTarget target, ConnectOptions options, long deadline, CancellationToken cancellationToken)
    {
        int fd = (int)socket.DangerousGetHandle();
        var status = StartConnect(fd, target.NativeAddressBytes!, out int errno);
        if (status != Status.InProgress || options.NonBlocking)
        {
            return (status, errno);
        }

        var wait = await ConnectWaiter.Instance.WaitAsync(socket, deadline, cancellationToken).ConfigureAwait(false);
        return wait.Status switch
        {
            ConnectWaiter.WaitStatus.Ready => (ReadSocketError(fd, out errno), errno),
            ConnectWaiter.WaitStatus.TimedOut => (Status.TimedOut, 0),
            ConnectWaiter.WaitStatus.Canceled => (Status.Failed, CanceledMarker),
            _ => (Status.Failed, wait.Errno),
        };
    }

    /// <summary>One connect() on a non-blocking descriptor: Connected, Failed, or InProgress (EINPROGRESS, or EINTR after which the attempt also goes on).</summary>
    private static unsafe Status StartConnect(int fd, byte[] address, out int errno)
    {
        int rc;
        fixed (byte* pointer = address)
        {
            rc = Interop.Sys.Connect(fd, pointer, (uint)address.Length);
        }

        if (rc == 0)
        {
            errno = 0;
            return Status.Connected;
        }

        errno = Marshal.GetLastPInvokeError();
        return errno == Constants.EInProgress || errno == Constants.EIntr ? Status.InProgress : Status.Failed;
    }

    /// <summary>
    /// connect() and, unless the caller wants the in-progress state, the wait for its outcome.
    /// EINTR is never answered with a second connect() straight away: POSIX says the attempt
    /// carries on asynchronously, and a second call would report EALREADY (or, once the outcome
    /// was consumed, ECONNABORTED). The outcome is read with poll() and SO_ERROR instead.
    /// </summary>
    private static Status ConnectDescriptor(int fd, byte[] address, bool returnInProgress, long deadline, out int errno)
    {
        while (true)
        {
            var status = StartConnect(fd, address, out errno);
            if (status != Status.InProgress || returnInProgress)
            {
                return status;
            }

            bool interrupted = errno == Constants.EIntr;
            status = WaitForCompletion(fd, deadline, out errno);
            // Linux AF_UNIX stream sockets drop an interrupted connect instead of finishing it in
            // the background: poll() then reports the idle socket at once, SO_ERROR is 0, and
            // there is no peer. Nothing is in progress any more, so a new attempt is a fresh
            // connect, not a blind repeat.
            if (status == Status.Connected && interrupted && !HasPeer(fd))
            {
                continue;
            }

            return status;
        }
    }

    private static unsafe Status WaitForCompletion(int fd, long deadline, out int errno)
    {
        while (true)
        {
            var pollFd = new Interop.Sys.PollFd { Fd = fd, Events = Interop.Sys.PollOut };
            int rc = Interop.Sys.Poll(&pollFd, 1, Remaining(deadline));
            if (rc < 0)
            {
                errno = Marshal.GetLastPInvokeError();
                if (errno == Constants.EIntr)
                {
                    continue;
                }

                return Status.Failed;
            }

            if (rc == 0)
            {
                errno = 0;
                return Status.TimedOut;
            }

            return ReadSocketError(fd, out errno);
        }
    }

    private static unsafe Status ReadSocketError(int fd, out int errno)
    {
        int value = 0;
        uint length = sizeof(int);
        if (Interop.Sys.GetSockOpt(fd, Constants.SolSocket, Constants.SoError, &value, &length) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return Status.Failed;
        }

        errno = value;
        return value == 0 ? Status.Connected : Status.Failed;
    }

    private static unsafe bool HasPeer(int fd)
    {
        byte* address = stackalloc byte[128];
        uint length = 128;
        if (Interop.Sys.GetPeerName(fd, address, &length) == 0)
        {
            return true;
        }

        return Marshal.GetLastPInvokeError() != Constants.ENotConn;
    }

    private static bool OpenSocket(ConnectTarget target, SocketType socketType, bool nonBlocking, out SafeSocketDescriptor descriptor, out int errno)
    {
        var constants = Constants;
        int family = target.Kind switch
        {
            ConnectTargetKind.IPv4 => constants.AfInet,
            ConnectTargetKind.IPv6 => constants.AfInet6,
            ConnectTargetKind.UnixPath or ConnectTargetKind.UnixAbstract => constants.AfUnix,
            // An unreadable family becomes AF_UNSPEC (0), which socket() refuses with its own errno.
            _ => Math.Max(0, Interop.SockAddr.ReadFamily(constants, target.NativeAddressBytes!)),
        };
        int type = (socketType == SocketType.Dgram ? constants.SockDgram : constants.SockStream)
            | constants.SockCloexec
            | (nonBlocking ? constants.SockNonblock : 0);
        int fd = Interop.Sys.Socket(family, type, 0);
        if (fd < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            descriptor = null!;
            return false;
        }

        // From here on the SafeHandle owns the descriptor, so every early return closes it.
        descriptor = new SafeSocketDescriptor(fd, ownsHandle: true);
        errno = 0;
        bool ok = (constants.SockCloexec != 0 || Fcntl(fd, constants.FSetFd, constants.FdCloexec, out errno))
            && (!nonBlocking || constants.SockNonblock != 0 || SetFlags(fd, constants.ONonblock, out errno));
        if (!ok)
        {
            descriptor.Dispose();
            descriptor = null!;
        }

        return ok;
    }

    private static bool PrepareCallerSocket(int fd, bool needNonBlocking, out int originalFlags, out int errno)
    {
        originalFlags = -1;
        errno = 0;
        if (!needNonBlocking)
        {
            return true;
        }

        originalFlags = Interop.Sys.Fcntl(fd, Constants.FGetFl, 0);
        if (originalFlags < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return false;
        }

        return (originalFlags & Constants.ONonblock) != 0 || SetFlags(fd, originalFlags | Constants.ONonblock, out errno);
    }

    private static void RestoreCallerSocket(int fd, int originalFlags, ConnectOptions options, Status status)
    {
        // With NonBlocking the caller asked for a non-blocking socket; otherwise they get back the
        // mode they had. A failure to restore cannot change the connect outcome being reported.
        if (originalFlags >= 0 && (originalFlags & Constants.ONonblock) == 0 && !(options.NonBlocking && status == Status.InProgress))
        {
            Interop.Sys.Fcntl(fd, Constants.FSetFl, originalFlags);
        }
    }

    private static bool SetFlags(int fd, int flags, out int errno) => Fcntl(fd, Constants.FSetFl, flags, out errno);

    private static bool Fcntl(int fd, int command, int argument, out int errno)
    {
        if (Interop.Sys.Fcntl(fd, command, argument) < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return false;
        }

        errno = 0;
        return true;
    }

    private static ConnectResult ToResult(ConnectTarget target, Status status, int errno, SafeSocketDescriptor? socket) => status switch
    {
        Status.Connected => ConnectResult.Connected(target, socket),
        Status.InProgress => ConnectResult.InProgress(target, socket, Native(errno)),
        Status.TimedOut => ConnectResult.TimedOutByCaller(target),
        _ => ConnectResult.Failed(target, Native(errno)),
    };

    private static ConnectNativeError Native(int errno) => ConnectErrors.FromNative(CatalogPlatform.Current, errno);

    private static long Deadline(ConnectOptions options)
    {
        int timeout = options.TimeoutMilliseconds;
        return timeout < 0 ? -1 : Environment.TickCount64 + timeout;
    }

    private static int Remaining(long deadline) =>
        deadline < 0 ? -1 : (int)Math.Clamp(deadline - Environment.TickCount64, 0, int.MaxValue);
}
