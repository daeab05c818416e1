using System;
using System.Globalization;
using System.Text;
using PolicyCompiler.Text;

namespace PolicyCompiler.Diagnostics;

/// <summary>
/// Renders diagnostics for people: the MSBuild headline that IDEs and CI parse
/// (<c>path(line,col): error PC0001: message</c>), then the source line, a caret under the span, and the help.
/// </summary>
public static class DiagnosticFormatter
{
    public static string Headline(Diagnostic diagnostic)
    {
        if (diagnostic is null) throw new ArgumentNullException(nameof(diagnostic));
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2}): {3} {4}: {5}",
            TerminalText.Escape(diagnostic.Path),
            diagnostic.Span.Line,
            diagnostic.Span.Column,
            SeverityWord(diagnostic.Severity),
            diagnostic.Code,
            TerminalText.Escape(diagnostic.Message));
    }

    /// <summary>The headline, the source line with a caret under the span (when the text is known), and the help.</summary>
    public static string Format(Diagnostic diagnostic, SourceText? text)
    {
        if (diagnostic is null) throw new ArgumentNullException(nameof(diagnostic));
        var builder = new StringBuilder();
        builder.Append(Headline(diagnostic)).Append('\n');
        var gutter = new string(' ', diagnostic.Span.Line.ToString(CultureInfo.InvariantCulture).Length);
        // A diagnostic of another file than the text (the policy's numbers file) shows no line of it.
        if (text is not null && text.Length > 0 && diagnostic.Path == text.Path)
        {
            var line = text.LineText(diagnostic.Span.Line);
            var column = Math.Min(diagnostic.Span.Column - 1, line.Length);
            var width = Math.Max(1, Math.Min(diagnostic.Span.Length, line.Length - column));
            var (shown, offset) = Window(line, column);
            builder.Append(' ').Append(diagnostic.Span.Line.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Printable(shown)).Append('\n');
            builder.Append(' ').Append(gutter).Append(" | ").Append(Indent(shown, column - offset)).Append(new string('^', Math.Min(width, Math.Max(1, shown.Length - (column - offset))))).Append('\n');
        }
        builder.Append(' ').Append(gutter).Append(" = help: ").Append(TerminalText.Escape(diagnostic.Help)).Append('\n');
        return builder.ToString();
    }

    public static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>At most 120 characters of a long line, around the column.</summary>
    private static (string Text, int Offset) Window(string line, int column)
    {
        const int max = 120;
        if (line.Length <= max) return (line, 0);
        var start = Math.Max(0, Math.Min(column - 40, line.Length - max));
        return (line.Substring(start, max), start);
    }

    /// <summary>Keeps tabs (so the caret lines up) and replaces other characters with spaces.</summary>
    private static string Indent(string line, int count)
    {
        var builder = new StringBuilder(count);
        for (var i = 0; i < count && i < line.Length; i++) builder.Append(line[i] == '\t' ? '\t' : ' ');
        return builder.ToString();
    }

    /// <summary>
    /// Control, bidirectional and other invisible characters would garble the terminal or reorder the line; show them
    /// as '?' (one column, so the caret stays put).
    /// </summary>
    private static string Printable(string line)
    {
        var chars = line.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if ((TerminalText.IsUnsafe(chars[i]) || char.IsSurrogate(chars[i])) && chars[i] != '\t') chars[i] = '?';
        }
        return new string(chars);
    }
}
