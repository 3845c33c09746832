namespace ErrorCatalog.Replay;

/// <summary>Who makes the observed connect: libc directly, or .NET's Socket on the same descriptor.</summary>
public enum ConnectDriver
{
    /// <summary>connect(2) through libc, observed as the scenario's `via` says.</summary>
    Libc,

    /// <summary><see cref="System.Net.Sockets.Socket.Connect(System.Net.EndPoint)"/> on a Socket wrapping the scenario's descriptor.</summary>
    DotNetConnect,

    /// <summary><see cref="System.Net.Sockets.Socket.ConnectAsync(System.Net.EndPoint, System.Threading.CancellationToken)"/> on a Socket wrapping the scenario's descriptor.</summary>
    DotNetConnectAsync,
}
