using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Syntax;

/// <summary>Any node of the syntax tree; every node knows the exact source range it was parsed from.</summary>
public abstract record SyntaxNode(SourceSpan Span);

/// <summary>A name as written: a single identifier, or a dotted name such as <c>contact.email</c>.</summary>
public sealed record NameSyntax(string Text, SourceSpan Span) : SyntaxNode(Span);

/// <summary>
/// A name pattern: <c>*</c>, a name, or a name followed by <c>.*</c>. A name covers its children. In a list of
/// categories a pattern after <c>except</c> is <see cref="Excluded"/>: the list covers what its other patterns
/// cover, less what the excluded ones cover.
/// </summary>
public sealed record PatternSyntax(string Text, SourceSpan Span) : SyntaxNode(Span)
{
    public bool IsAll => Text == "*";

    /// <summary>Written after <c>except</c>: removes what it covers from the list.</summary>
    public bool Excluded { get; init; }

    /// <summary>In a list written after <c>such-as</c>: the text gives the list as examples ("such as", "e.g.", "and other").</summary>
    public bool Examples { get; init; }

    /// <summary>The name the pattern is rooted at (empty for <c>*</c>).</summary>
    public string Root => IsAll ? string.Empty : Text.EndsWith(".*", System.StringComparison.Ordinal) ? Text.Substring(0, Text.Length - 2) : Text;
}

/// <summary>A string literal, with its escapes already resolved.</summary>
public sealed record StringSyntax(string Value, SourceSpan Span) : SyntaxNode(Span);

/// <summary>A label in one language (<c>ka "…"</c>); the language is empty for a language-neutral string.</summary>
public sealed record LabelSyntax(string Language, StringSyntax Text, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>§5.2.1 "excerpt"</c>: a section, a verbatim excerpt, or both.</summary>
public sealed record CitationSyntax(NameSyntax? Section, StringSyntax? Excerpt, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>10 days</c>; the amount is kept as written so that the binder can report it when out of range.</summary>
public sealed record DurationSyntax(NameSyntax Amount, NameSyntax Unit, SourceSpan Span) : SyntaxNode(Span);

public sealed record DateSyntax(string Text, SourceSpan Span) : SyntaxNode(Span);

/// <summary>A keyword or clause word as written (<c>collect</c>, <c>from</c>); kept only in an <see cref="IncompleteMemberSyntax"/>.</summary>
public sealed record KeywordSyntax(string Text, SourceSpan Span) : SyntaxNode(Span);

/// <summary>Where a member stopped short, and what could come there (<c>'from'</c>, <c>a subject name</c>).</summary>
public sealed record MissingSyntax(EquatableArray<string> Expected, SourceSpan Span) : SyntaxNode(Span);

/// <summary>
/// A member that did not parse, kept with what did: its keyword, the tokens read before it stopped (in
/// order), the clauses and other nodes completed on the way (outermost only), and the missing part. The
/// binder, the formatter, the documents and the diff read only complete members; an editor reads these to
/// complete and explain the statement being typed. Its diagnostic is reported as for any syntax error.
/// </summary>
public sealed record IncompleteMemberSyntax(
    SourceSpan Span,
    string Keyword,
    EquatableArray<SyntaxNode> Tokens,
    EquatableArray<SyntaxNode> Nodes,
    MissingSyntax Missing) : SyntaxNode(Span);

/// <summary>A comment, kept for the formatter: <c>// …</c> or <c>/* … */</c>, text including its delimiters.</summary>
public sealed record CommentSyntax(string Text, SourceSpan Span) : SyntaxNode(Span);

public enum DeclarationKind
{
    Subject,
    Category,
    Purpose,
    Recipient,
    Tracking,
    Channel,
    Condition,

    /// <summary>An event a retention or an amendment counts from or runs until (<c>account-deletion</c>).</summary>
    Event,

    /// <summary>What follows from a right exercised or data not provided (<c>block-account</c>).</summary>
    Effect,
}

/// <summary>A member of a policy body: a header clause, a declaration or a statement.</summary>
public abstract record MemberSyntax(SourceSpan Span, EquatableArray<CitationSyntax> Citations) : SyntaxNode(Span)
{
    /// <summary>The keyword the member starts with.</summary>
    public abstract string Keyword { get; }
}

// ---- Header ----

public sealed record TitleSyntax(SourceSpan Span, EquatableArray<LabelSyntax> Labels, EquatableArray<CitationSyntax> Citations)
    : MemberSyntax(Span, Citations)
{
    public override string Keyword => "title";
}

/// <summary><c>controller "name" website "…" email "…"</c>: who is responsible, and how to reach them.</summary>
public sealed record ControllerSyntax(
    SourceSpan Span,
    EquatableArray<LabelSyntax> Name,
    EquatableArray<ContactDetailSyntax> Details,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "controller";
}

/// <summary><c>supervisory-authority "name" website "…"</c>: the supervisory authority a complaint goes to, and how to reach it.</summary>
public sealed record AuthoritySyntax(
    SourceSpan Span,
    EquatableArray<LabelSyntax> Name,
    EquatableArray<ContactDetailSyntax> Details,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "supervisory-authority";
}

/// <summary>One contact detail of the controller: <c>email "…"</c>, <c>website "…"</c>, <c>dpo "…"</c>, …</summary>
public sealed record ContactDetailSyntax(NameSyntax Kind, StringSyntax Value, SourceSpan Span) : SyntaxNode(Span);

/// <summary><c>laws gdpr, ge-pdp</c>: the laws whose notice requirements the lint reads the policy under, instead of those its data calls for.</summary>
public sealed record LawsSyntax(SourceSpan Span, EquatableArray<NameSyntax> Laws, EquatableArray<CitationSyntax> Citations)
    : MemberSyntax(Span, Citations)
{
    public override string Keyword => "laws";
}

public sealed record EffectiveSyntax(SourceSpan Span, DateSyntax Date, EquatableArray<CitationSyntax> Citations)
    : MemberSyntax(Span, Citations)
{
    public override string Keyword => "effective";
}

public sealed record SourceSyntax(SourceSpan Span, StringSyntax Path) : MemberSyntax(Span, EquatableArray<CitationSyntax>.Empty)
{
    public override string Keyword => "source";
}

public sealed record JurisdictionSyntax(SourceSpan Span, NameSyntax Country, EquatableArray<CitationSyntax> Citations)
    : MemberSyntax(Span, Citations)
{
    public override string Keyword => "jurisdiction";
}

// ---- Declarations ----

/// <summary>
/// <c>category contact.email ka "…" en "…" cites …</c> and its siblings. Attributes that only some kinds
/// take (special, basis, kind, address) are null or false for the others; the grammar decides which appear.
/// </summary>
public sealed record DeclarationSyntax(
    SourceSpan Span,
    DeclarationKind Kind,
    NameSyntax Name,
    EquatableArray<LabelSyntax> Labels,
    bool IsSpecial,
    EquatableArray<NameSyntax> Bases,
    NameSyntax? KindWord,
    StringSyntax? Address,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => Keywords.Of(Kind);

    /// <summary>
    /// Trackers only: how long it lasts, <c>lifetime session</c>, <c>lifetime session, persistent</c> or <c>lifetime 2 years</c>
    /// (the words, or the duration); null when the text does not say.
    /// </summary>
    public TrackerLifetimeSyntax? Lifetime { get; init; }

    /// <summary>Trackers only: the recipient the tracker sends what it collects to (a pixel's vendor), if any.</summary>
    public NameSyntax? Vendor { get; init; }

    /// <summary>Purposes only: what the law treats specially in them (<c>kind direct-marketing, profiling</c>).</summary>
    public EquatableArray<NameSyntax> PurposeKinds { get; init; } = EquatableArray<NameSyntax>.Empty;

    /// <summary>Trackers only: the purposes the vendor receives the data for (<c>vendor meta for advertising</c>); empty: the text does not limit them.</summary>
    public EquatableArray<NameSyntax> VendorPurposes { get; init; } = EquatableArray<NameSyntax>.Empty;

    /// <summary>Trackers only: where the vendor receives the data (<c>vendor meta in US</c>), if the text says.</summary>
    public EquatableArray<NameSyntax> VendorCountries { get; init; } = EquatableArray<NameSyntax>.Empty;
}

/// <summary>A tracker's lifetime: words (<c>session</c>, <c>persistent</c>: SPAR's "temporary and persistent" cookies are both) or a duration.</summary>
public sealed record TrackerLifetimeSyntax(EquatableArray<NameSyntax> Words, DurationSyntax? Duration, SourceSpan Span) : SyntaxNode(Span);

/// <summary>What a group collects: the kinds of name that a list may hold, and the countries.</summary>
public enum GroupKind
{
    Categories,
    Purposes,
    Recipients,
    Countries,
}

/// <summary>
/// <c>group identifying categories contact.*, identity.* except identity.age ka "…" en "…" cites …</c>: a name for
/// a list, usable wherever a list of its kind is. A group of categories takes patterns and <c>except</c>; the
/// others take names of their kind (or country codes), and every kind may name other groups of its kind.
/// </summary>
public sealed record GroupSyntax(
    SourceSpan Span,
    NameSyntax Name,
    GroupKind Kind,
    NameSyntax KindWord,
    EquatableArray<PatternSyntax> Members,
    EquatableArray<LabelSyntax> Labels,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "group";
}

// ---- Statements ----

/// <summary>
/// Whether the person must provide the data: <c>required &lt;requirement&gt; [consequence &lt;effect&gt;]</c>
/// (statutory, contractual or pre-contractual, and what refusing entails) or <c>optional</c>.
/// </summary>
public sealed record ProvisionSyntax(bool Required, NameSyntax? Requirement, NameSyntax? Consequence, SourceSpan Span) : SyntaxNode(Span);

/// <summary>
/// The clause of one dimension of a decision (<c>from customer</c>, <c>to any</c>, <c>of citizens RU</c>): the
/// names it gives, or <see cref="Any"/>. An absent optional clause has no names and the empty span.
/// </summary>
public sealed record DimensionSyntax(bool Any, EquatableArray<NameSyntax> Names, SourceSpan Span) : SyntaxNode(Span)
{
    public static readonly DimensionSyntax Absent = new(false, EquatableArray<NameSyntax>.Empty, default);

    /// <summary>Written after <c>such-as</c>: the text gives the names as examples of an open list.</summary>
    public bool Examples { get; init; }

    public bool IsAbsent => !Any && Names.IsEmpty;
}

/// <summary>
/// A permission: <c>&lt;verb&gt; &lt;categories&gt; &lt;dimension clauses&gt; [details] [on &lt;conditions&gt;]</c>, one
/// dimension clause per dimension of <see cref="Verb"/> (in its order), the verb's descriptive clauses in
/// <see cref="Details"/>.
/// </summary>
public sealed record DecisionSyntax(
    SourceSpan Span,
    DecisionVerb Verb,
    EquatableArray<PatternSyntax> Categories,
    EquatableArray<DimensionSyntax> Dimensions,
    StatementDetailsSyntax? Details,
    EquatableArray<NameSyntax> Conditions,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => Verb.Keyword;

    public DimensionSyntax this[DecisionDimension dimension] => Dimensions[Verb.IndexOf(dimension)];
}

/// <summary>The descriptive clauses that only one verb's permissions take.</summary>
public abstract record StatementDetailsSyntax(SourceSpan Span) : SyntaxNode(Span);

/// <summary>What a collection is: <c>[at occasion] [automatically] [via trackers] [by recipient] [origin word] [required … | optional]</c>.</summary>
public sealed record CollectionDetailsSyntax(
    NameSyntax? Occasion,
    bool Automatically,
    EquatableArray<NameSyntax> Trackers,
    ProvisionSyntax? Provision,
    SourceSpan Span) : StatementDetailsSyntax(Span)
{
    /// <summary>The third party that collects the data on the controller's behalf (<c>by computop</c>), if any.</summary>
    public NameSyntax? CollectedBy { get; init; }

    /// <summary>Where the data comes from when not from the person (<c>origin publicly-accessible</c>), if said.</summary>
    public NameSyntax? Origin { get; init; }
}

/// <summary>The ground of a transfer: <c>basis adequacy</c>.</summary>
public sealed record TransferBasisSyntax(NameSyntax Basis, SourceSpan Span) : StatementDetailsSyntax(Span)
{
    /// <summary>
    /// The safeguards stated beside the basis (<c>basis contract safeguard standard-clauses</c>), any one of which
    /// the transfer relies on; empty when none is stated.
    /// </summary>
    public EquatableArray<NameSyntax> Safeguards { get; init; } = EquatableArray<NameSyntax>.Empty;
}

/// <summary>
/// <c>never &lt;verb&gt; … [dimension clauses] [unless …]</c>: an explicit prohibition. Every dimension clause is
/// optional here, and an absent one means "any".
/// </summary>
public sealed record NeverSyntax(
    SourceSpan Span,
    DecisionVerb Verb,
    EquatableArray<PatternSyntax> Categories,
    EquatableArray<DimensionSyntax> Dimensions,
    EquatableArray<NameSyntax> Unless,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "never";

    public DimensionSyntax this[DecisionDimension dimension] => Dimensions[Verb.IndexOf(dimension)];
}

/// <summary>One end of a retention: <c>for 5 years [after event]</c> or <c>until event</c>.</summary>
public sealed record RetentionEndSyntax(DurationSyntax? Duration, NameSyntax? After, NameSyntax? Until, SourceSpan Span) : SyntaxNode(Span);

/// <summary>
/// <c>retain … [for purposes] end {or end} [whichever first|later] [then delete|anonymise] [on conditions]</c>:
/// how long data given for the purposes (any, where none is named) is kept, while the conditions hold.
/// </summary>
public sealed record RetainSyntax(
    SourceSpan Span,
    EquatableArray<PatternSyntax> Categories,
    EquatableArray<NameSyntax> Purposes,
    EquatableArray<RetentionEndSyntax> Ends,
    NameSyntax? Whichever,
    NameSyntax? Then,
    EquatableArray<NameSyntax> Conditions,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "retain";
}

/// <summary>
/// <c>right &lt;right&gt; [for purposes] [via channels {else channels}] [at-any-time | within duration] [requires
/// conditions] [consequence effects] [on conditions]</c>: a right of the person, the channels it is exercised
/// through (each <c>else</c> a fallback where the channels before it cannot serve the request), when it is
/// answered, what the controller may ask first, what exercising it entails, and where it holds.
/// </summary>
public sealed record RightSyntax(
    SourceSpan Span,
    NameSyntax Right,
    EquatableArray<NameSyntax> Purposes,
    EquatableArray<NameSyntax> Channels,
    DurationSyntax? Within,
    EquatableArray<NameSyntax> Consequences,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "right";

    /// <summary>The channels after each <c>else</c>, in order: used where those before cannot serve the request (Eleven §9.6).</summary>
    public EquatableArray<EquatableArray<NameSyntax>> Fallbacks { get; init; } = EquatableArray<EquatableArray<NameSyntax>>.Empty;

    /// <summary>Whether the text lets the person exercise the right at any time (SPAR: "ნებისმიერ დროს").</summary>
    public bool AtAnyTime { get; init; }

    /// <summary>What the controller may ask for before it answers (proof of identity): declared conditions.</summary>
    public EquatableArray<NameSyntax> Requires { get; init; } = EquatableArray<NameSyntax>.Empty;

    /// <summary>Where the right holds ("where applicable law provides", Eleven §9.1): declared conditions.</summary>
    public EquatableArray<NameSyntax> Conditions { get; init; } = EquatableArray<NameSyntax>.Empty;
}

public sealed record ConsentSyntax(
    SourceSpan Span,
    NameSyntax Topic,
    EquatableArray<NameSyntax> Purposes,
    NameSyntax? Form,
    EquatableArray<NameSyntax> WithdrawChannels,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "consent";

    /// <summary>What refusing or withdrawing the consent entails (<c>consequence stop-using</c>, Eleven §10.1), as effects.</summary>
    public EquatableArray<NameSyntax> Consequences { get; init; } = EquatableArray<NameSyntax>.Empty;
}

/// <summary>
/// <c>amendments take-effect [within] 10 days after publication [notify via channels | without-notice]</c>:
/// when changes of the policy take effect (at the latest, with <c>within</c>) and how people learn of them.
/// </summary>
public sealed record AmendmentsSyntax(
    SourceSpan Span,
    DurationSyntax Delay,
    NameSyntax After,
    EquatableArray<NameSyntax> NotifyChannels,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "amendments";

    /// <summary>Whether the delay is an upper bound ("within 10 days") rather than the delay itself.</summary>
    public bool Within { get; init; }

    /// <summary>Whether the policy reserves changes without notice to the user.</summary>
    public bool WithoutNotice { get; init; }
}

/// <summary>
/// <c>duty &lt;duty&gt; [by &lt;subject&gt;] [ka "…" en "…"]</c>: something the controller (or, with <c>by</c>, the person)
/// undertakes that guards no decision but the text states: security measures, access on a need-to-know basis, the
/// accuracy of data. The labels say in the text's words what the duty is.
/// </summary>
public sealed record DutySyntax(
    SourceSpan Span,
    NameSyntax Duty,
    NameSyntax? By,
    EquatableArray<LabelSyntax> Labels,
    EquatableArray<CitationSyntax> Citations) : MemberSyntax(Span, Citations)
{
    public override string Keyword => "duty";
}

/// <summary><c>informative §1.3, §1.4 "reason"</c>: paragraphs that state nothing to encode, and why.</summary>
public sealed record InformativeSyntax(SourceSpan Span, EquatableArray<NameSyntax> Sections, StringSyntax Reason)
    : MemberSyntax(Span, EquatableArray<CitationSyntax>.Empty)
{
    public override string Keyword => "informative";
}

/// <summary>
/// <c>note "…" cites §4.2 "…"</c>: how the policy reads words of the text that no statement encodes as written (a
/// sentence the rest of the text contradicts, the narrower of two readings), so that the documents show it beside them.
/// </summary>
public sealed record NoteSyntax(SourceSpan Span, EquatableArray<LabelSyntax> Text, EquatableArray<CitationSyntax> Citations)
    : MemberSyntax(Span, Citations)
{
    public override string Keyword => "note";
}

/// <summary>
/// <c>acknowledge gdpr:dpo, ge-pdp:dpo "reason"</c>: lint findings the text gives no information for, each as the lint
/// names it (a law's id and its check, or the check alone for every law), and why the notice is silent.
/// </summary>
public sealed record AcknowledgeSyntax(SourceSpan Span, EquatableArray<NameSyntax> Findings, StringSyntax Reason)
    : MemberSyntax(Span, EquatableArray<CitationSyntax>.Empty)
{
    public override string Keyword => "acknowledge";
}

// ---- Tests ----

/// <summary>
/// A decision question: <c>process contact.email for marketing</c>, <c>store x of citizen RU in DE</c>, …; one value
/// per dimension of <see cref="Verb"/> (null where an optional one is not asked).
/// </summary>
public sealed record QuestionSyntax(
    SourceSpan Span,
    DecisionVerb Verb,
    NameSyntax Category,
    EquatableArray<NameSyntax?> Values,
    EquatableArray<NameSyntax> Conditions) : SyntaxNode(Span)
{
    public NameSyntax? this[DecisionDimension dimension] => Values[Verb.IndexOf(dimension)];
}

public sealed record ExpectationSyntax(SourceSpan Span, bool Allow, QuestionSyntax Question) : SyntaxNode(Span);

/// <summary>
/// <c>expect [no] &lt;statement&gt;</c>: that the policy states (or, with <c>no</c>, does not state) what a retain, right,
/// consent or duty statement written without citations says: <c>expect right erasure via email within 30 days</c>,
/// <c>expect retain contact.email for newsletter until account-deletion</c>. Such statements decide nothing, so an
/// allow/deny cannot ask them.
/// </summary>
public sealed record FactExpectationSyntax(SourceSpan Span, bool Holds, MemberSyntax Statement) : SyntaxNode(Span);

public sealed record TestBlockSyntax(SourceSpan Span, StringSyntax Name, EquatableArray<ExpectationSyntax> Expectations) : SyntaxNode(Span)
{
    /// <summary>The block's <c>expect</c> lines, in order (they interleave with <see cref="Expectations"/> by position).</summary>
    public EquatableArray<FactExpectationSyntax> Facts { get; init; } = EquatableArray<FactExpectationSyntax>.Empty;
}

// ---- File ----

/// <summary>
/// A parsed <c>.policy</c> file. Parts that could not be parsed are missing (and diagnosed);
/// <see cref="Id"/> is null when the policy header itself was unreadable.
/// </summary>
public sealed record PolicyFileSyntax(
    SourceSpan Span,
    NameSyntax? Id,
    EquatableArray<MemberSyntax> Members,
    EquatableArray<TestBlockSyntax> Tests,
    EquatableArray<CommentSyntax> Comments) : SyntaxNode(Span)
{
    /// <summary>The members that did not parse, with the parts that did, in file order.</summary>
    public EquatableArray<IncompleteMemberSyntax> Incomplete { get; init; } = EquatableArray<IncompleteMemberSyntax>.Empty;
}
