using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Model;

namespace PolicyCompiler.Binding;

/// <summary>
/// Two retention statements that answer for the same data — a shared category, the same purpose (or both for
/// every purpose) and the same conditions, so that neither sets the other aside (see
/// <see cref="Evaluation.RetentionRules"/>) — and end differently contradict each other (PC3008). Statements are
/// bucketed by what they answer for, so the check costs their categories × purposes, not pairs of statements.
/// </summary>
internal static class RetentionChecker
{
    private const string EveryPurpose = "*";

    public static void Check(PolicyModel model, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<(string Category, string Purpose, string Conditions), RetentionRule>();
        var reported = new HashSet<(int, int)>();
        foreach (var rule in model.Retention)
        {
            var conditions = string.Join(",", rule.Conditions.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal));
            var purposes = rule.Purposes.IsEmpty ? new[] { EveryPurpose } : rule.Purposes.Distinct(StringComparer.Ordinal).ToArray();
            foreach (var category in rule.Categories.Distinct(StringComparer.Ordinal))
            {
                foreach (var purpose in purposes)
                {
                    var key = (category, purpose, conditions);
                    if (!first.TryGetValue(key, out var earlier))
                    {
                        first.Add(key, rule);
                        continue;
                    }
                    if (earlier.SameEnd(rule) || !reported.Add((earlier.Span.Start, rule.Span.Start))) continue;
                    if (reported.Count > DiagnosticLimit.MaxErrors + 1) return;
                    var scope = category + (purpose == EveryPurpose ? string.Empty : " for " + purpose) + (conditions.Length == 0 ? string.Empty : " on " + conditions.Replace(",", ", "));
                    diagnostics.At(KeywordSpan.Of(rule)).RetentionContradiction(rule.Span.Line, earlier.Span.Line, scope);
                }
            }
        }
    }
}
