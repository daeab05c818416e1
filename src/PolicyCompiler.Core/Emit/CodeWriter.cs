using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyCompiler.Emit;

/// <summary>
/// Writes generated C#: four-space indentation, '\n' line endings whatever the platform, and the escaping
/// every string from a policy needs before it enters a string literal or an XML doc comment.
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// One line that <paramref name="write"/> appends straight to the text: a policy of 100,000 statements has
    /// 100,000 clauses, and building each as a string first would copy every one of them three times.
    /// </summary>
    public CodeWriter Line(Action<StringBuilder> write)
    {
        _text.Append(' ', _indent * 4);
        write(_text);
        _text.Append('\n');
        return this;
    }

    /// <summary>
    /// One line <c>prefix{ a, b, … };</c>, the items written straight into the text: a table of a large policy
    /// has a million items, and joining them first would allocate a string as large as the table, twice.
    /// </summary>
    public CodeWriter ArrayLine<T>(string prefix, IEnumerable<T> items, Func<T, string> format) =>
        ArrayLine(prefix, items, (text, item) => text.Append(format(item)));

    /// <summary>As above, each item appended by <paramref name="write"/>: a number written as one, not as a string first.</summary>
    public CodeWriter ArrayLine<T>(string prefix, IEnumerable<T> items, Action<StringBuilder, T> write)
    {
        _text.Append(' ', _indent * 4).Append(prefix).Append("{ ");
        var first = true;
        foreach (var item in items)
        {
            if (!first) _text.Append(", ");
            write(_text, item);
            first = false;
        }
        _text.Append(" };").Append('\n');
        return this;
    }

    /// <summary>Appends a number in digits (a number of the tables is never negative, so no culture changes it).</summary>
    public static StringBuilder AppendNumber(StringBuilder text, long value) => value < 0 ? text.Append(value.ToString(CultureInfo.InvariantCulture)) : text.Append(value);

    /// <summary>Appends a mask as a <c>ulong</c> literal.</summary>
    public static StringBuilder AppendMask(StringBuilder text, ulong mask) => text.Append(mask).Append("UL");

    public CodeWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>A <c>/// &lt;summary&gt;</c> block; each line of <paramref name="text"/> XML-escaped.</summary>
    public CodeWriter Summary(string text)
    {
        Line("/// <summary>");
        foreach (var line in text.Split('\n')) Line("/// " + Xml(line));
        return Line("/// </summary>");
    }

    public override string ToString() => _text.ToString();

    /// <summary>
    /// A C# string literal that reads back as exactly <paramref name="value"/>: quotes, backslashes, line
    /// breaks, control and format characters (bidi marks among them) and lone surrogates are escaped.
    /// </summary>
    public static string Literal(string? value) =>
        value is null ? "null" : AppendLiteral(new StringBuilder(value.Length + 2), value).ToString();

    /// <summary>Appends <see cref="Literal"/> of <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static StringBuilder AppendLiteral(StringBuilder builder, string? value)
    {
        if (value is null) return builder.Append("null");
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    var surrogatePair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    if (surrogatePair)
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"');
    }

    /// <summary>
    /// Text for an XML doc comment: markup characters escaped as entities, characters that could end the
    /// comment line or are invalid in XML (line breaks, controls, lone surrogates) shown as a code, and format
    /// characters (bidirectional controls, zero-width characters) written as character references, so a label
    /// can neither break out of the comment, inject markup, nor reorder the source a reviewer reads.
    /// </summary>
    public static string Xml(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default:
                    var surrogatePair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
                    if (surrogatePair)
                    {
                        builder.Append(c).Append(value[++i]);
                    }
                    else if (c == '\t')
                    {
                        builder.Append(c);
                    }
                    else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                    {
                        // Bidirectional and zero-width characters would reorder or hide what a reviewer reads in the
                        // source (as string literals escape them); a character reference keeps them in the docs.
                        builder.Append("&#x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(';');
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085' or '\uFFFE' or '\uFFFF')
                    {
                        // XML 1.0 cannot carry most control characters even as references; show them as a code.
                        builder.Append("[U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(']');
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
