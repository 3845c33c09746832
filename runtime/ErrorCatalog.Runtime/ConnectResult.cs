using System;
using ErrorCatalog.Connect;

namespace ErrorCatalog.Runtime;

/// <summary>
/// The outcome of a connect attempt made through the result API (<c>SocketConnector.TryConnect*</c>).
/// A failure of the operating system is data here, never an exception: its raw code, the
/// platform whose numbering it uses and the catalog entry it maps to are in <see cref="NativeError"/>.
/// </summary>
public readonly struct ConnectResult
{
    private readonly ConnectNativeError _nativeError;

    private ConnectResult(ConnectOutcome outcome, ConnectTarget target, SafeSocketDescriptor? socket, ConnectNativeError nativeError)
    {
        Outcome = outcome;
        Target = target;
        Socket = socket;
        _nativeError = nativeError;
    }

    /// <summary>How the attempt ended.</summary>
    public ConnectOutcome Outcome { get; }

    /// <summary>True when the socket is connected.</summary>
    public bool IsConnected => Outcome == ConnectOutcome.Connected;

    /// <summary>The endpoint that was asked for.</summary>
    public ConnectTarget Target { get; }

    /// <summary>
    /// The socket the runtime created, for <see cref="ConnectOutcome.Connected"/> and
    /// <see cref="ConnectOutcome.InProgress"/>; the caller owns it and must dispose it (or hand it
    /// to <see cref="SafeSocketDescriptor.ToSocket"/>). Null for failures (the runtime already
    /// closed it) and when the caller passed in a socket of their own.
    /// </summary>
    public SafeSocketDescriptor? Socket { get; }

    /// <summary>True for <see cref="ConnectOutcome.Failed"/> and <see cref="ConnectOutcome.InProgress"/>, which carry a raw code.</summary>
    public bool HasNativeError => Outcome is ConnectOutcome.Failed or ConnectOutcome.InProgress;

    /// <summary>The raw code, its platform and catalog mapping.</summary>
    /// <exception cref="InvalidOperationException">The outcome carries no native code (see <see cref="HasNativeError"/>).</exception>
    public ConnectNativeError NativeError => HasNativeError
        ? _nativeError
        : throw new InvalidOperationException($"A {Outcome} outcome carries no native error code.");

    /// <summary>The catalog entry of the failure, or null when there is none (success, caller timeout, cancellation, or a code the catalog does not list).</summary>
    public ConnectError? Error => HasNativeError ? _nativeError.Error : null;

    /// <summary>The exception the throwing API raises for this outcome, or null when connected or in progress.</summary>
    public Exception? ToException() => Outcome switch
    {
        ConnectOutcome.Failed => ConnectErrors.CreateException(_nativeError, Target.EndPoint),
        ConnectOutcome.TimedOutByCaller => new TimeoutException($"Connecting to {Target} did not finish within the caller's timeout."),
        ConnectOutcome.Canceled => new OperationCanceledException($"Connecting to {Target} was canceled."),
        _ => null,
    };

    /// <summary>Returns the connected (or, with <see cref="ConnectOptions.NonBlocking"/>, in-progress) socket, or throws what <see cref="ToException"/> describes.</summary>
    public SafeSocketDescriptor GetSocketOrThrow()
    {
        if (ToException() is { } exception)
        {
            throw exception;
        }

        return Socket ?? throw new InvalidOperationException("The connect was made on a socket the caller owns; there is no socket to hand back.");
    }

    /// <summary>Throws what <see cref="ToException"/> describes when the attempt did not succeed.</summary>
    public void ThrowIfFailed()
    {
        if (ToException() is { } exception)
        {
            throw exception;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        ConnectOutcome.Failed or ConnectOutcome.InProgress =>
            $"{Outcome} {Target}: {_nativeError.Name ?? "code"} ({_nativeError.Code} on {_nativeError.Platform})",
        _ => $"{Outcome} {Target}",
    };

    internal static ConnectResult Connected(ConnectTarget target, SafeSocketDescriptor? socket) =>
        new(ConnectOutcome.Connected, target, socket, default);

    internal static ConnectResult Failed(ConnectTarget target, ConnectNativeError error) =>
        new(ConnectOutcome.Failed, target, null, error);

    internal static ConnectResult InProgress(ConnectTarget target, SafeSocketDescriptor? socket, ConnectNativeError error) =>
        new(ConnectOutcome.InProgress, target, socket, error);

    internal static ConnectResult TimedOutByCaller(ConnectTarget target) =>
        new(ConnectOutcome.TimedOutByCaller, target, null, default);

    internal static ConnectResult Canceled(ConnectTarget target) =>
        new(ConnectOutcome.Canceled, target, null, default);
}
