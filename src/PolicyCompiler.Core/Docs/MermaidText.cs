using System;
using System.Globalization;
using System.Text;

namespace PolicyCompiler.Docs;

/// <summary>
/// Text for a quoted Mermaid label (<c>n1["…"]</c>): letters, digits and a few harmless marks pass; every other
/// character becomes a Mermaid entity code (<c>#34;</c>), so a label can close neither its quotes, nor its node,
/// nor the Markdown code block it is in (backticks are encoded too), nor turn into an arrow.
/// </summary>
public static class MermaidText
{
    public static string Label(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var folded = DocText.Fold(text);
        var builder = new StringBuilder(folded.Length + 8);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsLetterOrDigit(c) || c is ' ' or '.' or ',' or ':' or '/' or '*' or '-' or '_')
            {
                builder.Append(c);
                continue;
            }
            var codePoint = char.IsHighSurrogate(c) && i + 1 < folded.Length && char.IsLowSurrogate(folded[i + 1])
                ? char.ConvertToUtf32(c, folded[++i])
                : c;
            builder.Append('#').Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
        // An empty quoted label is a syntax error that would break the whole chart: a no-break space instead.
        return builder.Length == 0 ? "#160;" : builder.ToString();
    }
}
