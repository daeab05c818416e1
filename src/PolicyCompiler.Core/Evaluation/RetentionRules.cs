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
/// (a longer period the person consented to replaces the usual one). Asked for no purpose, the answer is every
/// statement that answers for some purpose (one the policy declares, or one no statement names), in the
/// policy's order. The guards' <c>RetentionOf</c> implements the same rule.
/// </summary>
public static class RetentionRules
{
    public static IReadOnlyList<RetentionRule> Deciding(PolicyModel model, string category, string? purpose, IReadOnlyCollection<string> conditions)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var covering = model.Retention
            .Where(r => r.Categories.Contains(category, StringComparer.Ordinal) && r.Conditions.All(conditions.Contains))
            .ToList();
        if (purpose is not null) return For(covering, purpose);
        var answering = new HashSet<RetentionRule>(model.TermsOf(Syntax.DeclarationKind.Purpose).Select(p => (string?)p.Name).Append(null)
            .SelectMany(p => For(covering, p)));
        return covering.Where(answering.Contains).ToList();
    }

    /// <summary>The statements that answer for one purpose (null: a purpose no statement names).</summary>
    private static List<RetentionRule> For(List<RetentionRule> covering, string? purpose)
    {
        var applying = covering.Where(r => r.Purposes.IsEmpty || (purpose is not null && r.Purposes.Contains(purpose, StringComparer.Ordinal))).ToList();
        return applying.Where(r => !applying.Any(other => MoreSpecific(other, r))).ToList();
    }

    /// <summary>Whether <paramref name="a"/> sets <paramref name="b"/> aside, both applying to one purpose: as specific in purpose and conditions, and more so in one.</summary>
    private static bool MoreSpecific(RetentionRule a, RetentionRule b)
    {
        if (!b.Conditions.All(c => a.Conditions.Contains(c, StringComparer.Ordinal))) return false;
        var aScoped = !a.Purposes.IsEmpty;
        var bScoped = !b.Purposes.IsEmpty;
        if (bScoped && !aScoped) return false;
        return (aScoped && !bScoped) || a.Conditions.Distinct(StringComparer.Ordinal).Count() > b.Conditions.Distinct(StringComparer.Ordinal).Count();
    }
}
