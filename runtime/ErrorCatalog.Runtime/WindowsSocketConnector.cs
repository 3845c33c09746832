using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>
/// The Windows implementation: System.Net.Sockets does the Winsock calls, and the Winsock code
/// it reports (<see cref="System.Runtime.InteropServices.ExternalException.ErrorCode"/>, the same number as NativeErrorCode) is mapped with the Windows column.
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

    /// <summary>socket() through System.Net.Sockets; a refusal becomes a SocketFailed result with the Winsock code.</summary>
    private static bool TryCreateSocket(ConnectTarget target, ConnectOptions options, out Socket socket, out ConnectResult failed)
    {
        try
        {
            socket = new Socket(target.AddressFamily, options.SocketType, ProtocolType.Unspecified);
            failed = default;
            return true;
        }
        catch (SocketException exception)
        {
            socket = null!;
            failed = ConnectResult.SocketFailed(target, new ErrorCatalog.SocketCall.SocketCallNativeError(ErrorCatalog.SocketCall.SocketCallPlatform.Windows, exception.ErrorCode));
            return false;
        }
    }

    internal static ConnectResult Connect(SafeHandle handle, ConnectTarget target, ConnectOptions options)
    {
        using var socket = Borrow(handle);
        return ConnectSocket(socket, target, options);
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

    internal static async ValueTask<ConnectResult> ConnectAsync(SafeHandle handle, ConnectTarget target, ConnectOptions options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ConnectResult.Canceled(target);
        }

        using var socket = Borrow(handle);
        return await ConnectSocketAsync(socket, target, options, cancellationToken).ConfigureAwait(false);
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
            return ConnectResult.Failed(target, ConnectErrors.FromNative(ConnectPlatform.Windows, exception.NativeErrorCode));
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
                return ConnectResult.InProgress(target, null, ConnectErrors.FromNative(ConnectPlatform.Windows, exception.NativeErrorCode));
            }
            catch (SocketException exception)
            {
                return ConnectResult.Failed(target, ConnectErrors.FromNative(ConnectPlatform.Windows, exception.NativeErrorCode));
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
            return ConnectResult.Failed(target, ConnectErrors.FromNative(ConnectPlatform.Windows, exception.NativeErrorCode));
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

    /// <summary>A Socket view of a caller's handle that does not close it when disposed.</summary>
    private static Socket Borrow(SafeHandle handle) =>
        new(new SafeSocketHandle(handle.DangerousGetHandle(), ownsHandle: false));
}
