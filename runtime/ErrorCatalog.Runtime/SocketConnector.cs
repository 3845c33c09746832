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
/// wrong before any system call (null, a disposed handle).
/// On Linux, macOS and FreeBSD the runtime calls libc (socket, connect, poll, getsockopt, fcntl,
/// close) directly; on Windows it goes through <see cref="Socket"/>.
/// </summary>
public static class SocketConnector
{
    /// <summary>Creates a socket for <paramref name="target"/> and connects it; a failure is returned, not thrown.</summary>
    public static ConnectResult TryConnect(ConnectTarget target, ConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= ConnectOptions.Default;
        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.Connect(target, options)
            : UnixSocketConnector.Connect(target, EnsureSupported(options));
    }

    /// <summary>
    /// Connects a socket the caller owns (any <see cref="SafeHandle"/> over a socket descriptor,
    /// such as <see cref="Socket.SafeHandle"/> or a <see cref="SafeSocketDescriptor"/>). The
    /// socket is never closed here; after a caller timeout or cancellation the attempt may still be
    /// under way on it, so the caller should close it. <see cref="ConnectOptions.SocketType"/> is
    /// ignored: the socket already has a type.
    /// </summary>
    public static ConnectResult TryConnect(SafeHandle socket, ConnectTarget target, ConnectOptions? options = null)
    {
        CheckHandle(socket);
        ArgumentNullException.ThrowIfNull(target);
        options ??= ConnectOptions.Default;
        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.Connect(socket, target, options)
            : UnixSocketConnector.Connect(socket, target, EnsureSupported(options));
    }

    /// <summary>
    /// Connects a <see cref="Socket"/> the caller owns. The connection is made underneath the
    /// Socket object, so on Unix its own bookkeeping (<see cref="Socket.Connected"/>,
    /// <see cref="Socket.RemoteEndPoint"/>) is not updated; rely on the result.
    /// </summary>
    public static ConnectResult TryConnect(Socket socket, ConnectTarget target, ConnectOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return TryConnect(socket.SafeHandle, target, options);
    }

    /// <summary>
    /// Asynchronous <see cref="TryConnect(ConnectTarget, ConnectOptions?)"/>. While the system sets
    /// the connection up no thread-pool thread is held: the socket waits on the runtime's single
    /// waiter thread. Cancellation gives <see cref="ConnectOutcome.Canceled"/>.
    /// </summary>
    public static ValueTask<ConnectResult> TryConnectAsync(ConnectTarget target, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= ConnectOptions.Default;
        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.ConnectAsync(target, options, cancellationToken)
            : UnixSocketConnector.ConnectAsync(target, EnsureSupported(options), cancellationToken);
    }

    /// <summary>Asynchronous <see cref="TryConnect(SafeHandle, ConnectTarget, ConnectOptions?)"/>.</summary>
    public static ValueTask<ConnectResult> TryConnectAsync(SafeHandle socket, ConnectTarget target, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckHandle(socket);
        ArgumentNullException.ThrowIfNull(target);
        options ??= ConnectOptions.Default;
        return OperatingSystem.IsWindows()
            ? WindowsSocketConnector.ConnectAsync(socket, target, options, cancellationToken)
            : UnixSocketConnector.ConnectAsync(socket, target, EnsureSupported(options), cancellationToken);
    }

    /// <summary>Asynchronous <see cref="TryConnect(Socket, ConnectTarget, ConnectOptions?)"/>.</summary>
    public static ValueTask<ConnectResult> TryConnectAsync(Socket socket, ConnectTarget target, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return TryConnectAsync(socket.SafeHandle, target, options, cancellationToken);
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

    /// <summary>Connects a <see cref="Socket"/> the caller owns, or throws.</summary>
    /// <exception cref="ConnectException">The system reported an error.</exception>
    /// <exception cref="TimeoutException">The caller's <see cref="ConnectOptions.Timeout"/> ran out.</exception>
    public static void Connect(Socket socket, ConnectTarget target, ConnectOptions? options = null) =>
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
    }
}
