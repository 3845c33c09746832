using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Connects sockets and reports failures as catalog errors. Two shapes:
/// <list type="bullet">
/// <item><c>TryConnect</c>/<c>TryConnectAsync</c> return a <see cref="ConnectResult"/> and never
/// throw for anything the operating system reports (nor for a caller timeout or cancellation).</item>
/// <item><c>Connect</c>/<c>ConnectAsync</c> return the connected socket or throw: the generated
/// <see cref="ConnectException"/> subtype for a system error (from
/// <see cref="ConnectErrors.CreateException(ConnectNativeError, System.Net.EndPoint?)"/>), <see cref="TimeoutException"/> when the caller's
/// timeout ran out, <see cref="OperationCanceledException"/> on cancellation.</item>
/// </list>
/// Both shapes throw <see cref="ArgumentException"/> family exceptions for arguments that are
/// wrong before any system call (null, a disposed handle, a handle value that is not a
/// descriptor). A failure of a call other than connect() (socket(), fcntl(), the async waiter's)
/// is <see cref="ConnectOutcome.SystemCallFailed"/>, thrown as <see cref="SystemCallException"/>.
/// On Linux, macOS and FreeBSD the runtime calls libc (socket, connect, poll, getsockopt, fcntl,
/// close, and epoll or kqueue for async waits) directly; on Windows it goes through <see cref="Socket"/>.
/// </summary>
public static class SocketConnector
{
    /// <summary>Creates a socket for <paramref name="target"/> and connects it; a failure is returned, not thrown.</summary>
    public static ConnectResult TryConnect(ConnectTarget target, ConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options = Prepare(target, options, callerSocket: false);
        if (target.Kind == ConnectTargetKind.HostName)
        {
            return HostDialer.Connect(target, options);
        }

        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.Connect(target, options)
            : UnixSocketConnector.Connect(target, EnsureSupported(options));
    }

    /// <summary>
    /// Connects a socket descriptor the caller owns (any <see cref="SafeHandle"/> over one, such
    /// as a <see cref="SafeSocketDescriptor"/>). The socket is never closed here; after a caller
    /// timeout or cancellation the attempt may still be under way on it, so the caller should
    /// close it. <see cref="ConnectOptions.SocketType"/> is ignored: the socket already has a type.
    /// The caller's own socket options apply, as with a plain connect(): on a blocking socket
    /// with SO_SNDTIMEO the kernel's answer when it runs out (EINPROGRESS for TCP, EAGAIN for a
    /// full Unix queue) is the result. Passing <see cref="Socket.SafeHandle"/> works, but the
    /// <see cref="Socket"/> object does not learn about the connection (.NET has no way to tell
    /// it), so <see cref="Socket.Connected"/> stays false; to get a connected <see cref="Socket"/>
    /// let the runtime create the socket and call <see cref="SafeSocketDescriptor.ToSocket"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The handle's value is not a descriptor (negative, or wider than 32 bits).</exception>
    public static ConnectResult TryConnect(SafeHandle socket, ConnectTarget target, ConnectOptions? options = null)
    {
        CheckHandle(socket);
        ArgumentNullException.ThrowIfNull(target);
        options = Prepare(target, options, callerSocket: true);
        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.Connect(socket, target, options)
            : UnixSocketConnector.Connect(socket, target, EnsureSupported(options));
    }

    /// <summary>
    /// Asynchronous <see cref="TryConnect(ConnectTarget, ConnectOptions?)"/>. While the system sets
    /// the connection up no thread-pool thread is held: the socket waits on the runtime's single
    /// waiter thread. Cancellation gives <see cref="ConnectOutcome.Canceled"/>.
    /// </summary>
    public static ValueTask<ConnectResult> TryConnectAsync(ConnectTarget target, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        options = Prepare(target, options, callerSocket: false);
        if (target.Kind == ConnectTargetKind.HostName)
        {
            return HostDialer.ConnectAsync(target, options, cancellationToken);
        }

        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.ConnectAsync(target, options, cancellationToken)
            : UnixSocketConnector.ConnectAsync(target, EnsureSupported(options), cancellationToken);
    }

    /// <summary>
    /// Asynchronous <see cref="TryConnect(SafeHandle, ConnectTarget, ConnectOptions?)"/>. Disposing
    /// the handle (or the <see cref="Socket"/> it belongs to) while the call waits ends it with
    /// <see cref="ConnectOutcome.Aborted"/>; the descriptor stays open, so its number cannot be
    /// reused, until the call lets go of it.
    /// </summary>
    public static ValueTask<ConnectResult> TryConnectAsync(SafeHandle socket, ConnectTarget target, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckHandle(socket);
        ArgumentNullException.ThrowIfNull(target);
        options = Prepare(target, options, callerSocket: true);
        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.ConnectAsync(socket, target, options, cancellationToken)
            : UnixSocketConnector.ConnectAsync(socket, target, EnsureSupported(options), cancellationToken);
    }

    /// <summary>Creates and connects a socket, or throws (see the class remarks for which exception).</summary>
    /// <exception cref="ConnectException">The system reported an error; the nested subtype names the catalog entry.</exception>
    /// <exception cref="TimeoutException">The caller's <see cref="ConnectOptions.Timeout"/> ran out.</exception>
    public static SafeSocketDescriptor Connect(ConnectTarget target, ConnectOptions? options = null) =>
        TryConnect(target, options).GetSocketOrThrow();

    /// <summary>Connects a socket the caller owns, or throws.</summary>
    /// <exception cref="ConnectException">The system reported an error.</exception>
    /// <exception cref="TimeoutException">The caller's <see cref="ConnectOptions.Timeout"/> ran out.</exception>
    public static void Connect(SafeHandle socket, ConnectTarget target, ConnectOptions? options = null) =>
        TryConnect(socket, target, options).ThrowIfFailed();

    /// <summary>Creates and connects a socket asynchronously, or throws.</summary>
    /// <exception cref="ConnectException">The system reported an error.</exception>
    /// <exception cref="TimeoutException">The caller's <see cref="ConnectOptions.Timeout"/> ran out.</exception>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    public static async ValueTask<SafeSocketDescriptor> ConnectAsync(ConnectTarget target, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await TryConnectAsync(target, options, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ConnectOutcome.Canceled)
        {
            throw new OperationCanceledException($"Connecting to {target} was canceled.", cancellationToken);
        }

        return result.GetSocketOrThrow();
    }

    /// <summary>Connects a socket the caller owns asynchronously, or throws.</summary>
    /// <exception cref="ConnectException">The system reported an error.</exception>
    /// <exception cref="TimeoutException">The caller's <see cref="ConnectOptions.Timeout"/> ran out.</exception>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    public static async ValueTask ConnectAsync(SafeHandle socket, ConnectTarget target, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await TryConnectAsync(socket, target, options, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ConnectOutcome.Canceled)
        {
            throw new OperationCanceledException($"Connecting to {target} was canceled.", cancellationToken);
        }

        result.ThrowIfFailed();
    }

    /// <summary>
    /// The checks every entry point makes before any system call: the options fit the target (see
    /// <see cref="ConnectOptions"/>'s remarks), and a host-name target is connected on sockets of the runtime's own,
    /// waiting for the outcome (a race of several sockets has no single in-progress socket to hand back).
    /// </summary>
    private static ConnectOptions Prepare(ConnectTarget target, ConnectOptions? options, bool callerSocket)
    {
        options ??= ConnectOptions.Default;
        if (target.Kind == ConnectTargetKind.HostName)
        {
            if (callerSocket)
            {
                throw new ArgumentException("A host-name target is connected on sockets the runtime creates, one per address tried; connect your own socket to an IP target.", nameof(target));
            }

            if (options.NonBlocking)
            {
                throw new ArgumentException("ConnectOptions.NonBlocking cannot be used with a host-name target: racing its addresses needs their outcomes.", nameof(options));
            }
        }

        SocketSetup.Check(options, target, callerSocket);
        return options;
    }

    private static ConnectOptions EnsureSupported(ConnectOptions options)
    {
        if (!CatalogPlatform.IsSupported)
        {
            throw new PlatformNotSupportedException("ErrorCatalog.Runtime supports Linux, macOS, FreeBSD and Windows.");
        }

        return options;
    }

    private static void CheckHandle(SafeHandle socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ObjectDisposedException.ThrowIf(socket.IsClosed, socket);
        long value = (long)socket.DangerousGetHandle();
        // A Unix descriptor is a non-negative int; a wider value would be silently truncated to
        // some other descriptor of the process.
        if (!OperatingSystem.IsWindows() && (value < 0 || value > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(socket), value, "The handle's value is not a file descriptor: descriptors are non-negative 32-bit ints.");
        }
    }
}
