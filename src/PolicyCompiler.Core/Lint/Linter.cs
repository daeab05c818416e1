using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;

namespace PolicyCompiler.Lint;

/// <summary>
/// The completeness lint: for each law pack, the information the policy does not give, as PC4001 warnings
/// at the policy header, each naming the law and (where certain) the article.
/// </summary>
public static class Linter
{
    public static IReadOnlyList<Diagnostic> Lint(CompilationResult compilation) => Lint(compilation, LawPack.BuiltIn);

    public static IReadOnlyList<Diagnostic> Lint(CompilationResult compilation, IReadOnlyList<LawPack> packs)
    {
        if (compilation?.Model is null) return new Diagnostic[0];
        var at = compilation.Syntax.Id?.Span ?? compilation.Text.SpanOf(0, 0);
        var findings = new List<Diagnostic>();
        foreach (var pack in packs)
        {
            foreach (var requirement in pack.Requirements)
            {
                var result = LintChecks.Run(requirement.Check, compilation.Model);
                if (result.Satisfied) continue;
                var source = requirement.Article == "-" ? pack.Name : pack.Name + " " + requirement.Article;
                var detail = result.Detail.Length == 0 ? string.Empty : " (" + result.Detail + ")";
                findings.Add(DiagnosticBuilder.At(compilation.Text, at).MissingNoticeInformation(pack.Id + ":" + requirement.Check, requirement.Description + detail, source, result.Hint));
            }
        }
        return findings;
    }
}
