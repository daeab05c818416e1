using System.Collections.Generic;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Parsing;

/// <summary>
/// What the parse of one file shares across tokens: its name table, and the diagnostics found while reading tokens (a bad escape, an unterminated string) that do not stop the
/// parse. A token may be read more than once when the parser backtracks, so a diagnostic is kept once
/// per code and position.
/// </summary>
internal sealed class ParseContext
{
    private readonly HashSet<(string Code, int Start)> _seen = new();
    private readonly List<Diagnostic> _diagnostics = new();

    public ParseContext(SourceText text) => Text = text;

    public SourceText Text { get; }

    /// <summary>The names of the file, each allocated once.</summary>
    public NameTable Names { get; } = new();

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// While not null, every token and node that parses is added here: the parser sets it to read again a member
    /// that failed, to keep the parts that did parse (see <see cref="IncompleteMemberSyntax"/>). Null otherwise, so
    /// that a file that parses costs nothing for it.
    /// </summary>
    public List<SyntaxNode>? Trace { get; set; }

    /// <summary>
    /// Whether decision statements are read by <see cref="PlainStatementReader"/> where it can (always, but in the
    /// test that compares its trees with the combinators').
    /// </summary>
    public bool ReadsPlainStatements { get; init; } = true;

    /// <summary>A diagnostic of a token at <paramref name="start"/>, kept once per code and position (a token may be read again).</summary>
    public DiagnosticBuilder At(int start, int length) => DiagnosticBuilder.At(Text, Text.SpanOf(start, length), diagnostic =>
    {
        if (_seen.Add((diagnostic.Code, start))) _diagnostics.Add(diagnostic);
    });
}
