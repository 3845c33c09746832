using System.Net.Sockets;
using ErrorCatalog.Connect;
using ErrorCatalog.Runtime;
using ErrorCatalog.SocketCall;

namespace ErrorCatalog.Cli.Commands.Connect;

/// <summary>
/// <c>errcat connect TARGET [--timeout MS] [--udp]</c>: a real connect() through
/// ErrorCatalog.Runtime, and the outcome explained for the case at hand: the raw code, the error's
/// meaning for the address family, what is particular about the target, and the catalog's scenario
/// for the same situation.
/// </summary>
public static class ConnectCommand
{
    public static Command Create(CliContext context)
    {
        var targetArgument = new Argument<string>("TARGET")
        {
            Description = "HOST:PORT, [IPv6]:PORT, unix:PATH, or unix:@NAME (a Linux abstract name).",
        };
        var timeoutOption = CommonOptions.Valued<int?>("--timeout", "MS", "Give up after this many milliseconds (errcat's own limit, reported apart from the system's ETIMEDOUT).", "-t");
        var udpOption = CommonOptions.Flag("--udp", "Use a datagram socket (UDP, or a Unix datagram socket) instead of a stream socket.");
        var command = new Command("connect", "Connect for real and explain the outcome: the raw code, the platform, what it means here and what to do.") { targetArgument, timeoutOption, udpOption };
        var common = CommonOptions.AddTo(command);
        command.SetAction(context.Guard(parseResult =>
        {
            var timeout = parseResult.GetValue(timeoutOption);
            if (timeout is < 0)
            {
                throw new CliException(ExitCodes.Usage, $"--timeout must be zero or more milliseconds, not {timeout}");
            }

            var target = ConnectTargetParser.Parse(parseResult.GetValue(targetArgument) ?? string.Empty);
            var options = new ConnectOptions
            {
                SocketType = parseResult.GetValue(udpOption) ? SocketType.Dgram : SocketType.Stream,
                Timeout = timeout is int milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null,
            };

            // A catalog file given on the command line is checked first, as for every command; the
            // built-in catalog is read only if the explanation needs more than the generated types.
            var catalogPath = common.CatalogPath(parseResult);
            var given = catalogPath is null ? null : context.RequireCatalog(catalogPath);
            var catalog = new Lazy<CatalogModel>(() => given ?? context.RequireCatalog(null));
            var situation = ConnectCase.Inspect(target);

            ConnectResult result;
            try
            {
                result = SocketConnector.TryConnect(target, options);
            }
            catch (PlatformNotSupportedException exception)
            {
                throw new CliException(ExitCodes.ConnectUnavailable, exception.Message);
            }

            try
            {
                if (target.Kind == ConnectTargetKind.HostName)
                {
                    return WriteHostResult(context, given, catalog, options, result, common.WantsJson(parseResult));
                }

                var report = Explain(context, given, catalog, target, options, situation, result);
                if (common.WantsJson(parseResult))
                {
                    context.WriteJson(report.WriteJson);
                }
                else
                {
                    report.WriteText(context.Output);
                }

                return result.Outcome switch
                {
                    ConnectOutcome.Connected => ExitCodes.Success,
                    // socket() (or the waiter) failed: connect() was never tried here.
                    ConnectOutcome.SystemCallFailed or ConnectOutcome.SocketFailed => ExitCodes.ConnectUnavailable,
                    _ => ExitCodes.ConnectFailed,
                };
            }
            finally
            {
                result.Socket?.Dispose();
            }
        }));
        return command;
    }

    /// <summary>A host-name target: every address tried, each failure explained once (Output/AttemptText.cs); a name that does not resolve exits 6.</summary>
    private static int WriteHostResult(CliContext context, CatalogModel? given, Lazy<CatalogModel> catalog, ConnectOptions options, ConnectResult result, bool json)
    {
        var attempts = result.Attempts
            .Select(attempt =>
            {
                var attemptTarget = ConnectTarget.FromEndPoint(attempt.EndPoint);
                return (attempt, Explain(context, given, catalog, attemptTarget, options, ConnectCase.Inspect(attemptTarget), attempt.Result));
            })
            .ToList();
        if (json)
        {
            context.WriteJson(writer => AttemptText.WriteJson(writer, result, attempts, static (report, w) => report.WriteJson(w)));
        }
        else
        {
            AttemptText.WriteText(context.Output, result, attempts, static (report, w) => report.WriteText(w));
        }

        return result.Outcome switch
        {
            ConnectOutcome.Connected => ExitCodes.Success,
            ConnectOutcome.HostNotResolved => ExitCodes.ConnectUnavailable,
            _ => ExitCodes.ConnectFailed,
        };
    }

    private static ConnectReport Explain(CliContext context, CatalogModel? given, Lazy<CatalogModel> catalog, ConnectTarget target, ConnectOptions options, ConnectCase situation, ConnectResult result)
    {
        var report = new ConnectReport(target, options, result.Outcome, situation, catalog);
        if (result.Outcome == ConnectOutcome.SystemCallFailed)
        {
            var failure = result.SystemCallError;
            return report with { Code = failure.Code, NativeName = failure.Name, FailedCall = failure.Call };
        }

        if (result.Outcome == ConnectOutcome.SocketFailed)
        {
            // socket() errors are explained from the socket() catalog: a --catalog file that is
            // one, or else the built-in catalog whose generated types the runtime used.
            var socketGiven = IsSocketCatalog(given) ? given : null;
            var socketCatalog = new Lazy<CatalogModel>(() => socketGiven ?? context.RequireCatalogs(null).FirstOrDefault(IsSocketCatalog)
                ?? throw new CliException(ExitCodes.InvalidCatalog, "no built-in catalog describes socket() errors"));
            return Identify(report with { Catalog = socketCatalog, FailedCall = "socket" }, socketGiven, RawCode.Of(result.SocketNativeError));
        }

        return result.HasNativeError ? Identify(report, given, RawCode.Of(result.NativeError)) : report;
    }

    /// <summary>Whether <paramref name="catalog"/> is the socket() catalog: its generated code is the namespace of the runtime's socket() types.</summary>
    private static bool IsSocketCatalog(CatalogModel? catalog) => catalog?.Info.Namespace == typeof(SocketCallError).Namespace;

    /// <summary>The raw code and the entry it names: from the generated types, or from <paramref name="given"/> (a --catalog file) when there is one.</summary>
    private static ConnectReport Identify(ConnectReport report, CatalogModel? given, RawCode raw)
    {
        report = report with { PlatformId = raw.PlatformId, Code = raw.Code, NativeName = raw.Name };
        if (given is null)
        {
            return report with { Winsock = raw.Winsock, Facts = raw.Generated };
        }

        var match = given.ErrorsWithCode(raw.PlatformId, raw.Code).FirstOrDefault();
        return report with
        {
            Winsock = given.FindPlatform(raw.PlatformId)?.Kind == Catalog.Model.PlatformKind.Winsock,
            NativeName = raw.Name ?? match.NativeName,
            Facts = match.Error is null ? null : ErrorFacts.FromCatalog(given, match.Error),
        };
    }

    /// <summary>A raw code as the runtime typed it (connect() or socket() catalog), with the generated facts of its entry.</summary>
    private sealed record RawCode(string PlatformId, int Code, string? Name, bool Winsock, ErrorFacts? Generated)
    {
        public static RawCode Of(ConnectNativeError native) => new(
            ConnectErrors.GetPlatformId(native.Platform), native.Code, native.Name, native.Platform == ConnectPlatform.Windows,
            native.Error is ConnectError error ? ErrorFacts.FromGenerated(error) : null);

        public static RawCode Of(SocketCallNativeError native) => new(
            SocketCallErrors.GetPlatformId(native.Platform), native.Code, native.Name, native.Platform == SocketCallPlatform.Windows,
            native.Error is SocketCallError error ? ErrorFacts.FromGenerated(error) : null);
    }
}
