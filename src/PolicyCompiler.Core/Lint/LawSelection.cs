using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Lint;

/// <summary>A law the lint reads a policy under, and why: what in the policy makes it apply, or who named it.</summary>
public sealed record AppliedLaw(LawPack Pack, string Why);

/// <summary>
/// Which laws a policy's notice is read under: those named on the command line, else those the policy names
/// (<c>laws …</c>), else those whose scopes its data meets (<see cref="LawScope"/>: the jurisdiction, the people its
/// rules are for, the places its data is kept). A policy that meets no scope (no jurisdiction, no data kept in a law's area) is
/// read under every law: the lint cannot tell which governs it, and saying nothing would read as compliance.
/// </summary>
public static class LawSelection
{
    /// <summary>Countries a reason lists at most.</summary>
    private const int ListedCountries = 6;

    public static IReadOnlyList<AppliedLaw> For(PolicyModel model, IReadOnlyList<LawPack> packs, IReadOnlyList<string>? named = null)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (named is { Count: > 0 }) return Named(packs, named, "named on the command line");
        if (model.Laws is { } choice) return Named(packs, choice.Laws, "named by the policy, line " + choice.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var persons = Places(model, d => d.LocatesPersons);
        // Where data is kept, not where a transfer may take it: a transfer to THIRD-COUNTRIES names some 230 countries
        // without saying data goes to any one of them.
        var places = Places(model, d => model.Verbs.Verbs.Any(v => ReferenceEquals(v.Localisation?.Decides, d)));
        var applied = new List<AppliedLaw>();
        foreach (var pack in packs)
        {
            var why = pack.Scopes.Select(scope => Why(scope, model.Jurisdiction, persons, places)).FirstOrDefault(w => w is not null);
            if (why is not null) applied.Add(new AppliedLaw(pack, why));
        }
        return applied.Count > 0 ? applied
            : packs.Select(p => new AppliedLaw(p, "no law applies by the policy's jurisdiction and data, so every law the lint knows")).ToList();
    }

    /// <summary>The packs named; an id no pack has is an error of the caller (the CLI and the binder check ids first), not "no law".</summary>
    private static IReadOnlyList<AppliedLaw> Named(IReadOnlyList<LawPack> packs, IEnumerable<string> ids, string why) =>
        ids.Distinct(StringComparer.Ordinal)
            .Select(id => packs.FirstOrDefault(p => p.Id == id) ?? throw new ArgumentException("no law pack '" + id + "' among " + string.Join(", ", packs.Select(p => p.Id)), nameof(ids)))
            .Select(p => new AppliedLaw(p, why)).ToList();

    private static string? Why(LawScope scope, string? jurisdiction, SortedSet<string> persons, SortedSet<string> places)
    {
        var article = scope.Article == "-" ? string.Empty : scope.Article + ": ";
        switch (scope.Trigger)
        {
            case "established" when jurisdiction is not null && InArea(jurisdiction, scope.Area):
                return article + (jurisdiction == scope.Area ? "the jurisdiction is " + jurisdiction : "the jurisdiction " + jurisdiction + " is in the " + scope.Area);
            case "persons" when Within(persons, scope.Area) is { Count: > 0 } people:
                return article + "the policy has rules for users in " + Listed(people);
            case "storage" when Within(places, scope.Area) is { Count: > 0 } there:
                return article + "the policy keeps data in " + Listed(there);
            default:
                return null;
        }
    }

    /// <summary>The countries the permissions name in the dimensions <paramref name="which"/> selects ('any' and 'unstated' name none).</summary>
    private static SortedSet<string> Places(PolicyModel model, Func<DecisionDimension, bool> which)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var permission in model.Permissions)
        {
            foreach (var dimension in permission.Verb.Dimensions.Where(d => d.IsCountry && which(d)))
            {
                if (!permission[dimension].Unstated) found.UnionWith(permission[dimension].Names);
            }
        }
        return found;
    }

    private static List<string> Within(IEnumerable<string> countries, string area) => countries.Where(c => InArea(c, area)).ToList();

    private static bool InArea(string country, string area) =>
        country == area || (CountryGroups.Find(area)?.Members.Contains(country, StringComparer.Ordinal) ?? false);

    private static string Listed(IReadOnlyList<string> countries) => string.Join(", ", CappedList.Of(countries, ListedCountries));
}
