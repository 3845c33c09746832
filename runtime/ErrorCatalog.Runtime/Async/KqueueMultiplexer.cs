using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

/// <summary>
/// kqueue on macOS and FreeBSD: EV_ONESHOT EVFILT_WRITE per pending connect, the token in udata.
/// Compiled everywhere; exercised only where those systems run (this repository's CI is Linux).
/// </summary>
internal sealed unsafe class KqueueMultiplexer : EventMultiplexer
{
    private const int EventCapacity = 256;
    private static readonly bool s_freeBsdLayout = OperatingSystem.IsFreeBSD();
    private readonly int _kqueue;
    private readonly void* _events;

    private KqueueMultiplexer(int kqueue)
    {
        _kqueue = kqueue;
        _events = NativeMemory.Alloc(EventCapacity, (nuint)EventSize);
    }

    private static int EventSize => s_freeBsdLayout ? sizeof(Interop.Kqueue.FreeBsdEvent) : sizeof(Interop.Kqueue.DarwinEvent);

    internal override string WaitCallName => "kevent";

    internal static bool TryOpen([NotNullWhen(true)] out EventMultiplexer? multiplexer, out SystemCallError failure)
    {
        int kqueue = Interop.Kqueue.Create();
        if (kqueue < 0)
        {
            multiplexer = null;
            failure = SystemCallError.Create("kqueue", Marshal.GetLastPInvokeError());
            return false;
        }

        // kqueue() has no close-on-exec flag on macOS; a queue is never inherited across fork(),
        // but the descriptor number would be, so it is marked like every other runtime descriptor.
        var constants = Interop.PlatformConstants.Current!;
        Interop.Sys.Fcntl(kqueue, constants.FSetFd, constants.FdCloexec);
        multiplexer = new KqueueMultiplexer(kqueue);
        failure = default;
        return true;
    }

    internal override bool TryAddWake(int fd, out SystemCallError failure) =>
        TryChange(fd, Interop.Kqueue.FilterRead, Interop.Kqueue.Add, WakeToken, out failure);

    internal override bool TryAddConnect(int fd, long token, out SystemCallError failure) =>
        TryChange(fd, Interop.Kqueue.FilterWrite, Interop.Kqueue.Add | Interop.Kqueue.OneShot, token, out failure);

    internal override void Remove(int fd) => TryChange(fd, Interop.Kqueue.FilterWrite, Interop.Kqueue.Delete, 0, out _);

    internal override int Wait(Span<long> tokens, int timeoutMilliseconds, out int errno)
    {
        var timeout = new Interop.Kqueue.TimeSpec
        {
            Seconds = timeoutMilliseconds / 1000,
            Nanoseconds = (timeoutMilliseconds % 1000) * 1_000_000,
        };
        int count = Interop.Kqueue.Kevent(_kqueue, null, 0, _events, Math.Min(tokens.Length, EventCapacity), timeoutMilliseconds < 0 ? null : &timeout);
        if (count < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return -1;
        }

        errno = 0;
        for (int i = 0; i < count; i++)
        {
            tokens[i] = s_freeBsdLayout
                ? (long)((Interop.Kqueue.FreeBsdEvent*)_events)[i].UserData
                : (long)((Interop.Kqueue.DarwinEvent*)_events)[i].UserData;
        }

        return count;
    }

    public override void Dispose()
    {
        Interop.Sys.Close(_kqueue);
        NativeMemory.Free(_events);
    }

    private bool TryChange(int fd, short filter, ushort flags, long token, out SystemCallError failure)
    {
        int rc;
        if (s_freeBsdLayout)
        {
            var change = new Interop.Kqueue.FreeBsdEvent { Ident = (nuint)fd, Filter = filter, Flags = flags, UserData = (nuint)token };
            rc = Interop.Kqueue.Kevent(_kqueue, &change, 1, null, 0, null);
        }
        else
        {
            var change = new Interop.Kqueue.DarwinEvent { Ident = (nuint)fd, Filter = filter, Flags = flags, UserData = (nuint)token };
            rc = Interop.Kqueue.Kevent(_kqueue, &change, 1, null, 0, null);
        }

        failure = rc < 0 ? SystemCallError.Create("kevent", Marshal.GetLastPInvokeError()) : default;
        return rc >= 0;
    }
}
