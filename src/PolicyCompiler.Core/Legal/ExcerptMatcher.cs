using System;
using System.Linq;
using PolicyCompiler.Binding;

namespace PolicyCompiler.Legal;

/// <summary>Finds excerpts in normalised paragraph text, and the closest text when an excerpt is not there.</summary>
internal static class ExcerptMatcher
{
    public static bool Occurs(string normalizedExcerpt, Paragraph paragraph) =>
        normalizedExcerpt.Length > 0 && paragraph.Normalized.IndexOf(normalizedExcerpt, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The run of words of <paramref name="paragraph"/> closest to the excerpt (same number of words, least
    /// edit distance), with its distance: what the author most likely meant to quote.
    /// </summary>
    public static (string Text, int Distance) Closest(string normalizedExcerpt, Paragraph paragraph)
    {
        var words = LegalText.Words(paragraph.Normalized).ToArray();
        var count = Math.Max(1, LegalText.Words(normalizedExcerpt).Count());
        if (words.Length <= count) return (paragraph.Normalized, Suggestions.Distance(normalizedExcerpt, paragraph.Normalized));

        var best = string.Empty;
        var bestDistance = int.MaxValue;
        for (var start = 0; start + count <= words.Length; start++)
        {
            var window = string.Join(" ", words, start, count);
            var distance = Suggestions.Distance(normalizedExcerpt, window, bestDistance);
            if (distance < bestDistance)
            {
                best = window;
                bestDistance = distance;
            }
        }
        return (best, bestDistance);
    }
}
