namespace ErrorCatalog.Cli;

/// <summary>A failure with a one-line message for the user and the exit code it maps to.</summary>
public sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
