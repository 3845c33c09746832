using System;
using System.Diagnostics;

namespace ErrorCatalog.Runtime;

/// <summary>
/// Deadlines as <see cref="Stopwatch"/> timestamps (CLOCK_MONOTONIC, nanoseconds on Linux), -1
/// for none. Environment.TickCount64 is not used: on Linux it reads the coarse clock, which can
/// lag by a scheduler tick (4 ms), so a timeout measured with it could end early.
/// </summary>
internal static class Deadline
{
    internal const long None = -1;

    internal static long After(TimeSpan? timeout) => timeout is { } span
        ? Stopwatch.GetTimestamp() + (long)Math.Ceiling(span.Ticks * (double)Stopwatch.Frequency / TimeSpan.TicksPerSecond)
        : None;

    internal static long After(long start, long seconds, long microseconds) =>
        start + (seconds * Stopwatch.Frequency) + (long)Math.Ceiling(microseconds * (double)Stopwatch.Frequency / 1_000_000);

    internal static bool HasPassed(long deadline) => deadline >= 0 && Stopwatch.GetTimestamp() >= deadline;

    /// <summary>Milliseconds for poll()/epoll_wait()/kevent(), rounded up so a wait never ends before the deadline; -1 for none.</summary>
    internal static int MillisecondsUntil(long deadline)
    {
        if (deadline < 0)
        {
            return -1;
        }

        long remaining = deadline - Stopwatch.GetTimestamp();
        if (remaining <= 0)
        {
            return 0;
        }

        double milliseconds = Math.Ceiling(remaining * 1000.0 / Stopwatch.Frequency);
        return milliseconds >= int.MaxValue ? int.MaxValue : (int)milliseconds;
    }
}
