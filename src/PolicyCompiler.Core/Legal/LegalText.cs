using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PolicyCompiler.Legal;

/// <summary>
/// Normalisation used to compare cited excerpts with the legal text: Unicode NFC, every run of white space
/// (including no-break spaces) folded to one space, bullet glyphs dropped, ends trimmed.
/// </summary>
public static class LegalText
{
    private static readonly HashSet<char> BulletGlyphs = new() { '•', '◦', '▪', '●', '·', '‣', '⁃' };

    public static string Normalize(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        // Normalisation rejects ill-formed UTF-16; a lone surrogate (which an escape can write) becomes U+FFFD.
        var composed = WellFormed(text).Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (BulletGlyphs.Contains(c)) continue;
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static string WellFormed(string text)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                chars ??= text.ToCharArray();
                chars[i] = '\uFFFD';
            }
        }
        return chars is null ? text : new string(chars);
    }

    public static bool IsBulletGlyph(char c) => BulletGlyphs.Contains(c);

    /// <summary>The dash bullets some texts use ("— item"): a dash at the start of a line followed by a space.</summary>
    public static bool IsDashBullet(string line) =>
        line.Length > 1 && (line[0] == '—' || line[0] == '–' || line[0] == '-') && char.IsWhiteSpace(line[1]);

    public static IEnumerable<string> Words(string normalized) => normalized.Split(' ').Where(w => w.Length > 0);
}
