using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Evaluation;

/// <summary>
/// Which retention statements answer for data of a category given for a purpose, while some conditions hold.
/// A statement applies when it covers the category, names the purpose (or none: it is for every purpose) and
/// its conditions hold. Of those, the most specific decide alone, as with storage scoped to people: one is set
/// aside where another names the asked purpose and it does not, or holds on every condition it holds on and more
/// (a longer period the person consented to replaces the usual one). Asked for no purpose, every purpose's
/// statements answer, and one sets another aside only where it is for every purpose the other is for. The
/// guards' <c>RetentionOf</c> implements the same rule.
/// </summary>
public static class RetentionRules
{
    public static IReadOnlyList<RetentionRule> Deciding(PolicyModel model, string category, string? purpose, IReadOnlyCollection<string> conditions)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var applying = model.Retention
            .Where(r => r.Categories.Contains(category, StringComparer.Ordinal))
            .Where(r => purpose is null || r.Purposes.IsEmpty || r.Purposes.Contains(purpose, StringComparer.Ordinal))
            .Where(r => r.Conditions.All(conditions.Contains))
            .ToList();
        return applying.Where(r => !applying.Any(other => MoreSpecific(other, r, purpose is not null))).ToList();
    }

    /// <summary>Whether <paramref name="a"/> sets <paramref name="b"/> aside: at least as specific in purpose and conditions, and more so in one.</summary>
    internal static bool MoreSpecific(RetentionRule a, RetentionRule b, bool purposeAsked)
    {
        if (!b.Conditions.All(c => a.Conditions.Contains(c, StringComparer.Ordinal))) return false;
        var moreConditions = a.Conditions.Distinct(StringComparer.Ordinal).Count() > b.Conditions.Distinct(StringComparer.Ordinal).Count();
        if (!purposeAsked)
        {
            var forAllOfB = a.Purposes.IsEmpty || (!b.Purposes.IsEmpty && b.Purposes.All(p => a.Purposes.Contains(p, StringComparer.Ordinal)));
            return forAllOfB && moreConditions;
        }
        var aScoped = !a.Purposes.IsEmpty;
        var bScoped = !b.Purposes.IsEmpty;
        if (bScoped && !aScoped) return false;
        return (aScoped && !bScoped) || moreConditions;
    }
}
