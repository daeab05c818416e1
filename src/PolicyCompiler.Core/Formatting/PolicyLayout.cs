using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Formatting;

/// <summary>
/// Lays out a parsed file without errors (see <see cref="PolicyFormatter"/> for the rules). The file becomes a
/// sequence of printed lines, each from one source range: block headers, members, expectations and closing
/// braces. Comments, which the tree keeps aside, are attached to those lines by where they stand in the source.
/// </summary>
internal static class PolicyLayout
{
    private const string IndentUnit = "  ";

    public static string Write(SourceText text, PolicyFileSyntax syntax)
    {
        var lines = LinesOf(text, syntax);
        var newline = NewlineOf(text.Text);
        return string.Join(newline, lines) + newline;
    }

    /// <summary>A comment's lines, trailing white space removed (for block comments, each line as written otherwise).</summary>
    public static IReadOnlyList<string> CommentLines(string comment) =>
        comment.Replace("\r\n", "\n").Split('\n', '\r').Select(line => line.TrimEnd(' ', '\t')).ToArray();

    /// <summary>The file's first line ending: CRLF, LF, or a lone CR; LF for a file of one line.</summary>
    private static string NewlineOf(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        if (end < 0 || text[end] == '\n') return "\n";
        return end + 1 < text.Length && text[end + 1] == '\n' ? "\r\n" : "\r";
    }

    private enum UnitKind
    {
        OpensBlock,
        Item,
        ClosesBlock,
    }

    /// <summary>One printed unit: its source range, its lines (indented), and the comments that go with it.</summary>
    private sealed class Unit
    {
        public Unit(int start, int end, UnitKind kind, params string[] lines)
        {
            Start = start;
            End = end;
            Kind = kind;
            Lines = lines;
        }

        public int Start { get; }

        public int End { get; }

        public UnitKind Kind { get; }

        /// <summary>Block headers and braces are at the top level, members and expectations one level in.</summary>
        public int Depth => Kind == UnitKind.Item ? 1 : 0;

        public IReadOnlyList<string> Lines { get; }

        /// <summary>Comments on lines of their own before the unit.</summary>
        public List<CommentSyntax> Leading { get; } = new();

        /// <summary>Comments between the unit's first and last token; they are printed before it.</summary>
        public List<CommentSyntax> Inner { get; } = new();

        /// <summary>Comments after the unit on its last line.</summary>
        public List<CommentSyntax> Trailing { get; } = new();

        /// <summary>Comments before a closing brace are inside the block.</summary>
        public int CommentDepth => Kind == UnitKind.ClosesBlock ? 1 : Depth;
    }

    private static List<string> LinesOf(SourceText text, PolicyFileSyntax syntax)
    {
        var units = UnitsOf(text.Text, syntax);
        var atEnd = Attach(text, units, syntax.Comments);
        var output = new Output(text);
        foreach (var unit in units)
        {
            foreach (var comment in unit.Leading) output.Comment(comment, unit.CommentDepth);
            output.BlankLineBefore(unit.Start, unit.Kind == UnitKind.ClosesBlock);
            foreach (var comment in unit.Inner) output.Comment(comment, unit.Depth, keepBlankLine: false);
            output.Unit(unit);
        }
        foreach (var comment in atEnd) output.Comment(comment, 0);
        return output.Lines;
    }

    private static List<Unit> UnitsOf(string s, PolicyFileSyntax syntax)
    {
        var units = new List<Unit>();
        var open = Tokens.SkipTrivia(s, syntax.Id!.Span.End);
        units.Add(new Unit(Tokens.SkipTrivia(s, 0), open + 1, UnitKind.OpensBlock, "policy " + syntax.Id.Text + " {"));
        var last = open + 1;
        foreach (var member in syntax.Members)
        {
            units.Add(new Unit(member.Span.Start, member.Span.End, UnitKind.Item, MemberLines(member, IndentUnit)));
            last = member.Span.End;
        }
        units.Add(Close(s, last));

        foreach (var test in syntax.Tests)
        {
            open = Tokens.SkipTrivia(s, test.Name.Span.End);
            units.Add(new Unit(test.Span.Start, open + 1, UnitKind.OpensBlock, "test " + PolicyLiteral.Quote(test.Name.Value) + " {"));
            last = open + 1;
            foreach (var (span, line) in SyntaxPrinter.ExpectationsOf(test))
            {
                units.Add(new Unit(span.Start, span.End, UnitKind.Item, IndentUnit + line));
                last = span.End;
            }
            units.Add(Close(s, last));
        }
        return units;
    }

    private static Unit Close(string s, int afterLastItem)
    {
        var brace = Tokens.SkipTrivia(s, afterLastItem);
        return new Unit(brace, brace + 1, UnitKind.ClosesBlock, "}");
    }

    /// <summary>
    /// The member on one line when it fits. Otherwise its segments are packed into lines, the first at the member's
    /// indent and the rest two spaces further in, and its citations follow on lines of their own, one each, aligned
    /// after <c>cites</c>, so that a reviewer's diff shows each citation that changed. A segment longer than a line
    /// is broken after the commas of its list, its further items two spaces further in than its first line (for the
    /// member's first segment, that is where the next clause stands too); a single item or string longer than a line is
    /// not broken.
    /// </summary>
    private static string[] MemberLines(MemberSyntax member, string indent)
    {
        var segments = SyntaxPrinter.HeadPieces(member);
        var citations = member.Citations.Select(SyntaxPrinter.Citation).ToList();
        var cites = citations.Count == 0 ? string.Empty : " cites " + string.Join(", ", citations);
        var oneLine = indent + string.Join(" ", segments.Select(pieces => string.Join(" ", pieces))) + cites;
        if (oneLine.Length <= PolicyFormatter.LineWidth) return new[] { oneLine };

        var continuation = indent + IndentUnit;
        var lines = new List<string>();
        var afterBreak = false;   // a clause after a broken list starts a line of its own, not after the list's last item
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = string.Join(" ", segments[i]);
            var at = i == 0 ? indent : continuation;
            var last = lines.Count == 0 ? null : lines[lines.Count - 1];
            if (last is not null && !afterBreak && last.Length + 1 + segment.Length <= PolicyFormatter.LineWidth) lines[lines.Count - 1] = last + " " + segment;
            else if (at.Length + segment.Length <= PolicyFormatter.LineWidth || segments[i].Count == 1) lines.Add(at + segment);
            else
            {
                Break(segments[i], at, lines);
                afterBreak = true;
                continue;
            }
            afterBreak = false;
        }
        var first = continuation + "cites ";
        var aligned = new string(' ', first.Length);
        for (var i = 0; i < citations.Count; i++)
        {
            lines.Add((i == 0 ? first : aligned) + citations[i] + (i < citations.Count - 1 ? "," : string.Empty));
        }
        return lines.ToArray();
    }

    /// <summary>A list too long for a line: its pieces packed into lines, the first at <paramref name="indent"/>, the rest further in.</summary>
    private static void Break(IReadOnlyList<string> pieces, string indent, List<string> lines)
    {
        var further = indent + IndentUnit;
        lines.Add(indent + pieces[0]);
        foreach (var piece in pieces.Skip(1))
        {
            var last = lines[lines.Count - 1];
            if (last.Length + 1 + piece.Length <= PolicyFormatter.LineWidth) lines[lines.Count - 1] = last + " " + piece;
            else lines.Add(further + piece);
        }
    }

    /// <summary>
    /// Gives every comment to a unit: inside it, after it on its last line (or after a comment that is), or
    /// before the next one. Returns the comments after the last unit.
    /// </summary>
    private static List<CommentSyntax> Attach(SourceText text, List<Unit> units, IEnumerable<CommentSyntax> comments)
    {
        var atEnd = new List<CommentSyntax>();
        var next = 0;
        var trailingLine = -1;
        foreach (var comment in comments.OrderBy(c => c.Span.Start))
        {
            while (next < units.Count && units[next].End <= comment.Span.Start)
            {
                trailingLine = text.LineIndexOf(units[next].End - 1);
                next++;
            }
            var line = text.LineIndexOf(comment.Span.Start);
            if (next < units.Count && units[next].Start < comment.Span.Start)
            {
                units[next].Inner.Add(comment);
            }
            else if (next > 0 && line == trailingLine)
            {
                units[next - 1].Trailing.Add(comment);
                trailingLine = text.LineIndexOf(comment.Span.End - 1);
            }
            else if (next < units.Count)
            {
                units[next].Leading.Add(comment);
                trailingLine = -1;
            }
            else
            {
                atEnd.Add(comment);
                trailingLine = -1;
            }
        }
        return atEnd;
    }

    /// <summary>The printed lines, and where the source stood, so that blank lines can be kept.</summary>
    private sealed class Output
    {
        private readonly SourceText _text;
        private int _lastSourceLine = -1;
        private bool _afterOpen;
        private bool _afterTopLevelClose;

        public Output(SourceText text) => _text = text;

        public List<string> Lines { get; } = new();

        /// <summary>One blank line where the source had at least one, or after a top-level block; never right after an opening brace.</summary>
        public void BlankLineBefore(int sourceStart, bool closesBlock)
        {
            var line = _text.LineIndexOf(sourceStart);
            var blank = Lines.Count > 0 && !_afterOpen && !closesBlock && (_afterTopLevelClose || line - _lastSourceLine > 1);
            if (blank) Lines.Add(string.Empty);
            _afterOpen = false;
            _afterTopLevelClose = false;
        }

        public void Comment(CommentSyntax comment, int depth, bool keepBlankLine = true)
        {
            if (keepBlankLine) BlankLineBefore(comment.Span.Start, closesBlock: false);
            var lines = CommentLines(comment.Text);
            Lines.Add(Indent(depth) + lines[0]);
            for (var i = 1; i < lines.Count; i++) Lines.Add(lines[i]);
            _lastSourceLine = _text.LineIndexOf(comment.Span.End - 1);
        }

        public void Unit(Unit unit)
        {
            Lines.AddRange(unit.Lines);
            var end = unit.End;
            foreach (var comment in unit.Trailing)
            {
                var commentLines = CommentLines(comment.Text);
                Lines[Lines.Count - 1] += " " + commentLines[0];
                for (var i = 1; i < commentLines.Count; i++) Lines.Add(commentLines[i]);
                end = comment.Span.End;
            }
            _lastSourceLine = _text.LineIndexOf(end - 1);
            _afterOpen = unit.Kind == UnitKind.OpensBlock;
            _afterTopLevelClose = unit.Kind == UnitKind.ClosesBlock;
        }

        private static string Indent(int depth) => depth == 0 ? string.Empty : string.Concat(Enumerable.Repeat(IndentUnit, depth));
    }
}
