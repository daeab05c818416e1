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

    /// <summary>Purposes only: the legal basis, when the text states one.</summary>
    public string? Basis { get; init; }

    /// <summary>Recipients and trackers: the kind, when stated.</summary>
    public string? KindWord { get; init; }

    /// <summary>Channels only: the address (email, postal address, URL), when stated.</summary>
    public string? Address { get; init; }
}

/// <summary>Whether the person must provide the data (and on what requirement, with what consequence if not).</summary>
public sealed record Provision(bool Required, string? Requirement, string? Consequence);

public sealed record CollectionRule(
    EquatableArray<string> Categories,
    EquatableArray<string> Subjects,
    string? Occasion,
    bool Automatically,
    EquatableArray<string> Trackers,
    Provision? Provision,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

public sealed record ProcessingRule(
    EquatableArray<string> Categories,
    EquatableArray<string> Purposes,
    EquatableArray<string> Conditions,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

public sealed record SharingRule(
    EquatableArray<string> Categories,
    EquatableArray<string> Recipients,
    EquatableArray<string> Purposes,
    EquatableArray<string> Conditions,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

/// <summary>A permitted cross-border transfer; <see cref="AnyCountry"/> with no countries means every destination.</summary>
public sealed record TransferRule(
    EquatableArray<string> Categories,
    bool AnyCountry,
    EquatableArray<string> Countries,
    string Basis,
    EquatableArray<string> Conditions,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

/// <summary>Where data (of the citizens of the given countries, or of anyone) may be stored.</summary>
public sealed record StorageRule(
    EquatableArray<string> Categories,
    EquatableArray<string> Citizenships,
    EquatableArray<string> Locations,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

/// <summary>An explicit prohibition; countries are transfer destinations or storage locations.</summary>
public sealed record Prohibition(
    Verb Verb,
    EquatableArray<string> Categories,
    EquatableArray<string> Subjects,
    EquatableArray<string> Purposes,
    EquatableArray<string> Recipients,
    EquatableArray<string> Citizenships,
    EquatableArray<string> Countries,
    EquatableArray<string> Unless,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

public sealed record Duration(int Amount, string Unit);

/// <summary>How long data is kept: a duration (optionally counted from an event), or until an event.</summary>
public sealed record RetentionRule(
    EquatableArray<string> Categories,
    Duration? Period,
    string? After,
    string? Until,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

public sealed record RightGrant(
    string Right,
    EquatableArray<string> Purposes,
    EquatableArray<string> Channels,
    Duration? Within,
    string? Consequence,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

public sealed record ConsentRule(
    string Topic,
    EquatableArray<string> Purposes,
    string? Form,
    EquatableArray<string> WithdrawChannels,
    EquatableArray<Citation> Citations,
    SourceSpan Span);

public sealed record AmendmentRule(Duration Delay, string After, EquatableArray<string> NotifyChannels, EquatableArray<Citation> Citations, SourceSpan Span);

public sealed record InformativeNote(EquatableArray<string> Sections, string Reason, SourceSpan Span);

public sealed record Question(
    Verb Verb,
    string Category,
    string? Subject,
    string? Purpose,
    string? Recipient,
    string? Citizenship,
    string? Country,
    EquatableArray<string> Conditions);

public sealed record Expectation(bool Allow, Question Question, SourceSpan Span);

public sealed record PolicyTest(string Name, EquatableArray<Expectation> Expectations, SourceSpan Span);

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
    EquatableArray<CollectionRule> Collections,
    EquatableArray<ProcessingRule> Processing,
    EquatableArray<SharingRule> Sharing,
    EquatableArray<TransferRule> Transfers,
    EquatableArray<StorageRule> Storage,
    EquatableArray<Prohibition> Prohibitions,
    EquatableArray<RetentionRule> Retention,
    EquatableArray<RightGrant> Rights,
    EquatableArray<ConsentRule> Consents,
    EquatableArray<AmendmentRule> Amendments,
    EquatableArray<InformativeNote> Informative,
    EquatableArray<PolicyTest> Tests);
