using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Binding;

/// <summary>
/// An EU adequacy decision for one country: when it was taken, which decision it is, and what it covers
/// (<see cref="Scope"/> is null where it covers the country's law as a whole).
/// </summary>
public sealed record AdequacyDecision(string Country, string Date, string Decision, string? Scope);

/// <summary>
/// The EU adequacy decisions of <c>Binding/AdequacyDecisions.tsv</c>, read once: data, so that a new decision, a
/// renewal or a withdrawal is a line of that file with its date, not code. Their countries are the known country
/// group <see cref="GroupName"/>; the GDPR pack's <c>adequacy</c> check holds a transfer on adequacy to them.
/// </summary>
public static class AdequacyDecisions
{
    /// <summary>The country group of the countries with an EU adequacy decision.</summary>
    public const string GroupName = "EU-ADEQUATE";

    private static readonly Lazy<IReadOnlyDictionary<string, AdequacyDecision>> Loaded = new(Load);

    /// <summary>The decisions by country code.</summary>
    public static IReadOnlyDictionary<string, AdequacyDecision> ByCountry => Loaded.Value;

    public static AdequacyDecision? Of(string country) => ByCountry.TryGetValue(country, out var decision) ? decision : null;

    /// <summary>The known country group they make: its date is that of the latest decision.</summary>
    internal static KnownCountryGroup AsGroup() => new(
        GroupName,
        ByCountry.Values.Select(d => d.Date).OrderBy(date => date, StringComparer.Ordinal).Last(),
        "the countries with an EU adequacy decision (GDPR Art. 45(3)), each with its decision and scope in Binding/AdequacyDecisions.tsv",
        ByCountry.Keys.OrderBy(c => c, StringComparer.Ordinal).ToArray());

    private static IReadOnlyDictionary<string, AdequacyDecision> Load()
    {
        var decisions = new Dictionary<string, AdequacyDecision>(StringComparer.Ordinal);
        foreach (var fields in EmbeddedTable.Rows("AdequacyDecisions.tsv", 4, "an adequacy decision"))
        {
            decisions.Add(fields[0], new AdequacyDecision(fields[0], fields[1], fields[2], fields[3] == "-" ? null : fields[3]));
        }
        return decisions;
    }
}
