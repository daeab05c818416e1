using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Binding;

/// <summary>
/// "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a likely typo.
/// The search is bounded: a candidate that cannot be close enough (by its length or its letters) costs no
/// distance computation, a distance is computed only in the band of the alignment that can stay under the
/// cutoff, and one search computes at most <see cref="MaxCells"/> cells and looks at most at
/// <see cref="MaxCandidates"/> candidates. Within those bounds the answer is the one of an exhaustive search.
/// </summary>
public static class Suggestions
{
    /// <summary>
    /// The most candidates one search looks at unless told otherwise: real vocabularies have dozens, a policy
    /// at the name limits 4,096 per kind and as many groups, all of which are looked at.
    /// </summary>
    public const int MaxCandidates = 10_000;

    /// <summary>
    /// The most distance-table cells one search computes: about 45 comparisons of two 128-character names in
    /// the widest band. Candidates are compared in the order of their letter bound, so a likely typo comes first.
    /// </summary>
    public const long MaxCells = 500_000;

    public static string? Closest(string word, IEnumerable<string> candidates) => Closest(word, candidates, MaxCandidates);

    /// <summary>
    /// The closest of the first <paramref name="maxCandidates"/> candidates. Each gets a lower bound of its
    /// distance from its length and letters in one pass; distances are then computed in the order of the bounds,
    /// so that a likely typo is met first and its distance narrows the band for the rest, until no bound can
    /// reach the best distance found (which keeps the answer of an exhaustive search) or the cells run out.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates, int maxCandidates)
    {
        if (word is null) throw new ArgumentNullException(nameof(word));
        if (candidates is null) throw new ArgumentNullException(nameof(candidates));

        // A suggestion is at most a third of the word away (see Allowed); nothing further needs an exact distance.
        var limit = Math.Max(1, word.Length / 3);
        var letters = LetterCounts.Of(word);
        var near = new List<(int Bound, string Candidate)>();
        var looked = 0;
        foreach (var candidate in candidates)
        {
            if (++looked > maxCandidates) break;
            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase)) return candidate;
            if (Math.Abs(candidate.Length - word.Length) > limit) continue;
            var bound = Math.Max(Math.Abs(candidate.Length - word.Length), letters.LowerBound(candidate));
            if (bound > limit) continue;
            near.Add((bound, candidate));
        }

        var lowerWord = word.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        var cells = 0L;
        // OrderBy is stable: candidates of one bound keep their order.
        foreach (var (bound, candidate) in near.OrderBy(n => n.Bound))
        {
            if (bound > bestDistance) break;
            var cutoff = Math.Min(limit, bestDistance);
            cells += (long)word.Length * Math.Min(candidate.Length, (2 * cutoff) + 1);
            if (cells > MaxCells) break;
            var distance = LowerCaseDistance(lowerWord, candidate.ToLowerInvariant(), cutoff);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Suggested(word, best, bestDistance);
    }

    private static string? Suggested(string word, string? best, int distance) => best is not null && distance <= Allowed(word, best) ? best : null;

    /// <summary>How far a candidate may be from the word and still be suggested: a third of the shorter, at least one.</summary>
    private static int Allowed(string word, string candidate) => Math.Max(1, Math.Min(word.Length, candidate.Length) / 3);

    /// <summary>
    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive, or
    /// int.MaxValue once it must exceed <paramref name="cutoff"/>. Only cells within <paramref name="cutoff"/>
    /// of the diagonal are computed: a cell further out is already more than the cutoff.
    /// </summary>
    public static int Distance(string a, string b, int cutoff = int.MaxValue)
    {
        if (a is null) throw new ArgumentNullException(nameof(a));
        if (b is null) throw new ArgumentNullException(nameof(b));
        return LowerCaseDistance(a.ToLowerInvariant(), b.ToLowerInvariant(), cutoff);
    }

    /// <summary><see cref="Distance"/> of two words already in lower case (a search lowers each word once, not once per cell).</summary>
    private static int LowerCaseDistance(string a, string b, int cutoff)
    {
        if (Math.Abs(a.Length - b.Length) > cutoff) return int.MaxValue;
        var band = (int)Math.Min(cutoff, Math.Max(a.Length, b.Length));
        var outside = band + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j <= band ? j : outside;
        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - band);
            var to = Math.Min(b.Length, i + band);
            current[0] = i <= band ? i : outside;
            if (from > 1) current[from - 1] = outside;
            var rowMinimum = current[0];
            var ai = a[i - 1];
            for (var j = from; j <= to; j++)
            {
                var cost = ai == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                value = Math.Min(value, outside);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (to < b.Length) current[to + 1] = outside;
            // Distances never shrink from one row to the next: past the cutoff the answer is only "too far".
            if (rowMinimum > cutoff) return int.MaxValue;
            (previous2, previous, current) = (previous, current, previous2);
        }
        var result = previous[b.Length];
        return result > cutoff ? int.MaxValue : result;
    }
}
