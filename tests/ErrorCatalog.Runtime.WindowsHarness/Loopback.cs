using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime.WindowsHarness;

/// <summary>Loopback endpoints for the checks; nothing here ever leaves 127.0.0.1 or ::1.</summary>
internal static class Loopback
{
    public static IPAddress Address(AddressFamily family) =>
        family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;

    /// <summary>A port nothing listens on: bound by the system's choice, then released.</summary>
    public static IPEndPoint ClosedPort(AddressFamily family)
    {
        using var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(Address(family), 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }

    /// <summary>A port nothing listens on at 127.0.0.1 nor at ::1: both bound at once by the system's choice, then released.</summary>
    public static int ClosedPortOnBothFamilies()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            v4.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)v4.LocalEndPoint!).Port;
            using var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                v6.Bind(new IPEndPoint(IPAddress.IPv6Loopback, port));
                return port;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                // Taken on ::1: try another port.
            }
        }

        throw new CheckFailedException("no port free on both 127.0.0.1 and ::1 in 100 tries");
    }

    /// <summary>A listener with room in its queue: connects to it complete without an accept.</summary>
    public static Socket Listen(AddressFamily family, int backlog = 64)
    {
        var listener = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(Address(family), 0));
            listener.Listen(backlog);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }
}

/// <summary>
/// A loopback listener that never accepts and whose queue is full: the kernel drops further SYNs,
/// so a connect to it stays pending (retransmitting) until the caller gives up. Under Wine the
/// queue of a listen(1) socket holds two connections; the third stays pending. One listener
/// serves every check: pending connects do not take places in the queue, so it stays full, and
/// filling it costs one <see cref="FillWait"/>.
/// </summary>
internal sealed class FullBacklogListener : IDisposable
{
    private static readonly Lazy<FullBacklogListener> s_shared = new(() => new FullBacklogListener());

    public static FullBacklogListener Shared => s_shared.Value;

    /// <summary>A listener of the check's own, for a check that later makes room in its queue (<see cref="MakeRoom"/>).</summary>
    public static FullBacklogListener CreateOwn() => new();

    /// <summary>How long a filling connect may take before the queue is taken as full; setup only, never asserted.</summary>
    private static readonly TimeSpan FillWait = TimeSpan.FromSeconds(2);

    private const int MaxFill = 16;

    private readonly Socket _listener;
    private readonly List<Socket> _clients = new();

    private FullBacklogListener()
    {
        _listener = Loopback.Listen(AddressFamily.InterNetwork, backlog: 1);
        EndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        try
        {
            while (true)
            {
                if (_clients.Count == MaxFill)
                {
                    throw new CheckFailedException($"the listen(1) queue took {MaxFill} connections without filling up");
                }

                var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _clients.Add(client);
                Task connect = client.ConnectAsync(EndPoint);
                if (!connect.Wait(FillWait))
                {
                    // This one is pending: the queue is full. Keep it so the queue stays full.
                    Queued = _clients.Count - 1;
                    return;
                }
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>How many connections the queue took before it was full.</summary>
    public int Queued { get; }

    /// <summary>Accepts the queued connections: a pending connect then completes when its SYN is sent again.</summary>
    public void MakeRoom()
    {
        for (var i = 0; i < Queued; i++)
        {
            _clients.Add(_listener.Accept());
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _listener.Dispose();
    }
}
