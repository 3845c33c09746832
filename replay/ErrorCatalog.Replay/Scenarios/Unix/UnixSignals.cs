using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading;
using ErrorCatalog.Replay.Native;

namespace ErrorCatalog.Replay.Scenarios.Unix;

/// <summary>
/// Signals landing on a thread that waits in connect(). A handler must be native code, and this
/// project compiles no C for the replay: the handler is libc's getpid, which takes an int, has no
/// effect and is async-signal-safe, so a caught signal does nothing but interrupt the wait.
/// SIGURG is used because .NET installs nothing for it and its default action is to ignore it, so
/// a late signal after the old disposition is back is harmless.
/// </summary>
internal static unsafe class UnixSignals
{
    private const int SignalsBeforeRelease = 10;
    private const int MaxSignals = 500;
    private static readonly TimeSpan SignalPeriod = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan EnterConnectLimit = TimeSpan.FromMilliseconds(500);
    private static readonly Lazy<nint> s_harmlessHandler = new(() =>
    {
        nint libc = NativeLibrary.TryLoad("libc.so.6", out var handle) ? handle : NativeLibrary.Load("libc");
        return NativeLibrary.GetExport(libc, "getpid");
    });

    /// <summary>
    /// Catches SIGURG (with or without SA_RESTART) until the run ends, then restores the previous
    /// disposition. The runner replays one scenario at a time, so no two scenarios share the signal.
    /// </summary>
    public static void CatchWith(ScenarioContext context, bool restart)
    {
        var action = new Libc.SigActionStruct
        {
            Handler = s_harmlessHandler.Value,
            Flags = restart ? LinuxConstants.SA_RESTART : 0,
        };
        Libc.SigActionStruct previous;
        context.Check(Libc.SigAction(LinuxConstants.SIGURG, &action, &previous), "sigaction(SIGURG)");
        var saved = previous;
        context.Defer(() =>
        {
            var restore = saved;
            Libc.SigAction(LinuxConstants.SIGURG, &restore, null);
        });
    }

    /// <summary>
    /// Runs <paramref name="observe"/> (a connect()) on a thread of its own and sends that thread SIGURG every
    /// 20 ms, starting once it waits inside connect(), until it returns. After ten signals
    /// <paramref name="release"/> runs once (it frees the listener's queue), so a connect() that
    /// survives the signals can finish, and every driver's run ends.
    /// </summary>
    public static T RunUnderSignals<T>(Func<T> observe, Action release)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        int threadId = 0;
        using var started = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            threadId = Libc.GetTid();
            started.Set();
            try
            {
                result = observe();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = "ErrorCatalog.Replay signalled connect",
        };
        worker.Start();
        started.Wait();
        WaitUntilInsideConnect(threadId);
        int processId = Libc.GetPid();
        int sent = 0;
        while (!worker.Join(SignalPeriod))
        {
            if (sent == MaxSignals)
            {
                throw new ScenarioSetupException($"connect() did not return after {MaxSignals} signals and a freed queue");
            }

            Libc.TgKill(processId, threadId, LinuxConstants.SIGURG);
            if (++sent == SignalsBeforeRelease)
            {
                release();
            }
        }

        failure?.Throw();
        return result;
    }

    /// <summary>
    /// Waits (at most half a second) until the thread sleeps in connect(), as
    /// /proc/self/task/TID/syscall shows, so the first signal finds it there. A driver that never
    /// blocks in connect() on that thread (ConnectAsync) just gets its signals a little later.
    /// </summary>
    private static void WaitUntilInsideConnect(int threadId)
    {
        string path = $"/proc/self/task/{threadId}/syscall";
        string connectNumber = UnixNative.SysConnect.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < EnterConnectLimit)
        {
            try
            {
                if (File.ReadAllText(path).StartsWith(connectNumber, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return;
            }

            Thread.Sleep(5);
        }
    }
}
