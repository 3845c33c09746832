using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Runs an async operation to completion on the calling thread: every continuation that resumes on the captured
/// context is queued here and run by the caller's thread. The synchronous host-name connect uses it so that every
/// socket of every attempt is created on the calling thread, with that thread's kernel state (its network namespace).
/// </summary>
internal sealed class CallingThreadContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly object _gate = new();
    private bool _finished;

    internal static T Run<T>(Func<Task<T>> operation)
    {
        var previous = Current;
        var context = new CallingThreadContext();
        SetSynchronizationContext(context);
        try
        {
            var task = operation();
            task.ContinueWith(static (_, state) => ((CallingThreadContext)state!).Finish(), context, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            context.Pump();
            return task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_gate)
        {
            if (!_finished)
            {
                _queue.Enqueue((d, state));
                Monitor.PulseAll(_gate);
                return;
            }
        }

        // The operation is over and the caller's thread has left: run late work on the pool.
        ThreadPool.UnsafeQueueUserWorkItem(static item => item.Callback(item.State), (Callback: d, State: state), preferLocal: false);
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("The calling-thread context only queues work.");

    public override SynchronizationContext CreateCopy() => this;

    private void Finish()
    {
        lock (_gate)
        {
            _finished = true;
            Monitor.PulseAll(_gate);
        }
    }

    private void Pump()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) item;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_finished)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                item = _queue.Dequeue();
            }

            item.Callback(item.State);
        }
    }
}
