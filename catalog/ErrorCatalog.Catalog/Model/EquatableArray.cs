using System.Collections;

namespace ErrorCatalog.Catalog.Model;

/// <summary>
/// An immutable array compared by its elements, so records that hold one stay value-equatable
/// (which the incremental generator relies on to cache its steps).
/// </summary>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? items;

    /// <summary>Copies <paramref name="items"/> (once: a collection is copied straight into the array).</summary>
    public EquatableArray(IEnumerable<T> items)
    {
        switch (items)
        {
            case null:
                this.items = null;
                break;
            case ICollection<T> { Count: 0 }:
                // Empty is represented by no array at all, as for default.
                this.items = null;
                break;
            case ICollection<T> collection:
                var copy = new T[collection.Count];
                collection.CopyTo(copy, 0);
                this.items = copy;
                break;
            default:
                this.items = new List<T>(items).ToArray();
                break;
        }
    }

    private EquatableArray(T[] items, bool copy) =>
        this.items = items.Length == 0 ? null : copy ? (T[])items.Clone() : items;

    public static EquatableArray<T> Empty => default;

    /// <summary>Wraps <paramref name="items"/> without copying it: the caller hands the array over and never writes to it again.</summary>
    internal static EquatableArray<T> Adopt(T[] items) => new(items, copy: false);

    public int Count => items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => (items ?? Array.Empty<T>())[index];

    public bool Equals(EquatableArray<T> other)
    {
        var left = items ?? Array.Empty<T>();
        var right = other.items ?? Array.Empty<T>();
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            foreach (var item in items ?? Array.Empty<T>())
            {
                hash = (hash * 31) + (item is null ? 0 : item.GetHashCode());
            }

            return hash;
        }
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>A struct enumerator, so that <c>foreach</c> over the array allocates nothing.</summary>
    public ArrayEnumerator<T> GetEnumerator() => new(items ?? Array.Empty<T>());

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();
}

/// <summary>Walks an array in order without allocating: what <c>foreach</c> uses over an <see cref="EquatableArray{T}"/>.</summary>
public struct ArrayEnumerator<T>
{
    private readonly T[] items;
    private int index;

    internal ArrayEnumerator(T[] items)
    {
        this.items = items;
        index = -1;
    }

    public readonly T Current => items[index];

    public bool MoveNext() => ++index < items.Length;
}

/// <summary>Factory helpers for <see cref="EquatableArray{T}"/>.</summary>
public static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => new(items);

    public static EquatableArray<T> Create<T>(params T[] items)
        where T : IEquatable<T> => new(items);
}
