using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Sprache;

namespace PolicyCompiler.Parsing;

/// <summary>
/// The outcome of parsing one file: the tree (as far as it could be read) and every syntax error, or the
/// first <see cref="PolicyParser.MaxErrors"/> of them when <see cref="Stopped"/> says the parser gave up.
/// </summary>
public sealed record ParseResult(PolicyFileSyntax Syntax, IReadOnlyList<Diagnostic> Diagnostics, bool Stopped);

/// <summary>
/// Parses a whole file with error recovery. The file structure (policy header, members, test blocks) is
/// driven here; each member and expectation is parsed by its Sprache parser from <see cref="Grammar"/>.
/// After an error the parser resynchronises at the next line that starts a member (or closes the block),
/// so one pass reports every independent error of the file.
/// </summary>
public static class PolicyParser
{
    /// <summary>After this many errors the rest of a file is not parsed: its errors are likely noise.</summary>
    public const int MaxErrors = DiagnosticLimit.MaxErrors;

    private static readonly string[] TestStarts = { "allow", "deny", "expect" };

    /// <summary>Parses a file; <paramref name="verbs"/> are the decision verbs of the language (<see cref="VerbSchema.Default"/> unless given).</summary>
    public static ParseResult Parse(SourceText text, VerbSchema? verbs = null) => Parse(text, verbs, readsPlainStatements: true);

    /// <summary>As <see cref="Parse(SourceText, VerbSchema?)"/>; without <paramref name="readsPlainStatements"/> every statement goes through the combinators (see <see cref="PlainStatementReader"/>).</summary>
    internal static ParseResult Parse(SourceText text, VerbSchema? verbs, bool readsPlainStatements)
    {
        var run = new FileParse(text, DecisionGrammar.For(verbs ?? VerbSchema.Default), readsPlainStatements);
        var syntax = run.ParseFile();
        return new ParseResult(syntax, run.Diagnostics(), run.Stopped);
    }

    /// <summary>Parses <paramref name="text"/> with one production's parser, for the grammar's examples.</summary>
    internal static IResult<T> ParseProduction<T>(Parser<T> parser, SourceText text, out IReadOnlyList<Diagnostic> lexical)
    {
        var context = new ParseContext(text);
        var start = Tokens.SkipTrivia(text.Text, 0);
        var result = parser(new SourceInput(text, context, start, start));
        lexical = context.Diagnostics;
        return result;
    }

    /// <summary>The parse of one file: where it stands, its comments and its syntax errors so far.</summary>
    private sealed class FileParse
    {
        private readonly SourceText _text;
        private readonly string _s;
        private readonly ParseContext _context;
        private readonly List<Diagnostic> _syntaxErrors = new();
        private readonly DecisionGrammar _grammar;
        // Made once: a method group of an instance method is a new delegate at every use, and this one is used per statement.
        private readonly Func<string, bool> _isMember;
        private readonly List<IncompleteMemberSyntax> _incomplete = new();
        private bool _stopped;

        public FileParse(SourceText text, DecisionGrammar grammar, bool readsPlainStatements)
        {
            _grammar = grammar;
            _isMember = grammar.IsMember;
            _text = text;
            _s = text.Text;
            _context = new ParseContext(text) { ReadsPlainStatements = readsPlainStatements };
        }

        public bool Stopped => _stopped;

        public IReadOnlyList<Diagnostic> Diagnostics() => _context.Diagnostics.Concat(_syntaxErrors).ToList();

        public PolicyFileSyntax ParseFile()
        {
            var comments = CommentScanner.Scan(_context);
            var members = new ArrayBuilder<MemberSyntax>();
            var tests = new List<TestBlockSyntax>();
            _incomplete.Clear();
            var position = Tokens.SkipTrivia(_s, 0);

            NameSyntax? id = null;
            var header = Grammar.PolicyHeader(Input(position));
            if (header.WasSuccessful)
            {
                id = header.Value;
                position = ParseBlock(Next(header), members, "policy", _text.SpanOf(position, 0).Line, _isMember, ParseMember);
            }
            else
            {
                ReportFailure(header, "A policy file starts with 'policy <name> {', followed by its declarations and statements and a closing '}'.");
                var resume = _isMember(Word(position)) ? position : ResyncLine(position, w => _isMember(w) || w == "test");
                position = resume < _s.Length && Word(resume) != "test"
                    ? ParseBlock(resume, members, blockName: null, 0, _isMember, ParseMember)
                    : resume;
            }

            while (!_stopped && position < _s.Length)
            {
                var test = Grammar.TestHeader(Input(position));
                if (!test.WasSuccessful)
                {
                    ReportFailure(test, "After the policy's closing '}' only test blocks may follow: test \"name\" { allow … deny … }.");
                    position = ResyncLine(position, w => w == "test");
                    continue;
                }
                var items = new ArrayBuilder<SyntaxNode>();
                var start = position;
                position = ParseBlock(Next(test), items, "test block", _text.SpanOf(start, 0).Line, w => TestStarts.Contains(w), ParseExpectation);
                var parsed = items.ToEquatableArray();
                tests.Add(new TestBlockSyntax(_text.SpanFromBounds(start, Math.Min(position, _s.Length)), test.Value, parsed.OfType<ExpectationSyntax>().ToEquatableArray())
                {
                    Facts = parsed.OfType<FactExpectationSyntax>().ToEquatableArray(),
                });
            }

            return new PolicyFileSyntax(_text.SpanOf(0, _s.Length), id, members.ToEquatableArray(), tests.ToEquatableArray(), comments)
            {
                Incomplete = _incomplete.ToEquatableArray(),
            };
        }

        /// <summary>
        /// Parses items up to the closing brace of a block; returns the position after it. A null block name
        /// means the block's header was unreadable: its items are still checked, but no brace is owed.
        /// </summary>
        private int ParseBlock<T>(int position, ArrayBuilder<T> items, string? blockName, int openLine, Func<string, bool> startsItem, Func<int, ArrayBuilder<T>, int> parseItem)
        {
            while (!_stopped)
            {
                position = Tokens.SkipTrivia(_s, position);
                if (position >= _s.Length)
                {
                    if (blockName is null) return position;
                    At(_text.SpanOf(_s.Length, 0)).MissingClosingBrace(blockName, openLine);
                    return position;
                }
                if (_s[position] == '}') return Tokens.SkipTrivia(_s, position + 1);

                var word = Word(position);
                if (startsItem(word))
                {
                    position = parseItem(position, items);
                    continue;
                }
                if (word == "test" && blockName != "test block")
                {
                    At(_text.SpanOf(position, 4)).SyntaxError("'}' to close the policy", "keyword 'test'", "Test blocks follow the policy's closing '}'.");
                    return position;
                }
                ReportUnknown(position, word, blockName == "test block" ? TestStarts : _grammar.MemberKeywords);
                position = ResyncLine(position, startsItem);
            }
            return _s.Length;
        }

        private int ParseMember(int position, ArrayBuilder<MemberSyntax> members)
        {
            var keyword = Word(position);
            var result = _grammar.Members[keyword](Input(position));
            if (!result.WasSuccessful)
            {
                var stop = ReportFailure(result, DiagnosticBuilder.FormOf(keyword, _grammar.FormOf(keyword)));
                KeepIncomplete(position, keyword, stop, result.Expectations);
                return ResyncLine(position, _isMember);
            }
            var (next, complete) = CheckStatementEnd(result, keyword, _isMember);
            if (complete) members.Add(result.Value);
            else KeepIncomplete(position, keyword, result.Remainder.Position, new[] { "the end of the line" });
            return next;
        }

        /// <summary>
        /// Keeps a member that did not parse, with what did: its parser runs again over it with a trace, which
        /// records every token and node completed before <paramref name="stop"/>. Only failed members pay for this.
        /// </summary>
        private void KeepIncomplete(int position, string keyword, int stop, IEnumerable<string> expected)
        {
            var trace = new List<SyntaxNode>();
            _context.Trace = trace;
            try
            {
                _grammar.Members[keyword](Input(position));
            }
            finally
            {
                _context.Trace = null;
            }
            var read = trace
                .Where(n => n.Span.Length > 0 && n.Span.End <= stop && !(n is MemberSyntax))
                .GroupBy(n => (n.GetType(), n.Span.Start, n.Span.Length)).Select(g => g.First())
                .OrderBy(n => n.Span.Start).ThenByDescending(n => n.Span.Length)
                .ToList();
            var tokens = read.Where(IsToken).ToEquatableArray();
            var nodes = new List<SyntaxNode>();
            foreach (var node in read.Where(n => !IsToken(n)))
            {
                if (nodes.Count == 0 || node.Span.Start >= nodes[nodes.Count - 1].Span.End) nodes.Add(node);
            }
            var end = Math.Max(stop, tokens.Count == 0 ? position : tokens[tokens.Count - 1].Span.End);
            var missing = new MissingSyntax(expected.Distinct(StringComparer.Ordinal).ToEquatableArray(), _text.SpanOf(Math.Min(stop, _s.Length), 0));
            _incomplete.Add(new IncompleteMemberSyntax(_text.SpanFromBounds(position, Math.Min(end, _s.Length)), keyword, tokens, nodes.ToEquatableArray(), missing));
        }

        private static bool IsToken(SyntaxNode node) => node is KeywordSyntax or NameSyntax or PatternSyntax or StringSyntax or DateSyntax;

        private int ParseExpectation(int position, ArrayBuilder<SyntaxNode> expectations)
        {
            if (Word(position) == "expect") return ParseFactExpectation(position, expectations);
            var result = _grammar.Expectation(Input(position));
            var form = "allow|deny (" + string.Join(" | ", _grammar.Schema.Verbs.Select(v => v.QuestionForm())) + "), or expect [no] (retain | right | consent | duty) …";
            if (!result.WasSuccessful)
            {
                ReportFailure(result, "The form of an expectation is: " + form);
                return ResyncLine(position, w => TestStarts.Contains(w));
            }
            var (next, complete) = CheckStatementEnd(result, Word(position), w => TestStarts.Contains(w));
            if (complete) expectations.Add(result.Value);
            return next;
        }

        /// <summary><c>expect [no] retain|right|consent|duty …</c>: the statement as the policy would write it, without citations.</summary>
        private int ParseFactExpectation(int position, ArrayBuilder<SyntaxNode> expectations)
        {
            var result = Grammar.FactExpectation(Input(position));
            if (!result.WasSuccessful)
            {
                ReportFailure(result, "An 'expect' line writes a retain, right, consent or duty statement as the policy would, without 'cites': expect right erasure via email within 30 days.");
                return ResyncLine(position, w => TestStarts.Contains(w));
            }
            var (next, complete) = CheckStatementEnd(result, Word(position), w => TestStarts.Contains(w));
            if (complete) expectations.Add(result.Value);
            return next;
        }

        /// <summary>
        /// A statement ends at the end of its line (or at a closing brace); anything else there is an error.
        /// Returns where to go on, and whether the statement is complete. One with trailing text is dropped:
        /// its later clauses were not read, and binding what was read would report their absence as more errors.
        /// </summary>
        private (int Next, bool Complete) CheckStatementEnd<T>(IResult<T> result, string keyword, Func<string, bool> startsItem)
        {
            var rest = (SourceInput)result.Remainder;
            if (rest.AtEnd || rest.Current == '}' || _text.LineIndexOf(rest.TokenEnd) != _text.LineIndexOf(rest.Position))
            {
                return (rest.Position, true);
            }
            At(TokenSpan(rest.Position)).TrailingText(Tokens.Describe(_s, rest.Position), keyword, _grammar.FormOf(keyword));
            return (ResyncLine(rest.Position, startsItem), false);
        }

        private void ReportUnknown(int position, string word, IReadOnlyList<string> expected)
        {
            var suggestion = word.Length == 0 ? null : Suggestions.Closest(word, expected);
            At(TokenSpan(position)).UnknownStatement(Tokens.Describe(_s, position), suggestion, expected);
        }

        /// <summary>
        /// Reports a Sprache failure as "expected …; found …". A failure after a line break is reported at
        /// the end of the line where the statement stopped short, which is where the author must add to it.
        /// </summary>
        /// <returns>Where the statement stopped short: the failure, or the end of the line before it.</returns>
        private int ReportFailure<T>(IResult<T> failure, string help)
        {
            var at = (SourceInput)failure.Remainder;
            var expected = Expected(failure.Expectations);
            var position = at.Position;
            var found = Tokens.Describe(_s, position);
            if (at.TokenEnd < position && _text.LineIndexOf(at.TokenEnd) < _text.LineIndexOf(position))
            {
                found = position >= _s.Length ? "end of file" : "end of line";
                position = at.TokenEnd;
                At(_text.SpanOf(position, 0)).SyntaxError(expected, found, help);
                return position;
            }
            At(TokenSpan(position)).SyntaxError(expected, found, help);
            return position;
        }

        private static string Expected(IEnumerable<string> expectations)
        {
            var list = expectations.Distinct(StringComparer.Ordinal).ToList();
            if (list.Count == 0) return "more input";
            if (list.Count == 1) return list[0];
            return string.Join(", ", list.Take(list.Count - 1)) + " or " + list[list.Count - 1];
        }

        /// <summary>
        /// The start of the first line after <paramref name="position"/>'s line whose first word satisfies
        /// <paramref name="startsItem"/> or that starts with a closing brace; the end of the file if none does.
        /// </summary>
        private int ResyncLine(int position, Func<string, bool> startsItem)
        {
            var line = _text.LineIndexOf(Math.Min(position, _s.Length)) + 1;
            for (; line < _text.LineCount; line++)
            {
                var start = _text.LineStart(line + 1);
                var first = start;
                while (first < _s.Length && (_s[first] == ' ' || _s[first] == '\t' || _s[first] == '\uFEFF')) first++;
                if (first >= _s.Length) break;
                if (_s[first] == '}') return first;
                var word = Word(first);
                if (word.Length > 0 && startsItem(word)) return first;
            }
            return _s.Length;
        }

        /// <summary>The word at a position, from the name table: every member starts with one, and most are the same few keywords.</summary>
        private string Word(int position)
        {
            var end = Tokens.ScanIdentifier(_s, position);
            return _context.Names.Intern(_s, position, end - position);
        }

        private SourceSpan TokenSpan(int position)
        {
            if (position >= _s.Length) return _text.SpanOf(_s.Length, 0);
            var end = Tokens.ScanIdentifier(_s, position);
            if (end == position) end = position + (char.IsHighSurrogate(_s[position]) && position + 1 < _s.Length ? 2 : 1);
            return _text.SpanFromBounds(position, end);
        }

        private SourceInput Input(int position) => new(_text, _context, position, position);

        private static int Next<T>(IResult<T> result) => result.Remainder.Position;

        /// <summary>A syntax error at <paramref name="span"/>; past <see cref="MaxErrors"/> the parse stops and nothing more is kept.</summary>
        private DiagnosticBuilder At(SourceSpan span) => DiagnosticBuilder.At(_text, span, diagnostic =>
        {
            if (_context.Diagnostics.Count + _syntaxErrors.Count >= MaxErrors) _stopped = true;
            else _syntaxErrors.Add(diagnostic);
        });
    }
}
