using System;
using System.Linq;
using System.Collections.Generic;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;

namespace PolicyCompiler.Binding;

/// <summary>
/// The countries a policy's data moves within without crossing a border in its law's sense: the jurisdiction
/// itself, or the whole European Economic Area for a jurisdiction in it (free movement within the Union, GDPR
/// Art. 1(3), extended to Iceland, Liechtenstein and Norway by EEA Joint Committee Decision 154/2018; the rules
/// on transfers are rules on transfers to third countries, Art. 44). Empty for a policy without a jurisdiction,
/// or whose jurisdiction is not an assigned country code. The EEA's membership is that of CountryGroups.tsv,
/// not of the policy's effective date.
/// </summary>
internal static class HomeArea
{
    /// <summary>The known group of the European Economic Area: the home area of a jurisdiction in it, and where the GDPR's third countries begin.</summary>
    internal const string EconomicArea = "EEA";

    /// <summary>
    /// The home area of <paramref name="jurisdiction"/>, or none when the policy's <paramref name="permissions"/> may keep
    /// data outside it: a question of a transfer has a destination but no origin, and data kept abroad (Eleven
    /// stores in RU and KZ) crosses a border on its way home. Then the transfer statements alone decide.
    /// </summary>
    public static EquatableArray<string> Of(string? jurisdiction, IEnumerable<Permission> permissions)
    {
        var home = Of(jurisdiction);
        return home.IsEmpty || permissions.Any(p => KeepsOutside(p, home)) ? EquatableArray<string>.Empty : home;
    }

    /// <summary>Whether a permission keeps data at a place (a localised verb's location) that may lie outside <paramref name="home"/>.</summary>
    private static bool KeepsOutside(Permission permission, EquatableArray<string> home)
    {
        if (permission.Verb.Localisation is not { } localisation) return false;
        var places = permission[localisation.Decides];
        return places.Any || places.Names.Any(place => !SortedNames.Contains(home, place));
    }

    /// <summary>The home area of a jurisdiction, whatever its policy permits.</summary>
    public static EquatableArray<string> Of(string? jurisdiction)
    {
        if (jurisdiction is null || !Countries.IsAssigned(jurisdiction)) return EquatableArray<string>.Empty;
        var area = CountryGroups.Find(EconomicArea);
        return area is not null && area.Members.Contains(jurisdiction, StringComparer.Ordinal)
            ? area.Members.OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray()
            : new EquatableArray<string>(new[] { jurisdiction });
    }
}
