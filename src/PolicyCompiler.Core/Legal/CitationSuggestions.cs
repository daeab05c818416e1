using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Diagnostics;

namespace PolicyCompiler.Legal;

/// <summary>
/// The look-ups and suggestions of one file's citation check, with their cost bounded by the input: excerpts
/// are found through an index of the text's words (<see cref="ExcerptIndex"/>), the paragraph ids are
/// indexed once (not scanned per missing section), each paragraph is split into words once, each search has a
/// work budget, and a file gets only so many searches (past them a file is more likely checked against the
/// wrong text altogether, and the diagnostics past the first hundred are not shown anyway).
/// </summary>
internal sealed class CitationSuggestions
{
    /// <summary>Searches for the closest section: one per diagnostic that can be shown.</summary>
    public const int MaxSectionSearches = DiagnosticLimit.MaxErrors;

    /// <summary>
    /// Paragraph ids one section search looks at (those of the same top section first, see <see cref="SectionIdIndex"/>):
    /// a text of a million paragraphs has hundreds of thousands of ids within reach of a typo's length.
    /// </summary>
    public const int MaxSectionCandidates = 2_000;

    /// <summary>Searches for the closest text: each may read the whole legal text.</summary>
    public const int MaxTextSearches = 20;

    /// <summary>Distance-table cells one closest-text search may compute: about a second at most.</summary>
    public const long TextSearchCells = 50_000_000;

    private readonly LegalDocument _document;
    private readonly Dictionary<string, ParagraphWords> _words = new(System.StringComparer.Ordinal);
    private SectionIdIndex? _ids;
    private ExcerptIndex? _excerpts;
    private int _sectionSearches;
    private int _textSearches;

    public CitationSuggestions(LegalDocument document) => _document = document;

    /// <summary>Where excerpts occur (the paragraphs an excerpt is in, before any suggestion is needed).</summary>
    public ExcerptIndex Excerpts => _excerpts ??= new ExcerptIndex(_document);

    /// <summary>The id closest to a section that does not exist, or null (none close, or no searches left).</summary>
    public string? ClosestSection(string section)
    {
        if (++_sectionSearches > MaxSectionSearches) return null;
        _ids ??= new SectionIdIndex(_document);
        return Suggestions.Closest(section, _ids.Near(section, System.Math.Max(1, section.Length / 3)), MaxSectionCandidates);
    }

    /// <summary>Whether a closest-text search is still allowed; counts it.</summary>
    public bool TakeTextSearch() => ++_textSearches <= MaxTextSearches;

    /// <summary>The closest text to the excerpt in one paragraph, or null when the search found none within its budget.</summary>
    public ClosestText? ClosestIn(string normalizedExcerpt, Paragraph paragraph) =>
        ExcerptMatcher.Closest(new ExcerptWords(normalizedExcerpt), WordsOf(paragraph), paragraph.Normalized, int.MaxValue, new WorkBudget(TextSearchCells));

    /// <summary>A paragraph's words as written and as compared (<see cref="ExcerptWords.Key"/>), read once per check.</summary>
    internal sealed record ParagraphWords(string[] Written, string[] Keys);

    /// <summary>The paragraph and text closest to the excerpt anywhere (the first of equally close ones), or null.</summary>
    public (Paragraph Paragraph, ClosestText Text)? ClosestAnywhere(string normalizedExcerpt)
    {
        var excerpt = new ExcerptWords(normalizedExcerpt);
        var budget = new WorkBudget(TextSearchCells);
        (Paragraph, ClosestText)? best = null;
        var bestDistance = int.MaxValue;
        foreach (var paragraph in _document.Paragraphs)
        {
            var closest = ExcerptMatcher.Closest(excerpt, WordsOf(paragraph), paragraph.Normalized, bestDistance, budget);
            if (closest is null) continue;
            best = (paragraph, closest);
            bestDistance = closest.Distance;
            if (bestDistance == 0) break;
        }
        return best;
    }

    private ParagraphWords WordsOf(Paragraph paragraph)
    {
        if (!_words.TryGetValue(paragraph.Id, out var words))
        {
            var written = LegalText.Words(paragraph.Normalized).ToArray();
            _words.Add(paragraph.Id, words = new ParagraphWords(written, System.Array.ConvertAll(written, ExcerptWords.Key)));
        }
        return words;
    }
}
