using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Legal;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// What a citation points at in the legal text: a paragraph, and the characters of its text (as written) that
/// the excerpt matches; a citation without an excerpt cites the whole paragraph.
/// </summary>
public sealed record CitedPassage(Paragraph Paragraph, int Start, int Length, bool Whole)
{
    /// <summary>
    /// Locates a citation. The excerpt is matched as the compiler checks it (white space folded, bullet glyphs
    /// ignored), then mapped back onto the paragraph's characters. Null when the citation does not resolve.
    /// </summary>
    public static CitedPassage? Locate(Citation citation, LegalDocument document)
    {
        if (citation is null) throw new ArgumentNullException(nameof(citation));
        if (document is null) throw new ArgumentNullException(nameof(document));
        var excerpt = citation.Excerpt is null ? null : LegalText.Normalize(citation.Excerpt);
        if (excerpt is { Length: 0 }) excerpt = null;

        Paragraph? paragraph;
        if (citation.Section is not null)
        {
            paragraph = document.Find(citation.Section);
        }
        else
        {
            if (excerpt is null) return null;
            var containing = document.Paragraphs.Where(p => p.Normalized.IndexOf(excerpt, StringComparison.Ordinal) >= 0).Take(2).ToList();
            paragraph = containing.Count == 1 ? containing[0] : null;
        }
        if (paragraph is null) return null;
        if (excerpt is null) return new CitedPassage(paragraph, 0, paragraph.Text.Length, Whole: true);

        var (folded, origins) = LegalText.FoldWithOrigins(paragraph.Text);
        var at = folded.IndexOf(excerpt, StringComparison.Ordinal);
        if (at < 0) return new CitedPassage(paragraph, 0, paragraph.Text.Length, Whole: true);
        var start = origins[at];
        var end = origins[at + excerpt.Length - 1] + 1;
        return new CitedPassage(paragraph, start, end - start, Whole: false);
    }
}
