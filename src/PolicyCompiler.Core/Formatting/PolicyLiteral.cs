using System.Globalization;
using System.Text;

namespace PolicyCompiler.Formatting;

/// <summary>Writes a string value as a policy string literal that reads back as exactly that value.</summary>
public static class PolicyLiteral
{
    /// <summary>
    /// Quotes <paramref name="value"/>. Besides the quote, the backslash and line breaks, every character a
    /// reviewer could not see is written as <c>\uXXXX</c>: control characters, format characters (bidirectional
    /// overrides, zero-width characters) and unpaired surrogates. Everything else, Georgian included, is kept.
    /// </summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (IsInvisible(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => false,
    };
}
