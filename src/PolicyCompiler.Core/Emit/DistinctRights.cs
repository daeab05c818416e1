using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Emit;

/// <summary>
/// One right of the person as the generated code knows it: a right and the purposes it is for as written
/// (<see cref="RightGrant.DistinctName"/>), the statements that state it (several only where they say the same,
/// PC3009), and the member of the rights interface and of the <c>Right</c> enum that stands for it.
/// </summary>
public sealed record DistinctRight(string Name, string Member, IReadOnlyList<RightGrant> Grants);

/// <summary>The distinct rights of a policy, in the order of their names: what the rights interface and the request types are made of.</summary>
public static class DistinctRights
{
    public static IReadOnlyList<DistinctRight> Of(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        // A right for purposes is a right of its own (Eleven §9.3.2: withdrawing consent blocks the account; §9.3.3:
        // withdrawing it for marketing stops the marketing), named from the purposes as written, so that a group's
        // new member renames no member. Names that meet ("for marketing-and-news" and "for marketing, news") are
        // told apart by a number, in the order of the rights.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var rights = new List<DistinctRight>();
        foreach (var grants in model.Rights.GroupBy(r => r.DistinctName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = grants.First();
            var candidate = CSharpNames.Pascal(first.Right)
                + (first.WrittenPurposes.IsEmpty ? string.Empty : "For" + string.Concat(first.WrittenPurposes.Select((p, i) => (i == 0 ? string.Empty : "And") + CSharpNames.Pascal(p))));
            var member = candidate;
            for (var n = 2; !taken.Add(member); n++) member = candidate + "_" + n.ToString(CultureInfo.InvariantCulture);
            rights.Add(new DistinctRight(grants.Key, member, grants.ToList()));
        }
        return rights;
    }
}
