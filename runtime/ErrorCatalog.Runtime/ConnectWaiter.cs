using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Waits for pending non-blocking connects on one dedicated background thread, so an async
/// connect holds no thread-pool thread while the system sets the connection up. The thread
/// sleeps in poll() over every pending socket plus the read end of a pipe; registering a socket,
/// a cancellation, or a new deadline writes a byte to the pipe to wake it. This is the shape of
/// .NET's own SocketAsyncEngine (one thread, one multiplexer) reduced to what connect needs,
/// with poll() because it behaves the same on Linux, macOS and FreeBSD.
/// </summary>
internal sealed unsafe class ConnectWaiter
{
    internal enum WaitStatus
    {
        /// <summary>The socket reported an event (writable, error or hang-up): read SO_ERROR next.</summary>
        Ready,
        TimedOut,
        Canceled,
        /// <summary>poll() itself failed; <see cref="WaitResult.Errno"/> holds why.</summary>
        PollFailed,
    }

    internal readonly record struct WaitResult(WaitStatus Status, int Errno);

    private static readonly Lazy<ConnectWaiter> s_instance = new(() => new ConnectWaiter(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lock _gate = new();
    private readonly List<Registration> _pending = new();
    private readonly int _wakeRead;
    private readonly int _wakeWrite;

    private ConnectWaiter()
    {
        var constants = Interop.PlatformConstants.Current!;
        int* fds = stackalloc int[2];
        if (Interop.Sys.Pipe(fds) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new InvalidOperationException($"The connect waiter could not create its wake-up pipe (errno {errno}).");
        }

        _wakeRead = fds[0];
        _wakeWrite = fds[1];
        foreach (int fd in new[] { _wakeRead, _wakeWrite })
        {
            // Close-on-exec so child processes do not inherit the pipe; non-blocking so a full
            // pipe never blocks a waker and draining it never blocks the waiter.
            Interop.Sys.Fcntl(fd, constants.FSetFd, constants.FdCloexec);
            Interop.Sys.Fcntl(fd, constants.FSetFl, Interop.Sys.Fcntl(fd, constants.FGetFl, 0) | constants.ONonblock);
        }

        var thread = new Thread(Run)
        {
            IsBackground = true,
            Name = "ErrorCatalog connect waiter",
        };
        thread.UnsafeStart();
    }

    internal static ConnectWaiter Instance => s_instance.Value;

    /// <summary>Completes when the socket is ready, the deadline (an <see cref="Environment.TickCount64"/> value, -1 for none) passes, or the token fires.</summary>
    internal Task<WaitResult> WaitAsync(SafeHandle socket, long deadline, CancellationToken cancellationToken)
    {
        var registration = new Registration(this, socket, deadline);
        lock (_gate)
        {
            _pending.Add(registration);
        }

        if (cancellationToken.CanBeCanceled)
        {
            registration.CancellationRegistration = cancellationToken.UnsafeRegister(
                static state => ((Registration)state!).Owner.Finish((Registration)state!, new WaitResult(WaitStatus.Canceled, 0)),
                registration);
            if (registration.Completion.Task.IsCompleted)
            {
                // Finished before the registration was stored: Complete disposed nothing.
                registration.CancellationRegistration.Dispose();
            }
        }

        Wake();
        return registration.Completion.Task;
    }

    private void Finish(Registration registration, WaitResult result)
    {
        lock (_gate)
        {
            // Whoever removes the registration completes it: the poll loop, a deadline or a cancellation.
            if (!_pending.Remove(registration))
            {
                return;
            }
        }

        registration.Complete(result);
        Wake();
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
        var pollFds = new Interop.Sys.PollFd[16];
        byte* drain = stackalloc byte[64];
        while (true)
        {
            Registration[] snapshot;
            lock (_gate)
            {
                snapshot = _pending.ToArray();
            }

            if (pollFds.Length < snapshot.Length + 1)
            {
                pollFds = new Interop.Sys.PollFd[Math.Max(snapshot.Length + 1, pollFds.Length * 2)];
            }

            long now = Environment.TickCount64;
            long nearest = long.MaxValue;
            pollFds[0] = new Interop.Sys.PollFd { Fd = _wakeRead, Events = Interop.Sys.PollIn };
            for (int i = 0; i < snapshot.Length; i++)
            {
                pollFds[i + 1] = new Interop.Sys.PollFd { Fd = snapshot[i].Descriptor, Events = Interop.Sys.PollOut };
                if (snapshot[i].Deadline >= 0)
                {
                    nearest = Math.Min(nearest, snapshot[i].Deadline);
                }
            }

            int timeout = nearest == long.MaxValue ? -1 : (int)Math.Clamp(nearest - now, 0, int.MaxValue);
            int ready;
            int errno = 0;
            fixed (Interop.Sys.PollFd* fds = pollFds)
            {
                ready = Interop.Sys.Poll(fds, (nuint)(snapshot.Length + 1), timeout);
                if (ready < 0)
                {
                    errno = Marshal.GetLastPInvokeError();
                }
            }

            if (ready < 0)
            {
                if (errno == constants.EIntr)
                {
                    continue;
                }

                // poll() itself refused (ENOMEM, EINVAL for too many descriptors): report it to
                // every waiter rather than spin.
                foreach (var registration in snapshot)
                {
                    Finish(registration, new WaitResult(WaitStatus.PollFailed, errno));
                }

                continue;
            }

            if (pollFds[0].ReturnedEvents != 0)
            {
                while (Interop.Sys.Read(_wakeRead, drain, 64) > 0)
                {
                }
            }

            now = Environment.TickCount64;
            for (int i = 0; i < snapshot.Length; i++)
            {
                var registration = snapshot[i];
                if (pollFds[i + 1].ReturnedEvents != 0)
                {
                    Finish(registration, new WaitResult(WaitStatus.Ready, 0));
                }
                else if (registration.Deadline >= 0 && now >= registration.Deadline)
                {
                    Finish(registration, new WaitResult(WaitStatus.TimedOut, 0));
                }
            }
        }
    }

    private sealed class Registration
    {
        private readonly SafeHandle _socket;
        private bool _referenced;

        internal Registration(ConnectWaiter owner, SafeHandle socket, long deadline)
        {
            Owner = owner;
            _socket = socket;
            Deadline = deadline;
            // Keeps the descriptor number from being closed and reused while it is polled.
            socket.DangerousAddRef(ref _referenced);
            Descriptor = (int)socket.DangerousGetHandle();
        }

        internal ConnectWaiter Owner { get; }

        internal int Descriptor { get; }

        internal long Deadline { get; }

        internal CancellationTokenRegistration CancellationRegistration { get; set; }

        internal TaskCompletionSource<WaitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal void Complete(WaitResult result)
        {
            CancellationRegistration.Dispose();
            if (_referenced)
            {
                _referenced = false;
                _socket.DangerousRelease();
            }

            Completion.TrySetResult(result);
        }
    }
}
