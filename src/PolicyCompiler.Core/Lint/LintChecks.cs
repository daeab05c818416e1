using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Text;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Lint;

/// <summary>The outcome of one check: satisfied, or missing with a detail and a hint for the author.</summary>
public sealed record CheckResult(bool Satisfied, string Detail, string Hint)
{
    public static CheckResult Ok { get; } = new(true, string.Empty, string.Empty);

    public static CheckResult Missing(string hint, string detail = "") => new(false, detail, hint);
}

/// <summary>
/// The checks law packs refer to by name: each looks at the policy model for one piece of information.
/// <c>right:&lt;name&gt;</c> checks that the policy grants the named right.
/// </summary>
public static class LintChecks
{
    /// <summary>
    /// Retention "until" events that give no period and no criteria: "as long as necessary" restated.
    /// </summary>
    private static readonly HashSet<string> VagueRetentionEvents = new(StringComparer.Ordinal)
    {
        "purpose-fulfilled", "as-long-as-necessary", "necessary", "no-longer-needed",
    };

    private static readonly Dictionary<string, Func<PolicyModel, CheckResult>> Checks = new(StringComparer.Ordinal)
    {
        ["controller-identity"] = m => m.Controller is null
            ? CheckResult.Missing("Add 'controller \"<name>\" …' citing where the text names the controller.")
            // A website's address names where the service is, not who answers for the data (SPAR names only sparonline.ge).
            : m.Controller.Name.All(l => string.IsNullOrWhiteSpace(l.Text) || LooksLikeDomain(l.Text))
                ? CheckResult.Missing("Name the controller as the text does (its legal name); where the text gives only a website, the finding is the text's gap.", "the controller is named only by a domain, " + string.Join(", ", m.Controller.Name.Select(l => l.Text).Distinct(StringComparer.Ordinal)))
                : CheckResult.Ok,
        ["controller-contact"] = m => m.Controller?.Details.Any(d => d.Kind is "email" or "phone" or "address") == true ? CheckResult.Ok
            : CheckResult.Missing("Add 'email \"…\"', 'phone \"…\"' or 'address \"…\"' to the controller, as the text gives them."),
        ["dpo"] = m => m.Controller?.Details.Any(d => d.Kind == "dpo") == true ? CheckResult.Ok
            : CheckResult.Missing("Add 'dpo \"<contact>\"' to the controller if the text names a data protection officer."),
        ["purposes"] = m => !m.Purposes.IsEmpty ? CheckResult.Ok
            : CheckResult.Missing("Declare the purposes the text states: 'purpose <name> ka \"…\" en \"…\" cites …'."),
        // A consent the text asks for the purpose ('consent … for <purpose>') states its basis; one that names no purpose
        // (to the terms, to a transfer, to changes of the policy) does not.
        ["legal-basis"] = m => Without(m.Purposes.Where(p => p.Bases.IsEmpty && !m.Consents.Any(c => c.Purposes.Contains(p.Name, StringComparer.Ordinal))).Select(p => p.Name),
            "Add 'basis <legal basis>' to each purpose whose basis the text states.", "purposes without a basis"),
        // An exception for special categories (GDPR Art. 9(2)) lifts the ban of Art. 9(1); the processing still
        // needs a basis of its own (Art. 6(1); CJEU C-667/21): the two apply together, not as alternatives.
        ["general-basis"] = m => Without(
            m.Purposes.Where(p => !p.Bases.IsEmpty && p.Bases.All(b => LegalBases.Of(b) is { Count: > 0 } entries && entries.All(e => e.SpecialOnly))).Select(p => p.Name),
            "Add the basis the processing rests on beside the exception for special categories: 'basis contract, health-care'.",
            "purposes with only an exception for special categories"),
        ["legitimate-interests"] = m => Without(
            m.Purposes.Where(p => p.Bases.Contains("legitimate-interests", StringComparer.Ordinal) && p.Citations.All(c => c.Excerpt is null)).Select(p => p.Name),
            "Cite the words of the text that state the interest: 'cites §x \"…\"'.", "purposes on legitimate interests that quote no interest"),
        ["recipients"] = m => !m.Recipients.IsEmpty || m.Permissions.Any(p => Names(p.Verb, DeclarationKind.Recipient)) ? CheckResult.Ok
            : CheckResult.Missing("Declare the recipients the text names, or the text says nothing about them."),
        // Where data goes or is kept: any statement over countries says it, but not one whose text states no place
        // ('in unstated' is a reading of the text's silence, not a statement that data stays in the country).
        ["transfers"] = m => m.Permissions.Any(NamesCountries) || m.Prohibitions.Any(p => OverCountries(p.Verb)) ? CheckResult.Ok
            : CheckResult.Missing("State whether data leaves the country: 'transfer … to … basis …' or 'never transfer …'."),
        ["adequacy"] = m => Without(
            CappedList.Of(OutsideAdequacy(m).ToList(), ListedCountries),
            "Name only countries with an EU adequacy decision (the group " + AdequacyDecisions.GroupName + ") on 'basis adequacy' or 'safeguard adequacy', or state the safeguard the text gives for the others.",
            "transfers on an adequacy decision to countries that have none"),
        ["retention"] = m => !m.Retention.IsEmpty ? CheckResult.Ok
            : CheckResult.Missing("State how long data is kept: 'retain <categories> for <duration>' or 'until <event>'."),
        ["retention-criteria"] = m => Without(
            // A vague end is bounded where a period ends the retention first.
            m.Retention.Where(r => !(r.Whichever == RetentionWords.First && r.Ends.Any(e => e.Period is not null)))
                .SelectMany(r => r.Ends).Where(e => e.Period is null && e.Until is not null && VagueRetentionEvents.Contains(e.Until)).Select(e => "until " + e.Until),
            "Give a period or the criteria that determine it: 'retain … for <duration> after <event>'.", "vague retention"),
        ["withdraw-consent"] = m => !UsesConsent(m) || m.Rights.Any(r => r.Right == "withdraw-consent") ? CheckResult.Ok
            : CheckResult.Missing("Add 'right withdraw-consent via <channels>' as the text states it."),
        ["complaint-authority"] = m => ComplaintAuthority(m),
        // A list the text gives as examples ("such as", "e.g.") names some of the data or recipients, not all: the
        // law asks for the recipients themselves, and for the categories of data it does not collect from the person.
        ["closed-lists"] = m => Without(
            // The categories are owed where the data does not come from the person (GDPR Art. 14(1)(d)), the
            // recipients always (Art. 13(1)(e)).
            m.Permissions.Where(p => p.CategoriesAreExamples && p.Details is CollectionDetails { Origin: not null }).Select(p => "categories at line " + p.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Concat(m.Permissions.Where(p => p.Verb.Dimensions.Any(d => d.Names == DeclarationKind.Recipient && p[d].Examples))
                    .Select(p => "recipients at line " + p.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            "Where the text lists examples ('such as', 'e.g.'), the notice leaves the rest unsaid: the finding is the text's gap; 'such-as' records it.",
            "lists given only as examples"),
        // A pixel, an SDK or a beacon sends what it collects to its vendor: who that is, and where it receives the data.
        ["tracker-vendors"] = m => Without(
            m.Trackers.Where(t => t.Vendor is null && t.KindWord is "pixel" or "sdk" or "beacon").Select(t => t.Name + " (no vendor)")
                .Concat(m.Trackers.Where(t => t.Vendor is not null && t.VendorCountries.IsEmpty).Select(t => t.Vendor + " (vendor of " + t.Name + ", place not stated)")),
            "Name the tracker's vendor and where it receives the data: 'tracking <name> … vendor <recipient> in <countries>'; where the text does not say, the finding stays as the text's gap.",
            "trackers whose vendor or its place the policy does not state"),
        // Profiling a purpose is of states that automated processing takes place, as the right about it does.
        ["automated-decisions"] = m => m.Rights.Any(r => r.Right == "automated-decision") || m.Purposes.Any(p => p.PurposeKinds.Contains("profiling", StringComparer.Ordinal)) ? CheckResult.Ok
            : CheckResult.Missing("Add 'kind profiling' to the purposes the text says profile people, or 'right automated-decision …' if the text grants it; where the text is silent, the finding is its gap."),
        ["direct-marketing"] = m => DirectMarketing(m),
        // Data not collected from the person: its source (GDPR Art. 14(2)(f)); 'third-party' says only that there is one.
        ["source"] = m => Without(
            m.Permissions.Where(p => p.Details is CollectionDetails { Origin: "third-party" }).SelectMany(p => p.Categories).Distinct(),
            "The language names no source beyond 'origin publicly-accessible' and 'origin third-party': where the text names the third party, say so in a 'note'; where it does not, the finding is the text's gap.",
            "data from third parties whose source the policy does not name"),
        ["provision"] = m => Without(
            // Data from another origin is not given by the person, so there is nothing for them to be required to give.
            m.Permissions.Where(p => p.Details is CollectionDetails { Automatically: false, Provision: null, Origin: null }).SelectMany(c => c.Categories).Distinct(),
            "Say on each 'collect' whether the data must be provided: 'required <statutory|contractual|pre-contractual> consequence <effect>' or 'optional'.",
            "data given by the person without saying whether it must be"),
    };

    /// <summary>Every check name a law pack may use (rights are checked as right:&lt;name&gt;).</summary>
    public static bool Exists(string check) =>
        Checks.ContainsKey(check) || (check.StartsWith("right:", StringComparison.Ordinal) && Vocabulary.Right.Contains(check.Substring(6)));

    public static CheckResult Run(string check, PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (Checks.TryGetValue(check, out var run)) return run(model);
        if (check.StartsWith("right:", StringComparison.Ordinal))
        {
            var right = check.Substring(6);
            return model.Rights.Any(r => r.Right == right) ? CheckResult.Ok
                : CheckResult.Missing($"Add 'right {right} via <channels> cites …' if the text grants it.");
        }
        throw new ArgumentException("unknown lint check '" + check + "'", nameof(check));
    }

    private static bool UsesConsent(PolicyModel model) =>
        !model.Consents.IsEmpty || model.Purposes.Any(p => p.Bases.Any(b => b is "consent" or "explicit-consent")) || model.Permissions.Any(t => t.Details is TransferBasis { Basis: "consent" });

    private static bool Names(DecisionVerb verb, DeclarationKind kind) => verb.Dimensions.Any(d => d.Names == kind);

    private static bool OverCountries(DecisionVerb verb) => verb.Dimensions.Any(d => d.IsCountry);

    /// <summary>Whether a permission says where data goes or is kept: a destination, or a place it is kept at that the text states.</summary>
    private static bool NamesCountries(Permission permission) =>
        permission.Verb.Dimensions.Any(d => (d.CrossesBorders || ReferenceEquals(d, permission.Verb.Localisation?.Decides)) && !permission[d].Unstated);

    /// <summary>
    /// The destinations of transfers made on an adequacy decision that have none: not in the EEA (the GDPR's
    /// third countries are those outside it, Art. 44), not in the jurisdiction's area and not of
    /// <see cref="AdequacyDecisions"/>; "any country" for <c>to any</c>.
    /// </summary>
    private static IEnumerable<string> OutsideAdequacy(PolicyModel model)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var transfer in AdequacyTransfers.Of(model).Where(t => ReliesOnAdequacyAlone(t.Basis)))
        {
            if (transfer.ToAny) found.Add("any country");
            found.UnionWith(transfer.Abroad.Where(c => AdequacyDecisions.Of(c) is null));
        }
        return found;
    }

    /// <summary>
    /// Whether an adequacy decision is all that protects the transfer: stated as its basis or a safeguard, and no
    /// other safeguard beside it (<c>safeguard adequacy, standard-clauses</c> still protects where no decision is).
    /// </summary>
    private static bool ReliesOnAdequacyAlone(TransferBasis transfer) =>
        transfer.ReliesOnAdequacy && !transfer.Safeguards.Append(transfer.Basis).Any(w => w != "adequacy" && Vocabulary.TransferSafeguard.Words.Contains(w));

    /// <summary>Countries a finding lists at most: a transfer to THIRD-COUNTRIES on adequacy has some 230 without a decision.</summary>
    private const int ListedCountries = 12;

    /// <summary>
    /// The right to complain to a supervisory authority, and the authority: named by <c>supervisory-authority …</c>, or by a channel
    /// of the complaint right declared with its address.
    /// </summary>
    private static CheckResult ComplaintAuthority(PolicyModel model)
    {
        var complaints = model.Rights.Where(r => r.Right == "complaint").ToList();
        const string hint = "Add 'right complaint via <channels>' and name the authority as the text does: 'supervisory-authority \"<name>\" website \"…\"'.";
        if (complaints.Count == 0) return CheckResult.Missing(hint);
        if (model.Authority is not null) return CheckResult.Ok;
        var channels = new HashSet<string>(model.Channels.Where(c => c.Address is not null).Select(c => c.Name), StringComparer.Ordinal);
        return complaints.Any(r => r.AllChannels.Any(channels.Contains)) ? CheckResult.Ok
            : CheckResult.Missing(hint, "the complaint right names no authority");
    }

    /// <summary>
    /// A domain name alone ("sparonline.ge", "https://www.sparonline.ge/"): letters, digits and hyphens in two or more
    /// dot-separated parts, no spaces, after a scheme and before a path.
    /// </summary>
    private static bool LooksLikeDomain(string name)
    {
        var host = name.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) host = host.Substring(scheme + 3);
        var path = host.IndexOf('/');
        if (path >= 0) host = host.Substring(0, path);
        var parts = host.Split('.');
        return parts.Length >= 2 && parts.All(part => part.Length > 0 && part.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && parts[parts.Length - 1].All(char.IsLetter);
    }

    /// <summary>The longest a person waits for direct marketing to stop after withdrawing or objecting (the Georgian law: seven working days).</summary>
    private const int MarketingStopDays = 7;

    /// <summary>
    /// Each purpose of direct marketing: on the person's consent, with a way to withdraw it or object, and a time by which the
    /// marketing stops (a right of withdrawal or objection answered within seven days).
    /// </summary>
    private static CheckResult DirectMarketing(PolicyModel model)
    {
        var gaps = new List<string>();
        foreach (var purpose in model.Purposes.Where(p => p.PurposeKinds.Contains("direct-marketing", StringComparer.Ordinal)))
        {
            // A right without purposes is a right for every purpose; a consent is for the purposes it names.
            bool For(EquatableArray<string> purposes) => purposes.IsEmpty || purposes.Contains(purpose.Name, StringComparer.Ordinal);
            var consents = model.Consents.Where(c => c.Purposes.Contains(purpose.Name, StringComparer.Ordinal)).ToList();
            // A right that holds only on conditions (Eleven's "where the law provides") is no way the notice promises.
            var stops = model.Rights.Where(r => r.Right is "withdraw-consent" or "objection" && For(r.Purposes) && r.Conditions.IsEmpty).ToList();
            var missing = new List<string>();
            if (!purpose.Bases.Contains("consent", StringComparer.Ordinal) && consents.Count == 0) missing.Add("no consent");
            if (stops.Count == 0 && !consents.Any(c => !c.WithdrawChannels.IsEmpty)) missing.Add("no way to withdraw");
            if (!stops.Any(r => r.Within is { } within && Days(within) <= MarketingStopDays)) missing.Add("no time to stop");
            if (missing.Count > 0) gaps.Add(purpose.Name + " (" + string.Join(", ", missing) + ")");
        }
        return Without(gaps,
            "Mark the purpose 'kind direct-marketing', state the consent it rests on, how it is withdrawn ('right withdraw-consent for <purpose> via …') and within how long the marketing stops ('within 7 days').",
            "direct marketing");
    }

    /// <summary>A duration's days at the most (a month as 31, a year as 366).</summary>
    private static int Days(Duration duration) => duration.Unit switch
    {
        "day" or "days" => duration.Amount,
        "week" or "weeks" => duration.Amount * 7,
        "month" or "months" => duration.Amount * 31,
        _ => duration.Amount * 366,
    };

    private static CheckResult Without(IEnumerable<string> offenders, string hint, string what)
    {
        var list = offenders.ToList();
        return list.Count == 0 ? CheckResult.Ok : CheckResult.Missing(hint, what + ": " + string.Join(", ", list));
    }
}
