using System;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Formatting;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// Legal bases as data: a purpose states one or several, each a word of a law's data file (Lint/Packs/*.bases)
/// with its article; the documents and the guards' XML docs show the articles, and the vocabulary is the files'.
/// </summary>
public sealed class LegalBasisTests
{
    private const string Newsletter = "  purpose newsletter ka \"სიახლეები\" en \"newsletter\" basis consent, contract cites §2";

    [Fact]
    public void A_purpose_may_state_several_bases_in_order()
    {
        var result = Compile.Text(Compile.Policy(Newsletter));

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Equal(new[] { "consent", "contract" }, result.Model!.Purposes.Single(p => p.Name == "newsletter").Bases);
        var formatted = PolicyFormatter.Format(new SourceText(Compile.Policy(Newsletter.Replace("consent, contract", "consent ,contract", StringComparison.Ordinal)), "test.policy"));
        Assert.Contains(Newsletter, formatted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_files_give_the_GDPR_and_BDSG_articles_and_every_word_has_labels_in_both_languages()
    {
        Assert.Equal("GDPR Art. 6(1)(a)", LegalBases.Of("consent").First().Citation);
        Assert.Equal("GDPR Art. 6(1)(f)", LegalBases.Of("legitimate-interests").Single(e => e.Law == "GDPR").Citation);
        Assert.Equal("GDPR Art. 9(2)(a)", LegalBases.Of("explicit-consent").Single(e => e.Law == "GDPR").Citation);
        Assert.True(LegalBases.Of("explicit-consent").Single(e => e.Law == "GDPR").SpecialOnly);
        Assert.Equal("BDSG § 26(1)", LegalBases.Of("employment").Single().Citation);
        // GDPR's words come first, in the order of its article.
        Assert.Equal(new[] { "consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests" }, LegalBases.Words.Take(6));
        Assert.All(LegalBases.All, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.English), entry.Word);
            Assert.False(string.IsNullOrWhiteSpace(entry.Georgian), entry.Word);
            Assert.StartsWith(entry.Law == "GDPR" ? "Art. " : "§ ", entry.Article, StringComparison.Ordinal);
        });
        // A word is one law's once: the documents would show its article twice.
        Assert.All(LegalBases.All.GroupBy(e => (e.Law, e.Word)), g => Assert.Single(g));
        // The file's label is the documents' where the documents' words have none of their own.
        Assert.Equal("public task or official authority", DocWords.English["basis:public-task"]);
    }

    [Fact]
    public void An_unknown_basis_is_reported_with_the_files_words()
    {
        var diagnostic = Compile.Text(Compile.Policy(Newsletter.Replace("contract", "contracts", StringComparison.Ordinal))).Diagnostics.Single();

        Assert.Equal("PC1006", diagnostic.Code);
        Assert.Contains("'contract'", diagnostic.Message + diagnostic.Help, StringComparison.Ordinal);
        Assert.Contains("employment", diagnostic.Message + diagnostic.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop.en.md", "newsletter `newsletter` | consent — GDPR Art. 6(1)(a)<br>contract — GDPR Art. 6(1)(b) |")]
    [InlineData("shop.ka.md", "სიახლეები `newsletter` | თანხმობა — GDPR Art. 6(1)(a)<br>ხელშეკრულება — GDPR Art. 6(1)(b) |")]
    public void The_documents_show_each_basis_with_the_article_of_the_law_that_governs_the_policy(string file, string row)
    {
        var document = PolicyDocuments.Generate(Compile.Text(InGermany(Compile.Policy(Newsletter)))).Single(f => f.Name == file).Text;

        Assert.Contains(row, document, StringComparison.Ordinal);
        // No file states the Georgian law's articles: a Georgian policy's basis is shown by its label alone.
        var georgian = PolicyDocuments.Generate(Compile.Text(Compile.Policy(Newsletter))).Single(f => f.Name == file).Text;
        Assert.DoesNotContain("GDPR Art.", georgian, StringComparison.Ordinal);
    }

    private static string InGermany(string policy) => policy.Replace("jurisdiction GE", "jurisdiction DE", StringComparison.Ordinal);

    [Fact]
    public void The_guards_documentation_names_the_bases_and_their_articles()
    {
        var guards = GuardEmitter.Emit(Compile.Text(InGermany(Compile.Policy(Newsletter.Replace("contract", "contract, employment", StringComparison.Ordinal)))), new GuardEmitterOptions("Bases")).Text;

        Assert.Contains("legal bases: consent (GDPR Art. 6(1)(a)), contract (GDPR Art. 6(1)(b)), employment (BDSG § 26(1))", guards, StringComparison.Ordinal);
        Assert.True(LegalBases.Of("employment").Single().AppliesIn("DE"));
        Assert.False(LegalBases.Of("employment").Single().AppliesIn("FR"));
        Assert.True(LegalBases.Of("consent").First().AppliesIn("FR"));
        Assert.True(LegalBases.Of("consent").First().AppliesIn("NO"));
        Assert.False(LegalBases.Of("consent").First().AppliesIn("GE"));
        Assert.False(LegalBases.Of("consent").First().AppliesIn(null));
    }

    [Fact]
    public void Explicit_consent_is_consent_for_the_lint()
    {
        var policy = Compile.Policy("  purpose care ka \"ზრუნვა\" en \"care\" basis explicit-consent cites §2");

        Assert.Contains(LintAll.Of(Compile.Text(policy)), d => d.Message.StartsWith("[gdpr:withdraw-consent]", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exception_for_special_categories_alone_is_no_basis_for_the_processing()
    {
        static bool Warned(string bases) => LintAll.Of(Compile.Text(Compile.Policy("  purpose care ka \"ზრუნვა\" en \"care\" basis " + bases + " cites §2")))
            .Any(d => d.Message.StartsWith("[gdpr:general-basis]", StringComparison.Ordinal) && d.Message.Contains("care", StringComparison.Ordinal));

        Assert.True(Warned("health-care"));
        Assert.True(Warned("explicit-consent, health-care"));
        Assert.False(Warned("contract, health-care"));
        Assert.False(Warned("consent"));
    }
}
