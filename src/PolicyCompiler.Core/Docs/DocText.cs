using System;
using System.Text;

namespace PolicyCompiler.Docs;

/// <summary>Text helpers every document format shares.</summary>
public static class DocText
{
    /// <summary>
    /// White space and control characters folded to single spaces and the ends trimmed: a label or an excerpt
    /// is shown on one line, and a line break in it cannot start a new block of the document.
    /// </summary>
    public static string Fold(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The anchor of a legal paragraph, the same in every format: <c>legal-5.2.1</c>. Paragraph ids are digits,
    /// dots and letters, with <c>#</c> for a repeated number (<c>§5#2</c>), which a fragment cannot hold.
    /// </summary>
    public static string ParagraphAnchor(string id)
    {
        if (id is null) throw new ArgumentNullException(nameof(id));
        var builder = new StringBuilder("legal-", id.Length + 6);
        foreach (var c in id) builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' ? c : '_');
        return builder.ToString();
    }
}
