using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;

namespace PolicyCompiler.Diffing;

/// <summary>
/// When a question is allowed: the minimal condition sets under which it is (any superset is allowed too).
/// No set means never; the empty set means always.
/// </summary>
public sealed record AllowedWhen(EquatableArray<EquatableArray<string>> MinimalSets)
{
    public bool Never => MinimalSets.IsEmpty;

    public bool Always => MinimalSets.Count == 1 && MinimalSets[0].IsEmpty;

    /// <summary>The minimal sets among <paramref name="allowing"/>, smallest first (ties in the order given).</summary>
    public static AllowedWhen Of(IEnumerable<EquatableArray<string>> allowing)
    {
        var minimal = new List<EquatableArray<string>>();
        foreach (var set in allowing.OrderBy(s => s.Count))
        {
            if (!minimal.Any(m => m.All(set.Contains))) minimal.Add(set);
        }
        return new AllowedWhen(minimal.ToEquatableArray());
    }

    /// <summary>"never", "always", "on a", "on a and b; or on c".</summary>
    public override string ToString() =>
        Never ? "never"
        : Always ? "always"
        : string.Join("; or ", MinimalSets.Select(set => "on " + string.Join(" and ", set)));
}
