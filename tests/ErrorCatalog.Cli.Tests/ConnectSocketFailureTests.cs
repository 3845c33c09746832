using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ErrorCatalog.Catalog.Model;
using Xunit;

namespace ErrorCatalog.Cli.Tests;

/// <summary>
/// errcat connect when socket() itself is refused: the kernel's answer is explained from the
/// socket() catalog (catalog/socket.yaml). The refusal is real: errcat runs inside a cgroup whose
/// BPF socket-creation hook refuses IPv4 and IPv6 sockets (see <see cref="SocketRefusingCgroup"/>),
/// which needs root; CI runs as root and fails here if that cannot be set up.
/// </summary>
public sealed class ConnectSocketFailureTests
{
    private static ErrorEntry Eperm => SocketCatalog.Errors.Single(e => e.Name == "EPERM");

    private static Catalog.Model.Catalog SocketCatalog => CliHarness.BuiltInCatalogs.Single(c => c.Info.Id == "socket");

    [SkippableFact]
    public void A_refused_IPv4_socket_is_explained_from_the_socket_catalog_with_its_scenario()
    {
        using var cgroup = RefusingCgroup();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var run = cgroup.Run("connect", $"127.0.0.1:{port}");

        Assert.True(run.ExitCode == ExitCodes.ConnectUnavailable, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Equal($"connect to 127.0.0.1:{port} (stream socket, AF_INET): not attempted: socket() failed with EPERM", lines[0]);
        Assert.Matches(@"^raw code +1 on linux \(errno\)$", lines[1]);
        Assert.Matches($@"^error +EPERM \(SocketCallError\.{Eperm.Symbol}, SocketCallException\.{Eperm.Symbol}\)$", lines[2]);
        var scenario = SocketCatalog.Scenarios.Single(s => s.Id == "socket-bpf-sock-create-deny-inet");
        Assert.Contains(lines, line => line.StartsWith("scenario", StringComparison.Ordinal) && line.Contains($"{scenario.Id}: {scenario.Setup}", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("what to do", StringComparison.Ordinal) && line.EndsWith(Eperm.Action, StringComparison.Ordinal));
        var classification = SocketCatalog.Classifications.Single(c => c.Id == Eperm.Classification);
        Assert.Contains(lines, line => line.StartsWith("classification", StringComparison.Ordinal) && line.EndsWith($"{classification.Id}: {classification.Title}", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(".NET", StringComparison.Ordinal) && line.EndsWith("SocketError." + Eperm.DotNet, StringComparison.Ordinal));
        Assert.DoesNotContain("does not describe", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [SkippableFact]
    public void A_refused_IPv6_datagram_socket_has_json_with_the_socket_catalog_entry_and_scenario()
    {
        using var cgroup = RefusingCgroup();

        var run = cgroup.Run("connect", "[::1]:9", "--udp", "--json");

        Assert.True(run.ExitCode == ExitCodes.ConnectUnavailable, run.ToString());
        using var json = run.Json();
        var root = json.RootElement;
        Assert.Equal("socket-failed", root.GetProperty("outcome").GetString());
        Assert.Equal("socket", root.GetProperty("failedCall").GetString());
        Assert.Equal("inet6", root.GetProperty("family").GetString());
        Assert.Equal("linux", root.GetProperty("platform").GetString());
        Assert.Equal(1, root.GetProperty("code").GetInt32());
        Assert.Equal("EPERM", root.GetProperty("nativeName").GetString());
        Assert.Equal("socket", root.GetProperty("catalog").GetString());
        var error = root.GetProperty("error");
        Assert.Equal("EPERM", error.GetProperty("name").GetString());
        Assert.Equal(Eperm.Summary, error.GetProperty("summary").GetString());
        Assert.Equal(Eperm.Families.Single(f => f.Family == "inet6").Meaning, error.GetProperty("families").GetProperty("inet6").GetString());
        Assert.Equal("socket-bpf-sock-create-deny-inet6", root.GetProperty("case").GetProperty("scenario").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("case").GetProperty("observation").ValueKind);

        // The catalog's IPv6 scenario asks for a datagram socket, so a stream socket has none.
        var stream = cgroup.Run("connect", "[::1]:9", "--json");
        using var streamJson = stream.Json();
        Assert.Equal("EPERM", streamJson.RootElement.GetProperty("nativeName").GetString());
        Assert.Equal(JsonValueKind.Null, streamJson.RootElement.GetProperty("case").GetProperty("scenario").ValueKind);
    }

    [SkippableFact]
    public void The_same_cgroup_lets_an_AF_UNIX_socket_through_to_connect()
    {
        // The hook covers IPv4 and IPv6 only, so the refusal above is the hook's and not the cgroup's.
        using var cgroup = RefusingCgroup();
        using var directory = new TempDirectory("errcat-cli");

        var run = cgroup.Run("connect", "unix:" + directory.File("nobody.sock"), "--json");

        Assert.True(run.ExitCode == ExitCodes.ConnectFailed, run.ToString());
        using var json = run.Json();
        Assert.Equal("failed", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("ENOENT", json.RootElement.GetProperty("nativeName").GetString());
        Assert.Equal("connect", json.RootElement.GetProperty("catalog").GetString());
    }

    /// <summary>The refusing cgroup; without root a skip (a failure in CI, which runs as root).</summary>
    private static SocketRefusingCgroup RefusingCgroup()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "cgroup BPF hooks are Linux's");
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Environment.UserName != "root")
        {
            if (ci)
            {
                throw new InvalidOperationException("CI=true but the tests do not run as root; root is needed to attach a cgroup BPF program.");
            }

            Skip.If(true, "Needs root to attach a cgroup BPF program that refuses socket() (run as root, as CI does, to include it).");
        }

        return SocketRefusingCgroup.Create();
    }
}
