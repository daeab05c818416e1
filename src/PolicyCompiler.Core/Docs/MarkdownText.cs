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
    // start or end markup inside a line (emphasis, links, images, raw HTML, entities, code, tables, math), and
    // '@', which GitHub turns into a mail link (a@b.c). Links by "www." and "scheme:" and emoji ":name:" are
    // handled where they could start, so that ordinary colons and dots stay as written.
    private const string Special = "\\`*_[]<>#!|~&$@";

    /// <summary>Inline text: white space (line breaks included) folded to single spaces, markup characters escaped.</summary>
    public static string Inline(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length + 8);
        var folded = DocText.Fold(text);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (Special.IndexOf(c) >= 0 || StartsLinkOrEmoji(folded, i)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A character GitHub would read as the start of a link or an emoji: the dot of "www." (a link whatever
    /// follows), a colon before '/' ("https://"), or a colon before a name (":smile:"). Escaped, they are text.
    /// </summary>
    private static bool StartsLinkOrEmoji(string text, int i)
    {
        var c = text[i];
        if (c == '.') return i >= 3 && string.Compare(text, i - 3, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0;
        if (c != ':' || i + 1 >= text.Length) return false;
        var next = text[i + 1];
        return next == '/' || next is '_' or '+' or '-' || (next < 128 && char.IsLetterOrDigit(next));
    }

    /// <summary>The title of a link, written between double quotes, inside a table cell.</summary>
    public static string LinkTitle(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in DocText.Fold(text))
        {
            // '&' too: entities are decoded in titles.
            if (c is '\\' or '"' or '|' or '&') builder.Append('\\');
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
