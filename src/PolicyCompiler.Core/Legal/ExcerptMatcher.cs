using System;

namespace PolicyCompiler.Legal;

/// <summary>The run of words of a paragraph closest to an excerpt, and its word edit distance to it.</summary>
internal sealed record ClosestText(string Text, int Distance);

/// <summary>Finds excerpts in normalised paragraph text, and the closest text when an excerpt is not there.</summary>
internal static class ExcerptMatcher
{
    public static bool Occurs(string normalizedExcerpt, Paragraph paragraph) =>
        normalizedExcerpt.Length > 0 && paragraph.Normalized.IndexOf(normalizedExcerpt, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The run of words of a paragraph closest to the excerpt: as many words, least edit distance counted in
    /// words (a mistyped word costs one); of equally close runs the first. Only a run closer than
    /// <paramref name="below"/> is returned. Every run gets a lower bound in one pass (the excerpt's words it
    /// lacks, counted with a sliding window), and runs are compared exactly in the order of their bounds until
    /// no bound can beat the best; each comparison is paid from <paramref name="budget"/>, and a search that
    /// runs out returns the best found so far (null if none).
    /// </summary>
    public static ClosestText? Closest(ExcerptWords excerpt, CitationSuggestions.ParagraphWords paragraph, string normalized, int below, WorkBudget budget)
    {
        var words = paragraph.Written;
        var count = Math.Max(1, excerpt.Count);
        var codes = excerpt.Codes(paragraph.Keys);
        var buffers = new DistanceRows(count);
        if (words.Length <= count)
        {
            var bound = Math.Max(excerpt.Count, words.Length) - excerpt.SharedWords(codes, 0, words.Length);
            if (bound >= below || !budget.TrySpend((long)excerpt.Count * words.Length)) return null;
            var distance = buffers.Distance(excerpt.Own, codes, 0, words.Length, below);
            return distance < below ? new ClosestText(normalized, distance) : null;
        }

        var starts = WindowsByBound(excerpt, codes, count);
        var bestStart = -1;
        var bestDistance = below;
        foreach (var (start, bound) in starts)
        {
            if (bound > bestDistance || (bound == bestDistance && (bestStart < 0 || start > bestStart))) break;
            if (!budget.TrySpend((long)excerpt.Count * count)) break;
            // An earlier run wins a tie, so it may equal the best; a later one must beat it.
            var cutoff = bestStart >= 0 && start < bestStart ? bestDistance + 1 : bestDistance;
            var distance = buffers.Distance(excerpt.Own, codes, start, count, cutoff);
            if (distance < cutoff)
            {
                bestStart = start;
                bestDistance = distance;
            }
        }
        return bestStart < 0 ? null : new ClosestText(string.Join(" ", words, bestStart, count), bestDistance);
    }

    /// <summary>
    /// Every window start with its lower bound (the excerpt's words missing from the window: a word edit
    /// distance of equal lengths is at least that), ordered by bound and then start, by counting sort.
    /// </summary>
    private static (int Start, int Bound)[] WindowsByBound(ExcerptWords excerpt, int[] codes, int count)
    {
        var windows = codes.Length - count + 1;
        var bounds = new int[windows];
        var have = new int[excerpt.Distinct];
        var shared = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] >= 0 && have[codes[i]]++ < excerpt.Needed(codes[i])) shared++;
            if (i >= count)
            {
                var leaving = codes[i - count];
                if (leaving >= 0 && --have[leaving] < excerpt.Needed(leaving)) shared--;
            }
            if (i >= count - 1) bounds[i - count + 1] = Math.Max(excerpt.Count, count) - shared;
        }

        var perBound = new int[count + 2];
        foreach (var bound in bounds) perBound[bound + 1]++;
        for (var b = 1; b < perBound.Length; b++) perBound[b] += perBound[b - 1];
        var ordered = new (int, int)[windows];
        for (var start = 0; start < windows; start++) ordered[perBound[bounds[start]]++] = (start, bounds[start]);
        return ordered;
    }
}
