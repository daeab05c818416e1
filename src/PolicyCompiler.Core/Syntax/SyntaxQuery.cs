using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace PolicyCompiler.Syntax;

/// <summary>
/// Questions an editor asks of a parsed file: what is at an offset (the nodes that contain it, outermost
/// first, complete members and incomplete ones alike, and the comment it is in), and what could come next
/// where a member stopped short.
/// </summary>
public static class SyntaxQuery
{
    // The properties of each node type that hold nodes, found once per type: the tree has a few dozen types.
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ChildProperties = new();

    /// <summary>The nodes whose span contains <paramref name="offset"/>, from the file down to the innermost; a span's end counts as inside.</summary>
    public static IReadOnlyList<SyntaxNode> PathAt(PolicyFileSyntax file, int offset)
    {
        if (file is null) throw new ArgumentNullException(nameof(file));
        var path = new List<SyntaxNode> { file };
        SyntaxNode? current = file;
        while (current is not null)
        {
            current = Children(current).Where(child => Contains(child.Span, offset))
                // The innermost of overlapping candidates: the shortest span, then the later start (a token at its end beats its neighbour).
                .OrderBy(child => child.Span.Length).ThenByDescending(child => child.Span.Start).FirstOrDefault();
            if (current is not null) path.Add(current);
        }
        return path;
    }

    /// <summary>The innermost node at <paramref name="offset"/> (the file itself when nothing else is there).</summary>
    public static SyntaxNode NodeAt(PolicyFileSyntax file, int offset)
    {
        var path = PathAt(file, offset);
        return path[path.Count - 1];
    }

    /// <summary>The comment <paramref name="offset"/> is in, if any.</summary>
    public static CommentSyntax? CommentAt(PolicyFileSyntax file, int offset) =>
        file?.Comments.FirstOrDefault(c => c.Span.Start <= offset && offset < c.Span.End);

    /// <summary>The incomplete member <paramref name="offset"/> is in or just after, if any.</summary>
    public static IncompleteMemberSyntax? IncompleteAt(PolicyFileSyntax file, int offset) =>
        file?.Incomplete.LastOrDefault(m => m.Span.Start <= offset && offset <= Math.Max(m.Span.End, m.Missing.Span.End));

    /// <summary>
    /// What could come at <paramref name="offset"/>: where a member stopped short, the words and kinds of value
    /// the parser expected there ("'from'", "subject name"); nothing elsewhere.
    /// </summary>
    public static IReadOnlyList<string> ExpectedAt(PolicyFileSyntax file, string text, int offset)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var member = IncompleteAt(file, offset);
        if (member is null) return Array.Empty<string>();
        var at = member.Missing.Span.Start;
        // At the missing part, or in the white space after the last token read.
        var whiteUntil = at;
        while (whiteUntil < text.Length && (text[whiteUntil] == ' ' || text[whiteUntil] == '\t')) whiteUntil++;
        return offset >= at && offset <= whiteUntil ? member.Missing.Expected : Array.Empty<string>();
    }

    /// <summary>The nodes directly below a node: its node-valued properties and the nodes of its list-valued ones, in position order.</summary>
    public static IEnumerable<SyntaxNode> Children(SyntaxNode node)
    {
        if (node is null) throw new ArgumentNullException(nameof(node));
        var children = new List<SyntaxNode>();
        if (node is PolicyFileSyntax file)
        {
            // Incomplete members are an init-only list beside the members; comments are trivia, asked by CommentAt.
            children.AddRange(file.Members);
            children.AddRange(file.Incomplete);
            children.AddRange(file.Tests);
            if (file.Id is not null) children.Add(file.Id);
            return children.OrderBy(c => c.Span.Start);
        }
        foreach (var property in ChildProperties.GetOrAdd(node.GetType(), NodeProperties))
        {
            switch (property.GetValue(node))
            {
                case SyntaxNode child when child.Span.Length > 0 || child is MissingSyntax:
                    children.Add(child);
                    break;
                case IEnumerable items when items is not string:
                    children.AddRange(items.OfType<SyntaxNode>());
                    break;
            }
        }
        return children.OrderBy(c => c.Span.Start);
    }

    private static PropertyInfo[] NodeProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(SyntaxNode.Span)
                && (typeof(SyntaxNode).IsAssignableFrom(p.PropertyType) || (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string))))
            .ToArray();

    private static bool Contains(Text.SourceSpan span, int offset) => span.Start <= offset && offset <= span.End;
}
