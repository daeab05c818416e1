using System;
using System.Collections.Generic;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Sprache;

namespace PolicyCompiler.Parsing;

/// <summary>
/// A syntax node as a fixed sequence of parsers: each runs where the previous one stopped, and when all
/// succeed their values and the node's span (from its first token to the end of its last, trivia excluded)
/// make the node. This is Sprache's query-expression sequencing (<c>from … in … select</c>) in the shape of
/// Pidgin's <c>Map</c>: a query allocates a result and a transparent-identifier object per <c>from</c> and a
/// closure for the span, which made up a third of the parser's allocations; this allocates the node's result only.
/// </summary>
internal static class NodeSequence
{
    public static Parser<TNode> Node<T1, TNode>(Parser<T1> p1, Func<SourceSpan, T1, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var v1 = run.Next(p1);
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1));
    };

    public static Parser<TNode> Node<T1, T2, TNode>(Parser<T1> p1, Parser<T2> p2, Func<SourceSpan, T1, T2, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var (v1, v2) = (run.Next(p1), run.Next(p2));
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1, v2));
    };

    public static Parser<TNode> Node<T1, T2, T3, TNode>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Func<SourceSpan, T1, T2, T3, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var (v1, v2, v3) = (run.Next(p1), run.Next(p2), run.Next(p3));
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1, v2, v3));
    };

    public static Parser<TNode> Node<T1, T2, T3, T4, TNode>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Func<SourceSpan, T1, T2, T3, T4, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var (v1, v2, v3, v4) = (run.Next(p1), run.Next(p2), run.Next(p3), run.Next(p4));
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1, v2, v3, v4));
    };

    public static Parser<TNode> Node<T1, T2, T3, T4, T5, TNode>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Parser<T5> p5, Func<SourceSpan, T1, T2, T3, T4, T5, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var (v1, v2, v3, v4, v5) = (run.Next(p1), run.Next(p2), run.Next(p3), run.Next(p4), run.Next(p5));
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1, v2, v3, v4, v5));
    };

    public static Parser<TNode> Node<T1, T2, T3, T4, T5, T6, TNode>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Parser<T5> p5, Parser<T6> p6, Func<SourceSpan, T1, T2, T3, T4, T5, T6, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var (v1, v2, v3, v4, v5, v6) = (run.Next(p1), run.Next(p2), run.Next(p3), run.Next(p4), run.Next(p5), run.Next(p6));
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1, v2, v3, v4, v5, v6));
    };

    public static Parser<TNode> Node<T1, T2, T3, T4, T5, T6, T7, TNode>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Parser<T5> p5, Parser<T6> p6, Parser<T7> p7, Func<SourceSpan, T1, T2, T3, T4, T5, T6, T7, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var (v1, v2, v3, v4, v5, v6, v7) = (run.Next(p1), run.Next(p2), run.Next(p3), run.Next(p4), run.Next(p5), run.Next(p6), run.Next(p7));
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1, v2, v3, v4, v5, v6, v7));
    };

    public static Parser<TNode> Node<T1, T2, T3, T4, T5, T6, T7, T8, TNode>(Parser<T1> p1, Parser<T2> p2, Parser<T3> p3, Parser<T4> p4, Parser<T5> p5, Parser<T6> p6, Parser<T7> p7, Parser<T8> p8, Func<SourceSpan, T1, T2, T3, T4, T5, T6, T7, T8, TNode> make) => input =>
    {
        var run = new Sequence(input);
        var (v1, v2, v3, v4, v5, v6, v7, v8) = (run.Next(p1), run.Next(p2), run.Next(p3), run.Next(p4), run.Next(p5), run.Next(p6), run.Next(p7), run.Next(p8));
        return run.Failed ? run.Failure<TNode>() : run.Success(make(run.Span, v1, v2, v3, v4, v5, v6, v7, v8));
    };

    /// <summary>
    /// The state of one sequence: where it started, where it is, and the first failure. After a failure the
    /// remaining parsers are skipped (tuple elements are evaluated left to right), so the failure reported is
    /// the first one, as with Sprache's sequencing. Nodes of a variable number of parts (a decision statement,
    /// one clause per dimension of its verb) run one directly.
    /// </summary>
    internal struct Sequence
    {
        private readonly int _start;
        private IInput _rest;
        private string _message;
        private IEnumerable<string> _expectations;
        private bool _failed;

        public Sequence(IInput input)
        {
            _start = input.Position;
            _rest = input;
            _message = string.Empty;
            _expectations = Array.Empty<string>();
            _failed = false;
        }

        public readonly bool Failed => _failed;

        /// <summary>Where the sequence stands: the input of its next part.</summary>
        public readonly IInput Rest => _rest;

        public readonly SourceSpan Span
        {
            get
            {
                var end = (SourceInput)_rest;
                return end.SourceText.SpanFromBounds(_start, Math.Max(_start, end.TokenEnd));
            }
        }

        public T Next<T>(Parser<T> parser)
        {
            if (Failed) return default!;
            var result = parser(_rest);
            _rest = result.Remainder;
            if (result.WasSuccessful) return result.Value;
            _message = result.Message;
            _expectations = result.Expectations;
            _failed = true;
            return default!;
        }

        public readonly IResult<T> Success<T>(T value)
        {
            if (value is SyntaxNode node && ((SourceInput)_rest).Context.Trace is { } trace) trace.Add(node);
            return Result.Success(value, _rest);
        }

        public readonly IResult<T> Failure<T>() => Result.Failure<T>(_rest, _message, _expectations);
    }
}
