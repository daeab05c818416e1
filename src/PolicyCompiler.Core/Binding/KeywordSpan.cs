using System;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Binding;

/// <summary>Where a finding about a whole statement points: its keyword, so that an editor underlines a word, not the statement's lines.</summary>
internal static class KeywordSpan
{
    public static SourceSpan Of(Permission permission)
    {
        var length = permission.Verb.Keyword.Length;
        return new SourceSpan(permission.Span.Start, Math.Min(length, permission.Span.Length), permission.Span.Line, permission.Span.Column);
    }
}
