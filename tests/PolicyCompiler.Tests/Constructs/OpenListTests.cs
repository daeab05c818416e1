using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// Lists a text gives as examples ("such as", "e.g.", "and other": Hetzner §p18, §p35) are stated with <c>such-as</c>:
/// the guards cover what is listed, the documents say "for example", and the lint reports an open list of
/// recipients, or of categories of data not collected from the person.
/// </summary>
public sealed class OpenListTests
{
    private const string Shares = """
          recipient consultants ka "კონსულტანტები" en "external consultants" cites §3
          collect such-as contact.email, contact.phone from customer cites §1
          share such-as contact.* with such-as courier, consultants for order cites §3
        """;

    [Fact]
    public void The_statement_covers_what_it_lists_and_the_guards_agree()
    {
        var result = Compile.Text(Compile.Policy(Shares) + """
            test "examples" {
              allow collect contact.email from customer
              deny collect payment.card from customer
              allow share contact.phone with consultants for order
              deny share payment.card with courier for order
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        var share = result.Model!.Permissions.Single(p => p.Verb.Keyword == "share");
        Assert.True(share.CategoriesAreExamples);
        Assert.Equal(new[] { "consultants", "courier" }, share.Dimensions.Single(d => d.Examples).Names);
        GeneratedGuards.AssertAgreeWithEvaluator(result, "Examples");
    }

    [Fact]
    public void The_formatter_keeps_the_marker_and_a_new_marker_is_a_change()
    {
        var formatted = PolicyFormatter.Format(new Text.SourceText(Compile.Policy("  share  such-as   contact.*  with such-as  courier,consultants for order cites §3\n  recipient consultants ka \"ა\" en \"b\" cites §3"), "test.policy")).Text!;
        Assert.Contains("  share such-as contact.* with such-as courier, consultants for order cites §3", formatted, StringComparison.Ordinal);

        var before = Compile.Text(Compile.Policy("  share contact.* with courier for order cites §3"));
        var after = Compile.Text(Compile.Policy("  share contact.* with such-as courier for order cites §3"));
        Assert.Equal(new[] { ChangeKind.Added, ChangeKind.Removed }, PolicyDiff.Compare(before, after).Structure.Select(c => c.Kind).OrderBy(k => k));
    }

    [Theory]
    [InlineData("  share such-as with courier cites §3", "PC0001")]
    [InlineData("  share contact.* with such-as cites §3", "PC0001")]
    [InlineData("  share contact.* such-as with courier cites §3", "PC0001")]
    [InlineData("  never process such-as contact.phone cites §3", "PC1025")]
    [InlineData("  never share contact.phone with such-as courier cites §3", "PC1025")]
    [InlineData("  retain such-as contact.* for 2 years cites §2", "PC1025")]
    [InlineData("  group g categories such-as contact.* cites §2", "PC1025")]
    [InlineData("  process contact.phone for order as such-as pseudonymised cites §2", "PC1025")]
    public void Misuse_is_a_syntax_error(string member, string code) =>
        Assert.Equal(code, Assert.Single(Compile.Text(Compile.Policy(member)).Diagnostics).Code);

    [Theory]
    [InlineData("en", "for example: external consultants, delivery partner", "for example: `contact.*`", "(the text names it as an example)")]
    [InlineData("ka", "მაგალითად: კონსულტანტები, კურიერი", "(ტექსტში მოყვანილია მაგალითად)")]
    public void Documents_say_for_example(string code, params string[] expected)
    {
        var markdown = Compile.Markdown(Compile.Text(Compile.Policy(Shares)), code);

        Assert.All(expected, text => Assert.Contains(text, markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void The_lint_reports_open_recipients_and_open_categories_not_from_the_person()
    {
        static string? Finding(string members) => LintAll.Of(Compile.Text(Compile.Policy(members))).Select(d => d.Message).FirstOrDefault(m => m.Contains("[gdpr:closed-lists]", StringComparison.Ordinal));

        Assert.Contains($"recipients at line {Compile.FirstMemberLine + 2}", Finding(Shares), StringComparison.Ordinal);
        Assert.DoesNotContain("categories", Finding(Shares)!.Split('(')[1], StringComparison.Ordinal);
        Assert.Contains($"categories at line {Compile.FirstMemberLine}", Finding("  collect such-as contact.email from customer origin third-party cites §1"), StringComparison.Ordinal);
        Assert.Null(Finding("  share contact.* with courier for order cites §3"));
    }
}
