using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Sprache;

namespace PolicyCompiler.Parsing;

/// <summary>
/// The lexical layer: hand-written Sprache parsers for single tokens. Each token starts exactly at the
/// input position, fails there without consuming anything, and on success skips the trivia (white space
/// and comments) after it. Being leaf parsers over a string index, they run in time linear in the token
/// and never backtrack.
/// </summary>
internal static class Tokens
{
    // Expectations are allocated once per parser, not per failed attempt: optional clauses fail all the time.
    private static string[] Expect(string expectation) => new[] { expectation };

    private static readonly string[] ExpectString = Expect("a string");
    private static readonly string[] ExpectSection = Expect("'§' and a section");
    private static readonly string[] ExpectSectionNumber = Expect("a section number after '§'");
    private static readonly string[] ExpectCheckAfterColon = Expect("a check after ':', with no space (gdpr:dpo)");
    private static readonly string[] ExpectFinding = Expect("a lint finding ('gdpr:dpo', or a check such as 'dpo' for every law)");
    private static readonly string[] ExpectDate = Expect("a date (YYYY-MM-DD)");
    private static readonly string[] ExpectNumber = Expect("a number");

    public static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is (>= '0' and <= '9') or '_' or '-';

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetterOrDigit(char c) => IsIdentifierStart(c) || IsDigit(c);

    /// <summary>The position of the next token at or after <paramref name="i"/>: white space and comments skipped.</summary>
    public static int SkipTrivia(string s, int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                i++;
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '/')
            {
                i += 2;
                while (i < s.Length && s[i] != '\n' && s[i] != '\r') i++;
            }
            else if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                var close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? s.Length : close + 2;
            }
            else
            {
                break;
            }
        }
        return i;
    }

    /// <summary>The end of the identifier starting at <paramref name="i"/> (or <paramref name="i"/> if there is none).</summary>
    public static int ScanIdentifier(string s, int i)
    {
        if (i >= s.Length || !IsIdentifierStart(s[i])) return i;
        var end = i + 1;
        while (end < s.Length && IsIdentifierPart(s[end])) end++;
        return end;
    }

    public static Parser<SourceSpan> Keyword(string word) => Keyword(word, "'" + word + "'");

    /// <summary>A keyword whose absence is reported as <paramref name="expectation"/> (where several words may stand).</summary>
    public static Parser<SourceSpan> Keyword(string word, string expectation)
    {
        var expected = Expect(expectation);
        return input =>
        {
            var at = (SourceInput)input;
            if (!StartsWithWord(at, word)) return Failure<SourceSpan>(at, expected);
            var span = at.SourceText.SpanOf(at.Position, word.Length);
            at.Context.Trace?.Add(new KeywordSyntax(word, span));
            return Success(at, span, at.Position + word.Length);
        };
    }

    /// <summary>Whether the input is at <paramref name="word"/> as a whole word; lets optional clauses look before they parse.</summary>
    public static bool StartsWithWord(IInput input, string word) => StartsWithWord(input.Source, input.Position, word);

    /// <summary>Whether <paramref name="s"/> has <paramref name="word"/> as a whole word at <paramref name="i"/>.</summary>
    public static bool StartsWithWord(string s, int i, string word) =>
        string.CompareOrdinal(s, i, word, 0, word.Length) == 0 && ScanIdentifier(s, i) == i + word.Length;

    public static Parser<SourceSpan> Punctuation(char c)
    {
        var expected = Expect("'" + c + "'");
        return input =>
        {
            var at = (SourceInput)input;
            return !at.AtEnd && at.Current == c
                ? Success(at, at.SourceText.SpanOf(at.Position, 1), at.Position + 1)
                : Failure<SourceSpan>(at, expected);
        };
    }

    public static readonly Parser<SourceSpan> Comma = Punctuation(',');

    /// <summary>A dotted name whose first part is not a reserved word.</summary>
    public static Parser<NameSyntax> Name(string what)
    {
        var expected = Expect(what);
        return input =>
        {
            var at = (SourceInput)input;
            return ReadName(at, at.Position, out var end) is { } name ? Success(at, name, end) : Failure<NameSyntax>(at, expected);
        };
    }

    /// <summary>The name at <paramref name="start"/> (or null) and where it ends: <see cref="Name"/> without its result, for <see cref="PlainStatementReader"/>.</summary>
    internal static NameSyntax? ReadName(SourceInput at, int start, out int end)
    {
        end = ScanDottedName(at.Source, start, allowStar: false);
        if (end == start || Keywords.IsReserved(FirstPart(at, start, end))) return null;
        return new NameSyntax(at.Context.Names.Intern(at.Source, start, end - start), at.SourceText.SpanFromBounds(start, end));
    }

    /// <summary><c>*</c>, a name, or a name ending in <c>.*</c>.</summary>
    public static Parser<PatternSyntax> Pattern(string what)
    {
        var expected = Expect(what);
        return input =>
        {
            var at = (SourceInput)input;
            return ReadPattern(at, at.Position, excluded: false, out var end) is { } pattern ? Success(at, pattern, end) : Failure<PatternSyntax>(at, expected);
        };
    }

    /// <summary>The pattern at <paramref name="start"/> (or null) and where it ends: <see cref="Pattern"/> without its result.</summary>
    internal static PatternSyntax? ReadPattern(SourceInput at, int start, bool excluded, out int end)
    {
        var s = at.Source;
        if (start < s.Length && s[start] == '*')
        {
            end = start + 1;
        }
        else
        {
            end = ScanDottedName(s, start, allowStar: true);
            if (end == start || Keywords.IsReserved(FirstPart(at, start, end))) return null;
        }
        return new PatternSyntax(at.Context.Names.Intern(s, start, end - start), at.SourceText.SpanFromBounds(start, end)) { Excluded = excluded };
    }

    /// <summary>
    /// A single word of a closed vocabulary (a legal basis, a right, a country code, …). Member keywords are
    /// allowed (<c>basis consent</c>); clause words are not, as no vocabulary has them.
    /// </summary>
    public static Parser<NameSyntax> VocabularyWord(string what)
    {
        var expected = Expect(what);
        return input =>
        {
            var at = (SourceInput)input;
            return ReadVocabularyWord(at, at.Position, out var end) is { } word ? Success(at, word, end) : Failure<NameSyntax>(at, expected);
        };
    }

    /// <summary>The vocabulary word at <paramref name="start"/> (or null) and where it ends: <see cref="VocabularyWord"/> without its result.</summary>
    internal static NameSyntax? ReadVocabularyWord(SourceInput at, int start, out int end)
    {
        end = ScanIdentifier(at.Source, start);
        if (end == start) return null;
        var word = at.Context.Names.Intern(at.Source, start, end - start);
        return Keywords.IsClauseWord(word) ? null : new NameSyntax(word, at.SourceText.SpanFromBounds(start, end));
    }

    /// <summary>
    /// A one-line string literal with escapes. An unterminated string or a bad escape is reported to the
    /// parse context and the literal still succeeds (up to the end of the line), so parsing goes on.
    /// </summary>
    public static readonly Parser<StringSyntax> String = input =>
    {
        var at = (SourceInput)input;
        var s = at.Source;
        var start = at.Position;
        if (start >= s.Length || s[start] != '"') return Failure<StringSyntax>(at, ExpectString);
        var value = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= s.Length || s[i] == '\n' || s[i] == '\r')
            {
                at.Context.At(start, i - start).UnterminatedString();
                return Success(at, new StringSyntax(value.ToString(), at.SourceText.SpanFromBounds(start, i)), i);
            }
            var c = s[i];
            if (c == '"') break;
            if (c == '\\')
            {
                i = ReadEscape(at, s, i, value);
                continue;
            }
            value.Append(c);
            i++;
        }
        return Success(at, new StringSyntax(value.ToString(), at.SourceText.SpanFromBounds(start, i + 1)), i + 1);
    };

    /// <summary><c>§</c> followed by a section number or id such as <c>5.2.1</c> or <c>1)</c>; a trailing dot is not part of it.</summary>
    public static readonly Parser<NameSyntax> Section = input =>
    {
        var at = (SourceInput)input;
        if (ReadSection(at, at.Position, out var end) is { } section) return Success(at, section, end);
        return Failure<NameSyntax>(at, at.AtEnd || at.Current != '§' ? ExpectSection : ExpectSectionNumber);
    };

    /// <summary>The section at <paramref name="start"/> (or null) and where it ends: <see cref="Section"/> without its result.</summary>
    internal static NameSyntax? ReadSection(SourceInput at, int start, out int end)
    {
        var s = at.Source;
        end = start;
        if (start >= s.Length || s[start] != '§' || start + 1 >= s.Length || !IsAsciiLetterOrDigit(s[start + 1])) return null;
        end = start + 2;
        while (end < s.Length && (IsAsciiLetterOrDigit(s[end]) || s[end] is '.' or ')' or '-' or '_' or '#')) end++;
        // A trailing dot, as legal texts write section numbers ("5.2.1."), belongs to the token but not to the id.
        var idEnd = end;
        while (idEnd > start + 2 && s[idEnd - 1] == '.') idEnd--;
        return new NameSyntax(at.Context.Names.Intern(s, start + 1, idEnd - start - 1), at.SourceText.SpanFromBounds(start, end));
    }

    /// <summary>
    /// A lint finding as the lint prints it between brackets: words joined by colons (<c>gdpr:right:portability</c>),
    /// the first naming the law where there are two or more. Which words are findings is the binder's question.
    /// </summary>
    public static readonly Parser<NameSyntax> FindingName = input =>
    {
        var at = (SourceInput)input;
        var s = at.Source;
        var end = ScanIdentifier(s, at.Position);
        if (end == at.Position) return Failure<NameSyntax>(at, ExpectFinding);
        while (end < s.Length && s[end] == ':')
        {
            var next = ScanIdentifier(s, end + 1);
            // "gdpr:" or "a::b": the colon is the finding's, so the error is what should follow it.
            if (next == end + 1) return Failure<NameSyntax>(new SourceInput(at.SourceText, at.Context, end + 1, end + 1), ExpectCheckAfterColon);
            end = next;
        }
        return Success(at, new NameSyntax(at.Context.Names.Intern(s, at.Position, end - at.Position), at.SourceText.SpanFromBounds(at.Position, end)), end);
    };

    /// <summary>A date shaped YYYY-MM-DD; whether it is a real date is the binder's question.</summary>
    public static readonly Parser<DateSyntax> Date = input =>
    {
        var at = (SourceInput)input;
        var s = at.Source;
        var start = at.Position;
        var end = start;
        while (end < s.Length && (IsDigit(s[end]) || s[end] == '-')) end++;
        var text = s.Substring(start, end - start);
        var shaped = text.Length == 10 && text[4] == '-' && text[7] == '-' && IsDigits(text, 0, 4) && IsDigits(text, 5, 2) && IsDigits(text, 8, 2);
        return shaped && (end >= s.Length || !IsIdentifierPart(s[end]))
            ? Success(at, new DateSyntax(text, at.SourceText.SpanFromBounds(start, end)), end)
            : Failure<DateSyntax>(at, ExpectDate);
    };

    /// <summary>A whole number as written (the binder checks its range).</summary>
    public static readonly Parser<NameSyntax> Number = input =>
    {
        var at = (SourceInput)input;
        var s = at.Source;
        var end = at.Position;
        while (end < s.Length && IsDigit(s[end])) end++;
        return end == at.Position || (end < s.Length && IsIdentifierPart(s[end]))
            ? Failure<NameSyntax>(at, ExpectNumber)
            : Success(at, new NameSyntax(at.Context.Names.Intern(s, at.Position, end - at.Position), at.SourceText.SpanFromBounds(at.Position, end)), end);
    };

    /// <summary>
    /// One or more items separated by commas. After a comma an item is required: a list cut short
    /// is an error at the missing item, not a silently shorter list.
    /// </summary>
    public static Parser<EquatableArray<T>> ListOf<T>(Parser<T> item) => input =>
    {
        var first = item(input);
        if (!first.WasSuccessful) return Result.Failure<EquatableArray<T>>(first.Remainder, first.Message, first.Expectations);
        var rest = first.Remainder;
        if (!AtComma(rest)) return Result.Success(new EquatableArray<T>(new[] { first.Value }), rest);   // the common case
        var items = new List<T> { first.Value };
        while (AtComma(rest))
        {
            var next = item(Comma(rest).Remainder);
            if (!next.WasSuccessful) return Result.Failure<EquatableArray<T>>(next.Remainder, next.Message, next.Expectations);
            items.Add(next.Value);
            rest = next.Remainder;
        }
        return Result.Success(new EquatableArray<T>(items.ToArray()), rest);
    };

    // Looked at before parsing, so that the end of a list costs no failed result.
    private static bool AtComma(IInput input) => !input.AtEnd && input.Current == ',';

    /// <summary>Describes what stands at <paramref name="position"/>, for "expected …; found …" messages.</summary>
    public static string Describe(string s, int position)
    {
        if (position >= s.Length) return "end of file";
        var c = s[position];
        if (c is '\n' or '\r') return "end of line";
        var end = ScanIdentifier(s, position);
        if (end > position)
        {
            var word = s.Substring(position, end - position);
            return (Keywords.IsReserved(word) ? "keyword '" : "'") + Shorten(word) + "'";
        }
        if (c == '"') return "a string";
        if (IsDigit(c))
        {
            end = position;
            while (end < s.Length && (IsDigit(s[end]) || s[end] is '.' or '-')) end++;
            return "'" + Shorten(s.Substring(position, end - position)) + "'";
        }
        if (char.IsHighSurrogate(c) && position + 1 < s.Length) return "'" + s.Substring(position, 2) + "'";
        if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD') return "character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return "'" + c + "'";
    }

    private static string Shorten(string text) => text.Length <= 32 ? text : text.Substring(0, 32) + "…";

    private static int ScanDottedName(string s, int i, bool allowStar)
    {
        var end = ScanIdentifier(s, i);
        if (end == i) return i;
        while (end + 1 < s.Length && s[end] == '.')
        {
            if (allowStar && s[end + 1] == '*') return end + 2;
            var next = ScanIdentifier(s, end + 1);
            if (next == end + 1) break;
            end = next;
        }
        return end;
    }

    /// <summary>The first part of a dotted name (interned: checking it allocates nothing after the first time).</summary>
    private static string FirstPart(SourceInput at, int start, int end)
    {
        var dot = at.Source.IndexOf('.', start, end - start);
        return at.Context.Names.Intern(at.Source, start, (dot < 0 ? end : dot) - start);
    }

    private static bool IsDigits(string text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(text[i])) return false;
        }
        return true;
    }

    private static int ReadEscape(SourceInput at, string s, int i, StringBuilder value)
    {
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (next)
        {
            case '"': value.Append('"'); return i + 2;
            case '\\': value.Append('\\'); return i + 2;
            case 'n': value.Append('\n'); return i + 2;
            case 'r': value.Append('\r'); return i + 2;
            case 't': value.Append('\t'); return i + 2;
            case 'u':
                if (i + 6 <= s.Length && int.TryParse(s.Substring(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) && IsHex4(s, i + 2))
                {
                    value.Append((char)code);
                    return i + 6;
                }
                break;
        }
        var length = next is '\0' or '\n' or '\r' ? 1 : 2;
        at.Context.At(i, length).InvalidEscape(s.Substring(i, length));
        return i + length;
    }

    private static bool IsHex4(string s, int start)
    {
        for (var i = start; i < start + 4; i++)
        {
            if (!Uri.IsHexDigit(s[i])) return false;
        }
        return true;
    }

    private static IResult<T> Success<T>(SourceInput at, T value, int tokenEnd)
    {
        if (at.Context.Trace is { } trace && value is SyntaxNode node) trace.Add(node);
        return new TokenResult<T>(value, at, tokenEnd, SkipTrivia(at.Source, tokenEnd));
    }

    private static IResult<T> Failure<T>(SourceInput at, string[] expectations) =>
        Result.Failure<T>(at, "unexpected input", expectations);

}
