using System;
using System.Linq;

namespace PolicyCompiler.Legal;

/// <summary>Finds excerpts in normalised paragraph text, and the closest text when an excerpt is not there.</summary>
internal static class ExcerptMatcher
{
    public static bool Occurs(string normalizedExcerpt, Paragraph paragraph) =>
        normalizedExcerpt.Length > 0 && paragraph.Normalized.IndexOf(normalizedExcerpt, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The run of words of <paramref name="paragraph"/> closest to the excerpt: as many words, least edit
    /// distance counted in words (a mistyped word costs one). Words rather than characters keep this at
    /// words × words per window, so a long excerpt against a long paragraph stays fast.
    /// </summary>
    public static (string Text, int Distance) Closest(string normalizedExcerpt, Paragraph paragraph)
    {
        var words = LegalText.Words(paragraph.Normalized).ToArray();
        var excerpt = LegalText.Words(normalizedExcerpt).ToArray();
        var count = Math.Max(1, excerpt.Length);
        if (words.Length <= count) return (paragraph.Normalized, WordDistance(excerpt, words, 0, words.Length, int.MaxValue));

        var bestStart = 0;
        var bestDistance = int.MaxValue;
        for (var start = 0; start + count <= words.Length; start++)
        {
            var distance = WordDistance(excerpt, words, start, count, bestDistance);
            if (distance < bestDistance)
            {
                bestStart = start;
                bestDistance = distance;
                if (distance == 0) break;
            }
        }
        return (string.Join(" ", words, bestStart, count), bestDistance);
    }

    /// <summary>Levenshtein distance over words, giving up (int.MaxValue) once it must exceed <paramref name="cutoff"/>.</summary>
    private static int WordDistance(string[] a, string[] text, int start, int length, int cutoff)
    {
        var previous = new int[length + 1];
        var current = new int[length + 1];
        for (var j = 0; j <= length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= length; j++)
            {
                var cost = string.Equals(a[i - 1], text[start + j - 1], StringComparison.Ordinal) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum >= cutoff) return int.MaxValue;
            (previous, current) = (current, previous);
        }
        return previous[length];
    }
}
