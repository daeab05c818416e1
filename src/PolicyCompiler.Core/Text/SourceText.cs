using System;
using System.Collections.Generic;

namespace PolicyCompiler.Text;

/// <summary>
/// The text of one source file with its path (as the user named it) and a table of line starts,
/// so that any offset maps to a line and column in O(log lines), and in O(1) when it is on the line of the
/// previous look-up or the next one (as the parser's tokens nearly always are).
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    // The line of the last look-up: a hint, checked before use, so that a stale value (another thread's) costs
    // only the binary search it would have saved.
    private int _lastLine;

    public SourceText(string text, string path)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _lineStarts = ComputeLineStarts(text);
    }

    public string Text { get; }

    public string Path { get; }

    public int Length => Text.Length;

    public int LineCount => _lineStarts.Length;

    /// <summary>The 0-based line index of <paramref name="offset"/>.</summary>
    public int LineIndexOf(int offset)
    {
        // A parse asks for every token's line in text order: the binary search over a long file's line table
        // was a third of the parse of a policy of 35,000 statements.
        var hint = _lastLine;
        if (IsOnLine(offset, hint)) return hint;
        if (IsOnLine(offset, hint + 1)) return _lastLine = hint + 1;
        var index = Array.BinarySearch(_lineStarts, offset);
        return _lastLine = index >= 0 ? index : Math.Max(0, ~index - 1);
    }

    private bool IsOnLine(int offset, int line) =>
        (uint)line < (uint)_lineStarts.Length && _lineStarts[line] <= offset && (line + 1 == _lineStarts.Length || offset < _lineStarts[line + 1]);

    public SourceSpan SpanOf(int start, int length)
    {
        if (start < 0) start = 0;
        if (start > Text.Length) start = Text.Length;
        if (length < 0 || start + length > Text.Length) length = Text.Length - start;
        var line = LineIndexOf(start);
        return new SourceSpan(start, length, line + 1, start - _lineStarts[line] + 1);
    }

    public SourceSpan SpanFromBounds(int start, int end) => SpanOf(start, end - start);

    /// <summary>The position just past <paramref name="span"/>, as a 1-based line and column.</summary>
    public (int Line, int Column) EndOf(SourceSpan span)
    {
        var end = Math.Min(span.End, Text.Length);
        var line = LineIndexOf(end);
        return (line + 1, end - _lineStarts[line] + 1);
    }

    /// <summary>The text of a 1-based line, without its line terminator.</summary>
    public string LineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length) return string.Empty;
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return Text.Substring(start, end - start);
    }

    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>Where each line starts: counted first, so that the one array is made at its size (a long file's would be on the large-object heap).</summary>
    private static int[] ComputeLineStarts(string text)
    {
        var starts = new int[LineBreaks(text, null) + 1];
        LineBreaks(text, starts);
        return starts;
    }

    /// <summary>The number of line breaks (CR, LF or CRLF); with <paramref name="starts"/>, also writes where each line after one starts.</summary>
    private static int LineBreaks(string text, int[]? starts)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\r' && c != '\n') continue;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            count++;
            if (starts is not null) starts[count] = i + 1;
        }
        return count;
    }
}
