using System.Collections.Generic;
using PolicyCompiler.Parsing;
using Sprache;

namespace PolicyCompiler.Text;

/// <summary>
/// Sprache input over a <see cref="SourceText"/>. Unlike Sprache's own input it does not allocate a memo
/// table per character, computes line and column only when asked (from the text's line table), can start
/// anywhere in the text (so the parser can resume after an error), remembers where the last token ended
/// (tokens consume the trivia after them, and a node's span must not), and carries the parse context that
/// collects lexical diagnostics.
/// </summary>
internal class SourceInput : IInput
{
    private IDictionary<object, object>? _memos;

    public SourceInput(SourceText text, ParseContext context, int position, int tokenEnd)
    {
        SourceText = text;
        Context = context;
        Position = position;
        TokenEnd = tokenEnd;
    }

    public SourceText SourceText { get; }

    public ParseContext Context { get; }

    /// <summary>The end of the last token consumed before this position (trivia excluded).</summary>
    public int TokenEnd { get; }

    public string Source => SourceText.Text;

    public int Position { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= Source.Length;

    public int Line => SourceText.LineIndexOf(Position) + 1;

    public int Column => Position - SourceText.LineStart(Line) + 1;

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance() => AtEnd
        ? throw new System.InvalidOperationException("The input is already at its end.")
        : new SourceInput(SourceText, Context, Position + 1, Position + 1);

    public bool Equals(IInput? other) => other is SourceInput input && input.Position == Position && ReferenceEquals(input.SourceText, SourceText);

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => Position;

    public override string ToString() => $"Position {Position}";
}
