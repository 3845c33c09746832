namespace ErrorCatalog.Cli;

/// <summary>The exit codes of errcat; cli/README.md documents the same table.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked (for <c>connect</c>: the connection was established).</summary>
    public const int Success = 0;

    /// <summary>A catalog has errors: <c>validate</c> found some, or a catalog given to another command does not load.</summary>
    public const int InvalidCatalog = 1;

    /// <summary>The command line is wrong: unknown command or option, missing or malformed value, unknown platform, source or family id.</summary>
    public const int Usage = 2;

    /// <summary>The name or number asked for is not in the catalog.</summary>
    public const int NotFound = 3;

    /// <summary>A file or folder could not be read or written.</summary>
    public const int IoError = 4;

    /// <summary><c>connect</c> ran and the connection failed; the output explains the error.</summary>
    public const int ConnectFailed = 5;

    /// <summary><c>connect</c> could not be attempted here (for example the socket could not be created, or this operating system is not supported).</summary>
    public const int ConnectUnavailable = 6;

    /// <summary><c>reproduce</c> ran and at least one scenario did not behave as the catalog says; the output shows which.</summary>
    public const int ReproduceMismatch = 7;

    /// <summary>An unexpected internal failure (a bug in errcat); the message says what happened.</summary>
    public const int InternalError = 70;
}
