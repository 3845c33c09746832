using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace ErrorCatalog.Runtime;

/// <summary>One address tried while connecting to a host name: where, how it ended (with its typed error), when it started and how long it ran.</summary>
public sealed class ConnectAttempt
{
    internal ConnectAttempt(IPEndPoint endPoint, ConnectResult result, TimeSpan startedAfter, TimeSpan duration)
    {
        EndPoint = endPoint;
        Result = result;
        StartedAfter = startedAfter;
        Duration = duration;
    }

    /// <summary>The address and port tried.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// The attempt's own result: its outcome, connect()'s raw code and catalog entry (<see cref="ConnectResult.NativeError"/>)
    /// or another call's failure. It never holds a socket: the winner's is in the host connect's result, the others are closed.
    /// An attempt canceled because another address won, or because the caller canceled, is <see cref="ConnectOutcome.Canceled"/>.
    /// </summary>
    public ConnectResult Result { get; }

    /// <summary>How the attempt ended.</summary>
    public ConnectOutcome Outcome => Result.Outcome;

    /// <summary>When the attempt started, counted from the start of the connect call (name resolution included).</summary>
    public TimeSpan StartedAfter { get; }

    /// <summary>How long the attempt ran.</summary>
    public TimeSpan Duration { get; }

    /// <summary>For example <c>[::1]:9 Failed ECONNREFUSED (111 on Linux) after 0.2 ms</c>.</summary>
    public override string ToString()
    {
        string how = Result.Outcome switch
        {
            ConnectOutcome.Failed or ConnectOutcome.InProgress => $"{Outcome} {Result.NativeError.Name ?? "code"} ({Result.NativeError.Code} on {Result.NativeError.Platform})",
            ConnectOutcome.SystemCallFailed => $"{Outcome}: {Result.SystemCallError}",
            _ => Outcome.ToString(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{EndPoint} {how} after {Duration.TotalMilliseconds:0.#} ms");
    }
}

/// <summary>Why a host name gave no address to connect to: the resolver's <see cref="SocketError"/> and its message.</summary>
/// <param name="Error">HostNotFound (the name does not exist), TryAgain (a temporary failure), NoData (the name has no address of the family asked for, or none at all)...</param>
/// <param name="Message">The resolver's explanation.</param>
public readonly record struct HostResolutionError(SocketError Error, string Message);

/// <summary>
/// Thrown by the throwing API when every address of a host name failed: a <see cref="SocketException"/> (with the first
/// attempt's error code) that carries every attempt and the exception each one would have thrown.
/// </summary>
public sealed class ConnectAttemptsException : SocketException
{
    /// <summary>Creates the exception for <paramref name="attempts"/>.</summary>
    public ConnectAttemptsException(string message, IReadOnlyList<ConnectAttempt> attempts)
        : this(message, attempts, attempts.Select(attempt => attempt.Result.ToException()).OfType<Exception>().ToList())
    {
    }

    private ConnectAttemptsException(string message, IReadOnlyList<ConnectAttempt> attempts, List<Exception> inner)
        : base(inner.OfType<SocketException>().Select(exception => (int)exception.SocketErrorCode).DefaultIfEmpty((int)SocketError.SocketError).First(), message)
    {
        Attempts = attempts;
        InnerExceptions = new ReadOnlyCollection<Exception>(inner);
    }

    /// <summary>Every address tried, in the order the attempts started.</summary>
    public IReadOnlyList<ConnectAttempt> Attempts { get; }

    /// <summary>What each attempt would have thrown on its own (a <see cref="ErrorCatalog.Connect.ConnectException"/> subtype for a connect() error).</summary>
    public ReadOnlyCollection<Exception> InnerExceptions { get; }
}
