using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;

namespace ErrorCatalog.Runtime;

/// <summary>The host-name part of <see cref="ConnectResult"/>: every attempt, and why a name gave no address.</summary>
public readonly partial struct ConnectResult
{
    private ConnectResult(ConnectOutcome outcome, ConnectTarget target, SafeSocketDescriptor? socket, HostDetails host)
        : this(outcome, target, socket, default, default)
    {
        _host = host;
    }

    /// <summary>
    /// For a host-name target, every address tried in the order the attempts started (the winner's included), each
    /// with its outcome, typed error, start and duration; empty for other targets and when the name gave no address.
    /// </summary>
    public IReadOnlyList<ConnectAttempt> Attempts => _host?.Attempts ?? [];

    /// <summary>The resolver's answer, for <see cref="ConnectOutcome.HostNotResolved"/>.</summary>
    /// <exception cref="InvalidOperationException">Another outcome.</exception>
    public HostResolutionError ResolutionError => Outcome == ConnectOutcome.HostNotResolved
        ? _host!.Resolution
        : throw new InvalidOperationException($"A {Outcome} outcome carries no name-resolution error.");

    internal static ConnectResult ForHost(ConnectOutcome outcome, ConnectTarget target, SafeSocketDescriptor? socket, IReadOnlyList<ConnectAttempt> attempts) =>
        new(outcome, target, socket, new HostDetails(attempts, default));

    internal static ConnectResult NotResolved(ConnectTarget target, HostResolutionError error) =>
        new(ConnectOutcome.HostNotResolved, target, null, new HostDetails([], error));

    /// <summary>The same result without its socket (for the list of attempts, which never owns one).</summary>
    internal ConnectResult WithoutSocket() => Socket is null ? this : new(Outcome, _target!, null, _nativeError, _systemCallError);

    private string HostMessage() => Outcome == ConnectOutcome.HostNotResolved
        ? $"{_target} did not resolve: {_host!.Resolution.Error}: {_host.Resolution.Message}"
        : $"Connecting to {_target} failed on every address: {string.Join("; ", Attempts)}.";

    private SocketException HostException() => Outcome == ConnectOutcome.HostNotResolved
        ? new SocketException((int)_host!.Resolution.Error, HostMessage())
        : new ConnectAttemptsException(HostMessage(), Attempts);

    private sealed record HostDetails(IReadOnlyList<ConnectAttempt> Attempts, HostResolutionError Resolution);
}
