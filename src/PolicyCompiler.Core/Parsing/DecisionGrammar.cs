using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Sprache;
using static PolicyCompiler.Parsing.NodeSequence;
using static PolicyCompiler.Parsing.Tokens;

namespace PolicyCompiler.Parsing;

/// <summary>
/// The parsers of the decision statements, prohibitions and test questions of a <see cref="VerbSchema"/>, built
/// from its descriptors: a statement is its verb's keyword, the categories, one clause per dimension (in the
/// verb's order), the verb's descriptive clauses, <c>on</c> conditions where the verb takes them, and citations.
/// A prohibition takes every dimension clause as optional; a question asks one value per dimension. Built once
/// per schema.
/// </summary>
internal sealed class DecisionGrammar
{
    private static readonly ConditionalWeakTable<VerbSchema, DecisionGrammar> Built = new();

    private readonly Dictionary<string, Parser<MemberSyntax>> _members;
    private readonly IReadOnlyDictionary<string, string> _forms;

    private DecisionGrammar(VerbSchema schema)
    {
        Schema = schema;
        _members = Grammar.Members.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        foreach (var verb in schema.Verbs) _members.Add(verb.Keyword, Statement(verb));

        var listed = "a verb (" + schema.Listed() + ")";
        var prohibited = schema.Verbs.Select(Prohibited).Aggregate((a, b) => a.OrElse(b)).Named(listed);
        NeverBody = prohibited;
        _members.Add("never", Node(Keyword("never"), prohibited, Grammar.UnlessConditions, Grammar.Citations,
            (span, _, body, unless, citations) => (MemberSyntax)(body with { Span = span, Unless = unless, Citations = citations })));

        Question = schema.Verbs.Select(QuestionOf).Aggregate((a, b) => a.OrElse(b)).Named("a question (" + schema.Listed() + ")");
        Expectation = Node(Grammar.AllowOrDeny, Question, (span, allow, question) => new ExpectationSyntax(span, allow, question));

        MemberKeywords = Keywords.MembersOf(schema);
        _forms = Keywords.FormsOf(schema);
    }

    public static DecisionGrammar Default => For(VerbSchema.Default);

    public static DecisionGrammar For(VerbSchema schema) => Built.GetValue(schema ?? throw new ArgumentNullException(nameof(schema)), s => new DecisionGrammar(s));

    public VerbSchema Schema { get; }

    /// <summary>Every member's parser (the decision statements of the schema and the rest), by the keyword it starts with.</summary>
    public IReadOnlyDictionary<string, Parser<MemberSyntax>> Members => _members;

    /// <summary>Words that start a member, in the order the grammar lists them.</summary>
    public IReadOnlyList<string> MemberKeywords { get; }

    /// <summary>The verb of a prohibition with the dimension clauses it takes; the span, unless and citations are the statement's.</summary>
    public Parser<NeverSyntax> NeverBody { get; }

    public Parser<QuestionSyntax> Question { get; }

    public Parser<ExpectationSyntax> Expectation { get; }

    public bool IsMember(string word) => _members.ContainsKey(word);

    /// <summary>The one-line form of the member a keyword starts.</summary>
    public string FormOf(string keyword) => _forms.TryGetValue(keyword, out var form) ? form : keyword;

    private static readonly Parser<SourceSpan> SuchAs = Keyword("such-as");

    private static Parser<MemberSyntax> Statement(DecisionVerb verb)
    {
        var keyword = Keyword(verb.Keyword);
        var dimensions = verb.Dimensions.Select(d => DimensionClause(verb, d, inPermission: true)).ToArray();
        var details = verb.Details?.Parser;
        var conditions = verb.TakesConditions ? Grammar.OnConditions : null;
        var plain = new PlainStatementReader(verb);
        return input =>
        {
            if (plain.TryRead((SourceInput)input) is { } read) return read;
            var sequence = new Sequence(input);
            var (categories, values) = VerbAndDimensions(ref sequence, keyword, dimensions);
            var detail = details is null ? null : sequence.Next(details);
            var given = conditions is null ? EquatableArray<NameSyntax>.Empty : sequence.Next(conditions);
            var citations = sequence.Next(Grammar.Citations);
            return sequence.Failed
                ? sequence.Failure<MemberSyntax>()
                : sequence.Success<MemberSyntax>(new DecisionSyntax(sequence.Span, verb, categories, values, detail, given, citations));
        };
    }

    private static Parser<NeverSyntax> Prohibited(DecisionVerb verb)
    {
        var keyword = Keyword(verb.Keyword);
        var dimensions = verb.Dimensions.Select(d => DimensionClause(verb, d, inPermission: false)).ToArray();
        return input =>
        {
            var sequence = new Sequence(input);
            var (categories, values) = VerbAndDimensions(ref sequence, keyword, dimensions);
            return sequence.Failed
                ? sequence.Failure<NeverSyntax>()
                : sequence.Success(new NeverSyntax(default, verb, categories, values, EquatableArray<NameSyntax>.Empty, default));
        };
    }

    /// <summary>The start of a permission or prohibition: the verb's keyword, the categories, and one clause per dimension.</summary>
    private static (EquatableArray<PatternSyntax> Categories, EquatableArray<DimensionSyntax> Dimensions) VerbAndDimensions(
        ref Sequence sequence, Parser<SourceSpan> keyword, Parser<DimensionSyntax>[] dimensions)
    {
        sequence.Next(keyword);
        var categories = sequence.Next(Grammar.CategoryPatterns);
        var values = new DimensionSyntax[dimensions.Length];
        for (var i = 0; i < dimensions.Length; i++) values[i] = sequence.Next(dimensions[i]);
        return (categories, new EquatableArray<DimensionSyntax>(values));
    }

    private static Parser<QuestionSyntax> QuestionOf(DecisionVerb verb)
    {
        var keyword = Keyword(verb.Keyword);
        var dimensions = verb.Dimensions.Select(d => QuestionClause(verb, d)).ToArray();
        var conditions = verb.TakesConditions ? Grammar.OnConditions : null;
        return input =>
        {
            var sequence = new Sequence(input);
            sequence.Next(keyword);
            var category = sequence.Next(Grammar.DataCategory);
            var values = new NameSyntax?[dimensions.Length];
            for (var i = 0; i < dimensions.Length; i++) values[i] = sequence.Next(dimensions[i]);
            var given = conditions is null ? EquatableArray<NameSyntax>.Empty : sequence.Next(conditions);
            return sequence.Failed
                ? sequence.Failure<QuestionSyntax>()
                : sequence.Success(new QuestionSyntax(sequence.Span, verb, category, new EquatableArray<NameSyntax?>(values), given));
        };
    }

    /// <summary>
    /// A dimension's clause in a permission (required or optional as the dimension says; <c>any</c> where it
    /// accepts it) or in a prohibition (always optional, never <c>any</c>). Once its first word has matched, the
    /// clause is committed.
    /// </summary>
    internal static Parser<DimensionSyntax> DimensionClause(DecisionVerb verb, DecisionDimension dimension, bool inPermission)
    {
        var value = dimension.IsCountry ? VocabularyWord(dimension.Expected(inPermission)) : Name(dimension.Expected(inPermission));
        var list = ListOf(value);
        var head = Head(verb, dimension);
        var any = inPermission && dimension.AcceptsAny ? Keyword("any") : null;
        // Run as one sequence, so that the clause's node is the only thing made besides its tokens.
        Parser<DimensionSyntax> clause = input =>
        {
            var sequence = new Sequence(input);
            sequence.Next(head);
            if (any is not null && !sequence.Failed && StartsWithWord(sequence.Rest, "any"))
            {
                sequence.Next(any);
                return sequence.Success(new DimensionSyntax(true, EquatableArray<NameSyntax>.Empty, sequence.Span));
            }
            var examples = !sequence.Failed && StartsWithWord(sequence.Rest, "such-as");
            if (examples) sequence.Next(SuchAs);
            var names = sequence.Next(list);
            return sequence.Failed ? sequence.Failure<DimensionSyntax>() : sequence.Success(new DimensionSyntax(false, names, sequence.Span) { Examples = examples });
        };
        if (inPermission && dimension.Required) return clause;
        return input => Opens(verb, dimension, input.Source, input.Position) ? clause(input) : Result.Success(DimensionSyntax.Absent, input);
    }

    /// <summary>A dimension's clause in a question: one value after its word(s), optional where the dimension is.</summary>
    private static Parser<NameSyntax?> QuestionClause(DecisionVerb verb, DecisionDimension dimension)
    {
        var expected = dimension.Expected(inPermission: false);
        var value = dimension.IsCountry ? VocabularyWord(expected) : Name(expected);
        var clause = Grammar.Following(Head(verb, dimension), value.Map(v => (NameSyntax?)v));
        if (dimension.Required) return clause;
        return input => Opens(verb, dimension, input.Source, input.Position) ? clause(input) : Result.Success<NameSyntax?>(null, input);
    }

    /// <summary>
    /// Whether an optional clause of the dimension starts at <paramref name="position"/>. Where other clauses of
    /// the verb start with the same word (<c>of citizens</c>, <c>of users in</c>), the second word tells them
    /// apart; the last of them is entered on the first word alone, so that a wrong second word is an error
    /// that names them all rather than a clause silently left out.
    /// </summary>
    internal static bool Opens(DecisionVerb verb, DecisionDimension dimension, string source, int position)
    {
        if (!Tokens.StartsWithWord(source, position, dimension.Words[0])) return false;
        if (dimension.Words.Count == 1 || IsLastSharingFirstWord(verb, dimension)) return true;
        var next = Tokens.SkipTrivia(source, position + dimension.Words[0].Length);
        return Tokens.StartsWithWord(source, next, dimension.Words[1]) || Tokens.StartsWithWord(source, next, dimension.QuestionWords[1]);
    }

    /// <summary>Whether no later dimension of the verb has a clause of several words starting with this one's first word (checked per statement: no allocation).</summary>
    private static bool IsLastSharingFirstWord(DecisionVerb verb, DecisionDimension dimension)
    {
        for (var i = verb.IndexOf(dimension) + 1; i < verb.Dimensions.Count; i++)
        {
            if (verb.Dimensions[i].Words.Count > 1 && verb.Dimensions[i].Words[0] == dimension.Words[0]) return false;
        }
        return true;
    }

    /// <summary>
    /// The clause word(s): <c>from</c>; <c>of</c> then <c>citizens</c> or <c>citizen</c>, or <c>users in</c> or
    /// <c>user in</c> (statements and questions accept either form).
    /// </summary>
    private static Parser<SourceSpan> Head(DecisionVerb verb, DecisionDimension dimension)
    {
        var head = Keyword(dimension.Words[0]);
        var sharing = verb.Dimensions.Where(d => d.Words.Count > 1 && d.Words[0] == dimension.Words[0]).ToList();
        for (var i = 1; i < dimension.Words.Count; i++)
        {
            var word = Keyword(dimension.Words[i]);
            if (dimension.QuestionWords[i] != dimension.Words[i]) word = word.OrElse(Keyword(dimension.QuestionWords[i]));
            if (i == 1 && sharing.Count > 1) word = SharedSecondWord(dimension, sharing, word);
            head = Grammar.Following(head, word);
        }
        return head;
    }

    /// <summary>
    /// The second word of a clause whose first word other clauses share (only the last of them is entered on the
    /// first word alone, see <see cref="Opens"/>): a wrong word is an error that names every clause the first
    /// word may start, or, where it is an earlier clause's, says that clause comes once and before this one.
    /// </summary>
    private static Parser<SourceSpan> SharedSecondWord(DecisionDimension dimension, IReadOnlyList<DecisionDimension> sharing, Parser<SourceSpan> word)
    {
        var any = Tokens.Keyword(dimension.Words[1], string.Join(" or ", sharing.Select(d => "'" + d.Words[1] + "'")));
        var earlier = sharing.TakeWhile(d => !ReferenceEquals(d, dimension)).ToList();
        var misplaced = earlier.Select(d => (Dimension: d, Error: Tokens.Keyword(dimension.Words[1],
            "'" + dimension.Words[1] + "' ('" + d.Word + "' comes once, before '" + dimension.Word + "')"))).ToList();
        return input =>
        {
            var read = word(input);
            if (read.WasSuccessful) return read;
            foreach (var (other, error) in misplaced)
            {
                if (StartsWithWord(input, other.Words[1]) || StartsWithWord(input, other.QuestionWords[1])) return error(input);
            }
            return any(input);
        };
    }
}
