using System;
using System.Diagnostics.CodeAnalysis;

namespace ErrorCatalog.Runtime;

/// <summary>
/// The kernel's readiness interface behind <see cref="ConnectWaiter"/>: epoll on Linux, kqueue on
/// macOS and FreeBSD. One registration per pending connect, carrying a token; a wait returns
/// the tokens of the registrations that fired, so each event costs O(1) however many are pending.
/// </summary>
internal abstract class EventMultiplexer : IDisposable
{
    /// <summary>The token of the waiter's wake-up pipe; connect registrations count from 1.</summary>
    internal const long WakeToken = 0;

    internal static bool TryCreate([NotNullWhen(true)] out EventMultiplexer? multiplexer, out SystemCallError failure)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsAndroid())
        {
            return EpollMultiplexer.TryOpen(out multiplexer, out failure);
        }

        return KqueueMultiplexer.TryOpen(out multiplexer, out failure);
    }

    /// <summary>Level-triggered read interest in the wake-up pipe, reported with <see cref="WakeToken"/>.</summary>
    internal abstract bool TryAddWake(int fd, out SystemCallError failure);

    /// <summary>One-shot write interest (writable, error or hang-up) in a connecting socket.</summary>
    internal abstract bool TryAddConnect(int fd, long token, out SystemCallError failure);

    /// <summary>
    /// Drops the interest in <paramref name="fd"/>. Called while the descriptor is still open
    /// (the waiter holds a reference on its SafeHandle), so the number cannot belong to anything
    /// else yet. Errors are ignored: a one-shot registration that already fired may be gone.
    /// </summary>
    internal abstract void Remove(int fd);

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> (-1: no limit); returns how many tokens were written, or -1 with <paramref name="errno"/>.</summary>
    internal abstract int Wait(Span<long> tokens, int timeoutMilliseconds, out int errno);

    /// <summary>The name of the wait call, for reports.</summary>
    internal abstract string WaitCallName { get; }

    public abstract void Dispose();
}
