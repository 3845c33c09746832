using System;
using System.IO;
using System.Net;
using ErrorCatalog.Runtime.Tests.TestSupport;
using ErrorCatalog.SocketCall;

namespace ErrorCatalog.Runtime.Tests.Child;

/// <summary>
/// Runs in a child process: lowers RLIMIT_NOFILE to the lowest free descriptor, so socket() finds
/// no number, and prints what each API reports (<c>step text</c>), then restores the limit and
/// checks that a connect works again.
/// </summary>
internal static class SocketLimitScenario
{
    internal const string Name = "socket-limit";

    internal static int Run(TextWriter output)
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 16, out var open);

        // Load every path first: with the limit lowered nothing else may need a descriptor.
        Describe(SocketConnector.TryConnect(open));
        Describe(SocketConnector.TryConnectAsync(open).AsTask().GetAwaiter().GetResult());
        Thrown(() => SocketConnector.Connect(ConnectTarget.FromNativeAddress(new byte[16] { 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })).Dispose());

        var original = TestNative.GetDescriptorLimit();
        TestNative.SetDescriptorSoftLimit((nuint)TestNative.LowestFreeDescriptor());
        string sync = Describe(SocketConnector.TryConnect(open));
        string async = Describe(SocketConnector.TryConnectAsync(open).AsTask().GetAwaiter().GetResult());
        string thrown = Thrown(() => SocketConnector.Connect(open).Dispose());
        TestNative.SetDescriptorSoftLimit(original.Current);

        output.WriteLine("sync " + sync);
        output.WriteLine("async " + async);
        output.WriteLine("thrown " + thrown);
        output.WriteLine("recovered " + Describe(SocketConnector.TryConnect(open)));
        output.Flush();
        return 0;
    }

    /// <summary>Outcome, socket() name, code, platform and catalog entry; the connect() entry must be absent.</summary>
    private static string Describe(ConnectResult result)
    {
        result.Socket?.Dispose();
        if (result.Outcome != ConnectOutcome.SocketFailed)
        {
            return result.Outcome.ToString();
        }

        var native = result.SocketNativeError;
        return $"{result.Outcome} {native.Name} {native.Code} {native.Platform} {native.Error} connect-entry:{result.Error?.ToString() ?? "none"}";
    }

    private static string Thrown(Action connect)
    {
        try
        {
            connect();
            return "nothing";
        }
        catch (SocketCallException exception)
        {
            return $"{exception.GetType().FullName} {exception.Error} {exception.Code} {exception.SocketErrorCode}";
        }
        catch (Exception exception)
        {
            return "other " + exception.GetType().FullName;
        }
    }
}
