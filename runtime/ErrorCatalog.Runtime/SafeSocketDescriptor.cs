using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Owns a socket descriptor (a Unix file descriptor, or on Windows a <see cref="Socket"/>) and
/// closes it exactly once, whatever path the code that opened it takes.
/// </summary>
public sealed class SafeSocketDescriptor : SafeHandle
{
    private Socket? _windowsSocket;
    private ConnectWaiter.Registration? _pendingWait;
    private int _disposeRequested;

    /// <summary>Wraps an existing descriptor; with <paramref name="ownsHandle"/> it is closed when this handle is disposed.</summary>
    public SafeSocketDescriptor(IntPtr descriptor, bool ownsHandle)
        : base(new IntPtr(-1), ownsHandle)
    {
        SetHandle(descriptor);
    }

    internal SafeSocketDescriptor(Socket windowsSocket)
        : base(new IntPtr(-1), ownsHandle: true)
    {
        _windowsSocket = windowsSocket;
        SetHandle(windowsSocket.Handle);
    }

    /// <summary>On Windows, the <see cref="Socket"/> this handle owns (null elsewhere, and once handed over by <see cref="ToSocket"/>).</summary>
    internal Socket? WindowsSocket => _windowsSocket;

    /// <inheritdoc />
    public override bool IsInvalid => handle == new IntPtr(-1);

    /// <summary>The descriptor number (Unix) or SOCKET value (Windows).</summary>
    public long Descriptor => (long)handle;

    /// <summary>
    /// Hands the descriptor over to a new <see cref="Socket"/>, which then owns it; this handle
    /// becomes invalid. The socket behaves as after <see cref="Socket.Connect(System.Net.EndPoint)"/>:
    /// <see cref="Socket.Connected"/> and <see cref="Socket.RemoteEndPoint"/> are set, and its
    /// <see cref="Socket.Blocking"/> matches the descriptor (false after a
    /// <see cref="ConnectOptions.NonBlocking"/> connect).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle was already closed or handed over.</exception>
    public Socket ToSocket()
    {
        ObjectDisposedException.ThrowIf(IsClosed || IsInvalid, this);
        if (_windowsSocket is { } socket)
        {
            _windowsSocket = null;
            SetHandleAsInvalid();
            return socket;
        }

        // new Socket(SafeSocketHandle) finds the peer itself but assumes a blocking descriptor.
        var constants = Interop.PlatformConstants.Current!;
        int flags = Interop.Sys.Fcntl((int)handle, constants.FGetFl, 0);
        var owned = new SafeSocketHandle(handle, ownsHandle: true);
        SetHandleAsInvalid();
        try
        {
            var connected = new Socket(owned);
            if (flags >= 0 && (flags & constants.ONonblock) != 0)
            {
                connected.Blocking = false;
            }

            return connected;
        }
        catch
        {
            owned.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Disposing the handle while an async connect waits on it ends that wait at once (the
    /// result is <see cref="ConnectOutcome.Aborted"/>); the descriptor is closed when the
    /// connect call lets go of it.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Volatile.Write(ref _disposeRequested, 1);
            Interlocked.Exchange(ref _pendingWait, null)?.Finish(new ConnectWaiter.WaitResult(ConnectWaiter.WaitStatus.Aborted));
        }

        base.Dispose(disposing);
    }

    internal void AttachPendingWait(ConnectWaiter.Registration registration)
    {
        Volatile.Write(ref _pendingWait, registration);
        // Disposed between the start of the connect and now: the dispose found nothing to abort.
        if (Volatile.Read(ref _disposeRequested) != 0)
        {
            Interlocked.Exchange(ref _pendingWait, null)?.Finish(new ConnectWaiter.WaitResult(ConnectWaiter.WaitStatus.Aborted));
        }
        else if (registration.IsFinished)
        {
            // Finished before it was attached: its own detach found nothing.
            DetachPendingWait(registration);
        }
    }

    internal void DetachPendingWait(ConnectWaiter.Registration registration) =>
        Interlocked.CompareExchange(ref _pendingWait, null, registration);

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        if (_windowsSocket is { } socket)
        {
            socket.Dispose();
            return true;
        }

        // The descriptor is released even when close() reports an error (EINTR, EIO), so there
        // is nothing to retry and nothing more to report from a finalizer or Dispose.
        Interop.Sys.Close((int)handle);
        return true;
    }
}
