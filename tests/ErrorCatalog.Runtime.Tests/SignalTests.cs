using System;
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using ErrorCatalog.Runtime.Tests.TestSupport;
using Xunit;

namespace ErrorCatalog.Runtime.Tests;

/// <summary>
/// Signals land on the connecting thread while connect() waits. A handler installed without
/// SA_RESTART (see native/testhelper.c) makes the kernel fail the blocking call with EINTR; the
/// runtime must still report the connection's true outcome.
/// </summary>
[Collection(SignalCollection.Name)]
public sealed class SignalTests
{
    private static readonly Lazy<bool> s_handlerInstalled = new(() =>
    {
        NativeHelper.InstallInterruptingHandler(TestNative.SIGURG);
        return true;
    });

    [Fact]
    public unsafe void Precondition_a_raw_blocking_connect_really_sees_EINTR()
    {
        _ = s_handlerInstalled.Value;
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        int fd = TestNative.Socket(TestNative.AF_INET, TestNative.SOCK_STREAM | TestNative.SOCK_CLOEXEC, 0);
        Assert.True(fd >= 0);
        try
        {
            byte[] address = new byte[16];
            address[0] = 2;
            address[2] = (byte)(listener.Target.Port >> 8);
            address[3] = (byte)listener.Target.Port;
            address[4] = 127;
            address[7] = 1;
            int errno = RunWhileSignaled(() =>
            {
                fixed (byte* pointer = address)
                {
                    return TestNative.Connect(fd, pointer, 16) == 0 ? 0 : Marshal.GetLastPInvokeError();
                }
            });
            Assert.Equal(LinuxErrno.EINTR, errno);
        }
        finally
        {
            TestNative.Close(fd);
        }
    }

    [Fact]
    public unsafe void Interrupted_unix_stream_connect_is_abandoned_not_continued()
    {
        // POSIX says an interrupted connect goes on asynchronously. Linux AF_UNIX stream sockets
        // drop it instead: poll() reports the socket at once, SO_ERROR is 0, and there is no peer.
        _ = s_handlerInstalled.Value;
        using var directory = new TempDirectory();
        string path = directory.Combine("full.sock");
        using var listener = new FullBacklogUnixListener(path);
        int fd = TestNative.Socket(TestNative.AF_UNIX, TestNative.SOCK_STREAM | TestNative.SOCK_CLOEXEC, 0);
        Assert.True(fd >= 0);
        try
        {
            byte[] address = new byte[2 + Encoding.UTF8.GetByteCount(path) + 1];
            address[0] = (byte)TestNative.AF_UNIX;
            Encoding.UTF8.GetBytes(path, address.AsSpan(2));
            int errno = RunWhileSignaled(() =>
            {
                fixed (byte* pointer = address)
                {
                    return TestNative.Connect(fd, pointer, (uint)address.Length) == 0 ? 0 : Marshal.GetLastPInvokeError();
                }
            });
            Assert.Equal(LinuxErrno.EINTR, errno);
            Assert.Equal(0, TestNative.WaitAndReadSocketError(fd, 0));
            Assert.Equal(LinuxErrno.ENOTCONN, TestNative.PeerNameErrno(fd));
        }
        finally
        {
            TestNative.Close(fd);
        }
    }

    [Fact]
    public void Blocking_tcp_connect_under_signals_reports_the_true_ETIMEDOUT()
    {
        _ = s_handlerInstalled.Value;
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        TestNative.SetIntOption(socket.SafeHandle, TestNative.IPPROTO_TCP, TestNative.TCP_SYNCNT, 1);
        int before = NativeHelper.SignalsDelivered;
        var result = RunWhileSignaled(() => SocketConnector.TryConnect(socket.SafeHandle, listener.Target));
        Assert.True(NativeHelper.SignalsDelivered > before + 5, "the signals did not arrive");
        // Not EINTR, not EALREADY from a blind second connect(): the kernel's own verdict.
        Expect.Failure(result, "ETIMEDOUT", LinuxErrno.ETIMEDOUT);
    }

    [Fact]
    public void Connect_with_a_caller_timeout_under_signals_reports_TimedOutByCaller()
    {
        _ = s_handlerInstalled.Value;
        using var listener = new FullBacklogTcpListener(IPAddress.Loopback);
        int before = NativeHelper.SignalsDelivered;
        var result = RunWhileSignaled(() => SocketConnector.TryConnect(listener.Target, new ConnectOptions { Timeout = TimeSpan.FromMilliseconds(1500) }));
        Assert.True(NativeHelper.SignalsDelivered > before + 5, "the signals did not arrive");
        Assert.Equal(ConnectOutcome.TimedOutByCaller, result.Outcome);
        Assert.False(result.HasNativeError);
    }

    [Fact]
    public void Blocking_unix_connect_under_signals_connects_once_the_queue_has_room()
    {
        _ = s_handlerInstalled.Value;
        using var directory = new TempDirectory();
        using var listener = new FullBacklogUnixListener(directory.Combine("full.sock"));
        int before = NativeHelper.SignalsDelivered;
        using var drainer = new Timer(_ => listener.Listener.Accept().Dispose(), null, 1000, Timeout.Infinite);
        // Linux drops an interrupted AF_UNIX connect instead of finishing it in the background;
        // the runtime notices (SO_ERROR 0 but no peer) and starts a new attempt, which waits
        // until the accept above frees the queue.
        var result = RunWhileSignaled(() => SocketConnector.TryConnect(listener.Target));
        Assert.True(NativeHelper.SignalsDelivered > before + 5, "the signals did not arrive");
        Expect.Connected(result);
        result.Socket!.Dispose();
    }

    /// <summary>Runs <paramref name="work"/> on a new thread and sends it SIGURG every 50 ms until it returns.</summary>
    private static T RunWhileSignaled<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        int tid = 0;
        using var started = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            tid = TestNative.GetTid();
            started.Set();
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        });
        worker.Start();
        started.Wait();
        int pid = TestNative.GetPid();
        while (!worker.Join(50))
        {
            TestNative.TgKill(pid, tid, TestNative.SIGURG);
        }

        failure?.Throw();
        return result;
    }
}

/// <summary>Signal tests replace the process's SIGURG handler, so they run by themselves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SignalCollection
{
    public const string Name = "signals";
}
