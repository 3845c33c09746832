namespace ErrorCatalog.Runtime;

/// <summary>How a connect attempt ended.</summary>
public enum ConnectOutcome
{
    /// <summary>The socket is connected.</summary>
    Connected = 1,

    /// <summary>The system reported an error; <see cref="ConnectResult.NativeError"/> holds its raw code, platform and catalog entry.</summary>
    Failed = 2,

    /// <summary>
    /// The caller's <see cref="ConnectOptions.Timeout"/> ran out before the system gave an answer.
    /// Distinct from the system's own ETIMEDOUT/WSAETIMEDOUT, which is a <see cref="Failed"/> outcome.
    /// </summary>
    TimedOutByCaller = 3,

    /// <summary>The caller's cancellation token fired before the system gave an answer.</summary>
    Canceled = 4,

    /// <summary>
    /// Only with <see cref="ConnectOptions.NonBlocking"/>: the connection is still being set up;
    /// the socket is handed back and the raw code (EINPROGRESS) is in <see cref="ConnectResult.NativeError"/>.
    /// </summary>
    InProgress = 5,
}
