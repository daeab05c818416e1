using System;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary>
/// A question no statement permits is explained by the statements that come closest and what each lacks (a
/// purpose, a recipient, a form of data, a condition, a country), nearest first, not only by "no statement
/// permits it".
/// </summary>
public sealed class NearestStatementTests
{
    // Compile.Header declares contact.email, contact.phone, payment.card, special.health; order, marketing; courier; law.
    private const string Statements = """
          purpose statistics ka "სტატისტიკა" en "statistics" basis legitimate-interests cites §2
          process contact.email for order cites §1
          process contact.* for statistics as anonymised cites §2
          share contact.email with courier for order on law cites §3
          store contact.email of citizens RU in RU cites §3
          never process special.health for marketing cites §2
          store contact.phone in KZ cites §3
          transfer contact.* to RU, KZ basis consent cites §3
        """;

    private static readonly int First = Compile.FirstMemberLine;

    private static CompilationResult Policy(string members = Statements)
    {
        var result = Compile.Text(Compile.Policy(members));
        Assert.False(result.HasErrors, Compile.Render(result));
        return result;
    }

    private static string Explain(string question, CompilationResult? policy = null)
    {
        var (explanation, diagnostics) = Explainer.Ask(policy ?? Policy(), question);
        Assert.Empty(diagnostics);
        return explanation!.Text;
    }

    private static string[] NearestLines(string text) =>
        text.Split('\n').Where(l => l.StartsWith("  nearest, line ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void A_statement_for_another_purpose_is_named_with_the_purposes_it_has()
    {
        var text = Explain("process contact.email for marketing");

        Assert.Contains("  no statement of the policy permits it", text, StringComparison.Ordinal);
        Assert.Contains($"  nearest, line {First + 1}: process contact.email for order\n    its purposes: order — not marketing\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_on_less_identifying_data_says_which_forms_it_permits()
    {
        var text = Explain("process contact.phone for statistics");

        Assert.Equal($"  nearest, line {First + 2}: process contact.* for statistics as anonymised", NearestLines(text)[0]);
        Assert.Contains("    it permits only data that is anonymised or aggregated, and the question asks about identified data\n", text, StringComparison.Ordinal);
        Assert.Contains("allowed", Explain("process contact.phone for statistics as aggregated").Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_whose_condition_is_not_given_names_the_condition()
    {
        var text = Explain("share contact.email with courier for order");

        Assert.Equal($"  nearest, line {First + 3}: share contact.email with courier for order on law", NearestLines(text)[0]);
        Assert.Contains("    it holds only on law, which is not given\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_conditions_not_given_are_named_together()
    {
        var policy = Policy(Statements + "\n  condition covered ka \"გარანტია\" en \"a safeguard covers it\" cites §3\n  transfer payment.card to US basis consent on law, covered cites §3\n");
        var text = Explain("transfer payment.card to US", policy);

        Assert.Contains("    it holds only on covered and law, which are not given\n", text, StringComparison.Ordinal);
        Assert.Contains("    it holds only on covered, which is not given\n", Explain("transfer payment.card to US on law", policy), StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_lacking_one_thing_hides_those_lacking_two()
    {
        var text = Explain("process payment.card for statistics as anonymised");

        // contact.* for statistics lacks only the category; contact.email for order lacks the category and the purpose.
        Assert.Equal(new[] { $"  nearest, line {First + 2}: process contact.* for statistics as anonymised" }, NearestLines(text));
        Assert.Contains("    its categories: contact.email, contact.phone — not payment.card\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_storage_rule_for_other_citizens_is_not_named_but_one_for_everyone_is()
    {
        var text = Explain("store contact.email of citizen KZ in KZ");

        Assert.Contains("  no statement of the policy permits it", text, StringComparison.Ordinal);
        Assert.DoesNotContain("citizens RU", text, StringComparison.Ordinal);
        Assert.Contains($"  nearest, line {First + 6}: store contact.phone in KZ\n    its categories: contact.phone — not contact.email\n", text, StringComparison.Ordinal);
        Assert.Contains("    its categories: contact.phone — not contact.email\n    its locations: KZ — not RU\n", Explain("store contact.email in RU"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_statement_is_named_when_none_is_near_or_a_prohibition_decides()
    {
        // The only transfer statement is about contact data, and health data is special.
        Assert.Empty(NearestLines(Explain("transfer special.health to US")));
        // The share statement lacks the category, the purpose and the condition: too far to be what the code meant.
        Assert.Empty(NearestLines(Explain("share payment.card with courier for marketing")));
        // Health data is not "nearly permitted" by a statement about email.
        Assert.Empty(NearestLines(Explain("process special.health for order")));
        Assert.Single(NearestLines(Explain("process contact.phone for order")));

        var prohibited = Explain("process special.health for marketing");
        Assert.Contains("prohibited by line", prohibited, StringComparison.Ordinal);
        Assert.Empty(NearestLines(prohibited));
    }

    [Fact]
    public void At_most_three_are_named_the_lightest_lack_first_and_a_long_list_of_values_is_counted()
    {
        var purposes = Enumerable.Range(1, 12).Select(i => $"p{i:00}").ToArray();
        var members = string.Concat(purposes.Select(p => $"  purpose {p} ka \"ა\" en \"a\" basis consent cites §2\n"))
            + "  condition opted-in ka \"თანხმობა\" en \"consent\" cites §2\n"
            + "  process contact.phone for marketing cites §2\n"
            + "  process contact.email for " + string.Join(", ", purposes) + " cites §2\n"
            + "  process contact.email for marketing as anonymised cites §2\n"
            + "  process contact.email for marketing on opted-in cites §2\n";
        var statements = First + purposes.Length + 1;

        var text = Explain("process contact.email for marketing", Policy(members));

        // Each lacks one thing: a condition (the lightest), a purpose, a form (as heavy; the earlier line first), a category.
        Assert.Equal(
            new[] { statements + 3, statements + 1, statements + 2 }.Select(line => $"  nearest, line {line}:"),
            NearestLines(text).Select(l => l.Substring(0, l.IndexOf(':', StringComparison.Ordinal) + 1)));
        Assert.Contains("    its purposes: p01, p02, p03, p04, p05, p06, p07, p08, and 4 more — not marketing\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_one_line_summary_for_diagnostics_names_the_nearest_statement_and_what_it_lacks()
    {
        var policy = Policy();
        var (explanation, _) = Explainer.Ask(policy, "process contact.email for marketing");

        var summary = Explainer.Summarize(policy, explanation!.Question, explanation.Decision);

        Assert.Equal($"no statement of test.policy permits it; nearest, line {First + 1}: process contact.email for order (its purposes: order — not marketing)", summary);
    }
}
