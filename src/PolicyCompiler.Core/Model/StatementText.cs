using System;
using System.Text;
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
        var source = text.Text;
        var folded = new StringBuilder(end - span.Start);
        var space = false;
        for (var i = span.Start; i < end; i++)
        {
            var c = source[i];
            if (Array.IndexOf(WhiteSpace, c) >= 0)
            {
                space = folded.Length > 0;
                continue;
            }
            if (space) folded.Append(' ');
            space = false;
            folded.Append(c);
        }
        // The keyword that opens the citations is not part of the statement.
        const string Cites = "cites";
        var length = folded.Length;
        if (length >= Cites.Length && folded.ToString(length - Cites.Length, Cites.Length) == Cites && (length == Cites.Length || folded[length - Cites.Length - 1] == ' '))
        {
            folded.Length = Math.Max(0, length - Cites.Length - 1);
        }
        return folded.ToString();
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
