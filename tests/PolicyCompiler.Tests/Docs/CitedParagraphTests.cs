using System;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Docs;

/// <summary>
/// The review page shows each paragraph of the legal text as cited, informative or not accounted for exactly as
/// the coverage counts it: a paragraph a statement cites is linked from a fact, whatever the statement (a
/// collection shows only in the inventory; the title and the effective date in the policy's own table).
/// </summary>
public sealed class CitedParagraphTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_paragraph_shows_as_the_coverage_counts_it(string policy)
    {
        var compilation = SeedPolicies.Compile(policy);
        var coverage = compilation.Legal!.Coverage;
        var page = DocumentReader.ParseHtml(HtmlReviewPage.Render(FactsBuilder.Build(compilation), Linter.Lint(compilation), PolicyTestRunner.RunAll(compilation.Model!)));
        var paragraphs = page.Descendants().Where(e => DocumentReader.HasClass(e, "para")).ToList();

        string[] Shown(string state) => paragraphs.Where(p => DocumentReader.HasClass(p, state)).Select(p => ((string)p.Attribute("id")!).Substring("legal-".Length)).OrderBy(i => i, StringComparer.Ordinal).ToArray();

        Assert.Equal(coverage.Cited.OrderBy(i => i, StringComparer.Ordinal), Shown("cited"));
        Assert.Equal(coverage.Informative.Except(coverage.Cited).OrderBy(i => i, StringComparer.Ordinal), Shown("informative"));
        Assert.Equal(coverage.Uncovered.OrderBy(i => i, StringComparer.Ordinal), Shown("uncovered"));
    }
}
