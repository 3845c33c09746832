using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace ErrorCatalog.Runtime.Tests.TestSupport;

/// <summary>
/// Runs code on a new thread of its own and hands back its result or exception. Used where the
/// code changes per-thread kernel state (network namespace, effective uid) that must not leak
/// into the thread pool.
/// </summary>
internal static class DedicatedThread
{
    public static T Run<T>(Func<T> action)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
