using System;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Text;

namespace PolicyCompiler.Model;

/// <summary>How statements and citations are quoted back to people (explanations, generated docs and constants).</summary>
public static class StatementText
{
    private static readonly char[] WhiteSpace = { ' ', '\t', '\r', '\n' };

    /// <summary>
    /// The statement as written, up to its citations (which are quoted separately), white space folded onto one line.
    /// </summary>
    public static string Of(SourceText text, SourceSpan span, EquatableArray<Citation> citations)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var end = citations.IsEmpty ? span.End : Math.Min(span.End, citations[0].Span.Start);
        var words = text.Text.Substring(span.Start, end - span.Start).Split(WhiteSpace, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[words.Count - 1] == "cites") words.RemoveAt(words.Count - 1);
        return string.Join(" ", words);
    }

    /// <summary>A citation as the policy writes it: <c>§5.2.1 "excerpt"</c>.</summary>
    public static string Of(Citation citation)
    {
        if (citation is null) throw new ArgumentNullException(nameof(citation));
        var section = citation.Section is null ? string.Empty : "§" + citation.Section;
        var excerpt = citation.Excerpt is null ? string.Empty : "\"" + citation.Excerpt + "\"";
        return section.Length > 0 && excerpt.Length > 0 ? section + " " + excerpt : section + excerpt;
    }
}
