using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Parsing;
using PolicyCompiler.Text;

namespace PolicyCompiler.Formatting;

/// <summary>
/// The outcome of formatting a file: the canonical text, or why there is none. A file with syntax errors is
/// never formatted (<see cref="Diagnostics"/> says why); <see cref="Problem"/> is set when the formatter could
/// not lay the file out faithfully, and then the file must be left as it is.
/// </summary>
public sealed record FormatResult(string? Text, IReadOnlyList<Diagnostic> Diagnostics, string? Problem)
{
    public bool Succeeded => Text is not null;
}

/// <summary>
/// <c>policyc fmt</c>: lays a policy out in its one canonical form.
/// <list type="bullet">
/// <item>One member or expectation per line, indented by two spaces inside its block; a member's citations stay on
/// its line when the whole fits in <see cref="LineWidth"/> columns, and otherwise follow it one per line.</item>
/// <item>Every comment is kept: a comment on a line of its own stays before what follows it, a comment after a
/// member stays after it, and a comment inside a member moves to the line before it.</item>
/// <item>Blank lines between members are kept, at most one; none after an opening or before a closing brace.</item>
/// <item>The file's line ending (the first one it has) is kept, and the file ends with one.</item>
/// </list>
/// Before it returns, the formatter parses its own output and checks that it has no error, keeps every comment
/// and formats to itself; if not, it refuses rather than hand back a file that says something else.
/// </summary>
public static class PolicyFormatter
{
    public const int LineWidth = 120;

    public static FormatResult Format(SourceText text)
    {
        var parsed = PolicyParser.Parse(text);
        if (parsed.Diagnostics.Any(d => d.IsError)) return new FormatResult(null, parsed.Diagnostics, null);

        var formatted = PolicyLayout.Write(text, parsed.Syntax);
        var problem = CheckFaithful(text, parsed, formatted);
        return problem is null
            ? new FormatResult(formatted, parsed.Diagnostics, null)
            : new FormatResult(null, parsed.Diagnostics, problem);
    }

    private static string? CheckFaithful(SourceText original, ParseResult parsed, string formatted)
    {
        var formattedText = new SourceText(formatted, original.Path);
        var again = PolicyParser.Parse(formattedText);
        if (again.Diagnostics.Any(d => d.IsError)) return "the formatted text would not parse";
        if (!Comments(again.Syntax).SequenceEqual(Comments(parsed.Syntax), System.StringComparer.Ordinal))
        {
            return "the formatted text would not keep every comment";
        }
        if (!Statements(again.Syntax).SequenceEqual(Statements(parsed.Syntax), System.StringComparer.Ordinal))
        {
            return "the formatted text would not read back as the same members and tests";
        }
        if (PolicyLayout.Write(formattedText, again.Syntax) != formatted)
        {
            return "the formatted text would not format to itself";
        }
        return null;
    }

    /// <summary>The comments as the layout writes them (line by line, trailing white space removed).</summary>
    private static IEnumerable<string> Comments(Syntax.PolicyFileSyntax syntax) =>
        syntax.Comments.Select(c => string.Join("\n", PolicyLayout.CommentLines(c.Text)));

    /// <summary>What a file says, member by member and expectation by expectation, as the printer writes it.</summary>
    private static IEnumerable<string> Statements(Syntax.PolicyFileSyntax syntax) =>
        syntax.Members.Select(m => SyntaxPrinter.Head(m) + " cites " + string.Join(", ", m.Citations.Select(SyntaxPrinter.Citation)))
            .Concat(syntax.Tests.SelectMany(t => SyntaxPrinter.ExpectationsOf(t).Select(e => t.Name.Value + ": " + e.Line)));
}
