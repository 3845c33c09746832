using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// Descriptor hygiene and thread independence. Runs alone (no other test opens or closes
/// descriptors meanwhile), because it counts the process's open descriptors.
/// </summary>
[Collection(ResourceCollection.Name)]
public sealed class ResourceTests
{
    [Fact]
    public async Task Ten_thousand_failing_connects_leave_the_descriptor_count_unchanged()
    {
        using var directory = new TempDirectory();
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var refused);
        using var full = new FullBacklogTcpListener(IPAddress.Loopback);
        var missing = ConnectTarget.UnixPath(directory.Combine("missing.sock"));
        var timed = new ConnectOptions { Timeout = TimeSpan.Zero };
        var datagram = new ConnectOptions { SocketType = SocketType.Dgram };
        var broadcast = ConnectTarget.Ip(IPAddress.Parse("127.255.255.255"), 9);

        async Task RunMix(int count)
        {
            for (int i = 0; i < count; i++)
            {
                var result = (i % 10) switch
                {
                    0 => await SocketConnector.TryConnectAsync(refused),
                    1 => SocketConnector.TryConnect(missing),
                    2 => SocketConnector.TryConnect(full.Target, timed),
                    3 => await SocketConnector.TryConnectAsync(full.Target, timed),
                    4 => SocketConnector.TryConnect(broadcast, datagram),
                    5 => CatchThrown(() => SocketConnector.Connect(refused)),
                    _ => SocketConnector.TryConnect(refused),
                };
                Assert.False(result.IsConnected);
                Assert.Null(result.Socket);
            }
        }

        // Warm up first, so one-time descriptors (the waiter's pipe, the runtime's own) are open.
        await RunMix(20);
        var before = OpenDescriptors.Snapshot();
        await RunMix(10_000);
        OpenDescriptors.AssertUnchanged(before);
    }

    [Fact]
    public async Task Many_threads_connecting_at_once_get_their_own_errors()
    {
        using var directory = new TempDirectory();
        using var holder = Endpoints.ReserveClosedTcpPort(IPAddress.Loopback, out var refused);
        string boundPath = directory.Combine("bound.sock");
        using var bound = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        bound.Bind(new UnixDomainSocketEndPoint(boundPath));
        using var listener = Endpoints.TcpListener(IPAddress.Loopback, 1024, out var open);
        using var stop = new CancellationTokenSource();
        var acceptor = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    (await listener.AcceptAsync(stop.Token)).Dispose();
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        var cases = new (ConnectTarget Target, string? Name, int Errno)[]
        {
            (refused, "ECONNREFUSED", LinuxErrno.ECONNREFUSED),
            (ConnectTarget.UnixPath(directory.Combine("missing.sock")), "ENOENT", LinuxErrno.ENOENT),
            (ConnectTarget.UnixPath(boundPath), "ECONNREFUSED", LinuxErrno.ECONNREFUSED),
            (ConnectTarget.UnixPath(Path.Combine(boundPath, "below")), "ENOTDIR", LinuxErrno.ENOTDIR),
            (open, null, 0),
        };
        const int threadCount = 16;
        var failures = new Exception?[threadCount];
        using var go = new ManualResetEventSlim();
        var threads = new Thread[threadCount];
        for (int t = 0; t < threadCount; t++)
        {
            int index = t;
            threads[t] = new Thread(() =>
            {
                go.Wait();
                try
                {
                    for (int i = 0; i < 300; i++)
                    {
                        var (target, name, errno) = cases[(index + i) % cases.Length];
                        var result = SocketConnector.TryConnect(target);
                        if (name is null)
                        {
                            Expect.Connected(result);
                            result.Socket!.Dispose();
                        }
                        else
                        {
                            Expect.Failure(result, name, errno);
                        }
                    }
                }
                catch (Exception exception)
                {
                    failures[index] = exception;
                }
            });
            threads[t].Start();
        }

        go.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        stop.Cancel();
        await acceptor;
        Assert.All(failures, failure => Assert.Null(failure));
    }

    private static ConnectResult CatchThrown(Func<SafeSocketDescriptor> connect)
    {
        try
        {
            connect().Dispose();
            throw new InvalidOperationException("expected the throwing API to throw");
        }
        catch (ErrorCatalog.Connect.ConnectException exception)
        {
            Assert.Equal(LinuxErrno.ECONNREFUSED, exception.Code);
            return default;
        }
    }

}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ResourceCollection
{
    public const string Name = "descriptor counting";
}
