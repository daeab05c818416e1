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
        // A share a tracker implies is the text's too (its pixel sends the data to the vendor): a prohibition it meets
        // contradicts the text as a stated one would. The home area's rules leave out what is prohibited.
        foreach (var permission in model.Permissions.Concat(model.ImpliedPermissions.Where(p => p.ImpliedByTracker is not null)))
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
        if (permission.Verb.Localisation is { } localisation && SetAsideWherever(model, localisation, permission, prohibition))
        {
            // A rule does not decide for people who have a more specific localisation rule of their own.
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

    /// <summary>
    /// Whether, for every category both cover and every person both reach (in each scope, the values both name,
    /// or those of the one that names any; "anyone" where neither names any), a more specific rule than the
    /// permission governs them.
    /// </summary>
    private static bool SetAsideWherever(PolicyModel model, Localisation localisation, Permission permission, Prohibition prohibition)
    {
        var named = localisation.Named(permission);
        var people = localisation.Scopes.Aggregate(
            new[] { new string?[0] }.AsEnumerable(),
            (combinations, scope) => combinations.SelectMany(c => Shared(permission[scope], prohibition[scope]).Select(v => c.Append(v).ToArray())))
            .ToList();
        var rules = model.PermissionsOf(permission.Verb).Where(r => (localisation.Named(r) & named) == named && localisation.Named(r) != named).ToList();
        return permission.Categories.Where(c => SortedNames.Contains(prohibition.Categories, c)).All(category =>
            people.All(person => rules.Any(rule => SortedNames.Contains(rule.Categories, category) && GovernsEveryone(localisation, rule, person))));
    }

    /// <summary>The values of one scope that a permission and a prohibition both reach; null alone for "anyone".</summary>
    private static IEnumerable<string?> Shared(DimensionValues permission, DimensionValues prohibition) =>
        permission.Any && prohibition.Any ? new string?[] { null }
        : permission.Any ? prohibition.Names.Select(n => (string?)n)
        : prohibition.Any ? permission.Names.Select(n => (string?)n)
        : permission.Names.Where(n => SortedNames.Contains(prohibition.Names, n)).Select(n => (string?)n);

    /// <summary>Whether a rule governs a person given by a value per scope (null: anyone, which only a rule that names no value there governs).</summary>
    private static bool GovernsEveryone(Localisation localisation, Permission rule, string?[] person)
    {
        for (var i = 0; i < person.Length; i++)
        {
            var values = rule[localisation.Scopes[i]];
            if (!values.Any && !(person[i] is { } value && SortedNames.Contains(values.Names, value))) return false;
        }
        return true;
    }
}
