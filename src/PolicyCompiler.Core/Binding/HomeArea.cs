using System;
using System.Linq;
using PolicyCompiler.Collections;

namespace PolicyCompiler.Binding;

/// <summary>
/// The countries a policy's data moves within without crossing a border in its law's sense: the jurisdiction
/// itself, or the whole European Economic Area for a jurisdiction in it (the GDPR applies throughout the EEA,
/// and its rules on transfers are rules on transfers to third countries: Art. 1(3), Art. 44). Empty for a
/// policy without a jurisdiction.
/// </summary>
internal static class HomeArea
{
    private const string EconomicArea = "EEA";

    public static EquatableArray<string> Of(string? jurisdiction)
    {
        if (jurisdiction is null) return EquatableArray<string>.Empty;
        var area = CountryGroups.Find(EconomicArea);
        return area is not null && area.Members.Contains(jurisdiction, StringComparer.Ordinal)
            ? area.Members.OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray()
            : new EquatableArray<string>(new[] { jurisdiction });
    }
}
