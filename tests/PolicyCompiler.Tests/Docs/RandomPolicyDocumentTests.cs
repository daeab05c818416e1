using System.Linq;
using FsCheck.Fluent;
using PolicyCompiler.Docs;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Docs;

/// <summary>Documents of random valid policies: every statement kind in many combinations, none breaking either format.</summary>
public sealed class RandomPolicyDocumentTests
{
    [Fact]
    public void Documents_of_random_policies_are_well_formed_and_list_every_statement()
    {
        var policies = Gen.Sample(RandomPolicies.Policy, numberOfSamples: 100, size: 10)
            .Select(RandomPolicies.Valid)
            .Select(text => Compile.Text(text))
            .ToList();

        foreach (var policy in policies)
        {
            Assert.False(policy.HasErrors, Compile.Render(policy));
            var facts = FactsBuilder.Build(policy);
            var model = policy.Model!;
            int Rows(string heading) => facts.Tables.Single(t => t.Heading == heading).Rows.Count;
            foreach (var verb in model.Verbs.Verbs.Where(v => v.Documentation.Table is not null))
            {
                Assert.Equal(model.PermissionsOf(verb).Count(), Rows(verb.Documentation.Table!));
            }
            Assert.Equal(model.Prohibitions.Count, Rows("h:prohibitions"));
            Assert.Equal(model.Categories.Count, Rows("h:inventory"));

            foreach (var language in DocLanguage.All)
            {
                var markdown = DocumentReader.ParseMarkdown(PolicyCompiler.Docs.MarkdownDocument.Render(facts, language));
                Assert.All(DocumentReader.Tables(markdown), table =>
                    Assert.Single(table.OfType<Markdig.Extensions.Tables.TableRow>().Select(r => r.Count).Distinct()));
            }
            var page = DocumentReader.ParseHtml(HtmlReviewPage.Render(facts, Lint.Linter.Lint(policy), Evaluation.PolicyTestRunner.Run(model)));
            Assert.Equal(facts.Tables.Sum(t => t.Rows.Count), page.Descendants("tr").Count(tr => ((string?)tr.Attribute("id"))?.StartsWith("fact-", System.StringComparison.Ordinal) == true));
        }
    }
}
