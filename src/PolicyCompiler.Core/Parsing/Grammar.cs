using System;
using System.Collections.Generic;
using PolicyCompiler.Collections;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Sprache;
using static PolicyCompiler.Parsing.Tokens;

namespace PolicyCompiler.Parsing;

/// <summary>
/// The Sprache parsers of grammar/policy.ebnf, one per production and named after it. Every member starts
/// with its own keyword and every optional clause with its own word, so alternatives are decided by one
/// token and nothing backtracks further. Clauses use the X- combinators: once a clause's first word has
/// matched, a failure inside it is an error at that point rather than a silently skipped clause.
/// </summary>
internal static class Grammar
{
    private static readonly EquatableArray<NameSyntax> NoNames = EquatableArray<NameSyntax>.Empty;

    private static Func<SourceSpan, T> At<T>(Func<SourceSpan, T> make) => make;

    private static Parser<EquatableArray<NameSyntax>> Clause(string keyword, string what) =>
        Keyword(keyword).Then(_ => ListOf(Name(what))).XOptional().Select(o => o.GetOrElse(NoNames));

    private static Parser<EquatableArray<NameSyntax>> Countries(string what) => ListOf(Word(what));

    private static Parser<NameSyntax?> WordClause(string keyword, string what) =>
        Keyword(keyword).Then(_ => Word(what)).XOptional().Select(o => o.IsDefined ? o.Get() : null);

    private static Parser<NameSyntax> KeywordName(string keyword) => Keyword(keyword).Select(span => new NameSyntax(keyword, span));

    private static Parser<T> Keyed<T>(string keyword, Parser<T> rest) => Keyword(keyword).Then(_ => rest);

    // ---- Shared pieces ----

    public static readonly Parser<EquatableArray<PatternSyntax>> CategoryPatterns = ListOf(Pattern("data category or pattern"));

    public static readonly Parser<LabelSyntax> Label = (
        from language in Keyword("ka").Return("ka").Or(Keyword("en").Return("en"))
        from text in Tokens.String
        select At(span => new LabelSyntax(language, text, span))).Node();

    public static readonly Parser<EquatableArray<LabelSyntax>> Labels = Label.XAtLeastOnce().Select(l => l.ToEquatableArray());

    /// <summary>A plain string (language-neutral) or labels in ka/en.</summary>
    public static readonly Parser<EquatableArray<LabelSyntax>> Text =
        Tokens.String.Select(s => new EquatableArray<LabelSyntax>(new[] { new LabelSyntax(string.Empty, s, s.Span) })).Or(Labels);

    public static readonly Parser<CitationSyntax> Citation = (
        from section in Section
        from excerpt in Tokens.String.Optional()
        select At(span => new CitationSyntax(section, excerpt.GetOrDefault(), span)))
        .Or(
        from excerpt in Tokens.String
        select At(span => new CitationSyntax(null, excerpt, span))).Node();

    public static readonly Parser<EquatableArray<CitationSyntax>> Citations =
        Keyword("cites").Then(_ => ListOf(Citation)).XOptional().Select(o => o.GetOrElse(EquatableArray<CitationSyntax>.Empty));

    public static readonly Parser<DurationSyntax> Duration = (
        from amount in Number
        from unit in Word("a unit (days, weeks, months or years)")
        select At(span => new DurationSyntax(amount, unit, span))).Node();

    internal static readonly Parser<EquatableArray<NameSyntax>> OnConditions = Clause("on", "condition name");

    // ---- Header ----

    public static readonly Parser<MemberSyntax> Title = (
        from keyword in Keyword("title")
        from labels in Labels
        from citations in Citations
        select At<MemberSyntax>(span => new TitleSyntax(span, labels, citations))).Node();

    public static readonly Parser<ContactDetailSyntax> ContactDetail = (
        from kind in KeywordName("website").Or(KeywordName("email")).Or(KeywordName("phone")).Or(KeywordName("address")).Or(KeywordName("dpo"))
        from value in Tokens.String
        select At(span => new ContactDetailSyntax(kind, value, span))).Node();

    public static readonly Parser<MemberSyntax> Controller = (
        from keyword in Keyword("controller")
        from name in Text
        from details in ContactDetail.XMany()
        from citations in Citations
        select At<MemberSyntax>(span => new ControllerSyntax(span, name, details.ToEquatableArray(), citations))).Node();

    public static readonly Parser<MemberSyntax> Effective = (
        from keyword in Keyword("effective")
        from date in Date
        from citations in Citations
        select At<MemberSyntax>(span => new EffectiveSyntax(span, date, citations))).Node();

    public static readonly Parser<MemberSyntax> Source = (
        from keyword in Keyword("source")
        from path in Tokens.String
        select At<MemberSyntax>(span => new SourceSyntax(span, path))).Node();

    public static readonly Parser<MemberSyntax> Jurisdiction = (
        from keyword in Keyword("jurisdiction")
        from country in Word("a country code")
        from citations in Citations
        select At<MemberSyntax>(span => new JurisdictionSyntax(span, country, citations))).Node();

    // ---- Declarations ----

    private static Parser<MemberSyntax> Declaration(DeclarationKind kind, Parser<(bool Special, NameSyntax? Basis, NameSyntax? Kind, StringSyntax? Address)> attributes) => (
        from keyword in Keyword(Keywords.Of(kind))
        from name in Name(Keywords.Of(kind) + " name")
        from labels in Labels
        from extra in attributes
        from citations in Citations
        select At<MemberSyntax>(span => new DeclarationSyntax(span, kind, name, labels, extra.Special, extra.Basis, extra.Kind, extra.Address, citations))).Node();

    private static readonly Parser<(bool, NameSyntax?, NameSyntax?, StringSyntax?)> NoAttributes = Parse.Return<(bool, NameSyntax?, NameSyntax?, StringSyntax?)>((false, null, null, null));

    public static readonly Parser<MemberSyntax> Subject = Declaration(DeclarationKind.Subject, NoAttributes);

    public static readonly Parser<MemberSyntax> Category = Declaration(
        DeclarationKind.Category,
        Keyword("special").XOptional().Select(o => ((bool, NameSyntax?, NameSyntax?, StringSyntax?))(o.IsDefined, null, null, null)));

    public static readonly Parser<MemberSyntax> Purpose = Declaration(
        DeclarationKind.Purpose,
        WordClause("basis", "a legal basis").Select(b => ((bool, NameSyntax?, NameSyntax?, StringSyntax?))(false, b, null, null)));

    public static readonly Parser<MemberSyntax> Recipient = Declaration(
        DeclarationKind.Recipient,
        WordClause("kind", "a recipient kind").Select(k => ((bool, NameSyntax?, NameSyntax?, StringSyntax?))(false, null, k, null)));

    public static readonly Parser<MemberSyntax> Tracking = Declaration(
        DeclarationKind.Tracking,
        WordClause("kind", "a tracking kind").Select(k => ((bool, NameSyntax?, NameSyntax?, StringSyntax?))(false, null, k, null)));

    public static readonly Parser<MemberSyntax> Channel = Declaration(
        DeclarationKind.Channel,
        Keyed("address", Tokens.String).XOptional().Select(a => ((bool, NameSyntax?, NameSyntax?, StringSyntax?))(false, null, null, a.GetOrDefault())));

    public static readonly Parser<MemberSyntax> Condition = Declaration(DeclarationKind.Condition, NoAttributes);

    // ---- Statements ----

    public static readonly Parser<MemberSyntax> Collect = (
        from keyword in Keyword("collect")
        from categories in CategoryPatterns
        from subjects in Keyed("from", ListOf(Name("subject name")))
        from occasion in Keyed("at", Name("occasion")).XOptional()
        from automatically in Keyword("automatically").XOptional()
        from trackers in Clause("via", "tracking name")
        from citations in Citations
        select At<MemberSyntax>(span => new CollectSyntax(span, categories, subjects, occasion.GetOrDefault(), automatically.IsDefined, trackers, citations))).Node();

    public static readonly Parser<MemberSyntax> Process = (
        from keyword in Keyword("process")
        from categories in CategoryPatterns
        from purposes in Keyed("for", ListOf(Name("purpose name")))
        from conditions in OnConditions
        from citations in Citations
        select At<MemberSyntax>(span => new ProcessSyntax(span, categories, purposes, conditions, citations))).Node();

    public static readonly Parser<MemberSyntax> Share = (
        from keyword in Keyword("share")
        from categories in CategoryPatterns
        from recipients in Keyed("with", ListOf(Name("recipient name")))
        from purposes in Clause("for", "purpose name")
        from conditions in OnConditions
        from citations in Citations
        select At<MemberSyntax>(span => new ShareSyntax(span, categories, recipients, purposes, conditions, citations))).Node();

    public static readonly Parser<MemberSyntax> Transfer = (
        from keyword in Keyword("transfer")
        from categories in CategoryPatterns
        from to in Keyword("to")
        from any in Keyword("any").Return(true).Or(Parse.Return(false))
        from countries in any ? Parse.Return(NoNames) : Countries("a country code or 'any'")
        from basis in Keyed("basis", Word("a transfer basis"))
        from conditions in OnConditions
        from citations in Citations
        select At<MemberSyntax>(span => new TransferSyntax(span, categories, any, countries, basis, conditions, citations))).Node();

    private static readonly Parser<SourceSpan> CitizensWord = Keyword("citizens").Or(Keyword("citizen"));

    internal static readonly Parser<EquatableArray<NameSyntax>> OfCitizens =
        Keyword("of").Then(_ => CitizensWord).Then(_ => Countries("a country code")).XOptional().Select(o => o.GetOrElse(NoNames));

    public static readonly Parser<MemberSyntax> Store = (
        from keyword in Keyword("store")
        from categories in CategoryPatterns
        from citizenships in OfCitizens
        from locations in Keyed("in", Countries("a country code"))
        from citations in Citations
        select At<MemberSyntax>(span => new StoreSyntax(span, categories, citizenships, locations, citations))).Node();

    private static readonly Parser<EquatableArray<NameSyntax>> InCountries =
        Keyword("in").Then(_ => Countries("a country code")).XOptional().Select(o => o.GetOrElse(NoNames));

    private static readonly Parser<EquatableArray<NameSyntax>> ToCountries =
        Keyword("to").Then(_ => Countries("a country code")).XOptional().Select(o => o.GetOrElse(NoNames));

    /// <summary>The verb of a prohibition and the qualifiers that verb takes, in their order.</summary>
    internal static readonly Parser<NeverSyntax> NeverBody =
        (from verb in Keyword("collect")
         from categories in CategoryPatterns
         from subjects in Clause("from", "subject name")
         select new NeverSyntax(default, Verb.Collect, categories, subjects, NoNames, NoNames, NoNames, NoNames, NoNames, default))
        .Or(from verb in Keyword("process")
            from categories in CategoryPatterns
            from purposes in Clause("for", "purpose name")
            select new NeverSyntax(default, Verb.Process, categories, NoNames, purposes, NoNames, NoNames, NoNames, NoNames, default))
        .Or(from verb in Keyword("share")
            from categories in CategoryPatterns
            from recipients in Clause("with", "recipient name")
            from purposes in Clause("for", "purpose name")
            select new NeverSyntax(default, Verb.Share, categories, NoNames, purposes, recipients, NoNames, NoNames, NoNames, default))
        .Or(from verb in Keyword("transfer")
            from categories in CategoryPatterns
            from countries in ToCountries
            select new NeverSyntax(default, Verb.Transfer, categories, NoNames, NoNames, NoNames, NoNames, countries, NoNames, default))
        .Or(from verb in Keyword("store")
            from categories in CategoryPatterns
            from citizenships in OfCitizens
            from countries in InCountries
            select new NeverSyntax(default, Verb.Store, categories, NoNames, NoNames, NoNames, citizenships, countries, NoNames, default))
        .Named("a verb (collect, process, share, transfer or store)");

    public static readonly Parser<MemberSyntax> Never = (
        from keyword in Keyword("never")
        from body in NeverBody
        from unless in Clause("unless", "condition name")
        from citations in Citations
        select At<MemberSyntax>(span => body with { Span = span, Unless = unless, Citations = citations })).Node();

    public static readonly Parser<MemberSyntax> Retain = (
        from keyword in Keyword("retain")
        from categories in CategoryPatterns
        from period in (
                from duration in Keyed("for", Duration)
                from after in Keyed("after", Name("event")).XOptional()
                select (Duration: (DurationSyntax?)duration, After: after.GetOrDefault(), Until: (NameSyntax?)null))
            .XOr(
                from until in Keyed("until", Name("event"))
                select (Duration: (DurationSyntax?)null, After: (NameSyntax?)null, Until: (NameSyntax?)until))
        from citations in Citations
        select At<MemberSyntax>(span => new RetainSyntax(span, categories, period.Duration, period.After, period.Until, citations))).Node();

    public static readonly Parser<MemberSyntax> Right = (
        from keyword in Keyword("right")
        from right in Word("a right")
        from purposes in Clause("for", "purpose name")
        from channels in Clause("via", "channel name")
        from within in Keyed("within", Duration).XOptional()
        from consequence in Keyed("consequence", Name("consequence")).XOptional()
        from citations in Citations
        select At<MemberSyntax>(span => new RightSyntax(span, right, purposes, channels, within.GetOrDefault(), consequence.GetOrDefault(), citations))).Node();

    public static readonly Parser<MemberSyntax> Consent = (
        from keyword in Keyword("consent")
        from topic in Name("consent topic")
        from purposes in Clause("for", "purpose name")
        from form in WordClause("given", "a form of consent")
        from channels in Keyword("withdraw").Then(_ => Keyword("via")).Then(_ => ListOf(Name("channel name"))).XOptional()
        from citations in Citations
        select At<MemberSyntax>(span => new ConsentSyntax(span, topic, purposes, form, channels.GetOrElse(NoNames), citations))).Node();

    public static readonly Parser<MemberSyntax> Amendments = (
        from keyword in Keyword("amendments")
        from takeEffect in Keyword("take-effect")
        from delay in Duration
        from after in Keyed("after", Name("event"))
        from channels in Keyword("notify").Then(_ => Keyword("via")).Then(_ => ListOf(Name("channel name"))).XOptional()
        from citations in Citations
        select At<MemberSyntax>(span => new AmendmentsSyntax(span, delay, after, channels.GetOrElse(NoNames), citations))).Node();

    public static readonly Parser<MemberSyntax> Informative = (
        from keyword in Keyword("informative")
        from sections in ListOf(Section)
        from reason in Tokens.String
        select At<MemberSyntax>(span => new InformativeSyntax(span, sections, reason))).Node();

    /// <summary>The parser of each member, by the keyword it starts with.</summary>
    public static readonly IReadOnlyDictionary<string, Parser<MemberSyntax>> Members = new Dictionary<string, Parser<MemberSyntax>>(StringComparer.Ordinal)
    {
        ["title"] = Title,
        ["controller"] = Controller,
        ["effective"] = Effective,
        ["source"] = Source,
        ["jurisdiction"] = Jurisdiction,
        ["subject"] = Subject,
        ["category"] = Category,
        ["purpose"] = Purpose,
        ["recipient"] = Recipient,
        ["tracking"] = Tracking,
        ["channel"] = Channel,
        ["condition"] = Condition,
        ["collect"] = Collect,
        ["process"] = Process,
        ["share"] = Share,
        ["transfer"] = Transfer,
        ["store"] = Store,
        ["never"] = Never,
        ["retain"] = Retain,
        ["right"] = Right,
        ["consent"] = Consent,
        ["amendments"] = Amendments,
        ["informative"] = Informative,
    };

    // ---- File structure and tests ----

    public static readonly Parser<NameSyntax> PolicyHeader =
        from keyword in Keyword("policy")
        from name in Name("policy name")
        from open in Punctuation('{')
        select name;

    public static readonly Parser<StringSyntax> TestHeader =
        from keyword in Keyword("test")
        from name in Tokens.String
        from open in Punctuation('{')
        select name;

    public static readonly Parser<QuestionSyntax> Question = (
        (from verb in Keyword("collect")
         from category in Name("data category")
         from subject in Keyed("from", Name("subject name"))
         select At(span => new QuestionSyntax(span, Verb.Collect, category, subject, null, null, null, null, NoNames)))
        .Or(from verb in Keyword("process")
            from category in Name("data category")
            from purpose in Keyed("for", Name("purpose name"))
            from conditions in OnConditions
            select At(span => new QuestionSyntax(span, Verb.Process, category, null, purpose, null, null, null, conditions)))
        .Or(from verb in Keyword("share")
            from category in Name("data category")
            from recipient in Keyed("with", Name("recipient name"))
            from purpose in Keyed("for", Name("purpose name")).XOptional()
            from conditions in OnConditions
            select At(span => new QuestionSyntax(span, Verb.Share, category, null, purpose.GetOrDefault(), recipient, null, null, conditions)))
        .Or(from verb in Keyword("transfer")
            from category in Name("data category")
            from country in Keyed("to", Word("a country code"))
            from conditions in OnConditions
            select At(span => new QuestionSyntax(span, Verb.Transfer, category, null, null, null, null, country, conditions)))
        .Or(from verb in Keyword("store")
            from category in Name("data category")
            from citizenship in Keyword("of").Then(_ => CitizensWord).Then(_ => Word("a country code")).XOptional()
            from country in Keyed("in", Word("a country code"))
            select At(span => new QuestionSyntax(span, Verb.Store, category, null, null, null, citizenship.GetOrDefault(), country, NoNames)))
        .Named("a question (collect, process, share, transfer or store)")).Node();

    public static readonly Parser<ExpectationSyntax> Expectation = (
        from allow in Keyword("allow").Return(true).Or(Keyword("deny").Return(false))
        from question in Question
        select At(span => new ExpectationSyntax(span, allow, question))).Node();
}
