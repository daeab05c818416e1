using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Binding;

namespace PolicyCompiler.Lint;

/// <summary>
/// The names a policy gives the lint: the ids of the built-in law packs (<c>laws gdpr</c>) and findings as the lint
/// prints them (<c>acknowledge gdpr:dpo</c>, or <c>dpo</c> under every law that has the check).
/// </summary>
public static class LintNames
{
    /// <summary>A finding as written, read: the law (null for every law) and the check; or why it is none, with a suggestion.</summary>
    public sealed record Reading(string? Law, string? Check, string? Problem, string? Suggestion);

    public static IEnumerable<string> Laws => LawPack.BuiltIn.Select(p => p.Id);

    public static bool IsLaw(string id) => LawPack.BuiltIn.Any(p => p.Id == id);

    public static string? ClosestLaw(string id) => Suggestions.Closest(id, Laws);

    public static string KnownLaws => string.Join(", ", Laws);

    public static Reading ReadFinding(string written)
    {
        var colon = written.IndexOf(':');
        if (colon > 0 && IsLaw(written.Substring(0, colon)))
        {
            var law = written.Substring(0, colon);
            var check = written.Substring(colon + 1);
            if (LawPack.BuiltIn.Single(p => p.Id == law).Requirements.Any(r => r.Check == check)) return new Reading(law, check, null, null);
            return new Reading(null, null, "a finding of the law '" + law + "'", Suggestions.Closest(written, Findings));
        }
        if (LawPack.BuiltIn.Any(p => p.Requirements.Any(r => r.Check == written))) return new Reading(null, written, null, null);
        return new Reading(null, null, "a finding of the lint", Suggestions.Closest(written, Findings.Concat(Checks)));
    }

    /// <summary>Every finding the built-in laws can report, as the lint prints it: <c>gdpr:dpo</c>.</summary>
    private static IEnumerable<string> Findings => LawPack.BuiltIn.SelectMany(p => p.Requirements.Select(r => p.Id + ":" + r.Check));

    private static IEnumerable<string> Checks => LawPack.BuiltIn.SelectMany(p => p.Requirements.Select(r => r.Check)).Distinct(StringComparer.Ordinal);
}
