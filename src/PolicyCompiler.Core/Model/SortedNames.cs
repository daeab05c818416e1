using PolicyCompiler.Collections;

namespace PolicyCompiler.Model;

/// <summary>Look-ups in the model's name lists, which the binder keeps sorted in ordinal order.</summary>
public static class SortedNames
{
    /// <summary>Whether a sorted list holds <paramref name="value"/>, by binary search.</summary>
    public static bool Contains(EquatableArray<string> sorted, string? value)
    {
        if (value is null) return false;
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >> 1;
            var order = string.CompareOrdinal(sorted[mid], value);
            if (order == 0) return true;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return false;
    }

    /// <summary>The first value two sorted lists share, or null.</summary>
    public static string? FirstShared(EquatableArray<string> a, EquatableArray<string> b)
    {
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var order = string.CompareOrdinal(a[i], b[j]);
            if (order == 0) return a[i];
            if (order < 0) i++;
            else j++;
        }
        return null;
    }
}
