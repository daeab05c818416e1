using System;
using System.Text;

namespace PolicyCompiler.Docs;

/// <summary>
/// Policy text made safe for the HTML review page, which is also well-formed XML: the five markup characters
/// become entities, and characters XML forbids (controls, unpaired surrogates) become U+FFFD.
/// </summary>
public static class HtmlText
{
    /// <summary>Text for element content or a double- or single-quoted attribute value.</summary>
    public static string Escape(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.ToString();
    }
}
