using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Model;

namespace PolicyCompiler.Evaluation;

/// <summary>
/// When a policy states what an <c>expect</c> line of a test block says: the descriptive statements (retention,
/// rights, consent, duties) decide nothing, so their test asks whether a statement of the policy says at least
/// what the line says. Each clause the line gives must hold of one statement; a clause it leaves out is not asked.
/// </summary>
public static class StatedFacts
{
    /// <summary>Whether the policy states the fact.</summary>
    public static bool Holds(PolicyModel model, StatedFact fact)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        return fact switch
        {
            // The retention that answers for the data given for each purpose named (any, where none is), while the
            // conditions hold, is one that ends as the line says.
            RetentionFact r => (r.Purposes.IsEmpty ? new string?[] { null } : r.Purposes.Select(p => (string?)p)).All(purpose =>
                RetentionRules.Deciding(model, r.Category, purpose, r.Given.ToArray()).Any(rule => rule.SameEnd(r.Expected))),
            RightFact r => model.Rights.Any(grant => Grants(grant, r.Expected)),
            ConsentFact c => model.Consents.Any(rule => rule.Topic == c.Expected.Topic && Within(c.Expected.Purposes, rule.Purposes)
                && (c.Expected.Form is null || c.Expected.Form == rule.Form) && Within(c.Expected.WithdrawChannels, rule.WithdrawChannels)
                && Within(c.Expected.Consequences, rule.Consequences)),
            DutyFact d => model.Duties.Any(duty => duty.Duty == d.Expected.Duty && duty.By == d.Expected.By),
            _ => throw new ArgumentException("no rule for " + fact.GetType().Name, nameof(fact)),
        };
    }

    /// <summary>
    /// Whether a statement of a right grants what the line expects: the same right for the same purposes, holding on
    /// the conditions the line gives (its <c>on</c>), each channel the line names at the step of the order it names
    /// it at, and the timing, requirements and consequences it names.
    /// </summary>
    private static bool Grants(RightGrant grant, RightGrant expected)
    {
        if (grant.Right != expected.Right || grant.Purposes != expected.Purposes || !Within(grant.Conditions, expected.Conditions)) return false;
        var steps = new[] { grant.Channels }.Concat(grant.Fallbacks).ToList();
        var asked = new[] { expected.Channels }.Concat(expected.Fallbacks).ToList();
        if (asked.Count > steps.Count && asked.Skip(steps.Count).Any(step => !step.IsEmpty)) return false;
        for (var i = 0; i < Math.Min(asked.Count, steps.Count); i++)
        {
            if (!Within(asked[i], steps[i])) return false;
        }
        return (expected.Within is null || expected.Within == grant.Within) && (!expected.AtAnyTime || grant.AtAnyTime)
            && Within(expected.Requires, grant.Requires) && Within(expected.Consequences, grant.Consequences);
    }

    private static bool Within(EquatableArray<string> names, EquatableArray<string> of) => names.All(n => of.Contains(n, StringComparer.Ordinal));

    /// <summary>
    /// Why an expectation failed: the statements of the policy about the same thing (the right, the data's retention,
    /// the consent, the duty), each as written with its line, or that there is none.
    /// </summary>
    public static string Explain(CompilationResult compilation, StatedFact fact)
    {
        if (compilation is null) throw new ArgumentNullException(nameof(compilation));
        var model = compilation.Model ?? throw new ArgumentException("the policy did not compile", nameof(compilation));
        var (what, statements) = fact switch
        {
            RetentionFact r => ("no retention answers for " + r.Category + (r.Purposes.IsEmpty ? string.Empty : " for " + string.Join(", ", r.Purposes)),
                (r.Purposes.IsEmpty ? new string?[] { null } : r.Purposes.Select(p => (string?)p))
                    .SelectMany(p => RetentionRules.Deciding(model, r.Category, p, r.Given.ToArray())).Distinct().Select(rule => (rule.Span, rule.Citations)).ToList()),
            RightFact r => ("the policy states no right '" + r.Expected.DistinctName + "'",
                model.Rights.Where(g => g.Right == r.Expected.Right).Select(g => (g.Span, g.Citations)).ToList()),
            ConsentFact c => ("the policy states no consent '" + c.Expected.Topic + "'",
                model.Consents.Where(rule => rule.Topic == c.Expected.Topic).Select(rule => (rule.Span, rule.Citations)).ToList()),
            DutyFact d => ("the policy states no duty '" + d.Expected.Duty + "'",
                model.Duties.Where(duty => duty.Duty == d.Expected.Duty).Select(duty => (duty.Span, duty.Citations)).ToList()),
            _ => throw new ArgumentException("no rule for " + fact.GetType().Name, nameof(fact)),
        };
        if (statements.Count == 0) return what + "\n";
        var text = new StringBuilder(statements.Count == 1 ? "the policy states\n" : "the policy states these\n");
        foreach (var (span, citations) in statements)
        {
            text.Append("  line ").Append(span.Line.ToString(CultureInfo.InvariantCulture)).Append(": ").Append(StatementText.Of(compilation.Text, span, citations)).Append('\n');
        }
        return text.ToString();
    }
}
