using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Model;

// The bound policy: names resolved, patterns expanded to the sorted list of declared names they cover,
// every rule with its citations and source span. Immutable and value-equatable throughout.
// In a rule, an empty list of a qualifier (purposes of a share, citizenships of a storage rule, …) means "any".

/// <summary>A label in one language; the language is empty for a language-neutral text.</summary>
public sealed record Label(string Language, string Text);

public sealed record Citation(string? Section, string? Excerpt, SourceSpan Span);

public sealed record ContactDetail(string Kind, string Value);

public sealed record Controller(EquatableArray<Label> Name, EquatableArray<ContactDetail> Details, EquatableArray<Citation> Citations);

/// <summary>A declared name (subject, category, purpose, …) with its labels and where the legal text states it.</summary>
public sealed record Term(
    DeclarationKind Kind,
    string Name,
    EquatableArray<Label> Labels,
    EquatableArray<Citation> Citations,
    SourceSpan Span)
{
    /// <summary>Categories only: a special category of personal data (health, biometrics, …).</summary>
    public bool IsSpecial { get; init; }

    /// <summary>Purposes only: the legal bases the text states (any one of them suffices, as "Art. 6(1)(a) or (b)"), in order.</summary>
    public EquatableArray<string> Bases { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Purposes only: what the law treats specially in them (direct-marketing, profiling), in order.</summary>
    public EquatableArray<string> PurposeKinds { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Recipients and trackers: the kind, when stated.</summary>
    public string? KindWord { get; init; }

    /// <summary>Channels only: the address (email, postal address, URL), when stated.</summary>
    public string? Address { get; init; }

    /// <summary>Trackers only: how long the tracker lasts, when stated.</summary>
    public TrackerLifetime? Lifetime { get; init; }

    /// <summary>
    /// Trackers only: the recipient the tracker sends what it collects to (Facebook Pixel: its vendor), when stated;
    /// collecting through the tracker implies sharing with it (<see cref="Permission.ImpliedByTracker"/>).
    /// </summary>
    public string? Vendor { get; init; }

    /// <summary>Trackers only: the purposes the vendor receives the data for (sorted); empty: any, as the text does not limit them.</summary>
    public EquatableArray<string> VendorPurposes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Trackers only: where the vendor receives the data, when stated (sorted codes); a place abroad is a transfer there.</summary>
    public EquatableArray<string> VendorCountries { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>How long a tracker lasts: <see cref="Words"/> (session, persistent; both for a text's "temporary and persistent" cookies) or a period.</summary>
public sealed record TrackerLifetime(EquatableArray<string> Words, Duration? Period);

/// <summary>Whether the person must provide the data (and on what requirement, with what consequence if not).</summary>
public sealed record Provision(bool Required, string? Requirement, string? Consequence);

/// <summary>
/// The values a rule names in one dimension of its verb: the declared names or country codes (sorted), or
/// <see cref="Any"/> for every value (an optional clause left out, a prohibition's absent clause, <c>to any</c>).
/// </summary>
public sealed record DimensionValues(bool Any, EquatableArray<string> Names)
{
    public static DimensionValues AnyValue { get; } = new(true, EquatableArray<string>.Empty);

    /// <summary>
    /// Whether the rule gave the dimension's <see cref="DecisionDimension.UnstatedWord"/>: the text states no place,
    /// and <see cref="Names"/> are the jurisdiction's area, which it stands for.
    /// </summary>
    public bool Unstated { get; init; }

    internal static DimensionValues Named(DecisionVerb verb, EquatableArray<DimensionValues> values, string dimension)
    {
        for (var i = 0; i < verb.Dimensions.Count; i++)
        {
            if (verb.Dimensions[i].Name == dimension) return values[i];
        }
        throw new ArgumentException("'" + verb.Keyword + "' has no dimension '" + dimension + "'", nameof(dimension));
    }

    /// <summary>
    /// Whether the text gives the names as examples of an open list ("such as", "e.g.", "and others": <c>such-as</c>):
    /// the rule covers the names listed, and the documents say "for example".
    /// </summary>
    public bool Examples { get; init; }

    /// <summary>Whether the rule covers <paramref name="value"/>; a value not asked (null) is covered only by <see cref="Any"/>.</summary>
    public bool Covers(string? value) => Any || (value is not null && SortedNames.Contains(Names, value));
}

/// <summary>The descriptive clauses only one verb's permissions take.</summary>
public abstract record StatementDetails;

/// <summary>What a collection is: on which occasion, whether automatic and through which trackers, whether required.</summary>
public sealed record CollectionDetails(string? Occasion, bool Automatically, EquatableArray<string> Trackers, Provision? Provision) : StatementDetails
{
    /// <summary>
    /// The recipient that collects the data directly (Hetzner: card data "collected
    /// directly by Computop"), or null when the controller collects it.
    /// </summary>
    public string? CollectedBy { get; init; }

    /// <summary>
    /// Where the data comes from when it is not given by the person (<see cref="Binding.Vocabulary.DataOrigin"/>;
    /// GDPR Art. 14(2)(f)), or null: from the person.
    /// </summary>
    public string? Origin { get; init; }
}

/// <summary>The ground of a transfer (adequacy, consent, …).</summary>
public sealed record TransferBasis(string Basis) : StatementDetails
{
    /// <summary>
    /// What protects the data where it goes (<see cref="Binding.Vocabulary.TransferSafeguard"/>), in the order the
    /// statement gives them; several are alternatives ("an adequacy decision … or appropriate safeguards", Hetzner);
    /// empty when the statement states none.
    /// </summary>
    public EquatableArray<string> Safeguards { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether the transfer is made on an adequacy decision (GDPR Art. 45): as its basis or one of its safeguards.</summary>
    public bool ReliesOnAdequacy => Basis == "adequacy" || Safeguards.Contains("adequacy");
}

/// <summary>
/// A permission: what a <c>collect</c>, <c>process</c>, … statement allows, one <see cref="DimensionValues"/> per
/// dimension of its verb (in the verb's order). A permission needs all of its <see cref="Conditions"/>.
/// </summary>
public sealed record Permission(
    DecisionVerb Verb,
    EquatableArray<string> Categories,
    EquatableArray<DimensionValues> Dimensions,
    EquatableArray<string> Conditions,
    StatementDetails? Details,
    EquatableArray<Citation> Citations,
    SourceSpan Span)
{
    public DimensionValues this[DecisionDimension dimension] => Dimensions[Verb.IndexOf(dimension)];

    /// <summary>
    /// Not a statement of the policy but what its jurisdiction implies: moving data to a country of the home area
    /// (<see cref="PolicyModel.HomeArea"/>) crosses no border, so the verb's border-crossing dimension permits it
    /// without conditions. Its span and citations are the jurisdiction's; the documents list it among the
    /// verb's statements, saying why.
    /// </summary>
    public bool WithinHomeArea { get; init; }

    /// <summary>
    /// Not a statement of the policy but what collecting through a tracker implies: the tracker (named here) sends
    /// the data it collects to its vendor, so the data is shared with the vendor as it is collected, on the
    /// collection's conditions. Its span and citations are the tracker's and the collection's.
    /// </summary>
    public string? ImpliedByTracker { get; init; }

    /// <summary>The names the rule gives in the dimension of that name (<c>"purposes"</c>); empty for "any".</summary>
    public EquatableArray<string> ValuesOf(string dimension) => DimensionValues.Named(Verb, Dimensions, dimension).Names;

    /// <summary>Whether the text gives the categories as examples (<c>such-as</c>): the rule covers those listed.</summary>
    public bool CategoriesAreExamples { get; init; }
}

/// <summary>An explicit prohibition (<c>never</c>): lifted by any of its <see cref="Unless"/> conditions.</summary>
public sealed record Prohibition(
    DecisionVerb Verb,
    EquatableArray<string> Categories,
    EquatableArray<DimensionValues> Dimensions,
    EquatableArray<string> Unless,
    EquatableArray<Citation> Citations,
    SourceSpan Span)
{
    public DimensionValues this[DecisionDimension dimension] => Dimensions[Verb.IndexOf(dimension)];

    /// <summary>The names the rule gives in the dimension of that name (<c>"purposes"</c>); empty for "any".</summary>
    public EquatableArray<string> ValuesOf(string dimension) => DimensionValues.Named(Verb, Dimensions, dimension).Names;
}

public sealed record Duration(int Amount, string Unit);

/// <summary>One end of a retention: a duration (optionally counted from an event), or until an event.</summary>
public sealed record RetentionEnd(Duration? Period, string? After, string? Until);

/// <summary>
/// How long data of the categories, given for the purposes (any, where the list is empty), is kept while the
/// conditions hold: until its end, or, with several ends, whichever comes first or later
/// (<see cref="Whichever"/>); then it is deleted or anonymised (<see cref="Then"/>). Which statements answer for a
/// category and purpose is <see cref="Evaluation.RetentionRules"/>'s.
/// </summary>
public sealed record RetentionRule(
    EquatableArray<string> Categories,
    EquatableArray<RetentionEnd> Ends,
    EquatableArray<Citation> Citations,
    SourceSpan Span)
{
    public EquatableArray<string> Purposes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>"first" or "later" where there are several ends; null with one.</summary>
    public string? Whichever { get; init; }

    /// <summary>What happens to the data at the end: "delete" (unless the statement says otherwise) or "anonymise".</summary>
    public string Then { get; init; } = RetentionWords.Delete;

    public EquatableArray<string> Conditions { get; init; } = EquatableArray<string>.Empty;

    /// <summary>What the statement says besides its scope, to tell two statements of one scope apart.</summary>
    /// <remarks>The order of the ends does not matter: the first or the later to come is the same whatever their order.</remarks>
    public bool SameEnd(RetentionRule other) =>
        Whichever == other.Whichever && Then == other.Then && Ends.Count == other.Ends.Count
        && Ends.All(e => Ends.Count(x => x == e) == other.Ends.Count(x => x == e));
}

/// <summary>The language's words of a retention's end.</summary>
public static class RetentionWords
{
    public const string Delete = "delete";
    public const string Anonymise = "anonymise";
    public const string First = "first";
    public const string Later = "later";
}

/// <summary>
/// A right of the person: for the purposes (any, where none is named), through its channels (then, where those
/// cannot serve the request, each list of <see cref="Fallbacks"/> in turn), answered within a period or at any time,
/// after what it <see cref="Requires"/>, entailing its consequences, and holding where its conditions do.
/// </summary>
public sealed record RightGrant(
    string Right,
    EquatableArray<string> Purposes,
    EquatableArray<string> Channels,
    Duration? Within,
    EquatableArray<string> Consequences,
    EquatableArray<Citation> Citations,
    SourceSpan Span)
{
    /// <summary>The purposes as the statement writes them (groups and parents unexpanded), sorted: what names the right's member in the guards.</summary>
    public EquatableArray<string> WrittenPurposes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The channels after each <c>else</c>: used, in order, where those before cannot serve the request (Eleven §9.6).</summary>
    public EquatableArray<EquatableArray<string>> Fallbacks { get; init; } = EquatableArray<EquatableArray<string>>.Empty;

    /// <summary>Whether the person may exercise the right at any time.</summary>
    public bool AtAnyTime { get; init; }

    /// <summary>The conditions the controller may ask to be met before it answers (proof of identity).</summary>
    public EquatableArray<string> Requires { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The conditions on which the right holds ("where applicable law provides"); empty: always.</summary>
    public EquatableArray<string> Conditions { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Every channel, the first ones and then each fallback's, in order.</summary>
    public IEnumerable<string> AllChannels => Channels.Concat(Fallbacks.SelectMany(f => f));

    /// <summary>The right and the purposes as written: what tells one right from another (a member of the rights interface each).</summary>
    public string DistinctName => WrittenPurposes.IsEmpty ? Right : Right + " for " + string.Join(", ", WrittenPurposes);

    /// <summary>Whether two statements of one right say the same of it (citations and position aside).</summary>
    public bool SameTerms(RightGrant other) =>
        Channels == other.Channels && Fallbacks == other.Fallbacks && Within == other.Within && AtAnyTime == other.AtAnyTime
        && Requires == other.Requires && Conditions == other.Conditions && Consequences == other.Consequences;
}

/// <summary>
/// A duty the text states that guards no decision (<see cref="Binding.Vocabulary.Duty"/>): of the controller, or of
/// the subject <see cref="By"/> names; the labels say what it is in the text's words.
/// </summary>
public sealed record DutyRule(string Duty, string? By, EquatableArray<Label> Labels, EquatableArray<Citation> Citations, SourceSpan Span);

/// <summary>What the header clauses cite.</summary>
public sealed record HeaderCitations(EquatableArray<Citation> Title, EquatableArray<Citation> Effective, EquatableArray<Citation> Jurisdiction)
{
    public static HeaderCitations None { get; } = new(EquatableArray<Citation>.Empty, EquatableArray<Citation>.Empty, EquatableArray<Citation>.Empty);
}

/// <summary>The supervisory authority a person may complain to, and how to reach it.</summary>
public sealed record Authority(EquatableArray<Label> Name, EquatableArray<ContactDetail> Details, EquatableArray<Citation> Citations);

public sealed record ConsentRule(
    string Topic,
    EquatableArray<string> Purposes,
    string? Form,
    EquatableArray<string> WithdrawChannels,
    EquatableArray<Citation> Citations,
    SourceSpan Span)
{
    /// <summary>What refusing or withdrawing the consent entails, as effects (sorted): Eleven §10.1, the app must no longer be used.</summary>
    public EquatableArray<string> Consequences { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>When changes of the policy take effect (<see cref="Within"/>: at the latest) after an event, and how people learn of them.</summary>
public sealed record AmendmentRule(Duration Delay, string After, EquatableArray<string> NotifyChannels, EquatableArray<Citation> Citations, SourceSpan Span)
{
    /// <summary>Whether the delay is an upper bound ("within 10 days"), not the delay itself.</summary>
    public bool Within { get; init; }

    /// <summary>Whether the policy reserves changes without notice to the user (Eleven §10.2).</summary>
    public bool WithoutNotice { get; init; }
}

public sealed record InformativeNote(EquatableArray<string> Sections, string Reason, SourceSpan Span);

/// <summary>A reading of words of the text that no statement encodes as written, with the words it is about.</summary>
public sealed record ReadingNote(EquatableArray<Label> Text, EquatableArray<Citation> Citations, SourceSpan Span);

/// <summary><c>laws gdpr, ge-pdp</c>: the law packs the lint applies, in place of those the policy's data calls for.</summary>
public sealed record LawChoice(EquatableArray<string> Laws, EquatableArray<Citation> Citations, SourceSpan Span);

/// <summary>
/// One finding of the lint the policy acknowledges (<c>acknowledge gdpr:dpo "…"</c>): the law it is under (null: under
/// every law that has the check), the check, the finding as written, and why the text gives no such information.
/// </summary>
public sealed record Acknowledgement(string? Law, string Check, string Finding, string Reason, SourceSpan Span)
{
    public bool Covers(string law, string check) => Check == check && (Law is null || Law == law);
}

/// <summary>A decision question: a verb, a category, one value per dimension of the verb (null: not asked), and the conditions that hold.</summary>
public sealed record Question(
    DecisionVerb Verb,
    string Category,
    EquatableArray<string?> Values,
    EquatableArray<string> Conditions)
{
    public string? this[DecisionDimension dimension] => Values[Verb.IndexOf(dimension)];

    /// <summary>
    /// The question in the policy's own words, as the analyzer and a decision of the guards say it:
    /// <c>process contact.email for marketing on law</c>; the conditions in the order of their names.
    /// </summary>
    public string Describe()
    {
        var parts = new List<string> { Verb.Keyword, Category };
        for (var i = 0; i < Verb.Dimensions.Count; i++)
        {
            // Identified data is what a question without 'as' asks: said only when another form is asserted.
            if (Values[i] is { } value && value != Verb.Dimensions[i].Vocabulary?.Default) parts.Add(Verb.Dimensions[i].Word + " " + value);
        }
        if (!Conditions.IsEmpty) parts.Add("on " + string.Join(", ", Conditions.OrderBy(c => c, StringComparer.Ordinal)));
        return string.Join(" ", parts);
    }

    /// <summary>The value asked in the dimension of that name (<c>"purposes"</c>), or null when not asked.</summary>
    public string? ValueOf(string dimension)
    {
        for (var i = 0; i < Verb.Dimensions.Count; i++)
        {
            if (Verb.Dimensions[i].Name == dimension) return Values[i];
        }
        throw new ArgumentException("'" + Verb.Keyword + "' has no dimension '" + dimension + "'", nameof(dimension));
    }

    /// <summary>A question of <paramref name="verb"/> with its values by dimension name (<c>("purposes", "marketing")</c>); unnamed ones are not asked.</summary>
    public static Question Of(DecisionVerb verb, string category, params (string Dimension, string? Value)[] values) =>
        Of(verb, category, EquatableArray<string>.Empty, values);

    public static Question Of(DecisionVerb verb, string category, EquatableArray<string> conditions, params (string Dimension, string? Value)[] values)
    {
        if (verb is null) throw new ArgumentNullException(nameof(verb));
        foreach (var (dimension, _) in values)
        {
            if (!verb.Dimensions.Any(d => d.Name == dimension)) throw new ArgumentException("'" + verb.Keyword + "' has no dimension '" + dimension + "'", nameof(values));
        }
        var ordered = verb.Dimensions.Select(d => values.Where(v => v.Dimension == d.Name).Select(v => v.Value).FirstOrDefault()).ToEquatableArray();
        return new Question(verb, category, ordered, conditions);
    }
}

public sealed record Expectation(bool Allow, Question Question, SourceSpan Span);

public sealed record PolicyTest(string Name, EquatableArray<Expectation> Expectations, SourceSpan Span)
{
    /// <summary>The block's <c>expect</c> lines: what it expects the policy to state of retention, rights, consent and duties.</summary>
    public EquatableArray<FactExpectation> Facts { get; init; } = EquatableArray<FactExpectation>.Empty;
}

/// <summary>
/// What an <c>expect</c> line asks the policy to state, written as the statement would be (<see cref="Evaluation.StatedFacts"/>
/// says when the policy states it).
/// </summary>
public abstract record StatedFact;

/// <summary>That data of the category given for each of the purposes (any, where none is named), while the conditions hold, is kept as <see cref="Expected"/> says.</summary>
public sealed record RetentionFact(string Category, EquatableArray<string> Purposes, EquatableArray<string> Given, RetentionRule Expected) : StatedFact;

/// <summary>That the policy grants the right as <see cref="Expected"/> says it, where its conditions (the line's <c>on</c>) hold.</summary>
public sealed record RightFact(RightGrant Expected) : StatedFact;

/// <summary>That the policy asks the consent as <see cref="Expected"/> says it.</summary>
public sealed record ConsentFact(ConsentRule Expected) : StatedFact;

/// <summary>That the policy states the duty, of the controller or of the subject <see cref="DutyRule.By"/> names.</summary>
public sealed record DutyFact(DutyRule Expected) : StatedFact;

/// <summary>An <c>expect [no]</c> line: the fact, whether it is expected to hold, and where the line is.</summary>
public sealed record FactExpectation(bool Holds, StatedFact Fact, SourceSpan Span);

/// <summary>
/// A named group (<c>group identifying categories contact.*, identity.* except identity.age</c>): its members and
/// exclusions as written, and the sorted names (or country codes) they resolve to. Statements that name the group
/// hold the resolved names, as if written out; the group is kept so that the documents can show it by name.
/// </summary>
public sealed record NameGroup(
    string Name,
    GroupKind Kind,
    EquatableArray<Label> Labels,
    EquatableArray<string> Members,
    EquatableArray<string> Except,
    EquatableArray<string> Names,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

/// <summary>A compiled policy.</summary>
public sealed record PolicyModel(
    string Id,
    EquatableArray<Label> Title,
    Controller? Controller,
    string? Effective,
    string? Source,
    string? Jurisdiction,
    EquatableArray<Term> Subjects,
    EquatableArray<Term> Categories,
    EquatableArray<Term> Purposes,
    EquatableArray<Term> Recipients,
    EquatableArray<Term> Trackers,
    EquatableArray<Term> Channels,
    EquatableArray<Term> Conditions,
    VerbSchema Verbs,
    EquatableArray<Permission> Permissions,
    EquatableArray<Prohibition> Prohibitions,
    EquatableArray<RetentionRule> Retention,
    EquatableArray<RightGrant> Rights,
    EquatableArray<ConsentRule> Consents,
    EquatableArray<AmendmentRule> Amendments,
    EquatableArray<InformativeNote> Informative,
    EquatableArray<PolicyTest> Tests)
{
    /// <summary>The policy's named groups, in source order, each with the names it stands for.</summary>
    public EquatableArray<NameGroup> Groups { get; init; }

    /// <summary>
    /// The countries data moves within without crossing a border (sorted): the jurisdiction, or the EEA for a
    /// jurisdiction in it; empty without a jurisdiction. A destination among them is permitted by the
    /// jurisdiction itself (one of <see cref="ImpliedPermissions"/>).
    /// </summary>
    public EquatableArray<string> HomeArea { get; init; }

    /// <summary>
    /// The rules the jurisdiction implies (<see cref="Permission.WithinHomeArea"/>): not statements of the policy,
    /// so not in <see cref="Permissions"/>, but they decide (<see cref="PermissionsOf"/>) and the documents list them.
    /// </summary>
    public EquatableArray<Permission> ImpliedPermissions { get; init; }

    /// <summary>The events the policy declares, with their labels (<c>event account-deletion …</c>), sorted by name.</summary>
    public EquatableArray<Term> Events { get; init; } = EquatableArray<Term>.Empty;

    /// <summary>The effects the policy declares (<c>effect block-account …</c>), sorted by name.</summary>
    public EquatableArray<Term> Effects { get; init; } = EquatableArray<Term>.Empty;

    /// <summary>The duties the text states, in the policy's order.</summary>
    public EquatableArray<DutyRule> Duties { get; init; } = EquatableArray<DutyRule>.Empty;

    /// <summary>What the header clauses cite (title, effective date, jurisdiction): the documents link them to the text.</summary>
    public HeaderCitations HeaderCitations { get; init; } = HeaderCitations.None;

    /// <summary>The supervisory authority, where the policy names it.</summary>
    public Authority? Authority { get; init; }

    /// <summary>The laws the policy names for its lint, or null where its jurisdiction and data decide.</summary>
    public LawChoice? Laws { get; init; }

    /// <summary>The policy's readings of words no statement encodes as written (<c>note …</c>), in its order.</summary>
    public EquatableArray<ReadingNote> Notes { get; init; } = EquatableArray<ReadingNote>.Empty;

    /// <summary>The lint's findings the policy acknowledges as the text's silence, in the policy's order.</summary>
    public EquatableArray<Acknowledgement> Acknowledgements { get; init; } = EquatableArray<Acknowledgement>.Empty;

    /// <summary>The declared names of one kind, sorted by name.</summary>
    public EquatableArray<Term> TermsOf(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Subject => Subjects,
        DeclarationKind.Category => Categories,
        DeclarationKind.Purpose => Purposes,
        DeclarationKind.Recipient => Recipients,
        DeclarationKind.Tracking => Trackers,
        DeclarationKind.Channel => Channels,
        DeclarationKind.Condition => Conditions,
        DeclarationKind.Event => Events,
        DeclarationKind.Effect => Effects,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a declaration kind"),
    };

    /// <summary>The permissions of one verb that decide: those the policy states, in its order, then those its jurisdiction implies.</summary>
    public IEnumerable<Permission> PermissionsOf(DecisionVerb verb) => DecidingPermissions.Where(p => p.Verb.Equals(verb));

    /// <summary>Every rule that permits: the policy's statements (<see cref="Permissions"/>), then those its jurisdiction implies.</summary>
    public IEnumerable<Permission> DecidingPermissions => ImpliedPermissions.IsEmpty ? Permissions : Permissions.Concat(ImpliedPermissions);

    /// <summary>The permissions of one verb that the policy states, in its order: what the data flow and lint read.</summary>
    public IEnumerable<Permission> StatedPermissionsOf(DecisionVerb verb) => Permissions.Where(p => p.Verb.Equals(verb));

    /// <summary>
    /// The permissions of one verb that the text discloses, what the inventory and the data flow show: the policy's
    /// statements, then the shares its trackers imply (the home area's rules are the law's, not the text's).
    /// </summary>
    public IEnumerable<Permission> DisclosedPermissionsOf(DecisionVerb verb) =>
        StatedPermissionsOf(verb).Concat(ImpliedPermissions.Where(p => p.ImpliedByTracker is not null && p.Verb.Equals(verb)));

    /// <summary>The prohibitions of one verb, in the order the policy states them.</summary>
    public IEnumerable<Prohibition> ProhibitionsOf(DecisionVerb verb) => Prohibitions.Where(p => p.Verb.Equals(verb));
}
