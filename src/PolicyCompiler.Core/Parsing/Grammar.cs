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
/// token and nothing backtracks further. Clauses are committed: once a clause's first word has matched, a
/// failure inside it is an error at that point rather than a silently skipped clause.
///
/// In a query expression every <c>from</c> after the first is evaluated inside a lambda, once per parse.
/// So every parser used there is a field built once (<see cref="ForPurposes"/>, …), never an expression
/// that builds a combinator: that would allocate a new parser on every statement.
/// </summary>
internal static class Grammar
{
    private static readonly EquatableArray<NameSyntax> NoNames = EquatableArray<NameSyntax>.Empty;

    private static Func<SourceSpan, T> At<T>(Func<SourceSpan, T> make) => make;

    private static Parser<EquatableArray<NameSyntax>> Clause(string keyword, string what) =>
        Keyed(keyword, ListOf(Name(what))).OptionalOr(NoNames);

    private static Parser<EquatableArray<NameSyntax>> Countries(string what) => ListOf(Word(what));

    private static Parser<NameSyntax?> WordClause(string keyword, string what) =>
        Keyed(keyword, Word(what)).OrNone();

    private static Parser<NameSyntax> KeywordName(string keyword) => Keyword(keyword).Select(span => new NameSyntax(keyword, span));

    private static Parser<T> Keyed<T>(string keyword, Parser<T> rest) => Keyed2(Keyword(keyword), rest);

    private static Parser<T> Keyed2<TFirst, T>(Parser<TFirst> first, Parser<T> rest) => first.Then(_ => rest);

    private static readonly Parser<EquatableArray<NameSyntax>> NoCountries = Parse.Return(NoNames);

    private static readonly Parser<EquatableArray<NameSyntax>> DestinationCountries = Countries("a country code or 'any'");

    // ---- Shared pieces ----

    public static readonly Parser<EquatableArray<PatternSyntax>> CategoryPatterns = ListOf(Pattern("data category or pattern"));

    private static readonly Parser<string> Language = Keyword("ka").Return("ka").Or(Keyword("en").Return("en"));

    private static readonly Parser<StringSyntax?> OptionalString = Tokens.String.OrNone();

    public static readonly Parser<LabelSyntax> Label = (
        from language in Language
        from text in Tokens.String
        select At(span => new LabelSyntax(language, text, span))).Node();

    public static readonly Parser<EquatableArray<LabelSyntax>> Labels = Label.XAtLeastOnce().Select(l => l.ToEquatableArray());

    /// <summary>A plain string (language-neutral) or labels in ka/en.</summary>
    public static readonly Parser<EquatableArray<LabelSyntax>> Text =
        Tokens.String.Select(s => new EquatableArray<LabelSyntax>(new[] { new LabelSyntax(string.Empty, s, s.Span) })).Or(Labels);

    public static readonly Parser<CitationSyntax> Citation = (
        from section in Section
        from excerpt in OptionalString
        select At(span => new CitationSyntax(section, excerpt, span)))
        .Or(
        from excerpt in Tokens.String
        select At(span => new CitationSyntax(null, excerpt, span))).Node();

    public static readonly Parser<EquatableArray<CitationSyntax>> Citations =
        Keyed("cites", ListOf(Citation)).OptionalOr(EquatableArray<CitationSyntax>.Empty);

    private static readonly Parser<NameSyntax> DurationUnit = Word("a unit (days, weeks, months or years)");

    public static readonly Parser<DurationSyntax> Duration = (
        from amount in Number
        from unit in DurationUnit
        select At(span => new DurationSyntax(amount, unit, span))).Node();

    internal static readonly Parser<EquatableArray<NameSyntax>> OnConditions = Clause("on", "condition name");

    // ---- Clauses ----

    private static readonly Parser<NameSyntax> RequirementWord = Word("a requirement (statutory, contractual or pre-contractual)");

    private static readonly Parser<NameSyntax> CountryCode = Word("a country code");
    private static readonly Parser<EquatableArray<NameSyntax>> FromSubjects = Keyed("from", ListOf(Name("subject name")));
    private static readonly Parser<EquatableArray<NameSyntax>> OptionalFromSubjects = Clause("from", "subject name");
    private static readonly Parser<NameSyntax?> AtOccasion = Keyed("at", Name("occasion")).OrNone();
    private static readonly Parser<bool> Automatically = Keyword("automatically").Flag();
    private static readonly Parser<EquatableArray<NameSyntax>> ViaTrackers = Clause("via", "tracking name");
    private static readonly Parser<EquatableArray<NameSyntax>> ForPurposes = Keyed("for", ListOf(Name("purpose name")));
    private static readonly Parser<EquatableArray<NameSyntax>> OptionalForPurposes = Clause("for", "purpose name");
    private static readonly Parser<EquatableArray<NameSyntax>> WithRecipients = Keyed("with", ListOf(Name("recipient name")));
    private static readonly Parser<EquatableArray<NameSyntax>> OptionalWithRecipients = Clause("with", "recipient name");
    private static readonly Parser<SourceSpan> To = Keyword("to");
    private static readonly Parser<NameSyntax?> ConsequenceOptional = Keyed("consequence", Name("consequence")).OrNone();

    public static readonly Parser<ProvisionSyntax?> Provision = (
        (from required in Keyword("required")
         from requirement in RequirementWord
         from consequence in ConsequenceOptional
         select At(span => new ProvisionSyntax(true, requirement, consequence, span)))
        .Or(
         from optional in Keyword("optional")
         select At(span => new ProvisionSyntax(false, null, null, span))))
        .Node().OrNone();
    private static readonly Parser<bool> ToAnyCountry = Keyword("any").Return(true).Or(Parse.Return(false));
    private static readonly Parser<NameSyntax> TransferBasis = Keyed("basis", Word("a transfer basis"));
    private static readonly Parser<EquatableArray<NameSyntax>> InCountries = Keyed("in", Countries("a country code"));
    private static readonly Parser<EquatableArray<NameSyntax>> UnlessConditions = Clause("unless", "condition name");
    private static readonly Parser<DurationSyntax> ForDuration = Keyed("for", Duration);
    private static readonly Parser<NameSyntax?> AfterEventOptional = Keyed("after", Name("event")).OrNone();
    private static readonly Parser<NameSyntax> AfterEvent = Keyed("after", Name("event"));
    private static readonly Parser<NameSyntax> UntilEvent = Keyed("until", Name("event"));
    private static readonly Parser<NameSyntax> RightWord = Word("a right");
    private static readonly Parser<EquatableArray<NameSyntax>> ViaChannels = Clause("via", "channel name");
    private static readonly Parser<DurationSyntax?> Within = Keyed("within", Duration).OrNone();
    private static readonly Parser<NameSyntax> ConsentTopic = Name("consent topic");
    private static readonly Parser<NameSyntax?> GivenForm = WordClause("given", "a form of consent");
    private static readonly Parser<EquatableArray<NameSyntax>> WithdrawVia = Keyed("withdraw", Keyed("via", ListOf(Name("channel name")))).OptionalOr(NoNames);
    private static readonly Parser<SourceSpan> TakeEffect = Keyword("take-effect");
    private static readonly Parser<EquatableArray<NameSyntax>> NotifyVia = Keyed("notify", Keyed("via", ListOf(Name("channel name")))).OptionalOr(NoNames);
    private static readonly Parser<EquatableArray<NameSyntax>> Sections = ListOf(Section);

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

    private static readonly Parser<IEnumerable<ContactDetailSyntax>> ContactDetails = ContactDetail.XMany();

    public static readonly Parser<MemberSyntax> Controller = (
        from keyword in Keyword("controller")
        from name in Text
        from details in ContactDetails
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
        from country in CountryCode
        from citations in Citations
        select At<MemberSyntax>(span => new JurisdictionSyntax(span, country, citations))).Node();

    // ---- Declarations ----

    private static Parser<MemberSyntax> Declaration(DeclarationKind kind, Parser<(bool Special, NameSyntax? Basis, NameSyntax? Kind, StringSyntax? Address)> attributes)
    {
        var declaredName = Name(Keywords.Of(kind) + " name");
        return (
        from keyword in Keyword(Keywords.Of(kind))
        from name in declaredName
        from labels in Labels
        from extra in attributes
        from citations in Citations
        select At<MemberSyntax>(span => new DeclarationSyntax(span, kind, name, labels, extra.Special, extra.Basis, extra.Kind, extra.Address, citations))).Node();
    }

    private static readonly Parser<(bool, NameSyntax?, NameSyntax?, StringSyntax?)> NoAttributes = Parse.Return<(bool, NameSyntax?, NameSyntax?, StringSyntax?)>((false, null, null, null));

    public static readonly Parser<MemberSyntax> Subject = Declaration(DeclarationKind.Subject, NoAttributes);

    public static readonly Parser<MemberSyntax> Category = Declaration(
        DeclarationKind.Category,
        Keyword("special").Flag().Select(special => ((bool, NameSyntax?, NameSyntax?, StringSyntax?))(special, null, null, null)));

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
        Keyed("address", Tokens.String).OrNone().Select(a => ((bool, NameSyntax?, NameSyntax?, StringSyntax?))(false, null, null, a)));

    public static readonly Parser<MemberSyntax> Condition = Declaration(DeclarationKind.Condition, NoAttributes);

    // ---- Statements ----

    public static readonly Parser<MemberSyntax> Collect = (
        from keyword in Keyword("collect")
        from categories in CategoryPatterns
        from subjects in FromSubjects
        from occasion in AtOccasion
        from automatically in Automatically
        from trackers in ViaTrackers
        from provision in Provision
        from citations in Citations
        select At<MemberSyntax>(span => new CollectSyntax(span, categories, subjects, occasion, automatically, trackers, provision, citations))).Node();

    public static readonly Parser<MemberSyntax> Process = (
        from keyword in Keyword("process")
        from categories in CategoryPatterns
        from purposes in ForPurposes
        from conditions in OnConditions
        from citations in Citations
        select At<MemberSyntax>(span => new ProcessSyntax(span, categories, purposes, conditions, citations))).Node();

    public static readonly Parser<MemberSyntax> Share = (
        from keyword in Keyword("share")
        from categories in CategoryPatterns
        from recipients in WithRecipients
        from purposes in OptionalForPurposes
        from conditions in OnConditions
        from citations in Citations
        select At<MemberSyntax>(span => new ShareSyntax(span, categories, recipients, purposes, conditions, citations))).Node();

    public static readonly Parser<MemberSyntax> Transfer = (
        from keyword in Keyword("transfer")
        from categories in CategoryPatterns
        from to in To
        from any in ToAnyCountry
        from countries in any ? NoCountries : DestinationCountries
        from basis in TransferBasis
        from conditions in OnConditions
        from citations in Citations
        select At<MemberSyntax>(span => new TransferSyntax(span, categories, any, countries, basis, conditions, citations))).Node();

    private static readonly Parser<SourceSpan> CitizensWord = Keyword("citizens").Or(Keyword("citizen"));

    internal static readonly Parser<EquatableArray<NameSyntax>> OfCitizens =
        Keyed("of", Keyed2(CitizensWord, Countries("a country code"))).OptionalOr(NoNames);

    private static readonly Parser<NameSyntax?> OfCitizen = Keyed("of", Keyed2(CitizensWord, Word("a country code"))).OrNone();

    public static readonly Parser<MemberSyntax> Store = (
        from keyword in Keyword("store")
        from categories in CategoryPatterns
        from citizenships in OfCitizens
        from locations in InCountries
        from citations in Citations
        select At<MemberSyntax>(span => new StoreSyntax(span, categories, citizenships, locations, citations))).Node();

    private static readonly Parser<EquatableArray<NameSyntax>> OptionalInCountries =
        Keyed("in", Countries("a country code")).OptionalOr(NoNames);

    private static readonly Parser<EquatableArray<NameSyntax>> OptionalToCountries =
        Keyed("to", Countries("a country code")).OptionalOr(NoNames);

    /// <summary>The verb of a prohibition and the qualifiers that verb takes, in their order.</summary>
    internal static readonly Parser<NeverSyntax> NeverBody =
        (from verb in Keyword("collect")
         from categories in CategoryPatterns
         from subjects in OptionalFromSubjects
         select new NeverSyntax(default, Verb.Collect, categories, subjects, NoNames, NoNames, NoNames, NoNames, NoNames, default))
        .Or(from verb in Keyword("process")
            from categories in CategoryPatterns
            from purposes in OptionalForPurposes
            select new NeverSyntax(default, Verb.Process, categories, NoNames, purposes, NoNames, NoNames, NoNames, NoNames, default))
        .Or(from verb in Keyword("share")
            from categories in CategoryPatterns
            from recipients in OptionalWithRecipients
            from purposes in OptionalForPurposes
            select new NeverSyntax(default, Verb.Share, categories, NoNames, purposes, recipients, NoNames, NoNames, NoNames, default))
        .Or(from verb in Keyword("transfer")
            from categories in CategoryPatterns
            from countries in OptionalToCountries
            select new NeverSyntax(default, Verb.Transfer, categories, NoNames, NoNames, NoNames, NoNames, countries, NoNames, default))
        .Or(from verb in Keyword("store")
            from categories in CategoryPatterns
            from citizenships in OfCitizens
            from countries in OptionalInCountries
            select new NeverSyntax(default, Verb.Store, categories, NoNames, NoNames, NoNames, citizenships, countries, NoNames, default))
        .Named("a verb (collect, process, share, transfer or store)");

    public static readonly Parser<MemberSyntax> Never = (
        from keyword in Keyword("never")
        from body in NeverBody
        from unless in UnlessConditions
        from citations in Citations
        select At<MemberSyntax>(span => body with { Span = span, Unless = unless, Citations = citations })).Node();

    private static readonly Parser<(DurationSyntax? Duration, NameSyntax? After, NameSyntax? Until)> RetentionPeriod =
        (from duration in ForDuration
         from after in AfterEventOptional
         select ((DurationSyntax?)duration, after, (NameSyntax?)null))
        .XOr(
         from until in UntilEvent
         select ((DurationSyntax?)null, (NameSyntax?)null, (NameSyntax?)until));

    public static readonly Parser<MemberSyntax> Retain = (
        from keyword in Keyword("retain")
        from categories in CategoryPatterns
        from period in RetentionPeriod
        from citations in Citations
        select At<MemberSyntax>(span => new RetainSyntax(span, categories, period.Duration, period.After, period.Until, citations))).Node();

    public static readonly Parser<MemberSyntax> Right = (
        from keyword in Keyword("right")
        from right in RightWord
        from purposes in OptionalForPurposes
        from channels in ViaChannels
        from within in Within
        from consequence in ConsequenceOptional
        from citations in Citations
        select At<MemberSyntax>(span => new RightSyntax(span, right, purposes, channels, within, consequence, citations))).Node();

    public static readonly Parser<MemberSyntax> Consent = (
        from keyword in Keyword("consent")
        from topic in ConsentTopic
        from purposes in OptionalForPurposes
        from form in GivenForm
        from channels in WithdrawVia
        from citations in Citations
        select At<MemberSyntax>(span => new ConsentSyntax(span, topic, purposes, form, channels, citations))).Node();

    public static readonly Parser<MemberSyntax> Amendments = (
        from keyword in Keyword("amendments")
        from takeEffect in TakeEffect
        from delay in Duration
        from after in AfterEvent
        from channels in NotifyVia
        from citations in Citations
        select At<MemberSyntax>(span => new AmendmentsSyntax(span, delay, after, channels, citations))).Node();

    public static readonly Parser<MemberSyntax> Informative = (
        from keyword in Keyword("informative")
        from sections in Sections
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

    private static readonly Parser<NameSyntax> PolicyName = Name("policy name");
    private static readonly Parser<SourceSpan> OpenBrace = Punctuation('{');

    public static readonly Parser<NameSyntax> PolicyHeader =
        from keyword in Keyword("policy")
        from name in PolicyName
        from open in OpenBrace
        select name;

    public static readonly Parser<StringSyntax> TestHeader =
        from keyword in Keyword("test")
        from name in Tokens.String
        from open in OpenBrace
        select name;

    private static readonly Parser<NameSyntax> DataCategory = Name("data category");
    private static readonly Parser<NameSyntax> FromSubject = Keyed("from", Name("subject name"));
    private static readonly Parser<NameSyntax> ForPurpose = Keyed("for", Name("purpose name"));
    private static readonly Parser<NameSyntax?> OptionalForPurpose = Keyed("for", Name("purpose name")).OrNone();
    private static readonly Parser<NameSyntax> WithRecipient = Keyed("with", Name("recipient name"));
    private static readonly Parser<NameSyntax> ToCountry = Keyed("to", Word("a country code"));
    private static readonly Parser<NameSyntax> InCountry = Keyed("in", Word("a country code"));

    public static readonly Parser<QuestionSyntax> Question = (
        (from verb in Keyword("collect")
         from category in DataCategory
         from subject in FromSubject
         select At(span => new QuestionSyntax(span, Verb.Collect, category, subject, null, null, null, null, NoNames)))
        .Or(from verb in Keyword("process")
            from category in DataCategory
            from purpose in ForPurpose
            from conditions in OnConditions
            select At(span => new QuestionSyntax(span, Verb.Process, category, null, purpose, null, null, null, conditions)))
        .Or(from verb in Keyword("share")
            from category in DataCategory
            from recipient in WithRecipient
            from purpose in OptionalForPurpose
            from conditions in OnConditions
            select At(span => new QuestionSyntax(span, Verb.Share, category, null, purpose, recipient, null, null, conditions)))
        .Or(from verb in Keyword("transfer")
            from category in DataCategory
            from country in ToCountry
            from conditions in OnConditions
            select At(span => new QuestionSyntax(span, Verb.Transfer, category, null, null, null, null, country, conditions)))
        .Or(from verb in Keyword("store")
            from category in DataCategory
            from citizenship in OfCitizen
            from country in InCountry
            select At(span => new QuestionSyntax(span, Verb.Store, category, null, null, null, citizenship, country, NoNames)))
        .Named("a question (collect, process, share, transfer or store)")).Node();

    private static readonly Parser<bool> AllowOrDeny = Keyword("allow").Return(true).Or(Keyword("deny").Return(false));

    public static readonly Parser<ExpectationSyntax> Expectation = (
        from allow in AllowOrDeny
        from question in Question
        select At(span => new ExpectationSyntax(span, allow, question))).Node();
}
