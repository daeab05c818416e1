using System;
using System.IO;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// What a test block expects the policy to state of what decides nothing: <c>expect [no] retain|right|consent|duty …</c>,
/// written as the statement would be, passes when a statement says at least that much.
/// </summary>
public sealed class ExpectTests
{
    private const string Members = """
          purpose newsletter ka "სიახლეები" en "newsletter" basis consent cites §2
          channel account ka "ანგარიში" en "account" cites §3
          condition identity-proof ka "პირადობა" en "proof of identity" cites §3
          retain contact.email for newsletter until unsubscribed cites §2
          retain contact.* for 24 months or until account-deletion whichever first cites §2
          retain payment.card for 5 years then anonymise on law cites §2
          right erasure via account else email within 30 days requires identity-proof consequence block-account on law cites §3
          right objection for marketing via email at-any-time cites §3
          consent newsletter for newsletter given electronic withdraw via email, account cites §2
          duty security-measures cites §3
          duty keep-data-current by customer cites §1
        """;

    private static string With(params string[] lines) =>
        Compile.Policy(Members) + "test \"t\" {\n" + string.Concat(lines.Select(l => "  " + l + "\n")) + "}\n";

    private static FactResult Run(string line)
    {
        var result = Compile.Text(With(line));
        Assert.Empty(result.Diagnostics);
        return Assert.Single(PolicyTestRunner.RunFacts(result.Model!));
    }

    [Theory]
    [InlineData("expect retain contact.email for newsletter until unsubscribed")]
    [InlineData("expect retain contact.phone for order for 24 months or until account-deletion whichever first")]
    [InlineData("expect retain contact.email for order, marketing for 24 months or until account-deletion whichever first")]
    [InlineData("expect retain payment.card for 5 years then anonymise on law")]
    [InlineData("expect no retain payment.card for 5 years then anonymise")]
    [InlineData("expect no retain contact.email for newsletter for 24 months or until account-deletion whichever first")]
    [InlineData("expect right erasure on law")]
    [InlineData("expect right erasure via account else email within 30 days requires identity-proof consequence block-account on law")]
    [InlineData("expect no right erasure")]
    [InlineData("expect no right erasure via email on law")]
    [InlineData("expect no right erasure within 10 days on law")]
    [InlineData("expect right objection for marketing at-any-time")]
    [InlineData("expect no right objection")]
    [InlineData("expect no right access")]
    [InlineData("expect consent newsletter for newsletter withdraw via email")]
    [InlineData("expect no consent newsletter given written")]
    [InlineData("expect duty keep-data-current by customer")]
    [InlineData("expect no duty keep-data-current")]
    [InlineData("expect no duty security-measures by customer")]
    public void An_expectation_passes_when_a_statement_says_at_least_as_much(string line) =>
        Assert.True(Run(line).Passed, line);

    [Theory]
    [InlineData("expect retain contact.email for newsletter until account-deletion", "line 19: retain contact.email for newsletter until unsubscribed")]
    [InlineData("expect right erasure via email", "line 22: right erasure via account else email within 30 days requires identity-proof consequence block-account on law")]
    [InlineData("expect right access", "the policy states no right 'access'")]
    [InlineData("expect no duty security-measures", "line 25: duty security-measures")]
    public void A_failing_expectation_names_what_the_policy_states_instead(string line, string explanation)
    {
        var compilation = Compile.Text(With(line));
        var result = Assert.Single(PolicyTestRunner.RunFacts(compilation.Model!));

        Assert.False(result.Passed);
        Assert.Contains(explanation, StatedFacts.Explain(compilation, result.Expectation.Fact), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expect right erasure cites §3", "PC0008")]
    [InlineData("expect retain contact.* until unsubscribed", "PC0001")]
    [InlineData("expect process contact.email for order", "PC0001")]
    [InlineData("expect retain contact.fax until unsubscribed", "PC1001")]
    [InlineData("expect duty encryption", "PC1006")]
    public void Misuse_is_reported_at_the_line(string line, string code)
    {
        var diagnostic = Assert.Single(Compile.Text(With(line)).Diagnostics);

        Assert.Equal(code, diagnostic.Code);
        // The members, the policy's closing brace and the test's header come before the line.
        Assert.Equal(Compile.FirstMemberLine + Members.Split('\n').Length + 2, diagnostic.Span.Line);
    }

    [Fact]
    public void The_formatter_keeps_expect_lines_among_the_others_in_their_order()
    {
        var text = With("allow process contact.email for order", "expect   no   right   access", "deny process contact.email for marketing", "expect duty  security-measures");

        var formatted = PolicyFormatter.Format(new Text.SourceText(text.Replace("  allow process", "allow process", StringComparison.Ordinal), "test.policy")).Text!;

        Assert.Contains("test \"t\" {\n  allow process contact.email for order\n  expect no right access\n  deny process contact.email for marketing\n  expect duty security-measures\n}", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_page_shows_expect_lines_with_their_result()
    {
        var compilation = Compile.Text(With("expect duty security-measures", "expect right access"));
        var html = HtmlReviewPage.Render(FactsBuilder.Build(compilation), Array.Empty<Diagnostics.Diagnostic>(), PolicyTestRunner.RunAll(compilation.Model!));

        Assert.Contains("<code>expect duty security-measures</code></td><td>passed", html, StringComparison.Ordinal);
        Assert.Contains("<code>expect right access</code></td><td>failed: the policy does not state it", html, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Policyc_test_counts_and_explains_expect_lines_and_junit_names_them()
    {
        var folder = Directory.CreateTempSubdirectory("policyc-expect-").FullName;
        try
        {
            var policy = Path.Combine(folder, "p.policy");
            File.WriteAllText(policy, With("expect duty security-measures", "expect right access via email"));

            var (exit, output, _) = Support.Cli.Run("test", policy);
            Assert.Equal(1, exit);
            Assert.Contains("test \"t\": expected the policy to state it\n  the policy states no right 'access'\n", output, StringComparison.Ordinal);
            Assert.EndsWith("1 passed, 1 failed\n", output, StringComparison.Ordinal);

            var (_, junit, _) = Support.Cli.Run("test", policy, "--format", "junit");
            Assert.Contains("name=\"expect right access via email\"", junit, StringComparison.Ordinal);
            Assert.Contains("message=\"expected the policy to state it, got not stated\"", junit, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
