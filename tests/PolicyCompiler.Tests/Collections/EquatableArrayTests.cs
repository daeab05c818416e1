using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using Xunit;

namespace PolicyCompiler.Tests.Collections;

/// <summary>
/// An <see cref="EquatableArray{T}"/> keeps its items in one of three forms (an array, the one item itself, or
/// chunks past 8,192 items); whichever form a list takes, it holds the same items in order, compares equal to
/// the same list in any other form and hashes alike.
/// </summary>
public sealed class EquatableArrayTests
{
    // Around the forms' edges: empty, one (the item alone), two, one chunk exactly, one past it, several chunks.
    public static TheoryData<int> Counts => new() { 0, 1, 2, 8_191, 8_192, 8_193, 3 * 8_192, (3 * 8_192) + 17 };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Every_form_holds_the_items_in_order_and_equals_the_others(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => "item" + i).ToArray();
        var fromArray = new EquatableArray<string>(items);
        var fromBuilder = Built(items);
        var fromSequence = items.Select(s => s).ToEquatableArray();
        var fromList = new List<string>(items).ToEquatableArray();

        foreach (var list in new[] { fromArray, fromBuilder, fromSequence, fromList })
        {
            Assert.Equal(count, list.Count);
            Assert.Equal(count == 0, list.IsEmpty);
            Assert.Equal(items, list.ToArray());
            Assert.Equal(items, Enumerated(list));
            for (var i = 0; i < count; i += Math.Max(1, count / 50)) Assert.Equal(items[i], list[i]);
            if (count > 0) Assert.Equal(items[count - 1], list[count - 1]);
            Assert.Equal(fromArray, list);
            Assert.Equal(fromArray.GetHashCode(), list.GetHashCode());
        }
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void An_index_outside_the_list_throws_in_every_form(int count)
    {
        var list = Built(Enumerable.Range(0, count).Select(i => "item" + i));
        Assert.ThrowsAny<IndexOutOfRangeException>(() => list[count]);
        Assert.ThrowsAny<IndexOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void Lists_that_differ_in_one_item_or_in_length_are_not_equal_across_forms()
    {
        var many = Enumerable.Range(0, 9_000).Select(i => "item" + i).ToArray();
        var changed = (string[])many.Clone();
        changed[8_500] = "other";
        Assert.NotEqual(Built(many), Built(changed));
        Assert.NotEqual(Built(many), new EquatableArray<string>(many.Take(8_999).ToArray()));
        Assert.NotEqual(new EquatableArray<string>(new[] { "a" }), new EquatableArray<string>(new[] { "b" }));
        Assert.NotEqual(new EquatableArray<string>(new[] { "a" }), new EquatableArray<string>(new[] { "a", "a" }));
    }

    [Fact]
    public void A_single_null_item_is_a_list_of_one_not_the_empty_list()
    {
        var list = new EquatableArray<string?>(new string?[] { null });
        Assert.Null(Assert.Single(list));
        Assert.Null(list[0]);
        Assert.NotEqual(EquatableArray<string?>.Empty, list);
    }

    [Fact]
    public void One_item_that_an_array_could_also_be_stays_one_item()
    {
        // An item that is itself an array of the list's item type (by array covariance) must not be read as the
        // list's array: such items are kept in an array of one, for item types of object, arrays and interfaces.
        var arrayOfArrays = new string[][] { new[] { "x" }, new[] { "y" } };
        Assert.Same(arrayOfArrays, Assert.Single(new EquatableArray<object[]>(new object[][] { arrayOfArrays })));
        Assert.Same(arrayOfArrays, Assert.Single(new EquatableArray<object>(new object[] { arrayOfArrays })));
        Assert.Same(arrayOfArrays, Assert.Single(new EquatableArray<IEnumerable<object>>(new IEnumerable<object>[] { arrayOfArrays })));
        Assert.Equal(7, Assert.Single(new EquatableArray<int>(new[] { 7 })));
    }

    private static EquatableArray<string> Built(IEnumerable<string> items)
    {
        var builder = new ArrayBuilder<string>();
        foreach (var item in items) builder.Add(item);
        return builder.ToEquatableArray();
    }

    private static List<string> Enumerated(EquatableArray<string> list)
    {
        var seen = new List<string>();
        foreach (var item in list) seen.Add(item);
        return seen;
    }
}
