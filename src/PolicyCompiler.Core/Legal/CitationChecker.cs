using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Legal;

/// <summary>The legal text a policy cites, segmented, and how much of it the policy covers.</summary>
public sealed record LegalAnchoring(string Path, LegalDocument Document, Coverage Coverage);

/// <summary>
/// Loads the policy's legal source through the host, checks every citation against it (the section exists;
/// the excerpt occurs in it, after normalisation), suggests the closest paragraph or text when not, and
/// reports the paragraphs that no statement cites and that are not marked informative.
/// </summary>
internal static class CitationChecker
{
    private const int ListedUncovered = 20;

    public static LegalAnchoring? Check(PolicyFileSyntax syntax, SourceText text, LegalSourceResolver resolve, DiagnosticBag diagnostics)
    {
        var source = syntax.Members.OfType<SourceSyntax>().FirstOrDefault();
        if (source is null) return null;

        var path = LegalSourcePath.Resolve(text.Path, source.Path.Value);
        if (path is null)
        {
            diagnostics.At(source.Path.Span).LegalSourceOutsideFolder(source.Path.Value);
            return null;
        }
        var loaded = resolve(path);
        if (loaded.Problem is not null)
        {
            diagnostics.At(source.Path.Span).LegalSourceUnreadable(source.Path.Value, loaded.Problem);
            return null;
        }
        if (loaded.Text is null)
        {
            diagnostics.At(source.Path.Span).LegalSourceNotFound(source.Path.Value, path);
            return null;
        }
        if (SourceDecoder.TooLarge(loaded.Text) is { } tooLarge)
        {
            // The CLI refuses such a file before reading it; a host handed the text (the generator) is refused here.
            diagnostics.At(source.Path.Span).LegalSourceUnreadable(source.Path.Value, tooLarge.Message);
            return null;
        }

        var document = LegalDocument.Segment(loaded.Text);
        var suggestions = new CitationSuggestions(document);
        var name = source.Path.Value;
        var cited = new SortedSet<string>(StringComparer.Ordinal);
        var informative = new SortedSet<string>(StringComparer.Ordinal);
        // The first statement citing each paragraph, and the informative notes' sections: a paragraph both cited and
        // marked as stating nothing to encode contradicts itself (PC2010).
        var firstCiting = new Dictionary<string, int>(StringComparer.Ordinal);
        var marked = new List<NameSyntax>();
        foreach (var member in syntax.Members)
        {
            foreach (var citation in member.Citations)
            {
                foreach (var id in CheckCitation(citation, document, suggestions, name, diagnostics))
                {
                    cited.Add(id);
                    if (!firstCiting.ContainsKey(id)) firstCiting.Add(id, member.Span.Line);
                }
            }
            if (member is InformativeSyntax note)
            {
                foreach (var section in note.Sections)
                {
                    if (document.Find(section.Text) is null) ReportUnknownSection(section, null, document, suggestions, name, diagnostics);
                    else if (informative.Add(section.Text)) marked.Add(section);
                }
            }
        }
        foreach (var section in marked)
        {
            if (firstCiting.TryGetValue(section.Text, out var line)) diagnostics.At(section.Span).InformativeButCited(section.Text, line);
        }

        // In chunks: a long text that the policy barely cites has as many uncovered ids as paragraphs.
        var uncoveredIds = new ArrayBuilder<string>();
        foreach (var paragraph in document.Paragraphs)
        {
            if (!cited.Contains(paragraph.Id) && !informative.Contains(paragraph.Id)) uncoveredIds.Add(paragraph.Id);
        }
        var uncovered = uncoveredIds.ToEquatableArray();
        if (uncovered.Count > 0)
        {
            var listed = string.Join(", ", uncovered.Take(ListedUncovered).Select(id => "§" + id))
                + (uncovered.Count > ListedUncovered ? string.Format(CultureInfo.InvariantCulture, " and {0} more", uncovered.Count - ListedUncovered) : string.Empty);
            diagnostics.At(source.Span).UncoveredParagraphs(uncovered.Count, document.Paragraphs.Count, name, listed);
        }
        var coverage = new Coverage(document.Paragraphs.Count, cited.ToEquatableArray(), informative.ToEquatableArray(), uncovered);
        return new LegalAnchoring(path, document, coverage);
    }

    /// <summary>Checks one citation; returns the ids of the paragraphs it validly cites.</summary>
    private static IEnumerable<string> CheckCitation(CitationSyntax citation, LegalDocument document, CitationSuggestions suggestions, string name, DiagnosticBag diagnostics)
    {
        var excerpt = citation.Excerpt is null ? null : LegalText.Normalize(citation.Excerpt.Value);
        if (citation.Section is not null)
        {
            var paragraph = document.Find(citation.Section.Text);
            if (paragraph is null)
            {
                ReportUnknownSection(citation.Section, excerpt, document, suggestions, name, diagnostics);
                return Array.Empty<string>();
            }
            if (excerpt is not null && !ExcerptMatcher.Occurs(excerpt, paragraph))
            {
                var elsewhere = suggestions.Excerpts.Containing(excerpt).FirstOrDefault();
                var closest = elsewhere is null && suggestions.TakeTextSearch() ? suggestions.ClosestIn(excerpt, paragraph) : null;
                var help = elsewhere is not null
                    ? "The excerpt is in §" + elsewhere.Id + "; cite that section."
                    : closest is not null
                        ? "The closest text in §" + paragraph.Id + " is \"" + closest.Text + "\"."
                        : "Compare it with §" + paragraph.Id + ".";
                diagnostics.At(citation.Excerpt!.Span).ExcerptNotInSection(paragraph.Id, help);
                return Array.Empty<string>();
            }
            return new[] { paragraph.Id };
        }

        if (excerpt is null) return Array.Empty<string>();
        var containing = suggestions.Excerpts.Containing(excerpt).Select(p => p.Id).ToList();
        if (containing.Count == 0)
        {
            diagnostics.At(citation.Excerpt!.Span).ExcerptNotFound(name, ClosestAnywhere(excerpt, document, suggestions));
            return containing;
        }
        if (containing.Count > 1)
        {
            // Otherwise a short excerpt ("the") would cite, and cover, half the text.
            var listed = string.Join(", ", containing.Take(5).Select(id => "§" + id)) + (containing.Count > 5 ? ", …" : string.Empty);
            diagnostics.At(citation.Excerpt!.Span).AmbiguousExcerpt(containing.Count, listed, containing[0]);
            return Array.Empty<string>();
        }
        return containing;
    }

    private static void ReportUnknownSection(NameSyntax section, string? excerpt, LegalDocument document, CitationSuggestions suggestions, string name, DiagnosticBag diagnostics)
    {
        var containing = excerpt is null ? null : suggestions.Excerpts.Containing(excerpt).FirstOrDefault();
        var closestId = containing is null ? suggestions.ClosestSection(section.Text) : null;
        var help = containing is not null
            ? "The excerpt is in §" + containing.Id + "."
            : DiagnosticBuilder.DidYouMean(closestId is null ? null : "§" + closestId, quoted: false) + "'policyc sections " + name + "' lists the paragraphs and their ids.";
        diagnostics.At(section.Span).UnknownSection(section.Text, name, help);
    }

    private static string ClosestAnywhere(string excerpt, LegalDocument document, CitationSuggestions suggestions)
    {
        if (document.Paragraphs.Count == 0) return "The legal text is empty.";
        var closest = suggestions.TakeTextSearch() ? suggestions.ClosestAnywhere(excerpt) : null;
        return closest is { } found
            ? "The closest text is in §" + found.Paragraph.Id + ": \"" + found.Text.Text + "\"."
            : "'policyc sections' lists the paragraphs of the text.";
    }
}
