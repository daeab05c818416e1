using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;

namespace PolicyCompiler.Docs;

/// <summary>
/// A list of country codes as the documents show it: the members of a group every policy knows, when all of them
/// are in the list, are shown as the group's name (THIRD-COUNTRIES, EU-ADEQUATE, EEA, EU — the largest first, so
/// that the EEA is not shown as EU and three codes), then the codes no group took, in order. A statement that names
/// a known group decides as its members written out; written out in a document they would be up to 248 codes.
/// </summary>
internal static class CountryListing
{
    public static IReadOnlyList<string> Of(IReadOnlyList<string> codes, string? jurisdiction)
    {
        if (codes.Count < 2) return codes;
        var left = new SortedSet<string>(codes, StringComparer.Ordinal);
        var shown = new List<string>();
        var groups = CountryGroups.Names
            .Select(name => (Name: name, Members: CountryGroups.MembersFor(name, jurisdiction)!))
            .Where(g => g.Members.Count > 1)
            .OrderByDescending(g => g.Members.Count)
            .ThenBy(g => g.Name, StringComparer.Ordinal);
        foreach (var (name, members) in groups)
        {
            if (!members.All(left.Contains)) continue;
            shown.Add(name);
            left.ExceptWith(members);
        }
        return shown.Count == 0 ? codes : shown.Concat(left).ToArray();
    }
}
