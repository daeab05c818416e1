using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// A retention scoped to purposes and conditions, with several ends combined as whichever comes first or later,
/// and what becomes of the data at the end. Of the statements that apply, the most specific answer; two that
/// answer for the same data and end differently are PC3008. The guards' RetentionOf agrees with the reference.
/// </summary>
public sealed class RetentionTests
{
    // Compile.Header: contact.email, contact.phone, payment.card, special.health; purposes order, marketing; condition law.
    private const string Rules = """
          retain contact.* for 24 months or until account-deletion whichever first cites §1
          retain contact.email for marketing until unsubscribed cites §2
          retain contact.email for marketing for 3 years on law cites §2
          retain payment.card for 7 days then anonymise cites §1
        """;

    private static readonly int First = Compile.FirstMemberLine;

    private static int[] Lines(string category, string? purpose, params string[] conditions) =>
        RetentionRules.Deciding(Compile.Text(Compile.Policy(Rules)).Model!, category, purpose, conditions).Select(r => r.Span.Line).ToArray();

    [Fact]
    public void The_most_specific_statements_answer_for_a_category_and_purpose()
    {
        Assert.Equal(new[] { First + 1 }, Lines("contact.email", "marketing"));
        Assert.Equal(new[] { First + 2 }, Lines("contact.email", "marketing", "law"));
        Assert.Equal(new[] { First }, Lines("contact.email", "order"));
        Assert.Equal(new[] { First }, Lines("contact.phone", "marketing"));
        // Asked for no purpose, every purpose's statements answer; the one on law sets aside only the marketing
        // one it shares its purpose with, not the one for every purpose.
        Assert.Equal(new[] { First, First + 1 }, Lines("contact.email", null));
        Assert.Equal(new[] { First, First + 2 }, Lines("contact.email", null, "law"));
        Assert.Empty(Lines("special.health", null));
    }

    [Fact]
    public void Asked_for_no_purpose_every_statement_that_answers_for_some_purpose_answers()
    {
        // A statement for every purpose on law and one for marketing are each more specific in one way: asked for
        // marketing while the law holds, both answer; for another purpose, the first; for no purpose, both.
        var model = Compile.Text(Compile.Policy("""
              retain contact.email for 3 years on law cites §1
              retain contact.email for marketing until unsubscribed cites §2
            """)).Model!;

        Assert.Equal(new[] { First, First + 1 }, RetentionRules.Deciding(model, "contact.email", "marketing", new[] { "law" }).Select(r => r.Span.Line));
        Assert.Equal(new[] { First }, RetentionRules.Deciding(model, "contact.email", "order", new[] { "law" }).Select(r => r.Span.Line));
        Assert.Equal(new[] { First, First + 1 }, RetentionRules.Deciding(model, "contact.email", null, new[] { "law" }).Select(r => r.Span.Line));
        Assert.Equal(new[] { First + 1 }, RetentionRules.Deciding(model, "contact.email", null, Array.Empty<string>()).Select(r => r.Span.Line));
    }

    [Fact]
    public void Ends_in_another_order_end_alike_and_a_misspelt_purpose_is_one_error()
    {
        Assert.Empty(Compile.Codes(Compile.Policy("  retain contact.email until a or for 2 years whichever first cites §1\n  retain contact.email for 2 years or until a whichever first cites §1")));
        Assert.Equal(new[] { "PC1001" }, Compile.Codes(Compile.Policy("  retain contact.email for 1 years cites §1\n  retain contact.email for advertising for 2 years cites §1")));
    }

    [Fact]
    public void The_model_keeps_every_end_how_they_combine_and_what_becomes_of_the_data()
    {
        var model = Compile.Text(Compile.Policy(Rules)).Model!;

        var registration = model.Retention[0];
        Assert.Equal(2, registration.Ends.Count);
        Assert.Equal((24, "months"), (registration.Ends[0].Period!.Amount, registration.Ends[0].Period!.Unit));
        Assert.Equal("account-deletion", registration.Ends[1].Until);
        Assert.Equal("first", registration.Whichever);
        Assert.Equal("delete", registration.Then);
        Assert.Equal("anonymise", model.Retention[3].Then);
        Assert.Equal(new[] { "law" }, model.Retention[2].Conditions);
        Assert.Equal(new[] { "marketing" }, model.Retention[1].Purposes);
    }

    [Fact]
    public void The_guards_answer_as_the_reference_does()
    {
        var result = Compile.Text(Compile.Policy(Rules));

        Assert.Empty(result.Diagnostics);
        GeneratedGuards.AssertRetentionAgrees(result, "Retention");
    }

    [Theory]
    [InlineData("  retain contact.email for 24 months or until account-deletion cites §1", "PC1023", "this retention has 2 ends and does not say which ends it")]
    [InlineData("  retain contact.email for 24 months whichever first cites §1", "PC1023", "'whichever' combines several ends, and this retention has one")]
    [InlineData("  retain contact.email for 1 years or for 2 years whichever soonest cites §1", "PC1006", "'soonest'")]
    [InlineData("  retain contact.email for 1 years then keep cites §1", "PC1006", "'keep'")]
    [InlineData("  retain contact.email for advertising for 1 years cites §1", "PC1001", "'advertising'")]
    [InlineData("  retain contact.email for 1 years on consented cites §1", "PC1001", "'consented'")]
    [InlineData("  retain contact.email for 1 years or cites §1", "PC0001", "expected")]
    public void Misuse_is_a_diagnostic(string member, string code, string message)
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy(member)).Diagnostics, d => d.IsError);

        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(First, diagnostic.Span.Line);
    }

    [Fact]
    public void Two_statements_for_the_same_data_that_end_differently_contradict_each_other()
    {
        var policy = Compile.Policy("  retain contact.* for 1 years cites §1\n  retain contact.email, payment.card for 2 years cites §1");

        var diagnostic = Compile.Only(policy, "PC3008");
        Assert.Equal($"'retain' at line {First + 1} and at line {First} both answer for contact.email, and end differently", diagnostic.Message);
        Assert.Equal((First + 1, 3, 6), (diagnostic.Span.Line, diagnostic.Span.Column, diagnostic.Span.Length));

        // Told apart by purpose or by condition, or saying the same, they do not.
        Assert.Empty(Compile.Codes(Compile.Policy("  retain contact.* for 1 years cites §1\n  retain contact.email for marketing for 2 years cites §1")));
        Assert.Empty(Compile.Codes(Compile.Policy("  retain contact.* for 1 years cites §1\n  retain contact.email for 2 years on law cites §1")));
        Assert.Empty(Compile.Codes(Compile.Policy("  retain contact.* for 1 years cites §1\n  retain contact.email for 1 years cites §2")));
        Assert.Equal(new[] { "PC3008" }, Compile.Codes(Compile.Policy("  retain contact.email for order, marketing for 1 years cites §1\n  retain contact.email for marketing for 2 years cites §1")));
    }

    [Theory]
    [InlineData("en", "24 months or until `account-deletion` — whichever comes first", "7 days — then anonymised", "| Categories | Purposes | Kept | On condition |", "any purpose")]
    [InlineData("ka", "24 თვე ან სანამ არ დადგება: `account-deletion` — იმის მიხედვით, რომელი მოხდება პირველი", "7 დღე — რის შემდეგაც ხდება მისი ანონიმიზაცია", "| კატეგორიები | მიზნები | ვადა | პირობა |", "ნებისმიერი მიზანი")]
    public void Documents_show_the_ends_the_purposes_and_the_conditions(string code, string ends, string anonymised, string purposes, string anyPurpose)
    {
        var language = DocLanguage.All.Single(l => l.Code == code);
        var markdown = MarkdownDocument.Render(FactsBuilder.Build(Compile.Text(Compile.Policy(Rules))), language);
        var plain = MarkdownDocument.Render(FactsBuilder.Build(Compile.Text(Compile.Policy("  retain contact.* for 24 months cites §1"))), language);

        Assert.Contains(ends, markdown, StringComparison.Ordinal);
        Assert.Contains(anonymised, markdown, StringComparison.Ordinal);
        Assert.Contains(purposes, markdown, StringComparison.Ordinal);
        Assert.Contains(anyPurpose, markdown, StringComparison.Ordinal);
        // A policy whose retention names no purpose and no condition has neither column.
        Assert.DoesNotContain(purposes, plain, StringComparison.Ordinal);
    }

    [Fact]
    public void The_formatter_keeps_every_clause_and_the_diff_shows_a_new_end_as_a_change()
    {
        var messy = Compile.Policy("  retain   contact.email   for marketing,order   for 2 years  or until   unsubscribed whichever   later then anonymise  on law cites §1");
        var formatted = PolicyFormatter.Format(new Text.SourceText(messy, "test.policy")).Text!;

        Assert.Contains("retain contact.email for marketing, order for 2 years or until unsubscribed whichever later then anonymise on law\n    cites §1", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, PolicyFormatter.Format(new Text.SourceText(formatted, "test.policy")).Text);

        var before = Compile.Text(Compile.Policy("  retain contact.email for marketing until unsubscribed cites §2"));
        var after = Compile.Text(Compile.Policy("  retain contact.email for marketing for 2 years or until unsubscribed whichever first cites §2"));
        var change = Assert.Single(PolicyDiff.Compare(before, after).Structure);
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Equal("retain contact.email for marketing for 2 years or until unsubscribed whichever first", change.New);
    }
}
