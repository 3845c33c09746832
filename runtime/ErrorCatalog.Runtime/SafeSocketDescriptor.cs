using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Owns a socket descriptor (a Unix file descriptor, or on Windows a <see cref="Socket"/>) and
/// closes it exactly once, whatever path the code that opened it takes.
/// </summary>
public sealed class SafeSocketDescriptor : SafeHandle
{
    private Socket? _windowsSocket;

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

    /// <inheritdoc />
    public override bool IsInvalid => handle == new IntPtr(-1);

    /// <summary>The descriptor number (Unix) or SOCKET value (Windows).</summary>
    public long Descriptor => (long)handle;

    /// <summary>
    /// Hands the descriptor over to a new <see cref="Socket"/>, which then owns it; this handle
    /// becomes invalid. The socket sees the connection (its <see cref="Socket.Connected"/> is true).
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

        var owned = new SafeSocketHandle(handle, ownsHandle: true);
        SetHandleAsInvalid();
        try
        {
            return new Socket(owned);
        }
        catch
        {
            owned.Dispose();
            throw;
        }
    }

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
