using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using ErrorCatalog.Runtime.Tests.Child;
using ErrorCatalog.Runtime.Tests.TestSupport;
using ErrorCatalog.SocketCall;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// A refused socket() is its own outcome, <see cref="ConnectOutcome.SocketFailed"/>, typed with the
/// socket() catalog (catalog/socket.yaml): the raw code, its platform and the
/// <see cref="SocketCallError"/> entry, thrown as the matching <see cref="SocketCallException"/>.
/// In the descriptor-counting collection: the child process lowers its own descriptor limit.
/// </summary>
[Collection(ResourceCollection.Name)]
public sealed class SocketFailureTests
{
    /// <summary>A sockaddr whose family field (little-endian, first two bytes) is <paramref name="family"/>.</summary>
    private static ConnectTarget FamilyOnly(byte family) =>
        ConnectTarget.FromNativeAddress(new byte[] { family, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });

    [Fact]
    public async Task No_descriptor_left_is_EMFILE_from_socket_in_both_APIs_and_the_next_call_recovers()
    {
        var lines = await ChildProcess.RunScenarioAsync(SocketLimitScenario.Name);
        string Step(string name) => lines.Single(line => line.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

        Assert.Equal("SocketFailed EMFILE 24 Linux TooManyOpenFiles connect-entry:none", Step("sync"));
        Assert.Equal("SocketFailed EMFILE 24 Linux TooManyOpenFiles connect-entry:none", Step("async"));
        Assert.Equal(
            $"{typeof(SocketCallException.TooManyOpenFiles).FullName} TooManyOpenFiles 24 {SocketError.TooManyOpenSockets}",
            Step("thrown"));
        Assert.Equal("Connected", Step("recovered"));
    }

    [Fact]
    public async Task An_unknown_family_is_EAFNOSUPPORT_from_socket()
    {
        // Family 255 is above AF_MAX, so socket() refuses it before any module is looked for.
        var target = FamilyOnly(255);
        foreach (var result in new[] { SocketConnector.TryConnect(target), await SocketConnector.TryConnectAsync(target) })
        {
            Assert.True(result.Outcome == ConnectOutcome.SocketFailed, $"expected SocketFailed, got {result}");
            Assert.Equal(LinuxErrno.EAFNOSUPPORT, result.SocketNativeError.Code);
            Assert.Equal(SocketCallPlatform.Linux, result.SocketNativeError.Platform);
            Assert.Equal(SocketCallError.AddressFamilyNotSupported, result.SocketNativeError.Error);
            Assert.Equal("EAFNOSUPPORT", result.SocketNativeError.Name);
            Assert.False(result.HasNativeError);
            Assert.Null(result.Error);
            Assert.Null(result.Socket);
            Assert.Throws<InvalidOperationException>(() => result.NativeError);
            Assert.Throws<InvalidOperationException>(() => result.SystemCallError);
            Assert.Contains("socket()", result.Message);
            Assert.Contains(SocketCallErrors.GetSummary(SocketCallError.AddressFamilyNotSupported), result.ToString());
            var exception = Assert.IsType<SocketCallException.AddressFamilyNotSupported>(result.ToException());
            Assert.IsAssignableFrom<SocketCallException.NotSupported>(exception);
            Assert.Equal(SocketError.AddressFamilyNotSupported, exception.SocketErrorCode);
        }

        var thrown = Assert.Throws<SocketCallException.AddressFamilyNotSupported>(() => SocketConnector.Connect(target));
        Assert.Equal(LinuxErrno.EAFNOSUPPORT, thrown.Code);
        await Assert.ThrowsAsync<SocketCallException.AddressFamilyNotSupported>(() => SocketConnector.ConnectAsync(target).AsTask());
    }

    [Fact]
    public void A_packet_socket_is_refused_by_socket_for_lack_of_CAP_NET_RAW_or_for_its_stream_type()
    {
        // AF_PACKET (17) checks the capability first (EPERM without CAP_NET_RAW), then the type: it
        // has no SOCK_STREAM, which a stream connect asks for (ESOCKTNOSUPPORT).
        var result = SocketConnector.TryConnect(FamilyOnly(17));
        Assert.True(result.Outcome == ConnectOutcome.SocketFailed, $"expected SocketFailed, got {result}");
        var expected = Privileges.IsRoot ? SocketCallError.SocketTypeNotSupported : SocketCallError.NotPermitted;
        Assert.Equal(expected, result.SocketNativeError.Error);
        Assert.Equal(SocketCallErrors.GetCode(expected, SocketCallPlatform.Linux), result.SocketNativeError.Code);
        Assert.IsAssignableFrom<SocketCallException>(result.ToException());
    }

    [Theory]
    // Codes the public API cannot provoke (it always asks for protocol 0 and a stream or datagram
    // socket), so the internal step from errno to result is tested directly.
    [InlineData(93, SocketCallError.ProtocolNotSupported, typeof(SocketCallException.ProtocolNotSupported), SocketError.ProtocolNotSupported)]
    [InlineData(94, SocketCallError.SocketTypeNotSupported, typeof(SocketCallException.SocketTypeNotSupported), SocketError.SocketNotSupported)]
    [InlineData(23, SocketCallError.SystemFileTableFull, typeof(SocketCallException.SystemFileTableFull), SocketError.TooManyOpenSockets)]
    [InlineData(12, SocketCallError.OutOfMemory, typeof(SocketCallException.OutOfMemory), SocketError.SocketError)]
    [InlineData(13, SocketCallError.AccessDenied, typeof(SocketCallException.AccessDenied), SocketError.AccessDenied)]
    public void A_socket_errno_maps_to_its_entry_and_exception(int errno, SocketCallError entry, Type exceptionType, SocketError socketError)
    {
        var target = ConnectTarget.Ip(IPAddress.Loopback, 9);
        var result = ConnectResult.SocketFailed(target, SystemCallError.SocketCallFailure(errno));
        Assert.Equal(ConnectOutcome.SocketFailed, result.Outcome);
        Assert.Equal(entry, result.SocketNativeError.Error);
        Assert.Equal(SocketCallPlatform.Linux, result.SocketNativeError.Platform);
        var exception = Assert.IsAssignableFrom<SocketCallException>(result.ToException());
        Assert.IsType(exceptionType, exception);
        Assert.Equal(socketError, exception.SocketErrorCode);
        Assert.Equal(target.EndPoint, exception.EndPoint);
        Assert.Throws(exceptionType, () => result.ThrowIfFailed());
        Assert.Throws(exceptionType, () => result.GetSocketOrThrow());
    }

    [Fact]
    public void A_code_the_socket_catalog_does_not_list_still_fails_typed_without_an_entry()
    {
        var result = ConnectResult.SocketFailed(ConnectTarget.Ip(IPAddress.Loopback, 9), SystemCallError.SocketCallFailure(4095));
        Assert.Null(result.SocketNativeError.Error);
        Assert.Contains("does not list", result.Message);
        var exception = Assert.IsAssignableFrom<SocketCallException>(result.ToException());
        Assert.Equal(4095, exception.Code);
    }

    [Fact]
    public void Outcomes_other_than_SocketFailed_carry_no_socket_code()
    {
        ConnectResult none = default;
        Assert.Throws<InvalidOperationException>(() => none.SocketNativeError);

        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 4, out var open);
        var connected = SocketConnector.TryConnect(open);
        connected.Socket?.Dispose();
        Assert.Equal(ConnectOutcome.Connected, connected.Outcome);
        Assert.Throws<InvalidOperationException>(() => connected.SocketNativeError);

        using var reserved = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var closed);
        var refused = SocketConnector.TryConnect(closed);
        Assert.Equal(ConnectOutcome.Failed, refused.Outcome);
        Assert.Throws<InvalidOperationException>(() => refused.SocketNativeError);
        Assert.IsNotAssignableFrom<SocketCallException>(refused.ToException());
    }

    [Fact]
    public void Every_platform_of_the_connect_catalog_has_its_socket_catalog_counterpart()
    {
        foreach (var platform in Enum.GetValues<ErrorCatalog.Connect.ConnectPlatform>())
        {
            Assert.Equal(
                ErrorCatalog.Connect.ConnectErrors.GetPlatformId(platform),
                SocketCallErrors.GetPlatformId(SystemCallError.SocketCallPlatformOf(platform)));
        }
    }
}
