using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Binding;

/// <summary>A country group every policy knows (<c>EU</c>, <c>EEA</c>, <c>EU-ADEQUATE</c>): its codes, and the date and source of its membership.</summary>
public sealed record KnownCountryGroup(string Name, string AsOf, string Source, IReadOnlyList<string> Members);

/// <summary>
/// The country groups of <c>Binding/CountryGroups.tsv</c> and the one of <see cref="AdequacyDecisions"/>, read once. They are data so that a change of membership
/// (a state joins or leaves) is a line of that file with its date and source, not code; a test checks every member
/// is an assigned country code. A policy's own groups may name them; none may take their names.
/// </summary>
public static class CountryGroups
{
    private static readonly Lazy<IReadOnlyDictionary<string, KnownCountryGroup>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, KnownCountryGroup> Known => Loaded.Value;

    public static KnownCountryGroup? Find(string name) => Known.TryGetValue(name, out var group) ? group : null;

    /// <summary>
    /// The countries outside the jurisdiction's area (<see cref="HomeArea"/>: the country, or the EEA for a country in
    /// it): the third countries of its law, to which data is transferred across a border. Not a line of the data
    /// file, as its members are the policy's: a policy without a jurisdiction cannot name it (PC1020).
    /// </summary>
    public const string ThirdCountries = "THIRD-COUNTRIES";

    /// <summary>Every group name every policy knows, <see cref="ThirdCountries"/> included, in order.</summary>
    public static IEnumerable<string> Names => Known.Keys.Concat(new[] { ThirdCountries }).OrderBy(name => name, StringComparer.Ordinal);

    public static bool IsKnown(string name) => name == ThirdCountries || Known.ContainsKey(name);

    /// <summary>
    /// The members of the known group <paramref name="name"/> for a policy of <paramref name="jurisdiction"/>; null
    /// when it names no known group, empty for <see cref="ThirdCountries"/> without an assigned jurisdiction.
    /// </summary>
    public static IReadOnlyList<string>? MembersFor(string name, string? jurisdiction)
    {
        if (name != ThirdCountries) return Find(name)?.Members;
        var home = HomeArea.Of(jurisdiction);
        return home.IsEmpty ? Array.Empty<string>() : Countries.All.Where(code => !home.Contains(code)).ToArray();
    }

    private static IReadOnlyDictionary<string, KnownCountryGroup> Load()
    {
        var groups = new Dictionary<string, KnownCountryGroup>(StringComparer.Ordinal);
        foreach (var fields in EmbeddedTable.Rows("CountryGroups.tsv", 4, "a country group"))
        {
            var members = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var member in fields[3].Split(' '))
            {
                // A group named earlier in the file stands for its members.
                if (groups.TryGetValue(member, out var earlier)) members.UnionWith(earlier.Members);
                else members.Add(member);
            }
            groups.Add(fields[0], new KnownCountryGroup(fields[0], fields[1], fields[2], members.ToArray()));
        }
        // Kept with its decisions and their scopes, which the group alone would not say.
        groups.Add(AdequacyDecisions.GroupName, AdequacyDecisions.AsGroup());
        return groups;
    }
}
