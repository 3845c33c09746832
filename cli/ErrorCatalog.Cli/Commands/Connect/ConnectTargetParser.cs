using System.Net;
using System.Net.Sockets;
using ErrorCatalog.Runtime;

namespace ErrorCatalog.Cli.Commands.Connect;

/// <summary>Reads a connect target as typed on the command line; anything malformed is a usage error.</summary>
public static class ConnectTargetParser
{
    public static ConnectTarget Parse(string text)
    {
        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            return ParseUnix(text);
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

        if (IPAddress.TryParse(host, out var address))
        {
            return ConnectTarget.Ip(address, port);
        }

        // A host name: the runtime resolves it and tries every address (Happy Eyeballs).
        try
        {
            return ConnectTarget.Host(host, port);
        }
        catch (ArgumentException exception)
        {
            throw new CliException(ExitCodes.Usage, exception.Message);
        }
    }

    private static ConnectTarget ParseUnix(string text)
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
}
