using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Lint;

/// <summary>
/// The completeness lint: under each law the policy is read under (<see cref="LawSelection"/>), the information
/// the policy does not give, as PC4001 warnings at the policy header, each naming the law and (where certain) the
/// article. A finding the policy acknowledges (<c>acknowledge …</c>) is PC4003 at the acknowledgement instead, and
/// an acknowledgement of nothing the lint reports is PC4004. PC4002 first says which laws, and why.
/// </summary>
public static class Linter
{
    /// <summary>Lints under the built-in laws; <paramref name="laws"/>, law ids that replace the policy's choice (<c>policyc lint --law</c>), null or empty for none.</summary>
    public static IReadOnlyList<Diagnostic> Lint(CompilationResult compilation, IReadOnlyList<string>? laws = null) => Lint(compilation, LawPack.BuiltIn, laws);

    public static IReadOnlyList<Diagnostic> Lint(CompilationResult compilation, IReadOnlyList<LawPack> packs, IReadOnlyList<string>? laws = null)
    {
        if (compilation?.Model is not { } model) return new Diagnostic[0];
        var at = compilation.Syntax.Id?.Span ?? compilation.Text.SpanOf(0, 0);
        var applied = LawSelection.For(model, packs, laws);
        var findings = new List<Diagnostic>
        {
            DiagnosticBuilder.At(compilation.Text, at).LawsApplied(applied.Count == 0 ? "no law" : string.Join("; ", applied.Select(a => a.Pack.Name + " (" + a.Why + ")"))),
        };
        // The gaps first, then what the policy acknowledges, then acknowledgements of nothing: what needs work leads.
        var acknowledged = new List<Diagnostic>();
        var used = new HashSet<Acknowledgement>();
        // An acknowledgement that covers a finding another one answers (named twice, or by its check alone and under its law).
        var answeredBy = new Dictionary<Acknowledgement, Acknowledgement>();
        foreach (var law in applied)
        {
            var pack = law.Pack;
            foreach (var requirement in pack.Requirements)
            {
                var result = LintChecks.Run(requirement.Check, model);
                if (result.Satisfied) continue;
                var finding = pack.Id + ":" + requirement.Check;
                var source = requirement.Article == "-" ? pack.Name : pack.Name + " " + requirement.Article;
                var what = requirement.Description + (result.Detail.Length == 0 ? string.Empty : " (" + result.Detail + ")");
                // The acknowledgement that names the law answers before one that names the check for every law.
                var covering = model.Acknowledgements.Where(a => a.Covers(pack.Id, requirement.Check)).OrderBy(a => a.Law is null ? 1 : 0).ToList();
                if (covering.Count > 0)
                {
                    var acknowledgement = covering[0];
                    used.Add(acknowledgement);
                    foreach (var other in covering.Skip(1)) if (!answeredBy.ContainsKey(other)) answeredBy.Add(other, acknowledgement);
                    acknowledged.Add(DiagnosticBuilder.At(compilation.Text, acknowledgement.Span).FindingAcknowledged(finding, what, source, acknowledgement.Reason));
                }
                else
                {
                    findings.Add(DiagnosticBuilder.At(compilation.Text, at).MissingNoticeInformation(finding, what, source, result.Hint));
                }
            }
        }
        findings.AddRange(acknowledged);
        foreach (var acknowledgement in model.Acknowledgements.Where(a => !used.Contains(a)))
        {
            var why = answeredBy.TryGetValue(acknowledgement, out var other)
                ? "line " + other.Span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + " acknowledges it already ('" + other.Finding + "')"
                : WhyNothing(acknowledgement, applied);
            findings.Add(DiagnosticBuilder.At(compilation.Text, acknowledgement.Span).NothingToAcknowledge(acknowledgement.Finding, why));
        }
        return findings;
    }

    private static string WhyNothing(Acknowledgement acknowledgement, IReadOnlyList<AppliedLaw> applied)
    {
        var read = applied.Count == 0 ? "no law" : string.Join(", ", applied.Select(a => a.Pack.Id));
        if (acknowledgement.Law is { } law && applied.All(a => a.Pack.Id != law)) return "the lint does not read the policy under '" + law + "' (it reads it under " + read + ")";
        if (applied.All(a => a.Pack.Requirements.All(r => r.Check != acknowledgement.Check))) return "no law the lint reads the policy under (" + read + ") has the check '" + acknowledgement.Check + "'";
        return "the policy states the information";
    }
}
