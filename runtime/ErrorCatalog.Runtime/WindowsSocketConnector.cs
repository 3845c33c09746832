using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>
/// The Windows implementation: System.Net.Sockets does the Winsock calls, and the Winsock code
/// it reports (the <see cref="System.ComponentModel.Win32Exception.NativeErrorCode"/> of the
/// <see cref="SocketException"/>) is mapped with the catalog's Windows column.
/// tests/ErrorCatalog.Runtime.WindowsHarness runs this path under Wine in CI.
/// </summary>
internal static class WindowsSocketConnector
{
    internal static ConnectResult Connect(ConnectTarget target, ConnectOptions options)
    {
        if (!TryCreateSocket(target, options, out var socket, out var failed))
        {
            return failed;
        }

        try
        {
            return Own(socket, ConnectSocket(socket, target, options));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// socket() through System.Net.Sockets, then the socket options and bind() (SocketSetup.cs). A refused socket()
    /// becomes a SocketFailed result with the Winsock code, a refused setsockopt() or bind() a SystemCallFailed one.
    /// </summary>
    private static bool TryCreateSocket(ConnectTarget target, ConnectOptions options, out Socket socket, out ConnectResult failed)
    {
        try
        {
            socket = new Socket(target.AddressFamily, options.SocketType, ProtocolType.Unspecified);
        }
        catch (SocketException exception)
        {
            socket = null!;
            failed = ConnectResult.SocketFailed(target, new ErrorCatalog.SocketCall.SocketCallNativeError(CatalogPlatform.SocketCall, exception.NativeErrorCode));
            return false;
        }

        if (!SocketSetup.TryApply(socket, target, options, out var setupFailure))
        {
            socket.Dispose();
            socket = null!;
            failed = ConnectResult.CallFailed(target, setupFailure);
            return false;
        }

        failed = default;
        return true;
    }

    internal static ConnectResult Connect(SafeHandle handle, ConnectTarget target, ConnectOptions options)
    {
        // ConnectSocket answers synchronously, so the borrowing call has completed when it returns.
        var pending = WithBorrowedSocket(handle, target, socket => new ValueTask<ConnectResult>(ConnectSocket(socket, target, options)));
        return pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    internal static async ValueTask<ConnectResult> ConnectAsync(ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ConnectResult.Canceled(target);
        }

        if (!TryCreateSocket(target, options, out var socket, out var failed))
        {
            return failed;
        }

        try
        {
            return Own(socket, await ConnectSocketAsync(socket, target, options, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The caller's handle is referenced for the whole call, so its value cannot be closed and
    /// reused underneath the connect. Disposing a <see cref="Socket"/> whose handle is referenced
    /// cancels its pending I/O (CancelIoEx) and closes the handle once the call lets go of it:
    /// reported as <see cref="ConnectOutcome.Aborted"/>.
    /// </summary>
    internal static async ValueTask<ConnectResult> ConnectAsync(SafeHandle handle, ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ConnectResult.Canceled(target);
        }

        return await WithBorrowedSocket(handle, target, socket => ConnectSocketAsync(socket, target, options, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="connect"/> on a Socket view of the caller's handle, referenced for the whole call; see <see cref="AbortedIfClosed"/>.</summary>
    private static async ValueTask<ConnectResult> WithBorrowedSocket(SafeHandle handle, ConnectTarget target, Func<Socket, ValueTask<ConnectResult>> connect)
    {
        ConnectResult result;
        bool added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (!TryBorrow(handle, target, out var borrowed, out result))
            {
                return result;
            }

            using (borrowed)
            {
                result = await connect(borrowed.Socket).ConfigureAwait(false);
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return AbortedIfClosed(handle, result);
    }

    private static ConnectResult ConnectSocket(Socket socket, ConnectTarget target, ConnectOptions options)
    {
        if (options.NonBlocking || options.Timeout is not null)
        {
            return ConnectSocketAsync(socket, target, options, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        try
        {
            socket.Connect(target.EndPoint!);
            return ConnectResult.Connected(target, null);
        }
        catch (SocketException exception)
        {
            return Failed(target, exception);
        }
    }

    private static async ValueTask<ConnectResult> ConnectSocketAsync(Socket socket, ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken)
    {
        if (options.NonBlocking)
        {
            socket.Blocking = false;
            try
            {
                socket.Connect(target.EndPoint!);
                return ConnectResult.Connected(target, null);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.WouldBlock)
            {
                return ConnectResult.InProgress(target, null, ConnectErrors.FromNative(CatalogPlatform.Current, exception.NativeErrorCode));
            }
            catch (SocketException exception)
            {
                return Failed(target, exception);
            }
        }

        using var timeout = options.Timeout is { } span ? new CancellationTokenSource(span) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(target.EndPoint!, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            return ConnectResult.Connected(target, null);
        }
        catch (SocketException exception)
        {
            return Failed(target, exception);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ConnectResult.Canceled(target);
        }
        catch (OperationCanceledException)
        {
            return ConnectResult.TimedOutByCaller(target);
        }
    }

    private static ConnectResult Failed(ConnectTarget target, SocketException exception) =>
        ConnectResult.Failed(target, ConnectErrors.FromNative(CatalogPlatform.Current, exception.NativeErrorCode));

    /// <summary>
    /// A Socket view of a caller's handle that leaves the handle open. .NET asks Winsock about
    /// the handle first; a handle that is not a socket gets WSAENOTSOCK, which is what connect()
    /// itself answers for one, so it is reported as that connect() error.
    /// </summary>
    private static bool TryBorrow(SafeHandle handle, ConnectTarget target, out BorrowedSocket borrowed, out ConnectResult failure)
    {
        try
        {
            borrowed = BorrowedSocket.Create(handle);
            failure = default;
            return true;
        }
        catch (SocketException exception)
        {
            borrowed = default;
            failure = Failed(target, exception);
            return false;
        }
    }

    /// <summary>
    /// A closed handle now (after the call let go of it) was disposed by the caller during the
    /// call: whatever Winsock said last (WSA_OPERATION_ABORTED for the connect its dispose
    /// canceled) is a consequence of that, not the peer's answer. While the call referenced the
    /// handle, a dispose only marked it; the close happened at the call's release.
    /// </summary>
    private static ConnectResult AbortedIfClosed(SafeHandle handle, ConnectResult result) =>
        handle.IsClosed ? ConnectResult.Aborted(result.Target) : result;

    /// <summary>Attaches the created socket to a connected or in-progress result, or disposes it.</summary>
    private static ConnectResult Own(Socket socket, ConnectResult result)
    {
        if (result.Outcome == ConnectOutcome.Connected)
        {
            return ConnectResult.Connected(result.Target, new SafeSocketDescriptor(socket));
        }

        if (result.Outcome == ConnectOutcome.InProgress)
        {
            return ConnectResult.InProgress(result.Target, new SafeSocketDescriptor(socket), result.NativeError);
        }

        socket.Dispose();
        return result;
    }

    /// <summary>
    /// A <see cref="Socket"/> over a caller's handle. For a <see cref="SafeSocketHandle"/> it
    /// shares that very handle object: an async connect binds the handle to the thread pool's
    /// I/O completion port, which Windows allows once per handle, and the binding is recorded on
    /// the handle object, so the caller's own Socket can still do async I/O afterwards (with a
    /// second handle object it would throw InvalidOperationException). A <see cref="SafeSocketDescriptor"/>
    /// the runtime created lends its Socket's handle object the same way. Such a view is dropped,
    /// never disposed or finalized, since disposing it would close the caller's socket. Any
    /// other <see cref="SafeHandle"/> gets a handle object of its own that does not own the value.
    /// </summary>
    private readonly struct BorrowedSocket : IDisposable
    {
        private readonly bool _sharesHandle;

        private BorrowedSocket(Socket socket, bool sharesHandle)
        {
            Socket = socket;
            _sharesHandle = sharesHandle;
        }

        public Socket Socket { get; }

        public static BorrowedSocket Create(SafeHandle handle)
        {
            // A descriptor the runtime created wraps a Socket whose handle object may already be bound (an async
            // connect made it): borrow that object, not a second one for the same SOCKET.
            if (handle is SafeSocketDescriptor { WindowsSocket: { } owned })
            {
                handle = owned.SafeHandle;
            }

            if (handle is SafeSocketHandle socketHandle)
            {
                var shared = new Socket(socketHandle);
                GC.SuppressFinalize(shared);
                return new BorrowedSocket(shared, sharesHandle: true);
            }

            return new BorrowedSocket(new Socket(new SafeSocketHandle(handle.DangerousGetHandle(), ownsHandle: false)), sharesHandle: false);
        }

        public void Dispose()
        {
            if (!_sharesHandle)
            {
                Socket?.Dispose();
            }
        }
    }
}
