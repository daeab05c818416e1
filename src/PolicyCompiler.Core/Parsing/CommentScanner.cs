using System.Collections.Generic;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Parsing;

/// <summary>
/// Finds every comment of a file in one linear pass, so that the parser can treat comments as trivia and
/// the formatter still gets them all. It knows string literals (one line each, as the lexer reads them),
/// so that <c>//</c> inside a string is not taken for a comment.
/// </summary>
internal static class CommentScanner
{
    public static EquatableArray<CommentSyntax> Scan(ParseContext context)
    {
        var s = context.Text.Text;
        var comments = new List<CommentSyntax>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                i = SkipString(s, i);
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                var end = i + 2;
                while (end < s.Length && s[end] != '\n' && s[end] != '\r') end++;
                comments.Add(new CommentSyntax(s.Substring(i, end - i), context.Text.SpanFromBounds(i, end)));
                i = end;
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var close = s.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                if (close < 0) context.At(i, 2).UnterminatedComment();
                var end = close < 0 ? s.Length : close + 2;
                comments.Add(new CommentSyntax(s.Substring(i, end - i), context.Text.SpanFromBounds(i, end)));
                i = end;
            }
            else
            {
                i++;
            }
        }
        return comments.ToEquatableArray();
    }

    private static int SkipString(string s, int i)
    {
        i++;
        while (i < s.Length && s[i] != '"' && s[i] != '\n' && s[i] != '\r')
        {
            i += s[i] == '\\' && i + 1 < s.Length && s[i + 1] != '\n' && s[i + 1] != '\r' ? 2 : 1;
        }
        return i < s.Length && s[i] == '"' ? i + 1 : i;
    }
}
