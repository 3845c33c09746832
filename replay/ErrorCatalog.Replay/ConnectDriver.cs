namespace ErrorCatalog.Replay;

/// <summary>Who makes the observed call: libc directly, or .NET's Socket (on the same descriptor for connect(), a new one for socket()).</summary>
public enum ConnectDriver
{
    /// <summary>connect(2) through libc, observed as the scenario's `via` says.</summary>
    Libc,

    /// <summary><see cref="System.Net.Sockets.Socket.Connect(System.Net.EndPoint)"/> on a Socket wrapping the scenario's descriptor.</summary>
    DotNetConnect,

    /// <summary><see cref="System.Net.Sockets.Socket.ConnectAsync(System.Net.EndPoint, System.Threading.CancellationToken)"/> on a Socket wrapping the scenario's descriptor.</summary>
    DotNetConnectAsync,

    /// <summary><see cref="System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily, System.Net.Sockets.SocketType, System.Net.Sockets.ProtocolType)"/> with the scenario's family, type and protocol (scenarios with <c>via: socket</c>).</summary>
    DotNetSocket,
}
