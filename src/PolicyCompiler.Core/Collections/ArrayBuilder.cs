using System;
using System.Collections.Generic;

namespace PolicyCompiler.Collections;

/// <summary>
/// Collects items of unknown number. A <see cref="List{T}"/> doubles its array as it grows, and past about ten
/// thousand references each outgrown array lands on the large-object heap, which is collected only with a full
/// collection: a policy of a hundred thousand statements left a trail of them per list, and the full collections
/// they brought made the compile grow faster than the policy. Here items go into chunks small enough to stay off
/// that heap; a short list ends as one exact array, a long one keeps its chunks (<see cref="EquatableArray{T}"/>).
/// </summary>
internal sealed class ArrayBuilder<T>
{
    private const int ChunkSize = ChunkedItems<T>.ChunkSize;

    private readonly List<T[]> _full = new();
    private T[] _current = new T[16];
    private int _used;

    public int Count => (_full.Count * ChunkSize) + _used;

    public void Add(T item)
    {
        if (_used == _current.Length)
        {
            if (_current.Length < ChunkSize)
            {
                Array.Resize(ref _current, Math.Min(ChunkSize, _current.Length * 2));
            }
            else
            {
                _full.Add(_current);
                _current = new T[ChunkSize];
                _used = 0;
            }
        }
        _current[_used++] = item;
    }

    /// <summary>The items: one exact array within a chunk, else the full chunks and an exact last one.</summary>
    public EquatableArray<T> ToEquatableArray()
    {
        if (Count == 0) return EquatableArray<T>.Empty;
        var rest = new T[_used];
        Array.Copy(_current, rest, _used);
        if (_full.Count == 0) return new EquatableArray<T>(rest);
        // A chunk moves to _full only when the next item comes, so the current one is never empty here.
        var chunks = new T[_full.Count + 1][];
        _full.CopyTo(chunks);
        chunks[_full.Count] = rest;
        return EquatableArray<T>.OfChunks(new ChunkedItems<T>(chunks, Count));
    }
}
