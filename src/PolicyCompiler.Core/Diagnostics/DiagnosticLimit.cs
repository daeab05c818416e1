using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Text;

namespace PolicyCompiler.Diagnostics;

/// <summary>
/// Caps the diagnostics of one file. Past a hundred errors the rest are mostly consequences of the first
/// ones, and a file of random bytes must not flood the terminal; the cap is said, never silent.
/// </summary>
public static class DiagnosticLimit
{
    public const int MaxErrors = 100;

    /// <summary>The first <see cref="MaxErrors"/> diagnostics, and PC0009 when any were dropped or the parser gave up.</summary>
    public static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> sorted, bool parserStopped, SourceText text)
    {
        if (!parserStopped && sorted.Count <= MaxErrors) return sorted;
        var kept = sorted.Take(MaxErrors).ToList();
        var at = kept.Count == 0 ? text.SpanOf(0, 0) : kept[kept.Count - 1].Span;
        kept.Add(DiagnosticBuilder.At(text, at).TooManyErrors(MaxErrors));
        return kept;
    }
}
