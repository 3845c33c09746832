using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Waits for pending non-blocking connects on one background thread, so an async connect holds
/// no thread-pool thread while the system sets the connection up. The shape of .NET's
/// SocketAsyncEngine reduced to connect: each pending connect is one registration in an
/// <see cref="EventMultiplexer"/> (epoll or kqueue) carrying a token, found again through a
/// dictionary, so an event costs O(1) whatever the number pending. Deadlines live in a
/// priority queue; the thread sleeps until the nearest one, and a pipe wakes it when a nearer
/// one arrives. Cancellation and the caller disposing its socket complete the wait on their own
/// thread, without waking the waiter.
/// </summary>
/// <remarks>
/// Exactly one of the event, the deadline, the cancellation or the abort completes a
/// registration: the first to switch its state from pending wins. The winner drops the kernel
/// registration while the waiter still holds a reference on the caller's SafeHandle, and only then
/// releases it, so the waiter never watches a descriptor number the process may have reused.
/// </remarks>
internal sealed unsafe class ConnectWaiter
{
    internal enum WaitStatus
    {
        /// <summary>The socket reported an event (writable, error or hang-up): read SO_ERROR next.</summary>
        Ready,
        TimedOut,
        Canceled,
        /// <summary>The caller disposed the socket (a <see cref="SafeSocketDescriptor"/>) while it waited.</summary>
        Aborted,
        /// <summary>A call of the waiter failed; <see cref="WaitResult.Failure"/> says which and why.</summary>
        CallFailed,
    }

    internal readonly record struct WaitResult(WaitStatus Status, SystemCallError Failure = default);

    private static readonly Lock s_createGate = new();
    private static ConnectWaiter? s_instance;

    private readonly EventMultiplexer _multiplexer;
    private readonly ConcurrentDictionary<long, Registration> _pending = new();
    private readonly Lock _timerGate = new();
    private readonly PriorityQueue<Registration, long> _deadlines = new();
    private readonly int _wakeRead;
    private readonly int _wakeWrite;
    private long _plannedWake = long.MaxValue;
    private long _lastToken = EventMultiplexer.WakeToken;
    private StrongBox<SystemCallError>? _retiredBecause;

    private ConnectWaiter(EventMultiplexer multiplexer, int wakeRead, int wakeWrite)
    {
        _multiplexer = multiplexer;
        _wakeRead = wakeRead;
        _wakeWrite = wakeWrite;
        var thread = new Thread(Run)
        {
            IsBackground = true,
            Name = "ErrorCatalog connect waiter",
        };
        thread.UnsafeStart();
    }

    /// <summary>Registrations waiting now (for tests and benchmarks).</summary>
    internal int PendingCount => _pending.Count;

    /// <summary>
    /// The process-wide waiter, created on first use. A creation failure (EMFILE, ENOMEM...) is
    /// returned to this caller and not remembered: the next call tries again.
    /// </summary>
    internal static bool TryGetInstance([NotNullWhen(true)] out ConnectWaiter? waiter, out SystemCallError failure)
    {
        failure = default;
        waiter = Volatile.Read(ref s_instance);
        if (waiter is not null)
        {
            return true;
        }

        lock (s_createGate)
        {
            waiter = s_instance;
            if (waiter is null && !TryCreate(out waiter, out failure))
            {
                return false;
            }

            Volatile.Write(ref s_instance, waiter);
            return true;
        }
    }

    /// <summary>Completes when the socket is ready, the deadline (a <see cref="Deadline"/> timestamp, -1 for none) passes, the token fires, or the caller disposes the socket.</summary>
    /// <param name="socket">The connecting socket.</param>
    /// <param name="deadline">When to give up, or <see cref="Deadline.None"/>.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="closedAfterwardsUnlessHandedOver">
    /// True for a socket the runtime created and nobody else has a copy of. The kernel drops an
    /// epoll or kqueue registration when the last descriptor of its file is closed, and a fired
    /// one-shot registration never reports again, so such a socket skips the removal call.
    /// </param>
    internal Task<WaitResult> WaitAsync(SafeHandle socket, long deadline, CancellationToken cancellationToken, bool closedAfterwardsUnlessHandedOver = false)
    {
        var registration = new Registration(this, socket, Interlocked.Increment(ref _lastToken), deadline)
        {
            NeedsRemoval = !closedAfterwardsUnlessHandedOver,
        };
        // In the table before the kernel knows it: an event may arrive at once.
        _pending[registration.Token] = registration;
        // Marked before the call: once added, the event may finish the registration on the
        // waiter thread at once, and that thread must then remove it from the kernel.
        registration.IsRegistered = true;
        if (!_multiplexer.TryAddConnect(registration.Descriptor, registration.Token, out var failure))
        {
            // Nothing else can finish it yet: no event, no deadline queued, no cancellation hooked.
            registration.IsRegistered = false;
            TryFinish(registration, new WaitResult(WaitStatus.CallFailed, failure));
            return registration.Completion.Task;
        }

        // Retire() sets the reason first and then finishes everything in the table; a
        // registration it did not see finds the reason here.
        if (Volatile.Read(ref _retiredBecause) is { } reason)
        {
            TryFinish(registration, new WaitResult(WaitStatus.CallFailed, reason.Value));
            return registration.Completion.Task;
        }

        if (deadline >= 0)
        {
            bool nearer;
            lock (_timerGate)
            {
                _deadlines.Enqueue(registration, deadline);
                nearer = deadline < _plannedWake;
                if (nearer)
                {
                    _plannedWake = deadline;
                }
            }

            if (nearer)
            {
                Wake();
            }
        }

        if (cancellationToken.CanBeCanceled)
        {
            registration.Cancellation = cancellationToken.UnsafeRegister(
                static state => ((Registration)state!).Finish(new WaitResult(WaitStatus.Canceled)),
                registration);
            if (registration.IsFinished)
            {
                // Finished before the registration was stored, so TryFinish had nothing to drop.
                registration.Cancellation.Unregister();
            }
        }

        if (socket is SafeSocketDescriptor owned)
        {
            owned.AttachPendingWait(registration);
        }

        return registration.Completion.Task;
    }

    private static bool TryCreate([NotNullWhen(true)] out ConnectWaiter? waiter, out SystemCallError failure)
    {
        waiter = null;
        if (!EventMultiplexer.TryCreate(out var multiplexer, out failure))
        {
            return false;
        }

        var constants = Interop.PlatformConstants.Current!;
        int* fds = stackalloc int[2];
        if (Interop.Sys.Pipe(fds) != 0)
        {
            failure = SystemCallError.Create("pipe", Marshal.GetLastPInvokeError());
            multiplexer.Dispose();
            return false;
        }

        for (int i = 0; i < 2; i++)
        {
            // Close-on-exec so child processes do not inherit the pipe; non-blocking so a full
            // pipe never blocks a waker and draining it never blocks the waiter.
            Interop.Sys.Fcntl(fds[i], constants.FSetFd, constants.FdCloexec);
            Interop.Sys.Fcntl(fds[i], constants.FSetFl, Interop.Sys.Fcntl(fds[i], constants.FGetFl, 0) | constants.ONonblock);
        }

        if (!multiplexer.TryAddWake(fds[0], out failure))
        {
            Interop.Sys.Close(fds[0]);
            Interop.Sys.Close(fds[1]);
            multiplexer.Dispose();
            return false;
        }

        waiter = new ConnectWaiter(multiplexer, fds[0], fds[1]);
        return true;
    }

    private bool TryFinish(Registration registration, WaitResult result)
    {
        if (!registration.TryClaim())
        {
            return false;
        }

        _pending.TryRemove(registration.Token, out _);
        // A registration that did not fire is still armed and must go, whoever owns the socket.
        if (registration.IsRegistered && (registration.NeedsRemoval || result.Status != WaitStatus.Ready))
        {
            _multiplexer.Remove(registration.Descriptor);
        }

        registration.Cancellation.Unregister();
        (registration.Socket as SafeSocketDescriptor)?.DetachPendingWait(registration);
        registration.ReleaseSocket();
        registration.Completion.TrySetResult(result);
        return true;
    }

    private void Wake()
    {
        byte signal = 1;
        // EAGAIN means the pipe is full, so the waiter is already due to wake: nothing is lost.
        Interop.Sys.Write(_wakeWrite, &signal, 1);
    }

    private void Run()
    {
        var constants = Interop.PlatformConstants.Current!;
        var tokens = new long[256];
        byte* drain = stackalloc byte[64];
        var expired = new List<Registration>();
        while (true)
        {
            int timeout;
            lock (_timerGate)
            {
                DropFinishedDeadlinesIfMostlyStale();
                _plannedWake = _deadlines.TryPeek(out _, out long next) ? next : long.MaxValue;
                timeout = _plannedWake == long.MaxValue ? -1 : Deadline.MillisecondsUntil(_plannedWake);
            }

            int count = _multiplexer.Wait(tokens, timeout, out int errno);
            if (count < 0)
            {
                if (errno == constants.EIntr)
                {
                    continue;
                }

                // The multiplexer itself is broken (EBADF, EINVAL, EFAULT): report it to every
                // waiter and retire, so the next async connect builds a new waiter.
                Retire(new WaitResult(WaitStatus.CallFailed, SystemCallError.Create(_multiplexer.WaitCallName, errno)));
                return;
            }

            for (int i = 0; i < count; i++)
            {
                if (tokens[i] == EventMultiplexer.WakeToken)
                {
                    while (Interop.Sys.Read(_wakeRead, drain, 64) > 0)
                    {
                    }
                }
                else if (_pending.TryGetValue(tokens[i], out var registration))
                {
                    TryFinish(registration, new WaitResult(WaitStatus.Ready));
                }
            }

            lock (_timerGate)
            {
                while (_deadlines.TryPeek(out var registration, out long due) && Deadline.HasPassed(due))
                {
                    _deadlines.Dequeue();
                    expired.Add(registration);
                }
            }

            foreach (var registration in expired)
            {
                TryFinish(registration, new WaitResult(WaitStatus.TimedOut));
            }

            expired.Clear();
        }
    }

    /// <summary>
    /// Registrations finished by their event or a cancellation stay in the deadline queue until
    /// their deadline comes up. When they outnumber the live ones the queue is rebuilt, so its
    /// memory follows the number of pending connects rather than the number ever made.
    /// </summary>
    private void DropFinishedDeadlinesIfMostlyStale()
    {
        if (_deadlines.Count < 64 || _deadlines.Count < 2 * _pending.Count)
        {
            return;
        }

        var live = new List<(Registration, long)>(_pending.Count);
        foreach (var (registration, due) in _deadlines.UnorderedItems)
        {
            if (!registration.IsFinished)
            {
                live.Add((registration, due));
            }
        }

        _deadlines.Clear();
        _deadlines.EnqueueRange(live);
    }

    /// <remarks>
    /// The pipe and the multiplexer stay open: another thread may still be about to write to the
    /// pipe or register with this instance, and a closed number could by then belong to some
    /// other file. They are three descriptors, kept once, in a case that should never happen.
    /// </remarks>
    private void Retire(WaitResult result)
    {
        Interlocked.Exchange(ref _retiredBecause, new StrongBox<SystemCallError>(result.Failure));
        lock (s_createGate)
        {
            if (s_instance == this)
            {
                Volatile.Write(ref s_instance, null);
            }
        }

        foreach (var registration in _pending.Values)
        {
            TryFinish(registration, result);
        }
    }

    internal sealed class Registration
    {
        private readonly ConnectWaiter _owner;
        private bool _referenced;
        private bool _registered;
        private int _state;

        internal Registration(ConnectWaiter owner, SafeHandle socket, long token, long deadline)
        {
            _owner = owner;
            Socket = socket;
            Token = token;
            Deadline = deadline;
            // Keeps the descriptor open, so its number cannot be reused, while the waiter watches it.
            socket.DangerousAddRef(ref _referenced);
            Descriptor = (int)socket.DangerousGetHandle();
        }

        internal SafeHandle Socket { get; }

        internal long Token { get; }

        internal int Descriptor { get; }

        internal long Deadline { get; }

        internal bool NeedsRemoval { get; init; }

        internal bool IsRegistered
        {
            get => Volatile.Read(ref _registered);
            set => Volatile.Write(ref _registered, value);
        }

        internal bool IsFinished => Volatile.Read(ref _state) != 0;

        internal CancellationTokenRegistration Cancellation { get; set; }

        internal TaskCompletionSource<WaitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal bool Finish(WaitResult result) => _owner.TryFinish(this, result);

        internal bool TryClaim() => Interlocked.CompareExchange(ref _state, 1, 0) == 0;

        internal void ReleaseSocket()
        {
            if (_referenced)
            {
                _referenced = false;
                Socket.DangerousRelease();
            }
        }
    }
}
