using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Binding;

/// <summary>
/// Finds permissions that overlap a prohibition of the same verb (PC3001). They overlap when they share a
/// category and, in every other dimension, a value (an empty list is "any", and overlaps everything),
/// unless the permission holds on a condition the prohibition makes an exception for.
/// </summary>
internal static class OverlapChecker
{
    public static void Check(PolicyModel model, DiagnosticBag diagnostics)
    {
        if (model.Prohibitions.IsEmpty) return;
        var prohibitions = model.Prohibitions.ToLookup(p => p.Verb);
        var reported = 0;
        foreach (var permission in model.Permissions)
        {
            foreach (var prohibition in prohibitions[permission.Verb])
            {
                var overlap = Overlap(permission, prohibition, model);
                if (overlap is null) continue;
                // Every pair is reported up to one past the cap (so that the cap is said); beyond, more of the same helps nobody.
                if (++reported > DiagnosticLimit.MaxErrors + 1) return;
                diagnostics.At(KeywordSpan.Of(permission)).PermissionOverlapsProhibition(permission.Verb.Keyword, permission.Span.Line, prohibition.Span.Line, overlap);
            }
        }
    }

    /// <summary>A description of the shared ground ("contact.email for marketing"), or null when they do not overlap.</summary>
    private static string? Overlap(Permission permission, Prohibition prohibition, PolicyModel model)
    {
        if (prohibition.Unless.Any(c => permission.Conditions.Contains(c, StringComparer.Ordinal))) return null;
        var category = SortedNames.FirstShared(permission.Categories, prohibition.Categories);
        if (category is null) return null;
        if (permission.Verb.LocalisedBy is { } localising && permission[localising].Any && !prohibition[localising].Any
            && SpecificRulesDecide(model, permission, prohibition, localising))
        {
            // A rule for everyone does not decide for citizens who have a localisation rule of their own.
            return null;
        }

        var description = category;
        var verb = permission.Verb;
        for (var d = 0; d < verb.Dimensions.Count; d++)
        {
            var mine = permission.Dimensions[d];
            var theirs = prohibition.Dimensions[d];
            if (mine.Any && theirs.Any) continue;
            var shared = mine.Any ? theirs.Names.FirstOrDefault() : theirs.Any ? mine.Names.FirstOrDefault() : SortedNames.FirstShared(mine.Names, theirs.Names);
            if (shared is null) return null;
            description += " " + verb.Dimensions[d].Word + " " + shared;
        }
        return description;
    }

    /// <summary>Whether, for every category both cover, each value the prohibition names in the localising dimension has a rule of its own.</summary>
    private static bool SpecificRulesDecide(PolicyModel model, Permission permission, Prohibition prohibition, DecisionDimension localising) =>
        permission.Categories.Where(c => SortedNames.Contains(prohibition.Categories, c)).All(category =>
            prohibition[localising].Names.All(value => model.PermissionsOf(permission.Verb).Any(rule =>
                SortedNames.Contains(rule.Categories, category) && !rule[localising].Any && SortedNames.Contains(rule[localising].Names, value))));
}
