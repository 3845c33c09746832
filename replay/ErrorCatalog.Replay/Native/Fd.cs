using System;
using System.Threading;

namespace ErrorCatalog.Replay.Native;

/// <summary>
/// A file descriptor a scenario owns: closed exactly once, by <see cref="Dispose"/> (the scenario
/// context disposes every descriptor it opened when the scenario ends).
/// </summary>
public sealed class Fd : IDisposable
{
    private int value;

    public Fd(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        this.value = value;
    }

    /// <summary>The descriptor number; throws once closed, so a closed number is never reused by mistake.</summary>
    public int Value => value >= 0 ? value : throw new ObjectDisposedException(nameof(Fd), "The descriptor was already closed.");

    public bool IsClosed => value < 0;

    /// <summary>Gives up ownership (for example to a .NET Socket that closes it) without closing.</summary>
    public int Release() => Interlocked.Exchange(ref value, -1);

    public void Dispose()
    {
        int old = Interlocked.Exchange(ref value, -1);
        if (old >= 0)
        {
            Libc.Close(old);
        }
    }

    public override string ToString() => value >= 0 ? $"fd {value}" : "closed fd";
}
