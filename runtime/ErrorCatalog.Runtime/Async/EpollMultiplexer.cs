using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace ErrorCatalog.Runtime;

/// <summary>epoll on Linux: EPOLLONESHOT write interest per pending connect, the token in epoll_event.data.</summary>
internal sealed unsafe class EpollMultiplexer : EventMultiplexer
{
    private const int EventCapacity = 256;
    private readonly int _epoll;
    private readonly void* _events;

    private EpollMultiplexer(int epoll)
    {
        _epoll = epoll;
        _events = NativeMemory.Alloc(EventCapacity, (nuint)EventSize);
    }

    private static int EventSize => Interop.Epoll.IsPacked ? sizeof(Interop.Epoll.PackedEvent) : sizeof(Interop.Epoll.AlignedEvent);

    internal override string WaitCallName => "epoll_wait";

    internal static bool TryOpen([NotNullWhen(true)] out EventMultiplexer? multiplexer, out SystemCallError failure)
    {
        int epoll = Interop.Epoll.Create(Interop.Epoll.CloseOnExec);
        if (epoll < 0)
        {
            multiplexer = null;
            failure = SystemCallError.Create("epoll_create1", Marshal.GetLastPInvokeError());
            return false;
        }

        multiplexer = new EpollMultiplexer(epoll);
        failure = default;
        return true;
    }

    internal override bool TryAddWake(int fd, out SystemCallError failure) => TryAdd(fd, Interop.Epoll.In, WakeToken, out failure);

    internal override bool TryAddConnect(int fd, long token, out SystemCallError failure) =>
        TryAdd(fd, Interop.Epoll.Out | Interop.Epoll.OneShot, token, out failure);

    internal override void Remove(int fd)
    {
        // Kernels before 2.6.9 wanted a non-null event even for EPOLL_CTL_DEL; passing one costs nothing.
        var ignored = default(Interop.Epoll.AlignedEvent);
        Interop.Epoll.Control(_epoll, Interop.Epoll.ControlDelete, fd, &ignored);
    }

    internal override int Wait(Span<long> tokens, int timeoutMilliseconds, out int errno)
    {
        int count = Interop.Epoll.Wait(_epoll, _events, Math.Min(tokens.Length, EventCapacity), timeoutMilliseconds);
        if (count < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return -1;
        }

        errno = 0;
        for (int i = 0; i < count; i++)
        {
            tokens[i] = Interop.Epoll.IsPacked
                ? (long)((Interop.Epoll.PackedEvent*)_events)[i].Data
                : (long)((Interop.Epoll.AlignedEvent*)_events)[i].Data;
        }

        return count;
    }

    public override void Dispose()
    {
        Interop.Sys.Close(_epoll);
        NativeMemory.Free(_events);
    }

    private bool TryAdd(int fd, uint events, long token, out SystemCallError failure)
    {
        int rc;
        if (Interop.Epoll.IsPacked)
        {
            var request = new Interop.Epoll.PackedEvent { Events = events, Data = (ulong)token };
            rc = Interop.Epoll.Control(_epoll, Interop.Epoll.ControlAdd, fd, &request);
        }
        else
        {
            var request = new Interop.Epoll.AlignedEvent { Events = events, Data = (ulong)token };
            rc = Interop.Epoll.Control(_epoll, Interop.Epoll.ControlAdd, fd, &request);
        }

        failure = rc == 0 ? default : SystemCallError.Create("epoll_ctl", Marshal.GetLastPInvokeError());
        return rc == 0;
    }
}
