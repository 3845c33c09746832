namespace ErrorCatalog.Runtime;

/// <summary>How a connect attempt ended.</summary>
public enum ConnectOutcome
{
    /// <summary>
    /// No attempt: the value of <c>default(ConnectResult)</c>. Such a result has no target, no
    /// socket and no code, and <see cref="ConnectResult.ThrowIfFailed"/> refuses it.
    /// </summary>
    None = 0,

    /// <summary>The socket is connected.</summary>
    Connected = 1,

    /// <summary>connect() reported an error; <see cref="ConnectResult.NativeError"/> holds its raw code, platform and catalog entry.</summary>
    Failed = 2,

    /// <summary>
    /// The caller's <see cref="ConnectOptions.Timeout"/> ran out before the system gave an answer.
    /// Distinct from the system's own ETIMEDOUT/WSAETIMEDOUT, which is a <see cref="Failed"/> outcome.
    /// </summary>
    TimedOutByCaller = 3,

    /// <summary>The caller's cancellation token fired before the system gave an answer.</summary>
    Canceled = 4,

    /// <summary>
    /// The connection is still being set up, and connect() said so (EINPROGRESS, in
    /// <see cref="ConnectResult.NativeError"/>): with <see cref="ConnectOptions.NonBlocking"/>, where
    /// a socket the runtime created is handed back; or on a caller's blocking socket whose own
    /// send timeout (SO_SNDTIMEO) ran out, where the kernel keeps the handshake going.
    /// </summary>
    InProgress = 5,

    /// <summary>
    /// A system call other than socket() and connect() failed, so connect() was never asked or its
    /// answer could not be waited for: fcntl(), setsockopt() or bind() for a
    /// <see cref="ConnectOptions"/> setting, or the async waiter's
    /// pipe()/epoll_create1()/epoll_ctl()/kqueue()/kevent(). The call, its raw errno and the errno's
    /// name are in <see cref="ConnectResult.SystemCallError"/>. A later call tries again.
    /// </summary>
    SystemCallFailed = 6,

    /// <summary>
    /// The caller closed (disposed) their own socket while its connect was pending, which ended
    /// the attempt. Nothing is known about what the peer would have answered.
    /// </summary>
    Aborted = 7,

    /// <summary>
    /// socket() refused to create the socket (EMFILE, ENFILE, EAFNOSUPPORT, EACCES, EPERM...), so
    /// connect() was never asked. <see cref="ConnectResult.SocketNativeError"/> holds the raw code,
    /// its platform and the entry of the socket() catalog (<see cref="ErrorCatalog.SocketCall.SocketCallError"/>);
    /// the throwing API raises the matching <see cref="ErrorCatalog.SocketCall.SocketCallException"/>.
    /// </summary>
    SocketFailed = 8,

    /// <summary>
    /// A host-name target (<see cref="ConnectTarget.Host"/>) gave no address: the resolver failed or returned none of
    /// the family asked for. <see cref="ConnectResult.ResolutionError"/> holds the resolver's <see cref="System.Net.Sockets.SocketError"/>.
    /// </summary>
    HostNotResolved = 9,

    /// <summary>Every address of a host-name target was tried and none connected; <see cref="ConnectResult.Attempts"/> holds each one's error.</summary>
    AllAttemptsFailed = 10,
}
