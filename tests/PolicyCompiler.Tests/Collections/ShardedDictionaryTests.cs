using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using Xunit;

namespace PolicyCompiler.Tests.Collections;

/// <summary>
/// A <see cref="ShardedDictionary{TKey, TValue}"/> answers as one dictionary would, and keeps every shard below the
/// size at which its entry array would land on the large-object heap.
/// </summary>
public sealed class ShardedDictionaryTests
{
    public static TheoryData<int> Counts => new() { 0, 1, 1_023, 1_024, 1_025, 100_000 };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Sized_and_growing_tables_find_every_key_and_no_other(int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => "§" + i + "#" + (i % 7)).ToArray();
        foreach (var table in new[] { ShardedDictionary<string, int>.Sized(count, StringComparer.Ordinal), ShardedDictionary<string, int>.UpTo(count, StringComparer.Ordinal) })
        {
            for (var i = 0; i < count; i++) Assert.True(table.TryAdd(keys[i], i));
            Assert.Equal(count, table.Count);
            for (var i = 0; i < count; i++)
            {
                Assert.True(table.TryGetValue(keys[i], out var value));
                Assert.Equal(i, value);
            }
            Assert.False(table.TryGetValue("§" + count + "#x", out _));
        }
    }

    [Fact]
    public void A_key_added_twice_keeps_its_first_value_and_Set_replaces_it()
    {
        var table = ShardedDictionary<string, string>.Sized(10, StringComparer.Ordinal);
        Assert.True(table.TryAdd("5", "first"));
        Assert.False(table.TryAdd("5", "second"));
        Assert.True(table.TryGetValue("5", out var value));
        Assert.Equal("first", value);
        table.Set("5", "third");
        table.Set("6", "new");
        Assert.True(table.TryGetValue("5", out value));
        Assert.Equal("third", value);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void The_comparer_decides_which_keys_are_the_same()
    {
        var table = ShardedDictionary<string, int>.UpTo(5_000, StringComparer.OrdinalIgnoreCase);
        Assert.True(table.TryAdd("Section", 1));
        Assert.False(table.TryAdd("SECTION", 2));
        Assert.True(table.TryGetValue("section", out var value));
        Assert.Equal(1, value);
    }

    [Theory]
    [InlineData(500_000)]
    [InlineData(200_001)]
    public void No_shard_of_a_growing_table_reaches_the_resize_that_would_cross_the_large_object_threshold(int count)
    {
        // A Dictionary that grows resizes at 1,931 keys to 4,049 entries: 97 KB of a reference key and value,
        // over the 85,000-byte threshold. Ids shaped like a long text's (1.1., 1.2., …) fill the shards evenly.
        var table = ShardedDictionary<string, int>.UpTo(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++) table.Set((1 + (i / 1000)) + "." + (1 + (i % 1000)), i);
        Assert.Equal(count, table.Count);
        Assert.InRange(table.LargestShard, 1, 1_930);
    }

    [Fact]
    public void Integer_keys_spread_over_the_shards_too()
    {
        // The excerpt index keys its table by 64-bit word hashes.
        var table = ShardedDictionary<ulong, int>.Sized(300_000, EqualityComparer<ulong>.Default);
        for (var i = 0UL; i < 300_000; i++) table.Set(i * 1099511628211UL, 0);
        Assert.InRange(table.LargestShard, 1, 1_930);
    }
}
