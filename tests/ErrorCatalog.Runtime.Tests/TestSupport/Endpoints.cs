using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>A private directory under /tmp, removed with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    private static int s_counter;

    internal TempDirectory()
    {
        // Short on purpose: Unix socket paths must fit sun_path.
        FullPath = Path.Combine("/tmp", $"ec{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}");
        Directory.CreateDirectory(FullPath);
    }

    internal string FullPath { get; }

    internal string Combine(string name) => Path.Combine(FullPath, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Loopback endpoints in the states the tests need.</summary>
internal static class Endpoints
{
    /// <summary>
    /// A TCP port on 127.0.0.1 that is bound but not listening, so nothing else can take it while
    /// the test runs and a SYN to it is answered with a reset.
    /// </summary>
    internal static Socket ReserveClosedTcpPort(IPAddress address, out ConnectTarget target)
    {
        var holder = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(address, 0));
        target = ConnectTarget.Ip(address, ((IPEndPoint)holder.LocalEndPoint!).Port);
        return holder;
    }

    internal static Socket TcpListener(IPAddress address, int backlog, out ConnectTarget target)
    {
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, 0));
        listener.Listen(backlog);
        target = ConnectTarget.Ip(address, ((IPEndPoint)listener.LocalEndPoint!).Port);
        return listener;
    }

    internal static Socket UnixListener(string path, SocketType type, int backlog = 16)
    {
        var socket = new Socket(AddressFamily.Unix, type, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        if (type == SocketType.Stream)
        {
            socket.Listen(backlog);
        }

        return socket;
    }
}

/// <summary>
/// A loopback TCP listener whose accept queue is full: listen(0) admits one connection to the
/// queue, the fillers take it, and the kernel then drops further SYNs, so a new connect stays in
/// SYN_SENT and keeps retransmitting (until TCP_SYNCNT is exhausted, or forever for a test's purposes).
/// </summary>
internal sealed class FullBacklogTcpListener : IDisposable
{
    private readonly Socket _listener;
    private readonly Socket[] _fillers;

    internal FullBacklogTcpListener(IPAddress address)
    {
        _listener = Endpoints.TcpListener(address, backlog: 0, out var target);
        Target = target;
        _fillers = new Socket[2];
        for (int i = 0; i < _fillers.Length; i++)
        {
            _fillers[i] = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
            try
            {
                _fillers[i].Connect(target.EndPoint!);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.WouldBlock || exception.SocketErrorCode == SocketError.InProgress)
            {
                // The first filler completes, the second waits in SYN_SENT: both leave the queue full.
            }
        }

        // Give the first handshake a moment to finish so the queue is really full.
        _fillers[0].Poll(2_000_000, SelectMode.SelectWrite);
    }

    internal ConnectTarget Target { get; }

    /// <summary>Accepts every queued connection, freeing the queue.</summary>
    internal void Drain()
    {
        _listener.Blocking = false;
        while (true)
        {
            try
            {
                _listener.Accept().Dispose();
            }
            catch (SocketException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}

/// <summary>A Unix stream listener with listen(0) and one pending connection: its queue is full.</summary>
internal sealed class FullBacklogUnixListener : IDisposable
{
    private readonly Socket _listener;
    private readonly Socket _filler;

    internal FullBacklogUnixListener(string path)
    {
        _listener = Endpoints.UnixListener(path, SocketType.Stream, backlog: 0);
        _filler = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _filler.Connect(new UnixDomainSocketEndPoint(path));
        Target = ConnectTarget.UnixPath(path);
    }

    internal ConnectTarget Target { get; }

    internal Socket Listener => _listener;

    public void Dispose()
    {
        _filler.Dispose();
        _listener.Dispose();
    }
}
