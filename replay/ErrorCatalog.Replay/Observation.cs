namespace ErrorCatalog.Replay;

/// <summary>Which call produced an observed result.</summary>
public enum ObservedStage
{
    /// <summary>The return of the observed connect() (or of .NET's Connect/ConnectAsync).</summary>
    Connect,

    /// <summary>SO_ERROR, read after a non-blocking connect() returned EINPROGRESS and poll() reported the socket.</summary>
    SoError,

    /// <summary>A second connect() on a socket whose first connect() the scenario made.</summary>
    SecondConnect,

    /// <summary>The return of the observed socket() (or of .NET's Socket constructor).</summary>
    Socket,

    /// <summary>The .NET driver could not express the scenario (an address or step .NET has no form for).</summary>
    NotExpressible,
}

/// <summary>
/// What one run of a scenario saw. <see cref="Result"/> is, for libc runs, <c>success</c>, the
/// catalog name of the errno (or <c>errno N</c> for a number the catalog does not know), or
/// <c>pending</c> when the outcome never arrived; for .NET runs, a
/// <see cref="System.Net.Sockets.SocketError"/> member name, or <c>exception TypeName</c> when
/// .NET threw something other than a SocketException.
/// </summary>
public sealed record Observation(string Result, ObservedStage Stage, string? Detail = null)
{
    /// <summary>The .NET driver has no way to express this scenario.</summary>
    public static Observation NotExpressible(string why) => new("not-expressible", ObservedStage.NotExpressible, why);
}
