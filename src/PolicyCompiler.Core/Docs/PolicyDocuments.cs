using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Lint;

namespace PolicyCompiler.Docs;

/// <summary>
/// The documents of a compiled policy, as every host writes them: the Markdown in each language
/// (<c>&lt;id&gt;.ka.md</c>, <c>&lt;id&gt;.en.md</c>) and the HTML review page (<c>&lt;id&gt;.html</c>), with the
/// completeness findings and the results of the policy's tests.
/// </summary>
public static class PolicyDocuments
{
    public static IReadOnlyList<GeneratedFile> Generate(CompilationResult compilation) =>
        Generate(FactsBuilder.Build(compilation ?? throw new ArgumentNullException(nameof(compilation))));

    /// <summary>The documents of facts already built (<c>build</c> builds them once for the documents and the exports).</summary>
    public static IReadOnlyList<GeneratedFile> Generate(PolicyFacts facts)
    {
        if (facts is null) throw new ArgumentNullException(nameof(facts));
        var compilation = facts.Compilation;
        var id = facts.Model.Id;
        var files = DocLanguage.All.Select(l => new GeneratedFile(MarkdownDocument.FileName(id, l), MarkdownDocument.Render(facts, l))).ToList();
        files.Add(new GeneratedFile(HtmlReviewPage.FileName(id), HtmlReviewPage.Render(facts, Linter.Lint(compilation), PolicyTestRunner.RunAll(facts.Model))));
        return files;
    }

    /// <summary>
    /// Problems that stop several policies' documents being written to one folder: two policy ids that differ
    /// only in case would name the same files on a case-insensitive file system.
    /// </summary>
    public static IReadOnlyList<string> Collisions(IEnumerable<string> policyIds)
    {
        if (policyIds is null) throw new ArgumentNullException(nameof(policyIds));
        return policyIds
            .GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => "the documents of policies " + string.Join(" and ", g.Select(id => "'" + id + "'")) + " would have the same file names; rename one policy")
            .ToList();
    }
}
