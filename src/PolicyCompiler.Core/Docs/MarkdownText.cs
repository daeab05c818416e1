using System;
using System.Text;

namespace PolicyCompiler.Docs;

/// <summary>
/// Policy text made safe for Markdown (CommonMark with GitHub's tables): whatever a label or an excerpt holds,
/// it comes out as the same text, never as markup, a link, a table cell boundary or the end of a code block.
/// </summary>
public static class MarkdownText
{
    // Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones that can
    // start or end markup inside a line (emphasis, links, images, raw HTML, entities, code, tables, math).
    private const string Special = "\\`*_[]<>#!|~&$";

    /// <summary>Inline text: white space (line breaks included) folded to single spaces, markup characters escaped.</summary>
    public static string Inline(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in DocText.Fold(text))
        {
            if (Special.IndexOf(c) >= 0) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The title of a link, written between double quotes, inside a table cell.</summary>
    public static string LinkTitle(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in DocText.Fold(text))
        {
            if (c is '\\' or '"' or '|') builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A name as code when it is a plain identifier; anything else is escaped text, since a backtick would end the code span.</summary>
    public static string Code(string name)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '*')) return Inline(name);
        }
        return name.Length == 0 ? string.Empty : "`" + name + "`";
    }
}
