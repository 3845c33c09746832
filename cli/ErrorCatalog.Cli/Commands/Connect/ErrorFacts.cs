using System.Net.Sockets;
using ErrorCatalog.Connect;
using ErrorCatalog.SocketCall;

namespace ErrorCatalog.Cli.Commands.Connect;

/// <summary>
/// The facts about an error that errcat connect prints before anything that needs the catalog file:
/// taken from the generated types of the built-in connect() and socket() catalogs (no YAML to read), or from a
/// catalog given with --catalog.
/// </summary>
/// <param name="Name">The catalog's canonical name (ECONNREFUSED).</param>
/// <param name="ErrorMember">The generated enum member (ConnectError.ConnectionRefused).</param>
/// <param name="ExceptionType">The generated exception type (ConnectException.ConnectionRefused).</param>
/// <param name="Summary">The one-sentence summary.</param>
/// <param name="Action">What to do.</param>
/// <param name="DotNet">The SocketError member, or null.</param>
public sealed record ErrorFacts(string Name, string ErrorMember, string ExceptionType, string Summary, string Action, string? DotNet)
{
    /// <summary>From the generated types compiled into the runtime.</summary>
    public static ErrorFacts FromGenerated(ConnectError error) => new(
        ConnectErrors.GetName(error),
        $"{nameof(ConnectError)}.{error}",
        $"{nameof(ConnectException)}.{error}",
        ConnectErrors.GetSummary(error),
        ConnectErrors.GetAction(error),
        ConnectErrors.TryGetSocketError(error, out var socketError) ? socketError.ToString() : null);

    /// <summary>From the generated types of the socket() catalog, which the runtime uses for a failed socket().</summary>
    public static ErrorFacts FromGenerated(SocketCallError error) => new(
        SocketCallErrors.GetName(error),
        $"{nameof(SocketCallError)}.{error}",
        $"{nameof(SocketCallException)}.{error}",
        SocketCallErrors.GetSummary(error),
        SocketCallErrors.GetAction(error),
        SocketCallErrors.TryGetSocketError(error, out var socketError) ? socketError.ToString() : null);

    /// <summary>From a loaded catalog's entry.</summary>
    public static ErrorFacts FromCatalog(CatalogModel catalog, ErrorEntry error) => new(
        error.Name,
        $"{catalog.Info.Prefix}Error.{error.Symbol}",
        $"{catalog.Info.Prefix}Exception.{error.Symbol}",
        error.Summary,
        error.Action,
        error.DotNet);

    /// <summary>The SocketError member as printed (<c>SocketError.X</c>), or a note that there is none.</summary>
    public string DotNetText => DotNet is null ? "(no SocketError member)" : $"{nameof(SocketError)}.{DotNet}";
}
