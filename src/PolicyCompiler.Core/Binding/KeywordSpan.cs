using System;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Binding;

/// <summary>Where a finding about a whole statement points: its keyword, so that an editor underlines a word, not the statement's lines.</summary>
internal static class KeywordSpan
{
    /// <summary>The statement's keyword; for a share a tracker implies, the tracker's declaration's.</summary>
    public static SourceSpan Of(Permission permission) => Of(permission.Span, permission.ImpliedByTracker is null ? permission.Verb.Keyword : Keywords.Of(DeclarationKind.Tracking));

    public static SourceSpan Of(Term term) => Of(term.Span, Keywords.Of(term.Kind));

    public static SourceSpan Of(RetentionRule retention) => Of(retention.Span, "retain");

    private static SourceSpan Of(SourceSpan statement, string keyword) =>
        new(statement.Start, Math.Min(keyword.Length, statement.Length), statement.Line, statement.Column);
}
