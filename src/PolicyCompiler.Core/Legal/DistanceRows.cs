using System;

namespace PolicyCompiler.Legal;

/// <summary>The two rows of a word edit-distance table, allocated once per search and reused for every run compared.</summary>
internal sealed class DistanceRows
{
    private int[] _previous;
    private int[] _current;

    public DistanceRows(int length)
    {
        _previous = new int[length + 1];
        _current = new int[length + 1];
    }

    /// <summary>
    /// Levenshtein distance between <paramref name="a"/> and <paramref name="text"/>[start..start+length) (word
    /// numbers), or int.MaxValue once it cannot be less than <paramref name="cutoff"/>.
    /// </summary>
    public int Distance(int[] a, int[] text, int start, int length, int cutoff)
    {
        if (_previous.Length < length + 1)
        {
            _previous = new int[length + 1];
            _current = new int[length + 1];
        }
        var previous = _previous;
        var current = _current;
        for (var j = 0; j <= length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= length; j++)
            {
                var cost = a[i - 1] == text[start + j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            // Row minima never shrink: once one reaches the cutoff the distance cannot be below it.
            if (rowMinimum >= cutoff) return int.MaxValue;
            (previous, current) = (current, previous);
        }
        return previous[length];
    }
}
