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
        // ASCII is its own NFC: a legal text of a million short lines need not call the normaliser per line.
        return Fold(IsAscii(text) ? text : WellFormed(text).Normalize(NormalizationForm.FormC), origins: null);
    }

    /// <summary>
    /// The folding of <see cref="Normalize"/> without composing characters, with the index in
    /// <paramref name="text"/> of every folded character: how a match in normalised text is found in the text as written.
    /// </summary>
    internal static (string Folded, IReadOnlyList<int> Origins) FoldWithOrigins(string text)
    {
        var origins = new List<int>(text.Length);
        return (Fold(text, origins), origins);
    }

    private static string Fold(string text, List<int>? origins)
    {
        // Most lines of a legal text are already folded: they are their own normalisation, with no copy.
        if (origins is null && IsFolded(text)) return text;
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (BulletGlyphs.Contains(c)) continue;
            if (pendingSpace)
            {
                builder.Append(' ');
                origins?.Add(i);
                pendingSpace = false;
            }
            builder.Append(c);
            origins?.Add(i);
        }
        return builder.ToString();
    }

    /// <summary>Whether <see cref="Fold"/> leaves <paramref name="text"/> as it is: single spaces between characters it keeps, nothing it drops.</summary>
    private static bool IsFolded(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] == ' ') return false;
            }
            else if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF' || BulletGlyphs.Contains(c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80) return false;
        }
        return true;
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
