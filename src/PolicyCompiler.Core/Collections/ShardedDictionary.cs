using System;
using System.Collections.Generic;

namespace PolicyCompiler.Collections;

/// <summary>
/// A dictionary of a size bounded up front, split by hash into shards of about <see cref="ShardCapacity"/> keys.
/// One table of a legal text's 200,000 paragraph ids is an entry array of 4.8 MB on the large-object heap,
/// made anew by every check, and each such array counts towards the budget that sets off a full collection
/// (see <see cref="ArrayBuilder{T}"/>); shards of about a thousand keys stay off that heap.
/// </summary>
internal sealed class ShardedDictionary<TKey, TValue>
    where TKey : notnull
{
    /// <summary>
    /// Keys per shard on average. A shard that grows resizes past 1,931 keys to 4,049 entries, 97 KB of a reference
    /// key and value; at 1,024 a shard stays below that with room for hashing's skew (500,000 ids: 1,839 to 2,055
    /// per shard of 2,048), and a sized shard's entries are 24 KB.
    /// </summary>
    public const int ShardCapacity = 1_024;

    private readonly IEqualityComparer<TKey> _comparer;
    private readonly Dictionary<TKey, TValue>[] _shards;

    private ShardedDictionary(int capacity, IEqualityComparer<TKey> comparer, bool sized)
    {
        _comparer = comparer ?? throw new ArgumentNullException(nameof(comparer));
        // A power of two, so that a shard is picked by masking the hash.
        var shards = 1;
        while (shards * ShardCapacity < capacity) shards *= 2;
        _shards = new Dictionary<TKey, TValue>[shards];
        var perShard = sized ? (capacity + shards - 1) / shards : 0;
        for (var i = 0; i < shards; i++) _shards[i] = new Dictionary<TKey, TValue>(perShard, comparer);
    }

    /// <summary>A table for <paramref name="count"/> keys, its shards sized for them once.</summary>
    public static ShardedDictionary<TKey, TValue> Sized(int count, IEqualityComparer<TKey> comparer) => new(count, comparer, sized: true);

    /// <summary>
    /// A table for at most <paramref name="count"/> keys, however few come: its shards start empty and grow
    /// (sizing them for a bound the input rarely reaches would make and keep that much for nothing).
    /// </summary>
    public static ShardedDictionary<TKey, TValue> UpTo(int count, IEqualityComparer<TKey> comparer) => new(count, comparer, sized: false);

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var shard in _shards) count += shard.Count;
            return count;
        }
    }

    /// <summary>The keys of the fullest shard: what must stay below the resize that would cross the threshold.</summary>
    public int LargestShard
    {
        get
        {
            var largest = 0;
            foreach (var shard in _shards) largest = Math.Max(largest, shard.Count);
            return largest;
        }
    }

    /// <summary>Adds the key unless it is there already; true when it was added.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        var shard = ShardOf(key);
        if (shard.ContainsKey(key)) return false;
        shard.Add(key, value);
        return true;
    }

    public void Set(TKey key, TValue value) => ShardOf(key)[key] = value;

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (ShardOf(key).TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }
        value = default!;
        return false;
    }

    // Multiplied by 2³²/φ (Fibonacci hashing) and cut to its upper bits, so that the shards fill evenly even
    // when the hashes differ only in a few bits.
    private Dictionary<TKey, TValue> ShardOf(TKey key) =>
        _shards[(int)((uint)_comparer.GetHashCode(key) * 2654435769u >> 16) & (_shards.Length - 1)];
}
