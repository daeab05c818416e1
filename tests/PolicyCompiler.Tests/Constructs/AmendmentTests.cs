using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Docs;
using PolicyCompiler.Formatting;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// When changes of the policy take effect: after a delay, or at the latest after it (<c>within</c>, Eleven §10.2
/// "within 10 days"); and how people learn of them: through channels, or the text reserves changes without
/// notice to the user (<c>without-notice</c>, Eleven §10.2 "without prior or later notice").
/// </summary>
public sealed class AmendmentTests
{
    private const string WithinWithoutNotice = "  amendments take-effect within 10 days after publication without-notice cites §3";

    [Fact]
    public void The_model_tells_an_upper_bound_from_a_delay_and_silence_from_no_channel_named()
    {
        var bound = Assert.Single(Compile.Text(Compile.Policy(WithinWithoutNotice)).Model!.Amendments);
        var delay = Assert.Single(Compile.Text(Compile.Policy("  amendments take-effect 10 days after publication notify via email cites §3")).Model!.Amendments);

        Assert.Equal((true, true, 10), (bound.Within, bound.WithoutNotice, bound.Delay.Amount));
        Assert.Empty(bound.NotifyChannels);
        Assert.Equal((false, false), (delay.Within, delay.WithoutNotice));
        Assert.Equal(new[] { "email" }, delay.NotifyChannels);
    }

    [Theory]
    [InlineData("  amendments take-effect within 10 days after publication notify via email without-notice cites §3", "PC0008")]
    [InlineData("  amendments take-effect within after publication cites §3", "PC0001")]
    [InlineData("  amendments take-effect 10 days within after publication cites §3", "PC0001")]
    public void Misuse_is_a_syntax_error_at_the_statement(string member, string code)
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy(member)).Diagnostics);

        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(Compile.FirstMemberLine, diagnostic.Span.Line);
    }

    [Theory]
    [InlineData("en", "at the latest 10 days after `publication`", "without notice to the user (not required)")]
    [InlineData("ka", "ზღვრული ვადა: 10 დღე შემდეგ: `publication`", "მომხმარებლის შეტყობინების გარეშე (არ არის სავალდებულო)")]
    public void Documents_say_at_the_latest_and_that_notice_is_not_required(string code, string delay, string notice)
    {
        var markdown = MarkdownDocument.Render(FactsBuilder.Build(Compile.Text(Compile.Policy(WithinWithoutNotice))), DocLanguage.All.Single(l => l.Code == code));

        Assert.Contains(delay, markdown, StringComparison.Ordinal);
        Assert.Contains(notice, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_formatter_keeps_both_words_and_the_diff_shows_a_change()
    {
        var formatted = PolicyFormatter.Format(new Text.SourceText(Compile.Policy("  amendments   take-effect within   10 days after publication   without-notice cites §3"), "test.policy")).Text!;
        Assert.Contains(WithinWithoutNotice, formatted, StringComparison.Ordinal);

        var change = Assert.Single(PolicyDiff.Compare(
            Compile.Text(Compile.Policy("  amendments take-effect 10 days after publication cites §3")),
            Compile.Text(Compile.Policy(WithinWithoutNotice))).Structure);
        Assert.Equal((ChangeKind.Changed, "amendments take-effect within 10 days after publication without-notice"), (change.Kind, change.New));
    }
}
