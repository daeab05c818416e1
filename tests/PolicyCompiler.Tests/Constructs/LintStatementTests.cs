using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Formatting;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// What a policy says to the lint (issue 19): the laws it is read under (<c>laws …</c>), the findings that are the
/// text's gaps (<c>acknowledge …</c>), and what the laws treat specially in a purpose (<c>kind direct-marketing,
/// profiling</c>). None decides anything; each is bound, printed, compared and documented like any statement.
/// </summary>
public sealed class LintStatementTests
{
    private const string Statements = """
          laws gdpr, ge-pdp
          purpose offers ka "შეთავაზებები" en "offers" kind direct-marketing, profiling, profiling basis consent cites §2
          acknowledge gdpr:dpo, retention "the text names neither"
        """;

    [Fact]
    public void They_bind_to_the_model_and_decide_nothing()
    {
        var result = Compile.Text(Compile.Policy(Statements));

        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        Assert.Equal(new[] { "gdpr", "ge-pdp" }, model.Laws!.Laws);
        Assert.Equal(new[] { "direct-marketing", "profiling" }, model.Purposes.Single(p => p.Name == "offers").PurposeKinds);
        Assert.Equal(new[] { ("gdpr", "dpo"), ((string?)null, "retention") }, model.Acknowledgements.Select(a => (a.Law, a.Check)));
        Assert.All(model.Acknowledgements, a => Assert.Equal("the text names neither", a.Reason));
        Assert.Equal(Compile.Text(Compile.Policy(string.Empty)).Model!.Permissions, model.Permissions);
    }

    [Theory]
    [InlineData("  purpose offers ka \"x\" en \"x\" kind marketing cites §2", "PC1006")]
    [InlineData("  purpose offers ka \"x\" en \"x\" kind cites §2", "PC0001")]
    [InlineData("  laws gdpr\n  laws ge-pdp", "PC1007")]
    [InlineData("  laws eu-ai-act", "PC1026")]
    [InlineData("  acknowledge gdpr:nothing \"x\"", "PC1026")]
    [InlineData("  acknowledge gdpr:dpo", "PC0001")]
    [InlineData("  acknowledge \"x\"", "PC0001")]
    public void Misuse_is_an_error_at_the_word(string members, string code)
    {
        Assert.Contains(code, Compile.Codes(Compile.Policy(members)));
    }

    [Fact]
    public void The_formatter_prints_them_as_written_and_the_diff_names_what_changed()
    {
        var text = Compile.Policy(Statements);
        var formatted = PolicyFormatter.Format(new Text.SourceText(text, "test.policy")).Text!;
        Assert.Contains("  laws gdpr, ge-pdp\n", formatted, StringComparison.Ordinal);
        Assert.Contains("kind direct-marketing, profiling, profiling basis consent cites §2", formatted, StringComparison.Ordinal);
        Assert.Contains("  acknowledge gdpr:dpo, retention \"the text names neither\"\n", formatted, StringComparison.Ordinal);

        var changed = Compile.Text(text.Replace("laws gdpr, ge-pdp", "laws gdpr", StringComparison.Ordinal).Replace("kind direct-marketing, profiling, profiling", "kind profiling", StringComparison.Ordinal));
        var changes = PolicyDiff.Compare(Compile.Text(text), changed).Structure.Select(c => $"{c.Kind} {c.Area} {c.Name}").ToList();
        Assert.Contains("Changed laws laws", changes);
        Assert.Contains("Changed purpose offers", changes);
    }

    [Theory]
    [InlineData("en", "| direct marketing<br>profiling |")]
    [InlineData("ka", "| პირდაპირი მარკეტინგი<br>პროფილირება |")]
    public void The_documents_give_the_purposes_a_kind_column_where_one_has_a_kind(string language, string cell)
    {
        var markdown = Compile.Markdown(Compile.Text(Compile.Policy(Statements)), language);
        Assert.Contains(cell, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("direct marketing", Compile.Markdown(Compile.Text(Compile.Policy(string.Empty)), "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_lint_reads_the_laws_the_policy_names()
    {
        var lint = Linter.Lint(Compile.Text(Compile.Policy(Statements)));
        Assert.Equal("the lint reads the policy under GDPR (named by the policy, line 16); Law of Georgia on Personal Data Protection (2023) (named by the policy, line 16)", lint.Single(d => d.Code == "PC4002").Message);
    }
}
