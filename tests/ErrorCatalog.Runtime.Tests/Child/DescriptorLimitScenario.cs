using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using ErrorCatalog.Runtime.Tests.TestSupport;

namespace ErrorCatalog.Runtime.Tests.Child;

/// <summary>
/// Runs in a child process: lowers RLIMIT_NOFILE until socket() fails, then until only the async
/// waiter's own descriptors are refused, then restores it; prints one line per step
/// (<c>step outcome call errno-name</c>) for the parent test to check.
/// </summary>
internal static class DescriptorLimitScenario
{
    internal const string Name = "descriptor-limit";

    internal static int Run(TextWriter output)
    {
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 64, out var open);
        using var full = new FullBacklogTcpListener(IPAddress.Loopback);
        using var directory = new TempDirectory();
        var missing = ConnectTarget.UnixPath(directory.Combine("missing.sock"));
        var shortWait = new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(100) };

        // Compile and load every path first: with the limit lowered nothing else may need a descriptor.
        Report(output, "warm-up", SocketConnector.TryConnect(missing));
        Report(output, "warm-up", Run(() => SocketConnector.TryConnectAsync(missing).AsTask()));
        output.Flush();

        var original = TestNative.GetDescriptorLimit();
        int lowest = TestNative.LowestFreeDescriptor();

        // socket() has no descriptor number left.
        TestNative.SetDescriptorSoftLimit((nuint)lowest);
        var socketSync = Try(() => SocketConnector.TryConnect(open));
        var socketAsync = Try(() => Run(() => SocketConnector.TryConnectAsync(full.Target, shortWait).AsTask()));

        // socket() gets the last number; the waiter, created on first need, gets none.
        TestNative.SetDescriptorSoftLimit((nuint)lowest + 1);
        var waiter = Try(() => Run(() => SocketConnector.TryConnectAsync(full.Target, shortWait).AsTask()));

        TestNative.SetDescriptorSoftLimit(original.Current);
        Write(output, "socket-sync", socketSync);
        Write(output, "socket-async", socketAsync);
        Write(output, "waiter", waiter);
        Write(output, "recovered-sync", Try(() => Take(SocketConnector.TryConnect(open))));
        Write(output, "recovered-async-pending", Try(() => Run(() => SocketConnector.TryConnectAsync(full.Target, shortWait).AsTask())));
        Write(output, "recovered-async", Try(() => Take(Run(() => SocketConnector.TryConnectAsync(open).AsTask()))));
        output.Flush();
        return 0;
    }

    private static ConnectResult Run(Func<Task<ConnectResult>> connect) => connect().GetAwaiter().GetResult();

    private static ConnectResult Take(ConnectResult result)
    {
        result.Socket?.Dispose();
        return result;
    }

    private static string Try(Func<ConnectResult> step)
    {
        try
        {
            return Describe(step());
        }
        catch (Exception exception)
        {
            return "exception " + exception.GetType().Name;
        }
    }

    private static string Describe(ConnectResult result) => result.Outcome switch
    {
        ConnectOutcome.SystemCallFailed => $"{result.Outcome} {result.SystemCallError.Call} {result.SystemCallError.Name}",
        ConnectOutcome.SocketFailed => $"{result.Outcome} socket {result.SocketNativeError.Name}",
        ConnectOutcome.Failed => $"{result.Outcome} connect {result.NativeError.Name}",
        _ => $"{result.Outcome}",
    };

    private static void Report(TextWriter output, string step, ConnectResult result) => Write(output, step, Describe(result));

    private static void Write(TextWriter output, string step, string text) => output.WriteLine(step + " " + text);
}
