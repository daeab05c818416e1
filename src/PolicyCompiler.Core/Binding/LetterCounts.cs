using System;

namespace PolicyCompiler.Binding;

/// <summary>
/// How often each letter occurs in a word (case-insensitive; other characters share buckets), which bounds
/// the edit distance to another word from below at the cost of one pass over it: an insertion or deletion
/// changes one count by one, a substitution two counts, a transposition none, so half the differing counts
/// is never more than the distance. Most candidates of a suggestion search are refused by this bound.
/// </summary>
internal sealed class LetterCounts
{
    private const int Buckets = 64;

    private readonly int[] _counts;

    private LetterCounts(int[] counts) => _counts = counts;

    public static LetterCounts Of(string word) => new(Count(word));

    /// <summary>A lower bound of the distance between the word counted and <paramref name="other"/>.</summary>
    public int LowerBound(string other)
    {
        var counts = Count(other);
        var difference = 0;
        for (var i = 0; i < Buckets; i++) difference += Math.Abs(counts[i] - _counts[i]);
        return (difference + 1) / 2;
    }

    private static int[] Count(string word)
    {
        var counts = new int[Buckets];
        foreach (var c in word) counts[char.ToLowerInvariant(c) % Buckets]++;
        return counts;
    }
}
