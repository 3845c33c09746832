using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace ErrorCatalog.Replay.Environment;

/// <summary>
/// Runs code on a new thread of its own and hands back its result or exception. For per-thread
/// kernel state (network namespace, uid, Landlock domain, signal targets) that must not leak into
/// the thread pool: the thread ends when the code returns, taking that state with it.
/// </summary>
public static class DedicatedThread
{
    public static T Run<T>(Func<T> action)
    {
        TryRun(action, Timeout.InfiniteTimeSpan, out T result);
        return result;
    }

    /// <summary>
    /// Like <see cref="Run{T}"/>, but gives up waiting after <paramref name="limit"/>: a scenario
    /// that hangs is reported as such, and its (background) thread is abandoned.
    /// </summary>
    public static bool TryRun<T>(Func<T> action, TimeSpan limit, out T result)
    {
        ArgumentNullException.ThrowIfNull(action);
        T value = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                value = action();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = "ErrorCatalog.Replay scenario",
        };
        thread.Start();
        if (!thread.Join(limit))
        {
            result = default!;
            return false;
        }

        failure?.Throw();
        result = value;
        return true;
    }
}
