using System;
using System.Diagnostics;
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
        Canceled,
        Aborted,
        CallFailed,
    }

    /// <summary>How one step ended: for <see cref="Status.Failed"/> and <see cref="Status.InProgress"/> the connect() errno, for <see cref="Status.CallFailed"/> the other call.</summary>
    private readonly record struct Attempt(Status Status, int Errno = 0, SystemCallError Failure = default)
    {
        internal static Attempt CallFailed(string call, int errno) => new(Status.CallFailed, errno, SystemCallError.Create(call, errno));

        internal static Attempt CallFailed(SystemCallError failure) => new(Status.CallFailed, failure.Code, failure);
    }

    private static Interop.PlatformConstants Constants => Interop.PlatformConstants.Current!;

    internal static ConnectResult Connect(ConnectTarget target, ConnectOptions options)
    {
        long deadline = Deadline.After(options.Timeout);
        bool nonBlockingSocket = options.NonBlocking || deadline >= 0;
        if (!OpenSocket(target, options.SocketType, nonBlockingSocket, out var descriptor, out var failed))
        {
            return failed;
        }

        bool handedOver = false;
        try
        {
            if (!SocketSetup.TryApply(descriptor, target, options, out var setupFailure))
            {
                return ConnectResult.CallFailed(target, setupFailure);
            }

            int fd = (int)descriptor.DangerousGetHandle();
            var attempt = ConnectDescriptor(fd, target.NativeAddressBytes!, options.NonBlocking, deadline, blockingSocket: !nonBlockingSocket);
            if (attempt.Status == Status.Connected && nonBlockingSocket && !options.NonBlocking && !SetFlags(fd, 0, out int errno))
            {
                attempt = Attempt.CallFailed("fcntl", errno);
            }

            var result = ToResult(target, attempt, descriptor);
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
        long deadline = Deadline.After(options.Timeout);
        bool added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            int fd = (int)socket.DangerousGetHandle();
            if (!options.NonBlocking && deadline < 0)
            {
                // connect() on the socket as the caller set it up, flags untouched; whether it
                // blocks is only asked if the answer depends on it (see ConnectDescriptor).
                return ToResult(target, ConnectDescriptor(fd, target.NativeAddressBytes!, returnInProgress: false, deadline, blockingSocket: null), socket: null);
            }

            if (!PrepareCallerSocket(fd, out int originalFlags, out var failure))
            {
                return ConnectResult.CallFailed(target, failure);
            }

            var attempt = ConnectDescriptor(fd, target.NativeAddressBytes!, options.NonBlocking, deadline, blockingSocket: false);
            RestoreCallerSocket(fd, originalFlags, options, attempt.Status);
            return ToResult(target, attempt, socket: null);
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

        long deadline = Deadline.After(options.Timeout);
        if (!OpenSocket(target, options.SocketType, nonBlocking: true, out var descriptor, out var failed))
        {
            return failed;
        }

        bool handedOver = false;
        try
        {
            if (!SocketSetup.TryApply(descriptor, target, options, out var setupFailure))
            {
                return ConnectResult.CallFailed(target, setupFailure);
            }

            int fd = (int)descriptor.DangerousGetHandle();
            var attempt = await ConnectNonBlockingAsync(descriptor, fd, target, options, deadline, cancellationToken, runtimeOwned: true).ConfigureAwait(false);
            if (attempt.Status == Status.Connected && !options.NonBlocking && !SetFlags(fd, 0, out int errno))
            {
                attempt = Attempt.CallFailed("fcntl", errno);
            }

            var result = ToResult(target, attempt, descriptor);
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

        long deadline = Deadline.After(options.Timeout);
        ConnectResult result;
        bool added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            int fd = (int)socket.DangerousGetHandle();
            if (!PrepareCallerSocket(fd, out int originalFlags, out var failure))
            {
                return ConnectResult.CallFailed(target, failure);
            }

            var attempt = await ConnectNonBlockingAsync(socket, fd, target, options, deadline, cancellationToken, runtimeOwned: false).ConfigureAwait(false);
            RestoreCallerSocket(fd, originalFlags, options, attempt.Status);
            result = ToResult(target, attempt, socket: null);
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }

        // Closed now means the caller disposed it while the call held it open: whatever the
        // kernel said last (a Socket's dispose resets the attempt, ECONNRESET) is a consequence
        // of that, not the peer's answer.
        return socket.IsClosed ? ConnectResult.Aborted(target) : result;
    }

    private static async ValueTask<Attempt> ConnectNonBlockingAsync(
        SafeHandle socket, int fd, ConnectTarget target, ConnectOptions options, long deadline, CancellationToken cancellationToken, bool runtimeOwned)
    {
        var status = StartConnect(fd, target.NativeAddressBytes!, out int errno);
        if (status != Status.InProgress || options.NonBlocking)
        {
            return new Attempt(status, errno);
        }

        if (!ConnectWaiter.TryGetInstance(out var waiter, out var failure))
        {
            return Attempt.CallFailed(failure);
        }

        var wait = await waiter.WaitAsync(socket, deadline, cancellationToken, closedAfterwardsUnlessHandedOver: runtimeOwned).ConfigureAwait(false);
        return wait.Status switch
        {
            ConnectWaiter.WaitStatus.Ready => ReadSocketError(fd),
            ConnectWaiter.WaitStatus.TimedOut => new Attempt(Status.TimedOut),
            ConnectWaiter.WaitStatus.Canceled => new Attempt(Status.Canceled),
            ConnectWaiter.WaitStatus.Aborted => new Attempt(Status.Aborted),
            _ => Attempt.CallFailed(wait.Failure),
        };
    }

    /// <summary>One connect() call: Connected, Failed, or InProgress (EINPROGRESS, or EINTR after which the attempt also goes on).</summary>
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
    /// On a blocking socket the kernel's own answers stand: EINPROGRESS there means the caller's
    /// SO_SNDTIMEO ran out (the attempt goes on in the background), and a wait after EINTR is
    /// limited by the same send timeout.
    /// </summary>
    /// <remarks><paramref name="blockingSocket"/> is null for a caller's socket whose flags were not read: they are read only when connect() says EINPROGRESS or EINTR.</remarks>
    private static Attempt ConnectDescriptor(int fd, byte[] address, bool returnInProgress, long deadline, bool? blockingSocket)
    {
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            var status = StartConnect(fd, address, out int errno);
            if (status != Status.InProgress || returnInProgress)
            {
                return new Attempt(status, errno);
            }

            bool interrupted = errno == Constants.EIntr;
            bool blocking = blockingSocket ??= IsBlocking(fd);
            if (blocking && !interrupted)
            {
                return new Attempt(Status.InProgress, errno);
            }

            long waitDeadline = blocking ? SendTimeoutDeadline(fd, started) : deadline;
            var attempt = WaitForCompletion(fd, waitDeadline);
            if (attempt.Status == Status.TimedOut && blocking)
            {
                // What the kernel would have said had the call not been interrupted.
                return new Attempt(Status.InProgress, Constants.EInProgress);
            }

            // Linux AF_UNIX stream sockets drop an interrupted connect instead of finishing it in
            // the background: poll() then reports the idle socket at once, SO_ERROR is 0, and
            // there is no peer. Nothing is in progress any more, so a new attempt is a fresh
            // connect, not a blind repeat.
            if (attempt.Status == Status.Connected && interrupted && !HasPeer(fd))
            {
                continue;
            }

            return attempt;
        }
    }

    private static unsafe Attempt WaitForCompletion(int fd, long deadline)
    {
        while (true)
        {
            var pollFd = new Interop.Sys.PollFd { Fd = fd, Events = Interop.Sys.PollOut };
            int rc = Interop.Sys.Poll(&pollFd, 1, Deadline.MillisecondsUntil(deadline));
            if (rc < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == Constants.EIntr)
                {
                    continue;
                }

                return Attempt.CallFailed("poll", errno);
            }

            if (rc == 0)
            {
                // poll() counts whole milliseconds on its own clock; only the deadline's clock decides.
                if (Deadline.HasPassed(deadline))
                {
                    return new Attempt(Status.TimedOut);
                }

                continue;
            }

            return ReadSocketError(fd);
        }
    }

    private static unsafe Attempt ReadSocketError(int fd)
    {
        int value = 0;
        uint length = sizeof(int);
        if (Interop.Sys.GetSockOpt(fd, Constants.SolSocket, Constants.SoError, &value, &length) != 0)
        {
            return Attempt.CallFailed("getsockopt", Marshal.GetLastPInvokeError());
        }

        return new Attempt(value == 0 ? Status.Connected : Status.Failed, value);
    }

    /// <summary>When the caller's SO_SNDTIMEO, counted from <paramref name="started"/>, runs out; -1 when it is not set.</summary>
    private static unsafe long SendTimeoutDeadline(int fd, long started)
    {
        // struct timeval: a long of seconds, then microseconds as a long (Linux, FreeBSD) or an int (macOS).
        byte* timeval = stackalloc byte[2 * sizeof(long)];
        new Span<byte>(timeval, 2 * sizeof(long)).Clear();
        uint length = (uint)(2 * sizeof(nint));
        if (Interop.Sys.GetSockOpt(fd, Constants.SolSocket, Constants.SoSndTimeo, timeval, &length) != 0)
        {
            return Deadline.None;
        }

        long seconds = *(nint*)timeval;
        long microseconds = Constants.TimevalMicrosecondsIsInt32 ? *(int*)(timeval + sizeof(nint)) : *(nint*)(timeval + sizeof(nint));
        return seconds == 0 && microseconds == 0 ? Deadline.None : Deadline.After(started, seconds, microseconds);
    }

    /// <summary>True unless O_NONBLOCK is set; a socket whose flags cannot be read is waited for, as before.</summary>
    private static bool IsBlocking(int fd)
    {
        int flags = Interop.Sys.Fcntl(fd, Constants.FGetFl, 0);
        return flags >= 0 && (flags & Constants.ONonblock) == 0;
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

    /// <summary>socket() and the flags it could not set itself; on failure <paramref name="failed"/> is the result to return (SocketFailed for socket(), SystemCallFailed for fcntl()).</summary>
    private static bool OpenSocket(ConnectTarget target, SocketType socketType, bool nonBlocking, out SafeSocketDescriptor descriptor, out ConnectResult failed)
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
        failed = default;
        if (fd < 0)
        {
            failed = ConnectResult.SocketFailed(target, SystemCallError.SocketCallFailure(Marshal.GetLastPInvokeError()));
            descriptor = null!;
            return false;
        }

        // From here on the SafeHandle owns the descriptor, so every early return closes it.
        descriptor = new SafeSocketDescriptor(fd, ownsHandle: true);
        int errno = 0;
        bool ok = (constants.SockCloexec != 0 || Fcntl(fd, constants.FSetFd, constants.FdCloexec, out errno))
            && (!nonBlocking || constants.SockNonblock != 0 || SetFlags(fd, constants.ONonblock, out errno));
        if (!ok)
        {
            failed = ConnectResult.CallFailed(target, SystemCallError.Create("fcntl", errno));
            descriptor.Dispose();
            descriptor = null!;
        }

        return ok;
    }

    /// <summary>Reads the caller's file status flags and adds O_NONBLOCK.</summary>
    private static bool PrepareCallerSocket(int fd, out int originalFlags, out SystemCallError failure)
    {
        failure = default;
        originalFlags = Interop.Sys.Fcntl(fd, Constants.FGetFl, 0);
        if (originalFlags < 0)
        {
            failure = SystemCallError.Create("fcntl", Marshal.GetLastPInvokeError());
            return false;
        }

        if ((originalFlags & Constants.ONonblock) != 0 || SetFlags(fd, originalFlags | Constants.ONonblock, out int errno))
        {
            return true;
        }

        failure = SystemCallError.Create("fcntl", errno);
        return false;
    }

    private static void RestoreCallerSocket(int fd, int originalFlags, ConnectOptions options, Status status)
    {
        // With NonBlocking the caller asked for a non-blocking socket; otherwise they get back the
        // mode they had. A failure to restore cannot change the connect outcome being reported.
        if ((originalFlags & Constants.ONonblock) == 0 && !(options.NonBlocking && status == Status.InProgress))
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

    private static ConnectResult ToResult(ConnectTarget target, Attempt attempt, SafeSocketDescriptor? socket) => attempt.Status switch
    {
        Status.Connected => ConnectResult.Connected(target, socket),
        Status.InProgress => ConnectResult.InProgress(target, socket, Native(attempt.Errno)),
        Status.TimedOut => ConnectResult.TimedOutByCaller(target),
        Status.Canceled => ConnectResult.Canceled(target),
        Status.Aborted => ConnectResult.Aborted(target),
        Status.CallFailed => ConnectResult.CallFailed(target, attempt.Failure),
        _ => ConnectResult.Failed(target, Native(attempt.Errno)),
    };

    private static ConnectNativeError Native(int errno) => ConnectErrors.FromNative(CatalogPlatform.Current, errno);
}
