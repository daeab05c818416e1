using System.Collections.Generic;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Sprache;

namespace PolicyCompiler.Parsing;

/// <summary>
/// Reads a decision statement of one verb straight from the text when it parses, making its nodes and one result;
/// a statement it cannot read (an error, or a parse that keeps a trace) is left to the combinator parser, which
/// reads it again from its start and says what is wrong. It accepts exactly what the combinators accept and makes
/// the same tree (a test compares the two over every policy it has).
/// </summary>
/// <remarks>
/// Why: policies are mostly decision statements, and through the combinators each token leaves a result or an
/// input behind. That garbage, interleaved in memory with the tree that survives, made every collection during
/// a large parse compact around each live node: 35,000 short statements took 26 times as long as 3,500.
/// The descriptive clauses of a verb (<see cref="DecisionVerb.Details"/>) and strings are still read by their
/// parsers, which are rare and cost their results only.
/// </remarks>
internal sealed class PlainStatementReader
{
    private readonly DecisionVerb _verb;
    private readonly Parser<StatementDetailsSyntax>? _details;

    public PlainStatementReader(DecisionVerb verb)
    {
        _verb = verb;
        _details = verb.Details?.Parser;
    }

    /// <summary>The statement at <paramref name="at"/>, or null for the combinator parser to read.</summary>
    public IResult<MemberSyntax>? TryRead(SourceInput at)
    {
        if (at.Context.Trace is not null || !at.Context.ReadsPlainStatements) return null;
        var read = new Cursor(at);
        if (!read.Word(_verb.Keyword)) return null;
        if (ReadPatterns(ref read) is not { } categories) return null;

        var values = new DimensionSyntax[_verb.Dimensions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (ReadDimension(ref read, _verb, _verb.Dimensions[i]) is not { } value) return null;
            values[i] = value;
        }

        StatementDetailsSyntax? detail = null;
        if (_details is not null && !read.Parse(_details, out detail)) return null;

        var conditions = EquatableArray<NameSyntax>.Empty;
        if (_verb.TakesConditions && read.At("on"))
        {
            read.Word("on");
            if (ReadNames(ref read, country: false) is not { } names) return null;
            conditions = names;
        }

        var citations = EquatableArray<CitationSyntax>.Empty;
        if (read.At("cites"))
        {
            read.Word("cites");
            if (ReadCitations(ref read) is not { } cited) return null;
            citations = cited;
        }

        var statement = new DecisionSyntax(read.SpanFrom(at.Position), _verb, categories, new EquatableArray<DimensionSyntax>(values), detail, conditions, citations);
        return read.Result<MemberSyntax>(statement);
    }

    /// <summary>As <see cref="Grammar.CategoryPatterns"/>: patterns, then those after <c>except</c>, marked.</summary>
    private static EquatableArray<PatternSyntax>? ReadPatterns(ref Cursor read)
    {
        // A list of examples (such-as) is rare: the combinators read it.
        if (read.At("such-as")) return null;
        var patterns = new Items<PatternSyntax>();
        if (!ReadPatternList(ref read, ref patterns, excluded: false)) return null;
        if (read.At("except"))
        {
            read.Word("except");
            if (!ReadPatternList(ref read, ref patterns, excluded: true)) return null;
        }
        return patterns.ToArray();
    }

    private static bool ReadPatternList(ref Cursor read, ref Items<PatternSyntax> into, bool excluded)
    {
        do
        {
            if (Tokens.ReadPattern(read.Input, read.Position, excluded, out var end) is not { } pattern) return false;
            into.Add(pattern);
            read.Advance(end);
        }
        while (read.Comma());
        return true;
    }

    /// <summary>As <see cref="DecisionGrammar.DimensionClause"/> in a permission.</summary>
    private static DimensionSyntax? ReadDimension(ref Cursor read, DecisionVerb verb, DecisionDimension dimension)
    {
        if (!dimension.Required && !DecisionGrammar.Opens(verb, dimension, read.Input.Source, read.Position)) return DimensionSyntax.Absent;
        var start = read.Position;
        for (var i = 0; i < dimension.Words.Count; i++)
        {
            if (!read.Word(dimension.Words[i]) && (i == 0 || !read.Word(dimension.QuestionWords[i]))) return null;
        }
        if (dimension.AcceptsAny && read.At("any"))
        {
            read.Word("any");
            return new DimensionSyntax(true, EquatableArray<NameSyntax>.Empty, read.SpanFrom(start));
        }
        if (read.At("such-as")) return null;
        return ReadNames(ref read, dimension.IsCountry) is { } names ? new DimensionSyntax(false, names, read.SpanFrom(start)) : null;
    }

    /// <summary>A comma list of names, or of country codes (vocabulary words).</summary>
    private static EquatableArray<NameSyntax>? ReadNames(ref Cursor read, bool country)
    {
        var names = new Items<NameSyntax>();
        do
        {
            var name = country ? Tokens.ReadVocabularyWord(read.Input, read.Position, out var end) : Tokens.ReadName(read.Input, read.Position, out end);
            if (name is null) return null;
            names.Add(name);
            read.Advance(end);
        }
        while (read.Comma());
        return names.ToArray();
    }

    /// <summary>As <see cref="Grammar.Citation"/>s: <c>§section</c> with an optional excerpt, or an excerpt alone.</summary>
    private static EquatableArray<CitationSyntax>? ReadCitations(ref Cursor read)
    {
        var citations = new Items<CitationSyntax>();
        do
        {
            var start = read.Position;
            NameSyntax? section = null;
            if (read.Current == '§')
            {
                section = Tokens.ReadSection(read.Input, start, out var end);
                if (section is null) return null;
                read.Advance(end);
            }
            StringSyntax? excerpt = null;
            if (read.Current == '"' && !read.Parse(Tokens.String, out excerpt)) return null;
            if (section is null && excerpt is null) return null;
            citations.Add(new CitationSyntax(section, excerpt, read.SpanFrom(start)));
        }
        while (read.Comma());
        return citations.ToArray();
    }

    /// <summary>The items of a list, most often one: no list is made for a single item.</summary>
    private struct Items<T>
        where T : class
    {
        private T? _first;
        private List<T>? _more;

        public void Add(T item)
        {
            if (_first is null) _first = item;
            else (_more ??= new List<T> { _first }).Add(item);
        }

        public readonly EquatableArray<T> ToArray() => new(_more is null ? new[] { _first! } : _more.ToArray());
    }

    /// <summary>Where the reading stands: the next token's position and the end of the last token (trivia excluded).</summary>
    private struct Cursor
    {
        public Cursor(SourceInput input)
        {
            Input = input;
            Position = input.Position;
            TokenEnd = input.TokenEnd;
        }

        /// <summary>The input the reading started at: its text and parse context.</summary>
        public SourceInput Input { get; }

        public int Position { get; private set; }

        public int TokenEnd { get; private set; }

        public readonly char Current => Position < Input.Source.Length ? Input.Source[Position] : '\0';

        public readonly bool At(string word) => Tokens.StartsWithWord(Input.Source, Position, word);

        /// <summary>Reads <paramref name="word"/> if it stands here.</summary>
        public bool Word(string word)
        {
            if (!At(word)) return false;
            Advance(Position + word.Length);
            return true;
        }

        /// <summary>Reads a comma if one stands here.</summary>
        public bool Comma()
        {
            if (Current != ',') return false;
            Advance(Position + 1);
            return true;
        }

        /// <summary>Past a token that ends at <paramref name="end"/>, and the trivia after it.</summary>
        public void Advance(int end)
        {
            TokenEnd = end;
            Position = Tokens.SkipTrivia(Input.Source, end);
        }

        /// <summary>Runs a combinator parser here (for the rare parts read that way).</summary>
        public bool Parse<T>(Parser<T> parser, out T value)
        {
            var result = parser(new SourceInput(Input.SourceText, Input.Context, Position, TokenEnd));
            if (!result.WasSuccessful)
            {
                value = default!;
                return false;
            }
            value = result.Value;
            var rest = (SourceInput)result.Remainder;
            Position = rest.Position;
            TokenEnd = rest.TokenEnd;
            return true;
        }

        /// <summary>The span of a node from <paramref name="start"/> to the end of the last token read (as <see cref="NodeSequence.Sequence.Span"/>).</summary>
        public readonly SourceSpan SpanFrom(int start) => Input.SourceText.SpanFromBounds(start, System.Math.Max(start, TokenEnd));

        public readonly IResult<T> Result<T>(T value) => new TokenResult<T>(value, Input, TokenEnd, Position);
    }
}
