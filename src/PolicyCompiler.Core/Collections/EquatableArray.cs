using System;
using System.Collections;
using System.Collections.Generic;

namespace PolicyCompiler.Collections;

/// <summary>
/// An immutable array with value equality, so that records holding collections compare by content
/// (the incremental generator caches on that equality).
/// </summary>
/// <remarks>
/// Its items are one array; or, for one item of a class type, the item itself: most lists of a statement (its
/// categories, its citations, the names of a clause) hold one item, and an array of one is 32 bytes more of what
/// a long policy's tree keeps and the collector copies. Or, past <see cref="ChunkedItems{T}.ChunkSize"/> items,
/// chunks of that size: a policy of tens of thousands of statements has member and rule lists whose single array
/// would be over 85,000 bytes, on the large-object heap; each such array counts towards the budget that sets off
/// a full collection, and a full collection in the middle of a compile marks the whole tree built so far.
/// </remarks>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    // Whether one item can stand for the list: a reference that is neither an array nor of a type an array (or
    // the chunks) could also be, so that the kind of _items tells the three forms apart.
    private static readonly bool OneItemStandsAlone =
        !typeof(T).IsValueType && !typeof(T).IsArray && !typeof(T).IsInterface && typeof(T) != typeof(object) && typeof(T) != typeof(Array);

    // A T[], a ChunkedItems<T>, the one item (see OneItemStandsAlone), or null for the empty array.
    private readonly object? _items;

    public EquatableArray(T[] items) =>
        _items = items is { Length: 1 } && OneItemStandsAlone && items[0] is { } only ? only : items;

    public EquatableArray(IEnumerable<T> items) => _items = From(items)._items;

    private EquatableArray(ChunkedItems<T> chunks) => _items = chunks;

    public static EquatableArray<T> Empty => default;

    public int Count => _items switch
    {
        null => 0,
        T[] array => array.Length,
        ChunkedItems<T> chunks => chunks.Count,
        _ => 1,
    };

    public bool IsEmpty => Count == 0;

    public T this[int index] => _items switch
    {
        T[] array => array[index],
        ChunkedItems<T> chunks => chunks[index],
        null => throw new IndexOutOfRangeException(),
        _ => index == 0 ? (T)_items : throw new IndexOutOfRangeException(),
    };

    internal static EquatableArray<T> OfChunks(ChunkedItems<T> chunks) => new(chunks);

    public bool Equals(EquatableArray<T> other)
    {
        var count = Count;
        if (count != other.Count) return false;
        var comparer = EqualityComparer<T>.Default;
        if (_items is T[] left && other._items is T[] right)
        {
            for (var i = 0; i < count; i++)
            {
                if (!comparer.Equals(left[i], right[i])) return false;
            }
            return true;
        }
        for (var i = 0; i < count; i++)
        {
            if (!comparer.Equals(this[i], other[i])) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            foreach (var item in this)
            {
                hash = (hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item));
            }
            return hash;
        }
    }

    /// <summary>The enumerator <c>foreach</c> uses: a struct, so that walking a tree's many small lists allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public override string ToString() => "[" + string.Join(", ", this) + "]";

    private static EquatableArray<T> From(IEnumerable<T> items)
    {
        if (items is null) throw new ArgumentNullException(nameof(items));
        if (items is EquatableArray<T> same) return same;
        if (items is ICollection<T> collection && collection.Count <= ChunkedItems<T>.ChunkSize)
        {
            if (collection.Count == 0) return Empty;
            var array = new T[collection.Count];
            collection.CopyTo(array, 0);
            return new EquatableArray<T>(array);
        }
        var builder = new ArrayBuilder<T>();
        foreach (var item in items) builder.Add(item);
        return builder.ToEquatableArray();
    }

    public struct Enumerator : IEnumerator<T>
    {
        private readonly EquatableArray<T> _array;
        private readonly int _count;
        private int _index;

        internal Enumerator(EquatableArray<T> array)
        {
            _array = array;
            _count = array.Count;
            _index = -1;
        }

        public readonly T Current => _array[_index];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}

/// <summary>The items of a long <see cref="EquatableArray{T}"/>: full chunks of <see cref="ChunkSize"/> and a last one of the rest.</summary>
internal sealed class ChunkedItems<T>
{
    // 8,192 references are 64 KiB: under the large-object threshold (85,000 bytes) for references and for
    // structs of up to 10 bytes (a larger struct's chunks land there, as its single array would have).
    public const int ChunkSize = 8_192;

    private readonly T[][] _chunks;

    public ChunkedItems(T[][] chunks, int count)
    {
        _chunks = chunks;
        Count = count;
    }

    public int Count { get; }

    public T this[int index] => (uint)index < (uint)Count ? _chunks[(uint)index / ChunkSize][(uint)index % ChunkSize] : throw new IndexOutOfRangeException();
}

public static class EquatableArray
{
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items);
}
