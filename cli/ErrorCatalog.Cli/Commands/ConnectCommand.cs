using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using ErrorCatalog.Catalog.Model;
using ErrorCatalog.Cli.Output;
using ErrorCatalog.Connect;
using ErrorCatalog.Runtime;
using CatalogModel = ErrorCatalog.Catalog.Model.Catalog;

namespace ErrorCatalog.Cli.Commands;

/// <summary>
/// <c>errcat connect TARGET [--timeout MS] [--udp]</c>: a real connect() through
/// ErrorCatalog.Runtime, and the outcome explained with the catalog entry of the raw code.
/// </summary>
public static class ConnectCommand
{
    public static Command Create(CliContext context)
    {
        var targetArgument = new Argument<string>("TARGET")
        {
            Description = "HOST:PORT, [IPv6]:PORT, unix:PATH, or unix:@NAME (a Linux abstract name).",
        };
        var timeoutOption = new Option<int?>("--timeout", "-t")
        {
            Description = "Give up after this many milliseconds (errcat's own limit, reported apart from the system's ETIMEDOUT).",
            HelpName = "MS",
        };
        var udpOption = new Option<bool>("--udp")
        {
            Description = "Use a datagram socket (UDP, or a Unix datagram socket) instead of a stream socket.",
        };
        var catalogOption = CliContext.CatalogOption();
        var jsonOption = CliContext.JsonOption();
        var command = new Command("connect", "Connect for real and explain the outcome: the raw code, the platform, what it means and what to do.")
        {
            targetArgument,
            timeoutOption,
            udpOption,
            catalogOption,
            jsonOption,
        };
        command.SetAction(context.Guard(parseResult =>
        {
            var text = parseResult.GetValue(targetArgument) ?? string.Empty;
            var timeout = parseResult.GetValue(timeoutOption);
            if (timeout is < 0)
            {
                throw new CliException(ExitCodes.Usage, $"--timeout must be zero or more milliseconds, not {timeout}");
            }

            var catalog = context.RequireCatalog(parseResult.GetValue(catalogOption));
            var target = ParseTarget(text);
            var options = new ConnectOptions
            {
                SocketType = parseResult.GetValue(udpOption) ? SocketType.Dgram : SocketType.Stream,
                Timeout = timeout is int milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null,
            };

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
                var report = Explain(catalog, target, options, result);
                if (parseResult.GetValue(jsonOption))
                {
                    context.WriteJson(writer => report.WriteJson(writer, catalog));
                }
                else
                {
                    report.WriteText(context.Output, catalog);
                }

                return result.Outcome switch
                {
                    ConnectOutcome.Connected => ExitCodes.Success,
                    // socket() (or the waiter) failed: connect() was never tried here.
                    ConnectOutcome.SystemCallFailed => ExitCodes.ConnectUnavailable,
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

    /// <summary>Reads a target as typed on the command line; anything malformed is a usage error.</summary>
    public static ConnectTarget ParseTarget(string text)
    {
        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            var rest = text.Substring("unix:".Length);
            if (rest.StartsWith('@'))
            {
                var name = rest.Substring(1);
                if (name.Length == 0)
                {
                    throw new CliException(ExitCodes.Usage, "unix:@ needs a name after the @");
                }

                if (!OperatingSystem.IsLinux())
                {
                    throw new CliException(ExitCodes.Usage, "abstract Unix socket names (unix:@NAME) exist only on Linux");
                }

                try
                {
                    return ConnectTarget.UnixAbstract(name);
                }
                catch (ArgumentException exception)
                {
                    throw new CliException(ExitCodes.Usage, exception.Message);
                }
            }

            if (!ConnectTarget.TryCreateUnixPath(rest, out var unixTarget, out var problem))
            {
                throw new CliException(ExitCodes.Usage, $"cannot use '{text}': {problem}");
            }

            return unixTarget;
        }

        string host;
        string portText;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                throw new CliException(ExitCodes.Usage, $"'{text}' is not [IPv6]:PORT, for example [::1]:8080");
            }

            host = text.Substring(1, close - 1);
            portText = text.Substring(close + 2);
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new CliException(ExitCodes.Usage, $"'{host}' is not an IPv6 address");
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon <= 0)
            {
                throw new CliException(ExitCodes.Usage, $"'{text}' is not HOST:PORT, [IPv6]:PORT, unix:PATH or unix:@NAME");
            }

            host = text.Substring(0, colon);
            portText = text.Substring(colon + 1);
            if (host.Contains(':', StringComparison.Ordinal))
            {
                throw new CliException(ExitCodes.Usage, $"write IPv6 addresses in brackets: [{host}]:{portText}");
            }
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new CliException(ExitCodes.Usage, $"'{portText}' is not a port (0 to 65535)");
        }

        // Digits and dots only is an IPv4 address or a typo, never a host name worth resolving.
        if (host.Length > 0 && host.All(c => char.IsAsciiDigit(c) || c == '.') && !IPAddress.TryParse(host, out _))
        {
            throw new CliException(ExitCodes.Usage, $"'{host}' is not an IPv4 address (each of the four parts is 0 to 255)");
        }

        return ConnectTarget.Ip(Resolve(host), port);
    }

    private static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault()
                ?? throw new CliException(ExitCodes.ConnectUnavailable, $"'{host}' has no address");
        }
        catch (SocketException exception)
        {
            throw new CliException(ExitCodes.ConnectUnavailable, $"cannot resolve '{host}': {exception.Message}");
        }
    }

    private static Report Explain(CatalogModel catalog, ConnectTarget target, ConnectOptions options, ConnectResult result)
    {
        var family = catalog.Families.FirstOrDefault(f => f.Native == NativeFamilyName(target.AddressFamily));
        if (result.Outcome == ConnectOutcome.SystemCallFailed)
        {
            var failure = result.SystemCallError;
            return new Report(target, options, result.Outcome, family, null, null, failure.Code, null, failure.Name, failure.Call);
        }

        if (!result.HasNativeError)
        {
            return new Report(target, options, result.Outcome, family, null, null, null, null, null);
        }

        var native = result.NativeError;
        var platformId = ConnectErrors.GetPlatformId(native.Platform);
        var platform = catalog.FindPlatform(platformId);
        var match = catalog.ErrorsWithCode(platformId, native.Code).Select(m => ((ErrorEntry, string)?)(m.Error, m.NativeName)).FirstOrDefault();
        // The name as the platform's headers spell it: WSAECONNREFUSED for Winsock's 10061.
        var nativeName = match is { } found ? platform?.NativeName(found.Item2) ?? found.Item2 : native.Name;
        return new Report(target, options, result.Outcome, family, platformId, platform, native.Code, match?.Item1, nativeName);
    }

    private static string NativeFamilyName(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "AF_INET",
        AddressFamily.InterNetworkV6 => "AF_INET6",
        AddressFamily.Unix => "AF_UNIX",
        _ => family.ToString(),
    };

    /// <summary>Everything errcat says about one attempt, for text and JSON alike.</summary>
    private sealed record Report(
        ConnectTarget Target,
        ConnectOptions Options,
        ConnectOutcome Outcome,
        FamilyDefinition? Family,
        string? PlatformId,
        PlatformDefinition? Platform,
        int? Code,
        ErrorEntry? Error,
        string? NativeName,
        string? FailedCall = null)
    {
        private string Transport => Options.SocketType == SocketType.Dgram ? "datagram" : "stream";

        public void WriteText(TextWriter output, CatalogModel catalog)
        {
            var what = $"connect to {Target} ({Transport} socket{(Family is null ? string.Empty : ", " + Family.Native)})";
            switch (Outcome)
            {
                case ConnectOutcome.Connected:
                    output.Write($"{what}: connected\n");
                    if (Options.SocketType == SocketType.Dgram)
                    {
                        output.Write("A datagram connect() only records the peer and sends nothing, so it succeeds even when nothing listens there.\n");
                    }

                    return;
                case ConnectOutcome.TimedOutByCaller:
                    output.Write($"{what}: no answer within {Options.TimeoutMilliseconds()} ms\n");
                    output.Write("errcat's own --timeout ran out before the system answered; this is not the system's ETIMEDOUT.\n");
                    return;
                case ConnectOutcome.Canceled:
                    output.Write($"{what}: canceled before the system answered\n");
                    return;
                case ConnectOutcome.SystemCallFailed:
                    output.Write(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{what}: not attempted: {FailedCall}() failed with {NativeName ?? "an unknown code"} ({Code})\n"));
                    output.Write($"connect() was never called; the {catalog.Info.Function} catalog does not describe {FailedCall}() errors.\n");
                    return;
                case ConnectOutcome.Aborted:
                    output.Write($"{what}: aborted because the socket was closed while connecting\n");
                    return;
            }

            output.Write($"{what}: {(Outcome == ConnectOutcome.InProgress ? "still in progress" : "failed")} with {NativeName ?? "an unknown code"}\n");
            var facts = new TextTable("FIELD", "VALUE");
            var kind = Platform?.Kind == PlatformKind.Winsock ? "Winsock code" : "errno";
            facts.Add("raw code", string.Create(CultureInfo.InvariantCulture, $"{Code} on {PlatformId} ({kind})"));
            if (Error is null)
            {
                facts.Add("catalog", Platform is null
                    ? $"the catalog has no platform '{PlatformId}'"
                    : string.Create(CultureInfo.InvariantCulture, $"no entry has code {Code} on {PlatformId}; the raw code above is all there is"));
                facts.WriteTo(output, withHeader: false);
                return;
            }

            facts.Add("error", $"{Error.Name} ({catalog.Info.Prefix}Error.{Error.Symbol}, {catalog.Info.Prefix}Exception.{Error.Symbol})");
            facts.Add("meaning", Error.Summary);
            var familyMeaning = Family is null ? null : Error.Families.FirstOrDefault(f => f.Family == Family.Id)?.Meaning;
            if (familyMeaning is not null)
            {
                facts.Add("for " + Family!.Id, familyMeaning);
            }

            facts.Add("what to do", Error.Action);
            var classification = catalog.FindClassification(Error.Classification);
            facts.Add("classification", classification is null ? Error.Classification : $"{classification.Id}: {classification.Title}");
            facts.Add(".NET", Error.DotNet is null ? "(no SocketError member)" : "SocketError." + Error.DotNet);
            facts.Add("more", "errcat show " + Error.Name);
            facts.WriteTo(output, withHeader: false);
        }

        public void WriteJson(System.Text.Json.Utf8JsonWriter writer, CatalogModel catalog)
        {
            writer.WriteStartObject();
            writer.WriteString("target", Target.ToString());
            CatalogJson.WriteOptional(writer, "family", Family?.Id);
            writer.WriteString("socketType", Transport);
            if (Options.Timeout is null)
            {
                writer.WriteNull("timeoutMs");
            }
            else
            {
                writer.WriteNumber("timeoutMs", Options.TimeoutMilliseconds());
            }

            writer.WriteString("outcome", Outcome switch
            {
                ConnectOutcome.Connected => "connected",
                ConnectOutcome.Failed => "failed",
                ConnectOutcome.TimedOutByCaller => "timed-out-by-caller",
                ConnectOutcome.Canceled => "canceled",
                ConnectOutcome.InProgress => "in-progress",
                ConnectOutcome.SystemCallFailed => "system-call-failed",
                ConnectOutcome.Aborted => "aborted",
                _ => "none",
            });
            CatalogJson.WriteOptional(writer, "failedCall", FailedCall);
            CatalogJson.WriteOptional(writer, "platform", PlatformId);
            if (Code is int code)
            {
                writer.WriteNumber("code", code);
            }
            else
            {
                writer.WriteNull("code");
            }

            CatalogJson.WriteOptional(writer, "nativeName", NativeName);
            if (Error is null)
            {
                writer.WriteNull("error");
            }
            else
            {
                writer.WritePropertyName("error");
                CatalogJson.WriteError(writer, catalog, Error);
            }

            writer.WriteEndObject();
        }
    }

    private static long TimeoutMilliseconds(this ConnectOptions options) =>
        options.Timeout is { } span ? (long)Math.Ceiling(span.TotalMilliseconds) : -1;
}
