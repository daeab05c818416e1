using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Model;

/// <summary>
/// The columns the decision tables give one country dimension. Countries that the same rules name there are
/// decided alike by every rule, so they share a column, as the words no permission tells apart do
/// (<see cref="WordSlots"/>): slot 0 is every country no rule names in the dimension, and each further slot a set
/// of countries named by one set of rules, in the order of its first country. A transfer to THIRD-COUNTRIES names
/// some 230 destinations but makes one slot of them, so a policy's tables grow with what its rules tell apart,
/// not with the size of its groups. Each dimension has its own slots: the destinations of transfers do not
/// widen the citizenships and locations of storage.
/// </summary>
public sealed class CountrySlots
{
    private readonly Dictionary<string, int> _slots;
    private readonly IReadOnlyList<IReadOnlyList<string>> _members;

    private CountrySlots(Dictionary<string, int> slots, IReadOnlyList<IReadOnlyList<string>> members)
    {
        _slots = slots;
        _members = members;
        Named = slots.Keys.OrderBy(c => c, StringComparer.Ordinal).ToList();
    }

    /// <summary>The countries the rules name in the dimension, in ordinal order.</summary>
    public IReadOnlyList<string> Named { get; }

    /// <summary>The number of columns: a slot per set of countries the rules tell apart, and the one for every other.</summary>
    public int Count => _members.Count + 1;

    /// <summary>The slot of a country: 0 for one no rule names in the dimension.</summary>
    public int SlotOf(string country) => _slots.TryGetValue(country, out var slot) ? slot : 0;

    /// <summary>A country a slot stands for (its first, in ordinal order), or null for slot 0 (any country no rule names).</summary>
    public string? CountryAt(int slot) => slot == 0 ? null : _members[slot - 1][0];

    /// <summary>The countries of a slot, in ordinal order; none for slot 0.</summary>
    public IReadOnlyList<string> MembersOf(int slot) => slot == 0 ? Array.Empty<string>() : _members[slot - 1];

    /// <summary>The slots of a country dimension, from the countries the rules of every verb that has it name in it.</summary>
    public static CountrySlots Of(PolicyModel model, DecisionDimension dimension)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (dimension is null || !dimension.IsCountry) throw new ArgumentException("not a country dimension", nameof(dimension));
        // Each named country's rules, as the rule numbers in order: countries with the same list are decided alike.
        var rulesOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var rule = 0;
        void Add(DecisionVerb verb, Collections.EquatableArray<DimensionValues> values)
        {
            rule++;
            for (var d = 0; d < values.Count; d++)
            {
                if (!ReferenceEquals(verb.Dimensions[d], dimension)) continue;
                foreach (var country in values[d].Names)
                {
                    if (!rulesOf.TryGetValue(country, out var rules)) rulesOf.Add(country, rules = new List<int>());
                    if (rules.Count == 0 || rules[rules.Count - 1] != rule) rules.Add(rule);
                }
            }
        }
        foreach (var permission in model.DecidingPermissions) Add(permission.Verb, permission.Dimensions);
        foreach (var prohibition in model.Prohibitions) Add(prohibition.Verb, prohibition.Dimensions);

        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new List<IReadOnlyList<string>>();
        var bySignature = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var country in rulesOf.Keys.OrderBy(c => c, StringComparer.Ordinal))
        {
            var signature = string.Join(",", rulesOf[country]);
            if (!bySignature.TryGetValue(signature, out var same))
            {
                bySignature.Add(signature, same = new List<string>());
                members.Add(same);
            }
            same.Add(country);
        }
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var country in members[i]) slots.Add(country, i + 1);
        }
        return new CountrySlots(slots, members);
    }
}
