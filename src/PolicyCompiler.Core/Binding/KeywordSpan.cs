using System;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Binding;

/// <summary>Where a finding about a whole statement points: its keyword, so that an editor underlines a word, not the statement's lines.</summary>
internal static class KeywordSpan
{
    public static SourceSpan Of(Permission permission) => Of(permission.Span, permission.Verb.Keyword);

    public static SourceSpan Of(RetentionRule retention) => Of(retention.Span, "retain");

    private static SourceSpan Of(SourceSpan statement, string keyword) =>
        new(statement.Start, Math.Min(keyword.Length, statement.Length), statement.Line, statement.Column);
}
