using System.Net.Sockets;
using ErrorCatalog.Runtime;

namespace ErrorCatalog.Cli.Commands.Connect;

/// <summary>
/// What is particular about one attempt beyond its error code: what a Unix path names, an IPv6
/// link-local address without a scope id. <see cref="ScenarioStem"/> is the end of the id of the
/// catalog scenario that replays the same situation (the scenario ids are written
/// TRANSPORT-STEM, such as <c>unix-stream-regular-file</c>).
/// </summary>
public sealed record ConnectCase(string? Observation, string? ScenarioStem, string? Hint)
{
    private static readonly ConnectCase Nothing = new(null, null, null);

    /// <summary>Looks at the target before connecting (the path's kind can change once a server starts).</summary>
    public static ConnectCase Inspect(ConnectTarget target)
    {
        if (target.Kind == ConnectTargetKind.UnixPath && target.Path is { } path)
        {
            return UnixPathInspector.Inspect(path) switch
            {
                UnixPathKind.RegularFile => new ConnectCase($"{path} is a regular file, not a socket", "regular-file", null),
                UnixPathKind.Socket => new ConnectCase($"{path} is a socket file; whether a server listens on it is what connect() tells", "stale-socket-file", null),
                UnixPathKind.Missing => new ConnectCase($"nothing exists at {path}", "path-missing", null),
                UnixPathKind.FolderMissing => new ConnectCase($"a folder on the path {path} does not exist", "directory-missing", null),
                UnixPathKind.FileAsFolder => new ConnectCase($"a part of {path} before its last name is a file, not a folder", "file-as-directory", null),
                UnixPathKind.Folder => new ConnectCase($"{path} is a folder, not a socket", null, null),
                UnixPathKind.Other => new ConnectCase($"{path} is neither a socket nor a regular file (a FIFO or a device)", null, null),
                _ => Nothing,
            };
        }

        if (target.Address is { IsIPv6LinkLocal: true, ScopeId: 0 } address)
        {
            return new ConnectCase(
                $"{address} is an IPv6 link-local address without a scope id, so no interface is named",
                "link-local-without-scope",
                $"add the interface as a scope id: [{address}%INTERFACE]:{target.Port}, with an interface name or index from 'ip link'");
        }

        if (target.Address is { } loopback && System.Net.IPAddress.IsLoopback(loopback))
        {
            return new ConnectCase(null, "loopback-closed-port", null);
        }

        return Nothing;
    }

    /// <summary>
    /// The catalog's scenario for this situation with this socket type on <paramref name="platformId"/>,
    /// if it exists and its result is what happened (<paramref name="observedError"/>); a scenario
    /// with another result would explain a different situation.
    /// </summary>
    public Scenario? ScenarioIn(CatalogModel catalog, ConnectTarget target, SocketType socketType, string platformId, string observedError)
    {
        if (ScenarioStem is null)
        {
            return null;
        }

        var datagram = socketType == SocketType.Dgram;
        var transport = target.AddressFamily switch
        {
            AddressFamily.Unix => datagram ? "unix-dgram" : "unix-stream",
            AddressFamily.InterNetworkV6 => datagram ? "udp6" : "tcp6",
            _ => datagram ? "udp" : "tcp",
        };
        return catalog.FindScenario(transport + "-" + ScenarioStem) is { } scenario
            && scenario.Platform == platformId
            && scenario.Result == observedError
                ? scenario
                : null;
    }
}
