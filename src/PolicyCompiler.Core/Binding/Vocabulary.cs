using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Binding;

/// <summary>A closed set of words the language gives meaning to (legal bases, kinds of recipient, rights, …).</summary>
public sealed class Vocabulary
{
    private readonly HashSet<string> _words;

    private Vocabulary(string description, params string[] words)
    {
        Description = description;
        Words = words;
        _words = new HashSet<string>(words, StringComparer.Ordinal);
    }

    /// <summary>What a word of this vocabulary is, as a message calls it ("legal basis").</summary>
    public string Description { get; }

    public IReadOnlyList<string> Words { get; }

    public bool Contains(string word) => _words.Contains(word);

    /// <summary>The lawful bases of processing, from the laws' data files (<see cref="LegalBases"/>).</summary>
    public static Vocabulary LegalBasis { get; } = new("legal basis", LegalBases.Words.ToArray());

    public static Vocabulary RecipientKind { get; } = new("recipient kind",
        "processor", "controller", "joint-controller", "authority", "affiliate", "partner", "public");

    /// <summary>
    /// What the law treats specially in a purpose: direct marketing (the Georgian law's consent and stop within seven
    /// working days; GDPR Art. 21(2)) and profiling (GDPR Art. 13(2)(f), 22).
    /// </summary>
    public static Vocabulary PurposeKind { get; } = new("purpose kind",
        "direct-marketing", "profiling");

    public static Vocabulary TrackingKind { get; } = new("tracking kind",
        "cookie", "pixel", "sdk", "local-storage", "fingerprint", "beacon");

    /// <summary>How long a tracker lasts, where a text gives no period: for the browser session, or beyond it.</summary>
    public static Vocabulary TrackerLifetime { get; } = new("tracker lifetime", "session", "persistent");

    /// <summary>The grounds on which personal data may leave the country.</summary>
    public static Vocabulary TransferBasis { get; } = new("transfer basis",
        "consent", "adequacy", "standard-clauses", "binding-rules", "contract", "legal-claims", "vital-interests", "public-interest", "law");

    /// <summary>
    /// What protects data in the country it goes to, stated beside the transfer's basis (GDPR Art. 45: an adequacy
    /// decision; Art. 46(2)–(3): the appropriate safeguards). Three of them are also transfer bases, as policies
    /// that name only one reason write them.
    /// </summary>
    public static Vocabulary TransferSafeguard { get; } = new("transfer safeguard",
        "adequacy", "standard-clauses", "binding-rules", "code-of-conduct", "certification", "authorised-clauses");

    /// <summary>The rights of the data subject.</summary>
    public static Vocabulary Right { get; } = new("right",
        "information", "access", "rectification", "erasure", "restriction", "portability", "objection",
        "withdraw-consent", "automated-decision", "complaint", "blocking");

    /// <summary>
    /// What a controller (or the person) undertakes that guards no decision: security measures (GDPR Art. 32; Eleven
    /// §7.2), access only by those who need it (Eleven §7.3), confidentiality, the accuracy of data (Art. 5(1)(d);
    /// Eleven §5.1), the person's duty to keep their data current, notifying breaches (Art. 33, 34), training staff.
    /// </summary>
    public static Vocabulary Duty { get; } = new("duty",
        "security-measures", "need-to-know-access", "confidentiality", "data-accuracy", "keep-data-current", "breach-notification", "staff-training");

    /// <summary>How several ends of a retention combine: whichever comes first, or later.</summary>
    public static Vocabulary RetentionCombination { get; } = new("way to combine retention ends", Model.RetentionWords.First, Model.RetentionWords.Later);

    /// <summary>What becomes of data at the end of its retention (Hetzner §p27: "saved for 7 days and then anonymized").</summary>
    public static Vocabulary RetentionAction { get; } = new("end of retention", Model.RetentionWords.Delete, Model.RetentionWords.Anonymise);

    /// <summary>Why the person must provide data (GDPR Art. 13(2)(e)).</summary>
    public static Vocabulary Requirement { get; } = new("requirement",
        "statutory", "contractual", "pre-contractual");

    /// <summary>
    /// Where collected data comes from when not from the person it is about (GDPR Art. 14(2)(f): the source, and
    /// whether it is publicly accessible; Eleven §6.4: images published on websites and social networks).
    /// </summary>
    public static Vocabulary DataOrigin { get; } = new("data origin",
        "publicly-accessible", "third-party");

    public static Vocabulary ConsentForm { get; } = new("form of consent",
        "electronic", "written", "oral", "checkbox", "conduct");

    public static Vocabulary DurationUnit { get; } = new("unit of time",
        "day", "days", "week", "weeks", "month", "months", "year", "years");

    public string HelpFor(string word)
    {
        var suggestion = Suggestions.Closest(word, Words);
        return (suggestion is null ? string.Empty : "Did you mean '" + suggestion + "'? ")
            + "A " + Description + " is one of: " + string.Join(", ", Words) + ".";
    }
}
