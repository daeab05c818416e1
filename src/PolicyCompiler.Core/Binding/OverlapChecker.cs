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
    /// <summary>A permission seen as its verb and its dimensions, in the order prohibitions list them.</summary>
    private sealed record Permission(Verb Verb, EquatableArray<string> Categories, EquatableArray<string>[] Dimensions, EquatableArray<string> Conditions, SourceSpan Span);

    public static void Check(PolicyModel model, DiagnosticBag diagnostics)
    {
        if (model.Prohibitions.IsEmpty) return;
        var reported = 0;
        foreach (var permission in Permissions(model))
        {
            foreach (var prohibition in model.Prohibitions)
            {
                if (prohibition.Verb != permission.Verb) continue;
                var overlap = Overlap(permission, prohibition, model);
                if (overlap is null) continue;
                // Every pair is reported up to one past the cap (so that the cap is said); beyond, more of the same helps nobody.
                if (++reported > DiagnosticLimit.MaxErrors + 1) return;
                diagnostics.Report(
                    DiagnosticCatalog.PermissionOverlapsProhibition,
                    KeywordSpan(permission),
                    Keywords.Of(permission.Verb),
                    permission.Span.Line,
                    prohibition.Span.Line,
                    overlap);
            }
        }
    }

    private static IEnumerable<Permission> Permissions(PolicyModel model)
    {
        var none = EquatableArray<string>.Empty;
        foreach (var r in model.Collections)
            yield return new Permission(Verb.Collect, r.Categories, new[] { r.Subjects, none, none, none, none }, none, r.Span);
        foreach (var r in model.Processing)
            yield return new Permission(Verb.Process, r.Categories, new[] { none, r.Purposes, none, none, none }, r.Conditions, r.Span);
        foreach (var r in model.Sharing)
            yield return new Permission(Verb.Share, r.Categories, new[] { none, r.Purposes, r.Recipients, none, none }, r.Conditions, r.Span);
        foreach (var r in model.Transfers)
            yield return new Permission(Verb.Transfer, r.Categories, new[] { none, none, none, none, r.AnyCountry ? none : r.Countries }, r.Conditions, r.Span);
        foreach (var r in model.Storage)
            yield return new Permission(Verb.Store, r.Categories, new[] { none, none, none, r.Citizenships, r.Locations }, none, r.Span);
    }

    /// <summary>A description of the shared ground ("contact.email for marketing"), or null when they do not overlap.</summary>
    private static string? Overlap(Permission permission, Prohibition prohibition, PolicyModel model)
    {
        if (prohibition.Unless.Any(c => permission.Conditions.Contains(c, StringComparer.Ordinal))) return null;
        var category = FirstShared(permission.Categories, prohibition.Categories);
        if (category is null) return null;
        if (permission.Verb == Verb.Store && permission.Dimensions[3].IsEmpty && !prohibition.Citizenships.IsEmpty
            && SpecificRulesDecide(model, permission.Categories, prohibition))
        {
            // A storage rule for everyone does not decide for citizens who have a localisation rule of their own.
            return null;
        }

        var prohibited = new[] { prohibition.Subjects, prohibition.Purposes, prohibition.Recipients, prohibition.Citizenships, prohibition.Countries };
        var words = new[] { "from", "for", "with", "of citizens", "in" };
        if (permission.Verb == Verb.Transfer) words[4] = "to";
        var description = category;
        for (var d = 0; d < prohibited.Length; d++)
        {
            var mine = permission.Dimensions[d];
            var theirs = prohibited[d];
            if (mine.IsEmpty && theirs.IsEmpty) continue;
            var shared = mine.IsEmpty ? theirs[0] : theirs.IsEmpty ? mine[0] : FirstShared(mine, theirs);
            if (shared is null) return null;
            description += " " + words[d] + " " + shared;
        }
        return description;
    }

    /// <summary>Whether, for every category both cover, each citizenship the prohibition names has a storage rule of its own.</summary>
    private static bool SpecificRulesDecide(PolicyModel model, EquatableArray<string> categories, Prohibition prohibition) =>
        categories.Where(c => prohibition.Categories.Contains(c, StringComparer.Ordinal)).All(category =>
            prohibition.Citizenships.All(citizenship => model.Storage.Any(rule =>
                rule.Categories.Contains(category, StringComparer.Ordinal) && rule.Citizenships.Contains(citizenship, StringComparer.Ordinal))));

    /// <summary>The first value two sorted lists share.</summary>
    private static string? FirstShared(EquatableArray<string> a, EquatableArray<string> b)
    {
        int i = 0, j = 0;
        while (i < a.Count && j < b.Count)
        {
            var order = string.CompareOrdinal(a[i], b[j]);
            if (order == 0) return a[i];
            if (order < 0) i++;
            else j++;
        }
        return null;
    }

    private static SourceSpan KeywordSpan(Permission permission)
    {
        var length = Keywords.Of(permission.Verb).Length;
        return new SourceSpan(permission.Span.Start, Math.Min(length, permission.Span.Length), permission.Span.Line, permission.Span.Column);
    }
}
