using System;
using System.Text;

namespace PolicyCompiler.Exports;

/// <summary>
/// Cells of a CSV file as RFC 4180 writes them, made safe to open in a spreadsheet: a cell a spreadsheet would read
/// as a formula (it starts with = + - @, a tab or a carriage return, or their full-width forms) gets a leading
/// apostrophe, so that a label such as <c>=cmd|' /C calc'!A0</c> stays text.
/// </summary>
public static class CsvText
{
    /// <summary>The line break between records (RFC 4180 §2.1); a break inside a cell is a line feed.</summary>
    public const string RecordBreak = "\r\n";

    /// <summary>A cell, neutralised and quoted where it holds a comma, a quote or a line break (quotes doubled).</summary>
    public static string Cell(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var value = StartsFormula(text) ? "'" + text : text;
        if (value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) < 0) return value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>A record: its cells, separated by commas, ending with <see cref="RecordBreak"/>.</summary>
    public static void AppendRecord(StringBuilder builder, params string[] cells)
    {
        if (builder is null) throw new ArgumentNullException(nameof(builder));
        if (cells is null) throw new ArgumentNullException(nameof(cells));
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) builder.Append(',');
            builder.Append(Cell(cells[i]));
        }
        builder.Append(RecordBreak);
    }

    private static bool StartsFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
}
