using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Sprache;
using static PolicyCompiler.Parsing.NodeSequence;
using static PolicyCompiler.Parsing.Tokens;

namespace PolicyCompiler.Parsing;

/// <summary>
/// The Sprache parsers of grammar/policy.ebnf, one per production and named after it. Every member starts
/// with its own keyword and every optional clause with its own word, so alternatives are decided by one
/// token and nothing backtracks further. Clauses are committed: once a clause's first word has matched, a
/// failure inside it is an error at that point rather than a silently skipped clause.
///
/// Nodes are sequences (<see cref="NodeSequence"/>) of parsers that are fields built once. An optional
/// clause looks at its first word before trying to parse it, because most optional clauses are absent and a
/// failed attempt costs allocations.
/// </summary>
internal static class Grammar
{
    private static readonly EquatableArray<NameSyntax> NoNames = EquatableArray<NameSyntax>.Empty;

    /// <summary>An optional clause: <paramref name="body"/> after <paramref name="keyword"/>, or <paramref name="otherwise"/> when the keyword is absent.</summary>
    internal static Parser<T> OptionalClause<T>(string keyword, Parser<T> body, T otherwise)
    {
        var clause = Keyed(keyword, body);
        return input => StartsWithWord(input, keyword) ? clause(input) : Result.Success(otherwise, input);
    }

    internal static Parser<T?> OptionalClause<T>(string keyword, Parser<T> body) where T : class => OptionalClause<T?>(keyword, body, null);

    private static Parser<EquatableArray<NameSyntax>> Clause(string keyword, string what) =>
        OptionalClause(keyword, ListOf(Name(what)), NoNames);

    private static Parser<NameSyntax?> WordClause(string keyword, string what) => OptionalClause(keyword, VocabularyWord(what));

    private static Parser<bool> OptionalWord(string keyword)
    {
        var present = Keyword(keyword).As(true);
        return input => StartsWithWord(input, keyword) ? present(input) : Result.Success(false, input);
    }

    private static Parser<NameSyntax> KeywordName(string keyword) => Keyword(keyword).Map(span => new NameSyntax(keyword, span));

    internal static Parser<T> Keyed<T>(string keyword, Parser<T> rest) => Following(Keyword(keyword), rest);

    /// <summary><paramref name="rest"/> after <paramref name="first"/>, whose value is dropped.</summary>
    internal static Parser<T> Following<TFirst, T>(Parser<TFirst> first, Parser<T> rest) => first.ThenParse(_ => rest);

    // ---- Shared pieces ----

    private static readonly Parser<EquatableArray<PatternSyntax>> IncludedPatterns = ListOf(Pattern("data category or pattern"));

    private static readonly Parser<EquatableArray<PatternSyntax>> ExceptPatterns = Keyed("except", ListOf(Pattern("a data category or pattern to leave out")));

    private static readonly Parser<EquatableArray<PatternSyntax>> ListedPatterns = input =>
    {
        var included = IncludedPatterns(input);
        if (!included.WasSuccessful || !StartsWithWord(included.Remainder, "except")) return included;
        var excluded = ExceptPatterns(included.Remainder);
        if (!excluded.WasSuccessful) return excluded;
        var all = new PatternSyntax[included.Value.Count + excluded.Value.Count];
        for (var i = 0; i < included.Value.Count; i++) all[i] = included.Value[i];
        for (var i = 0; i < excluded.Value.Count; i++) all[included.Value.Count + i] = excluded.Value[i] with { Excluded = true };
        return Result.Success(new EquatableArray<PatternSyntax>(all), excluded.Remainder);
    };

    private static readonly Parser<SourceSpan> SuchAs = Keyword("such-as");

    /// <summary>
    /// <c>contact.*, identity.*</c> or <c>* except payment.card, special.*</c>: the excluded patterns follow the others,
    /// marked; after <c>such-as</c> the list is the text's examples, and every pattern is marked so.
    /// </summary>
    public static readonly Parser<EquatableArray<PatternSyntax>> CategoryPatterns = input =>
    {
        if (!StartsWithWord(input, "such-as")) return ListedPatterns(input);
        var marker = SuchAs(input);
        if (!marker.WasSuccessful) return Result.Failure<EquatableArray<PatternSyntax>>(marker.Remainder, marker.Message, marker.Expectations);
        var listed = ListedPatterns(marker.Remainder);
        return listed.WasSuccessful ? Result.Success(listed.Value.Select(p => p with { Examples = true }).ToEquatableArray(), listed.Remainder) : listed;
    };

    private static readonly Parser<string> Language = Keyword("ka").As("ka").OrElse(Keyword("en").As("en"));

    private static readonly Parser<StringSyntax?> OptionalString = Tokens.String.OrNone();

    public static readonly Parser<LabelSyntax> Label = Node(Language, Tokens.String, (span, language, text) => new LabelSyntax(language, text, span));

    public static readonly Parser<EquatableArray<LabelSyntax>> Labels = Label.RepeatedAtLeastOnce().Map(l => l.ToEquatableArray());

    /// <summary>A plain string (language-neutral) or labels in ka/en.</summary>
    public static readonly Parser<EquatableArray<LabelSyntax>> Text =
        Tokens.String.Map(s => new EquatableArray<LabelSyntax>(new[] { new LabelSyntax(string.Empty, s, s.Span) })).OrElse(Labels);

    public static readonly Parser<CitationSyntax> Citation =
        Node(Section, OptionalString, (span, section, excerpt) => new CitationSyntax(section, excerpt, span))
        .OrElse(Node(Tokens.String, (span, excerpt) => new CitationSyntax(null, excerpt, span)));

    public static readonly Parser<EquatableArray<CitationSyntax>> Citations =
        OptionalClause("cites", ListOf(Citation), EquatableArray<CitationSyntax>.Empty);

    private static readonly Parser<NameSyntax> DurationUnit = VocabularyWord("a unit (days, weeks, months or years)");

    public static readonly Parser<DurationSyntax> Duration = Node(Number, DurationUnit, (span, amount, unit) => new DurationSyntax(amount, unit, span));

    internal static readonly Parser<EquatableArray<NameSyntax>> OnConditions = Clause("on", "condition name");

    // ---- Clauses ----

    private static readonly Parser<NameSyntax> RequirementWord = VocabularyWord("a requirement (statutory, contractual or pre-contractual)");

    private static readonly Parser<NameSyntax> CountryCode = VocabularyWord("a country code");
    private static readonly Parser<NameSyntax?> AtOccasion = OptionalClause("at", Name("occasion"));
    private static readonly Parser<bool> Automatically = OptionalWord("automatically");
    private static readonly Parser<EquatableArray<NameSyntax>> ViaTrackers = Clause("via", "tracking name");
    private static readonly Parser<EquatableArray<NameSyntax>> OptionalForPurposes = Clause("for", "purpose name");
    private static readonly Parser<NameSyntax?> ConsequenceOptional = OptionalClause("consequence", Name("consequence"));

    private static readonly Parser<ProvisionSyntax?> Required =
        Node(Keyword("required"), RequirementWord, ConsequenceOptional, (span, _, requirement, consequence) => new ProvisionSyntax(true, requirement, consequence, span));

    private static readonly Parser<ProvisionSyntax?> Optional = Node(Keyword("optional"), (span, _) => new ProvisionSyntax(false, null, null, span));

    public static readonly Parser<ProvisionSyntax?> Provision = input =>
        StartsWithWord(input, "required") ? Required(input)
        : StartsWithWord(input, "optional") ? Optional(input)
        : Result.Success<ProvisionSyntax?>(null, input);
    internal static readonly Parser<EquatableArray<NameSyntax>> UnlessConditions = Clause("unless", "condition name");
    private static readonly Parser<DurationSyntax> ForDuration = Keyed("for", Duration);
    private static readonly Parser<NameSyntax?> AfterEventOptional = OptionalClause("after", Name("event"));
    private static readonly Parser<NameSyntax> AfterEvent = Keyed("after", Name("event"));
    private static readonly Parser<NameSyntax> UntilEvent = Keyed("until", Name("event"));
    private static readonly Parser<NameSyntax> RightWord = VocabularyWord("a right");
    private static readonly Parser<EquatableArray<NameSyntax>> ViaChannels = Clause("via", "channel name");
    private static readonly Parser<DurationSyntax?> Within = OptionalClause("within", Duration);
    private static readonly Parser<NameSyntax> ConsentTopic = Name("consent topic");
    private static readonly Parser<NameSyntax?> GivenForm = WordClause("given", "a form of consent");
    private static readonly Parser<EquatableArray<NameSyntax>> WithdrawVia = OptionalClause("withdraw", Keyed("via", ListOf(Name("channel name"))), NoNames);
    private static readonly Parser<SourceSpan> TakeEffect = Keyword("take-effect");
    private static readonly Parser<EquatableArray<NameSyntax>> NotifyVia = OptionalClause("notify", Keyed("via", ListOf(Name("channel name"))), NoNames);
    private static readonly Parser<EquatableArray<NameSyntax>> Sections = ListOf(Section);

    // ---- Header ----

    public static readonly Parser<MemberSyntax> Title = Node(Keyword("title"), Labels, Citations, (span, _, labels, citations) => new TitleSyntax(span, labels, citations));

    public static readonly Parser<ContactDetailSyntax> ContactDetail = Node(KeywordName("website").OrElse(KeywordName("email")).OrElse(KeywordName("phone")).OrElse(KeywordName("address")).OrElse(KeywordName("dpo")), Tokens.String, (span, kind, value) => new ContactDetailSyntax(kind, value, span));

    private static readonly Parser<IEnumerable<ContactDetailSyntax>> ContactDetails = ContactDetail.Repeated();

    public static readonly Parser<MemberSyntax> Controller = Node(Keyword("controller"), Text, ContactDetails, Citations, (span, _, name, details, citations) => new ControllerSyntax(span, name, details.ToEquatableArray(), citations));

    public static readonly Parser<MemberSyntax> Authority = Node(Keyword("supervisory-authority"), Text, ContactDetails, Citations, (span, _, name, details, citations) => new AuthoritySyntax(span, name, details.ToEquatableArray(), citations));

    public static readonly Parser<MemberSyntax> Effective = Node(Keyword("effective"), Date, Citations, (span, _, date, citations) => new EffectiveSyntax(span, date, citations));

    public static readonly Parser<MemberSyntax> Source = Node(Keyword("source"), Tokens.String, (span, _, path) => new SourceSyntax(span, path));

    public static readonly Parser<MemberSyntax> Jurisdiction = Node(Keyword("jurisdiction"), CountryCode, Citations, (span, _, country, citations) => new JurisdictionSyntax(span, country, citations));

    /// <summary><c>laws gdpr, ge-pdp</c>: the law packs the lint applies, named by their ids.</summary>
    public static readonly Parser<MemberSyntax> Laws = Node(Keyword("laws"), ListOf(VocabularyWord("a law (gdpr, ge-pdp)")), Citations, (span, _, laws, citations) => new LawsSyntax(span, laws, citations));

    // ---- Declarations ----

    private static Parser<MemberSyntax> Declaration(DeclarationKind kind, Parser<(bool Special, EquatableArray<NameSyntax> Bases, NameSyntax? Kind, StringSyntax? Address)> attributes)
    {
        var declaredName = Name(Keywords.Of(kind) + " name");
        return Node(Keyword(Keywords.Of(kind)), declaredName, Labels, attributes, Citations, (span, _, name, labels, extra, citations) => new DeclarationSyntax(span, kind, name, labels, extra.Special, extra.Bases, extra.Kind, extra.Address, citations));
    }

    private static readonly Parser<(bool, EquatableArray<NameSyntax>, NameSyntax?, StringSyntax?)> NoAttributes = Parse.Return<(bool, EquatableArray<NameSyntax>, NameSyntax?, StringSyntax?)>((false, NoNames, null, null));

    public static readonly Parser<MemberSyntax> Subject = Declaration(DeclarationKind.Subject, NoAttributes);

    public static readonly Parser<MemberSyntax> Category = Declaration(
        DeclarationKind.Category,
        OptionalWord("special").Map(special => ((bool, EquatableArray<NameSyntax>, NameSyntax?, StringSyntax?))(special, NoNames, null, null)));

    /// <summary><c>purpose &lt;name&gt; labels [kind direct-marketing, profiling] [basis &lt;bases&gt;] cites …</c>.</summary>
    public static readonly Parser<MemberSyntax> Purpose = Node(
        Keyword("purpose"), Name("purpose name"), Labels,
        OptionalClause("kind", ListOf(VocabularyWord("a purpose kind (direct-marketing, profiling)")), NoNames),
        OptionalClause("basis", ListOf(VocabularyWord("a legal basis")), NoNames), Citations,
        (span, _, name, labels, kinds, bases, citations) => (MemberSyntax)new DeclarationSyntax(span, DeclarationKind.Purpose, name, labels, false, bases, null, null, citations) { PurposeKinds = kinds });

    public static readonly Parser<MemberSyntax> Recipient = Declaration(
        DeclarationKind.Recipient,
        WordClause("kind", "a recipient kind").Map(k => ((bool, EquatableArray<NameSyntax>, NameSyntax?, StringSyntax?))(false, NoNames, k, null)));

    /// <summary><c>lifetime session</c>, <c>lifetime session, persistent</c> or <c>lifetime 2 years</c>.</summary>
    private static readonly Parser<TrackerLifetimeSyntax?> TrackerLifetime = OptionalClause("lifetime", (Parser<TrackerLifetimeSyntax>)(input =>
        Tokens.IsDigit(CharAt(input.Source, input.Position))
            ? Node(Duration, (span, duration) => new TrackerLifetimeSyntax(NoNames, duration, span))(input)
            : Node(ListOf(VocabularyWord("a lifetime (session, persistent or a duration)")), (span, words) => new TrackerLifetimeSyntax(words, null, span))(input)));

    private static readonly Parser<(NameSyntax? Vendor, EquatableArray<NameSyntax> Purposes, EquatableArray<NameSyntax> Countries)> TrackerVendor = OptionalClause("vendor",
        Node(Name("recipient name"), OptionalForPurposes, OptionalClause("in", ListOf(CountryCode), NoNames), (_, vendor, purposes, countries) => ((NameSyntax?)vendor, purposes, countries)),
        (null, NoNames, NoNames));

    /// <summary><c>tracking &lt;name&gt; labels [kind …] [lifetime …] [vendor &lt;recipient&gt; [for &lt;purposes&gt;] [in &lt;countries&gt;]] [cites …]</c>.</summary>
    public static readonly Parser<MemberSyntax> Tracking = Node(
        Keyword("tracking"), Name("tracking name"), Labels, WordClause("kind", "a tracking kind"), TrackerLifetime, TrackerVendor, Citations,
        (span, _, name, labels, kind, lifetime, vendor, citations) => (MemberSyntax)new DeclarationSyntax(span, DeclarationKind.Tracking, name, labels, false, NoNames, kind, null, citations)
        {
            Lifetime = lifetime,
            Vendor = vendor.Vendor,
            VendorPurposes = vendor.Purposes,
            VendorCountries = vendor.Countries,
        });

    public static readonly Parser<MemberSyntax> Channel = Declaration(
        DeclarationKind.Channel,
        OptionalClause("address", Tokens.String).Map(a => ((bool, EquatableArray<NameSyntax>, NameSyntax?, StringSyntax?))(false, NoNames, null, a)));

    public static readonly Parser<MemberSyntax> Condition = Declaration(DeclarationKind.Condition, NoAttributes);

    public static readonly Parser<MemberSyntax> Event = Declaration(DeclarationKind.Event, NoAttributes);

    public static readonly Parser<MemberSyntax> Effect = Declaration(DeclarationKind.Effect, NoAttributes);

    // ---- Groups ----

    private static readonly Parser<NameSyntax> GroupName = Name("group name");

    // The kind is kept as a node too, so that an editor finds something at the word.
    private static Parser<(GroupKind Kind, NameSyntax Word)> GroupKindWordOf(GroupKind kind, string word) =>
        Keyword(word).Map(span => (kind, new NameSyntax(word, span)));

    private static readonly Parser<(GroupKind Kind, NameSyntax Word)> GroupKindWord =
        GroupKindWordOf(GroupKind.Categories, "categories")
        .OrElse(GroupKindWordOf(GroupKind.Purposes, "purposes"))
        .OrElse(GroupKindWordOf(GroupKind.Recipients, "recipients"))
        .OrElse(GroupKindWordOf(GroupKind.Countries, "countries"));

    private static Parser<EquatableArray<PatternSyntax>> NamesAsPatterns(Parser<NameSyntax> name) =>
        ListOf(name).Map(names => names.Select(n => new PatternSyntax(n.Text, n.Span)).ToEquatableArray());

    private static readonly Parser<EquatableArray<PatternSyntax>>[] GroupMembers =
    {
        CategoryPatterns,
        NamesAsPatterns(Name("purpose name or group")),
        NamesAsPatterns(Name("recipient name or group")),
        NamesAsPatterns(VocabularyWord("a country code or group")),
    };

    private static readonly Parser<EquatableArray<LabelSyntax>> OptionalLabels =
        input => StartsWithWord(input, "ka") || StartsWithWord(input, "en") ? Labels(input) : Result.Success(EquatableArray<LabelSyntax>.Empty, input);

    private static readonly Parser<SourceSpan> GroupKeyword = Keyword("group");

    public static readonly Parser<MemberSyntax> Group = input =>
    {
        var sequence = new Sequence(input);
        sequence.Next(GroupKeyword);
        var name = sequence.Next(GroupName);
        var kind = sequence.Next(GroupKindWord);
        var members = sequence.Failed ? default : sequence.Next(GroupMembers[(int)kind.Kind]);
        var labels = sequence.Next(OptionalLabels);
        var citations = sequence.Next(Citations);
        return sequence.Failed ? sequence.Failure<MemberSyntax>() : sequence.Success<MemberSyntax>(new GroupSyntax(sequence.Span, name, kind.Kind, kind.Word, members, labels, citations));
    };

    // ---- Statements ----

    /// <summary>What a collection is, after its subjects: <c>[at occasion] [automatically] [via trackers] [provision]</c>.</summary>
    private static readonly Parser<NameSyntax?> ByCollector = OptionalClause("by", Name("recipient name"));
    private static readonly Parser<NameSyntax?> Origin = WordClause("origin", "a data origin");

    internal static readonly Parser<StatementDetailsSyntax> CollectionDetails = Node(
        AtOccasion, Automatically, ViaTrackers, ByCollector, Origin, Provision,
        (span, occasion, automatically, trackers, by, origin, provision) =>
            (StatementDetailsSyntax)new CollectionDetailsSyntax(occasion, automatically, trackers, provision, span) { CollectedBy = by, Origin = origin });

    private static readonly Parser<EquatableArray<NameSyntax>> Safeguards = OptionalClause("safeguard", ListOf(VocabularyWord("a transfer safeguard")), NoNames);

    /// <summary>
    /// The ground of a transfer, after its destinations, and what protects the data: <c>basis contract safeguard
    /// standard-clauses</c>, or several safeguards of which any one is relied on (<c>safeguard adequacy, standard-clauses</c>).
    /// </summary>
    internal static readonly Parser<StatementDetailsSyntax> TransferBasis = Node(
        Keyword("basis"), VocabularyWord("a transfer basis"), Safeguards,
        (span, _, basis, safeguards) => (StatementDetailsSyntax)new TransferBasisSyntax(basis, span) { Safeguards = safeguards });

    private static readonly Parser<RetentionEndSyntax> RetentionEnd =
        Node(ForDuration, AfterEventOptional, (span, duration, after) => new RetentionEndSyntax(duration, after, null, span))
        .XOrElse(Node(UntilEvent, (span, until) => new RetentionEndSyntax(null, null, until, span)));

    private static readonly Parser<RetentionEndSyntax> OrRetentionEnd = Keyed("or", RetentionEnd);

    /// <summary>One end, or several joined by <c>or</c>: <c>for 24 months or until account-deletion</c>.</summary>
    private static readonly Parser<EquatableArray<RetentionEndSyntax>> RetentionEnds = input =>
    {
        var first = RetentionEnd(input);
        if (!first.WasSuccessful || !StartsWithWord(first.Remainder, "or")) return first.WasSuccessful ? Result.Success(new EquatableArray<RetentionEndSyntax>(new[] { first.Value }), first.Remainder) : Result.Failure<EquatableArray<RetentionEndSyntax>>(first.Remainder, first.Message, first.Expectations);
        var ends = new List<RetentionEndSyntax> { first.Value };
        var rest = first.Remainder;
        while (StartsWithWord(rest, "or"))
        {
            var next = OrRetentionEnd(rest);
            if (!next.WasSuccessful) return Result.Failure<EquatableArray<RetentionEndSyntax>>(next.Remainder, next.Message, next.Expectations);
            ends.Add(next.Value);
            rest = next.Remainder;
        }
        return Result.Success(ends.ToEquatableArray(), rest);
    };

    private static readonly Parser<EquatableArray<NameSyntax>> ForPurposeList = Keyed("for", ListOf(Name("a purpose name or a duration")));

    /// <summary><c>for</c> and purposes, where a name follows it; <c>for</c> and a number is the retention's period.</summary>
    private static readonly Parser<EquatableArray<NameSyntax>> RetainedForPurposes = input =>
        StartsWithWord(input, "for") && !Tokens.IsDigit(CharAt(input.Source, Tokens.SkipTrivia(input.Source, input.Position + "for".Length)))
            ? ForPurposeList(input)
            : Result.Success(NoNames, input);

    private static char CharAt(string source, int position) => position < source.Length ? source[position] : '\0';

    private static readonly Parser<(NameSyntax? Whichever, NameSyntax? Then)> RetentionCombination =
        Node(WordClause("whichever", "'first' or 'later'"), WordClause("then", "'delete' or 'anonymise'"), (_, whichever, then) => (whichever, then));

    public static readonly Parser<MemberSyntax> Retain = Node(
        Keyword("retain"), CategoryPatterns, RetainedForPurposes, RetentionEnds, RetentionCombination, OnConditions, Citations,
        (span, _, categories, purposes, ends, combination, conditions, citations) => new RetainSyntax(span, categories, purposes, ends, combination.Whichever, combination.Then, conditions, citations));

    private static readonly Parser<EquatableArray<NameSyntax>> ElseChannels = Keyed("else", ListOf(Name("channel name")));

    /// <summary>The channels after <c>via</c>, then those after each <c>else</c>: <c>via account else written-request, email</c>.</summary>
    private static readonly Parser<(EquatableArray<NameSyntax> Channels, EquatableArray<EquatableArray<NameSyntax>> Fallbacks)> RightChannels = input =>
    {
        var first = ViaChannels(input);
        // 'else' names a fallback of the channels 'via' names: without them it is left for the statement's end to refuse.
        if (!first.WasSuccessful || first.Value.IsEmpty || !StartsWithWord(first.Remainder, "else")) return first.WasSuccessful ? Result.Success((first.Value, EquatableArray<EquatableArray<NameSyntax>>.Empty), first.Remainder) : Result.Failure<(EquatableArray<NameSyntax>, EquatableArray<EquatableArray<NameSyntax>>)>(first.Remainder, first.Message, first.Expectations);
        var fallbacks = new List<EquatableArray<NameSyntax>>();
        var rest = first.Remainder;
        while (StartsWithWord(rest, "else"))
        {
            var next = ElseChannels(rest);
            if (!next.WasSuccessful) return Result.Failure<(EquatableArray<NameSyntax>, EquatableArray<EquatableArray<NameSyntax>>)>(next.Remainder, next.Message, next.Expectations);
            fallbacks.Add(next.Value);
            rest = next.Remainder;
        }
        return Result.Success((first.Value, fallbacks.ToEquatableArray()), rest);
    };

    /// <summary>When a right is answered: <c>at-any-time</c>, or <c>within</c> a duration, or unsaid.</summary>
    private static readonly Parser<(bool AtAnyTime, DurationSyntax? Within)> RightTiming = input =>
        StartsWithWord(input, "at-any-time")
            ? Keyword("at-any-time").Map(_ => (true, (DurationSyntax?)null))(input)
            : Within.Map(within => (false, within))(input);

    private static readonly Parser<EquatableArray<NameSyntax>> RequiresConditions = Clause("requires", "condition name");
    private static readonly Parser<EquatableArray<NameSyntax>> Consequences = Clause("consequence", "effect name");

    /// <summary>What a right asks first, entails and holds on: <c>[requires …] [consequence …] [on …]</c>.</summary>
    private static readonly Parser<(EquatableArray<NameSyntax> Requires, EquatableArray<NameSyntax> Consequences, EquatableArray<NameSyntax> Conditions)> RightTerms =
        Node(RequiresConditions, Consequences, OnConditions, (_, requires, consequences, conditions) => (requires, consequences, conditions));

    public static readonly Parser<MemberSyntax> Right = Node(Keyword("right"), RightWord, OptionalForPurposes, RightChannels, RightTiming, RightTerms, Citations,
        (span, _, right, purposes, channels, timing, terms, citations) => new RightSyntax(span, right, purposes, channels.Channels, timing.Within, terms.Consequences, citations)
        {
            Fallbacks = channels.Fallbacks,
            AtAnyTime = timing.AtAnyTime,
            Requires = terms.Requires,
            Conditions = terms.Conditions,
        });

    private static readonly Parser<NameSyntax> DutyWord = VocabularyWord("a duty");
    private static readonly Parser<NameSyntax?> BySubject = OptionalClause("by", Name("subject name"));

    public static readonly Parser<MemberSyntax> Duty = Node(Keyword("duty"), DutyWord, BySubject, OptionalLabels, Citations,
        (span, _, duty, by, labels, citations) => new DutySyntax(span, duty, by, labels, citations));

    /// <summary>What refusing or withdrawing a consent entails: <c>consequence stop-using</c>.</summary>
    private static readonly Parser<EquatableArray<NameSyntax>> ConsentConsequences = Clause("consequence", "effect name");

    public static readonly Parser<MemberSyntax> Consent = Node(Keyword("consent"), ConsentTopic, OptionalForPurposes, GivenForm, WithdrawVia, ConsentConsequences, Citations,
        (span, _, topic, purposes, form, channels, consequences, citations) => (MemberSyntax)new ConsentSyntax(span, topic, purposes, form, channels, citations) { Consequences = consequences });

    private static readonly Parser<(bool Within, DurationSyntax Delay)> AmendmentDelay = Node(OptionalWord("within"), Duration, (_, within, delay) => (within, delay));

    /// <summary>The channels people are told through, or <c>without-notice</c> where the text says they are not told: one or the other.</summary>
    private static readonly Parser<(EquatableArray<NameSyntax> Channels, bool WithoutNotice)> AmendmentNotice = input =>
        StartsWithWord(input, "without-notice")
            ? Keyword("without-notice").Map(_ => (NoNames, true))(input)
            : NotifyVia.Map(channels => (channels, false))(input);

    public static readonly Parser<MemberSyntax> Amendments = Node(Keyword("amendments"), TakeEffect, AmendmentDelay, AfterEvent, AmendmentNotice, Citations,
        (span, _, _, delay, after, notice, citations) => new AmendmentsSyntax(span, delay.Delay, after, notice.Channels, citations) { Within = delay.Within, WithoutNotice = notice.WithoutNotice });

    public static readonly Parser<MemberSyntax> Informative = Node(Keyword("informative"), Sections, Tokens.String, (span, _, sections, reason) => new InformativeSyntax(span, sections, reason));

    /// <summary><c>note "…" cites §4.2 "…"</c>: a reading of words no statement encodes as written; the citations are required.</summary>
    public static readonly Parser<MemberSyntax> Note = Node(Keyword("note"), Text, Citations, (span, _, text, citations) => new NoteSyntax(span, text, citations));

    /// <summary><c>acknowledge gdpr:dpo, provision "reason"</c>: findings of the lint as it names them, and why the text is silent.</summary>
    public static readonly Parser<MemberSyntax> Acknowledge = Node(Keyword("acknowledge"), ListOf(Tokens.FindingName), Tokens.String, (span, _, findings, reason) => new AcknowledgeSyntax(span, findings, reason));

    /// <summary>The parser of each member but the decision statements (<see cref="DecisionGrammar"/>), by the keyword it starts with.</summary>
    public static readonly IReadOnlyDictionary<string, Parser<MemberSyntax>> Members = new Dictionary<string, Parser<MemberSyntax>>(StringComparer.Ordinal)
    {
        ["title"] = Title,
        ["controller"] = Controller,
        ["supervisory-authority"] = Authority,
        ["effective"] = Effective,
        ["source"] = Source,
        ["jurisdiction"] = Jurisdiction,
        ["laws"] = Laws,
        ["subject"] = Subject,
        ["category"] = Category,
        ["purpose"] = Purpose,
        ["recipient"] = Recipient,
        ["tracking"] = Tracking,
        ["channel"] = Channel,
        ["condition"] = Condition,
        ["event"] = Event,
        ["effect"] = Effect,
        ["group"] = Group,
        ["retain"] = Retain,
        ["right"] = Right,
        ["consent"] = Consent,
        ["duty"] = Duty,
        ["amendments"] = Amendments,
        ["informative"] = Informative,
        ["acknowledge"] = Acknowledge,
        ["note"] = Note,
    };

    // ---- File structure and tests ----

    private static readonly Parser<NameSyntax> PolicyName = Name("policy name");
    private static readonly Parser<SourceSpan> OpenBrace = Punctuation('{');

    public static readonly Parser<NameSyntax> PolicyHeader = Node(Keyword("policy"), PolicyName, OpenBrace, (_, _, name, _) => name);

    public static readonly Parser<StringSyntax> TestHeader = Node(Keyword("test"), Tokens.String, OpenBrace, (_, _, name, _) => name);

    internal static readonly Parser<NameSyntax> DataCategory = Name("data category");

    internal static readonly Parser<bool> AllowOrDeny = Keyword("allow").As(true).OrElse(Keyword("deny").As(false));

    // ---- What a test block expects the policy to state ----
    // The statements of the descriptive kinds as written in the policy, less the citations, and about one category.

    private static readonly EquatableArray<CitationSyntax> NoCitations = EquatableArray<CitationSyntax>.Empty;

    private static readonly Parser<MemberSyntax> RetainFact = Node(
        Keyword("retain"), DataCategory, RetainedForPurposes, RetentionEnds, RetentionCombination, OnConditions,
        (span, _, category, purposes, ends, combination, conditions) => (MemberSyntax)new RetainSyntax(span, new EquatableArray<PatternSyntax>(new[] { new PatternSyntax(category.Text, category.Span) }), purposes, ends, combination.Whichever, combination.Then, conditions, NoCitations));

    private static readonly Parser<MemberSyntax> RightFact = Node(Keyword("right"), RightWord, OptionalForPurposes, RightChannels, RightTiming, RightTerms,
        (span, _, right, purposes, channels, timing, terms) => (MemberSyntax)new RightSyntax(span, right, purposes, channels.Channels, timing.Within, terms.Consequences, NoCitations)
        {
            Fallbacks = channels.Fallbacks,
            AtAnyTime = timing.AtAnyTime,
            Requires = terms.Requires,
            Conditions = terms.Conditions,
        });

    private static readonly Parser<MemberSyntax> ConsentFact = Node(Keyword("consent"), ConsentTopic, OptionalForPurposes, GivenForm, WithdrawVia, ConsentConsequences,
        (span, _, topic, purposes, form, channels, consequences) => (MemberSyntax)new ConsentSyntax(span, topic, purposes, form, channels, NoCitations) { Consequences = consequences });

    private static readonly Parser<MemberSyntax> DutyFact = Node(Keyword("duty"), DutyWord, BySubject,
        (span, _, duty, by) => (MemberSyntax)new DutySyntax(span, duty, by, EquatableArray<LabelSyntax>.Empty, NoCitations));

    private static readonly Parser<MemberSyntax> AnyOtherFact = DutyFact.Named("a statement to expect (retain, right, consent or duty)");

    /// <summary>The statement an <c>expect</c> line is about, by its first word.</summary>
    internal static readonly Parser<MemberSyntax> Fact = input =>
        StartsWithWord(input, "retain") ? RetainFact(input)
        : StartsWithWord(input, "right") ? RightFact(input)
        : StartsWithWord(input, "consent") ? ConsentFact(input)
        : AnyOtherFact(input);

    /// <summary><c>expect [no] &lt;statement&gt;</c>.</summary>
    public static readonly Parser<FactExpectationSyntax> FactExpectation = Node(Keyword("expect"), OptionalWord("no"), Fact,
        (span, _, no, statement) => new FactExpectationSyntax(span, !no, statement));

}
