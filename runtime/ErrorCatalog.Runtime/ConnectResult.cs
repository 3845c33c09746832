using System;
using System.Net.Sockets;
using ErrorCatalog.Connect;
using ErrorCatalog.SocketCall;

namespace ErrorCatalog.Runtime;

/// <summary>
/// The outcome of a connect attempt made through the result API (<c>SocketConnector.TryConnect*</c>).
/// A failure of the operating system is data here, never an exception: a connect() error's raw
/// code, the platform whose numbering it uses and the catalog entry it maps to are in
/// <see cref="NativeError"/>; a socket() error, typed with the socket() catalog, is in
/// <see cref="SocketNativeError"/>; a failure of another call (fcntl(), the async waiter's calls)
/// is in <see cref="SystemCallError"/>. <c>default(ConnectResult)</c> is <see cref="ConnectOutcome.None"/>:
/// it describes no attempt and every member says so rather than inventing one.
/// </summary>
public readonly partial struct ConnectResult
{
    private readonly ConnectTarget? _target;
    private readonly ConnectNativeError _nativeError;
    private readonly SystemCallError _systemCallError;
    private readonly SocketCallNativeError _socketNativeError;
    private readonly HostDetails? _host; // host-name targets only: see Dialing/ConnectResult.Host.cs

    private ConnectResult(ConnectOutcome outcome, ConnectTarget target, SafeSocketDescriptor? socket, ConnectNativeError nativeError, SystemCallError systemCallError, SocketCallNativeError socketNativeError = default)
    {
        Outcome = outcome;
        _target = target;
        Socket = socket;
        _nativeError = nativeError;
        _systemCallError = systemCallError;
        _socketNativeError = socketNativeError;
    }

    /// <summary>How the attempt ended; <see cref="ConnectOutcome.None"/> for <c>default(ConnectResult)</c>.</summary>
    public ConnectOutcome Outcome { get; }

    /// <summary>True when the socket is connected.</summary>
    public bool IsConnected => Outcome == ConnectOutcome.Connected;

    /// <summary>The endpoint that was asked for.</summary>
    /// <exception cref="InvalidOperationException">The result is <c>default(ConnectResult)</c>, which has no target.</exception>
    public ConnectTarget Target => _target ?? throw NoAttempt();

    /// <summary>
    /// The socket the runtime created, for <see cref="ConnectOutcome.Connected"/> and
    /// <see cref="ConnectOutcome.InProgress"/>; the caller owns it and must dispose it (or hand it
    /// to <see cref="SafeSocketDescriptor.ToSocket"/>). Null for every other outcome (the runtime
    /// already closed it) and when the caller passed in a socket of their own.
    /// </summary>
    public SafeSocketDescriptor? Socket { get; }

    /// <summary>True for <see cref="ConnectOutcome.Failed"/> and <see cref="ConnectOutcome.InProgress"/>, which carry a connect() code.</summary>
    public bool HasNativeError => Outcome is ConnectOutcome.Failed or ConnectOutcome.InProgress;

    /// <summary>The raw connect() code, its platform and catalog mapping.</summary>
    /// <exception cref="InvalidOperationException">The outcome carries no connect() code (see <see cref="HasNativeError"/>).</exception>
    public ConnectNativeError NativeError => HasNativeError
        ? _nativeError
        : throw new InvalidOperationException($"A {Outcome} outcome carries no connect() error code.");

    /// <summary>The failed call other than connect(), for <see cref="ConnectOutcome.SystemCallFailed"/>.</summary>
    /// <exception cref="InvalidOperationException">Another outcome.</exception>
    public SystemCallError SystemCallError => Outcome == ConnectOutcome.SystemCallFailed
        ? _systemCallError
        : throw new InvalidOperationException($"A {Outcome} outcome carries no failed system call.");

    /// <summary>The raw socket() code, its platform and its entry in the socket() catalog, for <see cref="ConnectOutcome.SocketFailed"/>.</summary>
    /// <exception cref="InvalidOperationException">Another outcome.</exception>
    public SocketCallNativeError SocketNativeError => Outcome == ConnectOutcome.SocketFailed
        ? _socketNativeError
        : throw new InvalidOperationException($"A {Outcome} outcome carries no socket() error code.");

    /// <summary>The connect() catalog entry of the failure, or null when there is none (success, caller timeout, cancellation, another call's failure such as socket()'s, or a code the catalog does not list).</summary>
    public ConnectError? Error => HasNativeError ? _nativeError.Error : null;

    /// <summary>
    /// One sentence about the result on the running system. For connect() errors it is the
    /// catalog's summary, except where the running system gives the code a meaning of its own
    /// (see <see cref="PlatformErrorTexts"/>).
    /// </summary>
    public string Message => Outcome switch
    {
        ConnectOutcome.None => NoAttemptText,
        ConnectOutcome.Connected => $"Connected to {_target}.",
        ConnectOutcome.Failed => $"connect() to {_target} failed with {_nativeError}: {Describe(_nativeError)}",
        ConnectOutcome.InProgress => $"connect() to {_target} is in progress ({_nativeError}).",
        ConnectOutcome.TimedOutByCaller => $"Connecting to {_target} did not finish within the caller's timeout.",
        ConnectOutcome.Canceled => $"Connecting to {_target} was canceled.",
        ConnectOutcome.SystemCallFailed => $"Connecting to {_target} was not possible: {_systemCallError}.",
        ConnectOutcome.Aborted => $"Connecting to {_target} was aborted: the caller closed the socket while the connect was pending.",
        ConnectOutcome.SocketFailed => $"socket() for {_target} failed with {_socketNativeError}: {DescribeSocket(_socketNativeError)}",
        ConnectOutcome.HostNotResolved or ConnectOutcome.AllAttemptsFailed => HostMessage(),
        _ => $"Unknown outcome {Outcome}.",
    };

    /// <summary>
    /// The exception the throwing API raises for this outcome, or null when connected or in
    /// progress. <c>default(ConnectResult)</c> gives an <see cref="InvalidOperationException"/>:
    /// there is nothing to report as success.
    /// </summary>
    public Exception? ToException() => Outcome switch
    {
        ConnectOutcome.Connected or ConnectOutcome.InProgress => null,
        ConnectOutcome.Failed => ConnectErrors.CreateException(_nativeError, _target!.EndPoint),
        ConnectOutcome.TimedOutByCaller => new TimeoutException(Message),
        ConnectOutcome.Canceled => new OperationCanceledException(Message),
        ConnectOutcome.SystemCallFailed => new SystemCallException(_systemCallError, Message),
        ConnectOutcome.Aborted => new SocketException((int)SocketError.OperationAborted, Message),
        ConnectOutcome.SocketFailed => SocketCallErrors.CreateException(_socketNativeError, _target!.EndPoint),
        ConnectOutcome.HostNotResolved or ConnectOutcome.AllAttemptsFailed => HostException(),
        _ => NoAttempt(),
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
        ConnectOutcome.None => "None: " + NoAttemptText,
        ConnectOutcome.Failed => $"{Outcome} {_target}: {_nativeError.Name ?? "code"} ({_nativeError.Code} on {_nativeError.Platform}): {Describe(_nativeError)}",
        ConnectOutcome.InProgress => $"{Outcome} {_target}: {_nativeError.Name ?? "code"} ({_nativeError.Code} on {_nativeError.Platform})",
        ConnectOutcome.SystemCallFailed => $"{Outcome} {_target}: {_systemCallError}",
        ConnectOutcome.SocketFailed => $"{Outcome} {_target}: {_socketNativeError.Name ?? "code"} ({_socketNativeError.Code} on {_socketNativeError.Platform}): {DescribeSocket(_socketNativeError)}",
        ConnectOutcome.HostNotResolved or ConnectOutcome.AllAttemptsFailed => $"{Outcome} {HostMessage()}",
        _ => $"{Outcome} {_target}",
    };

    internal static ConnectResult Connected(ConnectTarget target, SafeSocketDescriptor? socket) =>
        new(ConnectOutcome.Connected, target, socket, default, default);

    internal static ConnectResult Failed(ConnectTarget target, ConnectNativeError error) =>
        new(ConnectOutcome.Failed, target, null, error, default);

    internal static ConnectResult InProgress(ConnectTarget target, SafeSocketDescriptor? socket, ConnectNativeError error) =>
        new(ConnectOutcome.InProgress, target, socket, error, default);

    internal static ConnectResult TimedOutByCaller(ConnectTarget target) =>
        new(ConnectOutcome.TimedOutByCaller, target, null, default, default);

    internal static ConnectResult Canceled(ConnectTarget target) =>
        new(ConnectOutcome.Canceled, target, null, default, default);

    internal static ConnectResult CallFailed(ConnectTarget target, SystemCallError error) =>
        new(ConnectOutcome.SystemCallFailed, target, null, default, error);

    internal static ConnectResult Aborted(ConnectTarget target) =>
        new(ConnectOutcome.Aborted, target, null, default, default);

    internal static ConnectResult SocketFailed(ConnectTarget target, SocketCallNativeError error) =>
        new(ConnectOutcome.SocketFailed, target, null, default, default, error);

    private const string NoAttemptText = "default(ConnectResult): no connect was attempted, so there is no target, socket or error.";

    private static InvalidOperationException NoAttempt() => new(NoAttemptText);

    private static string DescribeSocket(SocketCallNativeError error) =>
        error.Error is { } entry ? SocketCallErrors.GetSummary(entry) : "the socket() catalog does not list this code.";

    private static string Describe(ConnectNativeError error) =>
        PlatformErrorTexts.Find(error) ?? (error.Error is { } entry ? ConnectErrors.GetSummary(entry) : "the catalog does not list this code.");
}
