using System;
using System.Globalization;
using System.Text;

namespace PolicyCompiler.Text;

/// <summary>
/// Makes text from a policy, a legal text or a file name safe to print: every character a terminal or a log would
/// act on or hide — control characters (ESC sequences, carriage returns, line breaks inside a value), bidirectional
/// and other format characters, line and paragraph separators, unpaired surrogates — is written as <c>\uXXXX</c>,
/// as the formatter writes them in string literals. Every printer goes through here.
/// </summary>
public static class TerminalText
{
    /// <summary>A single value (a name, a path, a message): a line break inside it is escaped too, so it cannot forge a line.</summary>
    public static string Escape(string value) => Escape(value, keepLineBreaks: false);

    /// <summary>A block of lines: '\n' and tabs are kept, everything else as in <see cref="Escape(string)"/>.</summary>
    public static string EscapeLines(string value) => Escape(value, keepLineBreaks: true);

    /// <summary>Whether <see cref="Escape(string)"/> writes <paramref name="c"/> as an escape (surrogates aside).</summary>
    public static bool IsUnsafe(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => false,
    };

    private static string Escape(string value, bool keepLineBreaks)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        if (!NeedsEscaping(value, keepLineBreaks)) return value;
        var text = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else if (Escaped(c, keepLineBreaks))
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    private static bool NeedsEscaping(string value, bool keepLineBreaks)
    {
        foreach (var c in value)
        {
            if (Escaped(c, keepLineBreaks) || char.IsSurrogate(c)) return true;
        }
        return false;
    }

    private static bool Escaped(char c, bool keepLineBreaks) =>
        (keepLineBreaks && (c == '\n' || c == '\t')) ? false : IsUnsafe(c) || char.IsSurrogate(c);
}
