using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary>
/// The reference evaluator follows the README's "What a decision means", and says which statements decided.
/// In a policy that compiles, a permission and a prohibition never both apply (that is PC3001), so a
/// prohibition shows as the reason for a denial.
/// </summary>
public sealed class EvaluatorTests
{
    private const string Statements = """
          condition alcohol ka "ალკოჰოლი" en "alcohol order" cites §1
          process contact.* for order cites §1
          process special.health for order on law cites §1
          never process special.* unless law cites §5
          share contact.email with courier for order cites §3
          transfer contact.* to any basis consent on alcohol cites §6
          never transfer payment.card to CN cites §6
          store * in GE, DE cites §8
          store * of citizens RU in RU cites §8
          collect contact.* from customer at registration cites §1
          transfer * to DE, RU basis consent cites §6
        """;

    private static bool Allowed(string question, params string[] expectations)
    {
        var text = Compile.Policy(Statements) + "test \"q\" {\n  allow " + question + "\n}\n";
        var result = Compile.Text(text);
        Assert.False(result.HasErrors, Compile.Render(result));
        var expectation = result.Model!.Tests.Single().Expectations.Single();
        return new Evaluator(result.Model).Decide(expectation.Question).Allowed;
    }

    [Theory]
    [InlineData("process contact.email for order", true)]
    [InlineData("process contact.email for marketing", false)]
    [InlineData("process payment.card for order", false)]
    [InlineData("process special.health for order", false)]
    [InlineData("process special.health for order on alcohol", false)]
    [InlineData("process special.health for order on law", true)]
    [InlineData("share contact.email with courier for order", true)]
    [InlineData("share contact.email with courier", true)]
    [InlineData("share contact.email with courier for marketing", false)]
    [InlineData("share contact.phone with courier for order", false)]
    [InlineData("transfer contact.email to US", false)]
    [InlineData("transfer contact.email to US on alcohol", true)]
    [InlineData("transfer contact.phone to CN on alcohol", true)]
    [InlineData("transfer payment.card to CN on alcohol", false)]
    [InlineData("store contact.email in DE", true)]
    [InlineData("store contact.email in US", false)]
    [InlineData("store contact.email of citizen RU in RU", true)]
    [InlineData("store contact.email of citizen RU in DE", false)]
    [InlineData("store contact.email of citizen KZ in DE", true)]
    [InlineData("collect contact.phone from customer", true)]
    [InlineData("collect payment.card from customer", false)]
    public void Decisions_follow_the_documented_rules(string question, bool allowed)
    {
        Assert.Equal(allowed, Allowed(question));
    }

    [Fact]
    public void A_decision_names_the_statements_that_made_it()
    {
        var result = Compile.Text(Compile.Policy(Statements));
        var evaluator = new Evaluator(result.Model!);
        var line = Compile.FirstMemberLine;

        var permitted = evaluator.Decide(Question.Of(Verbs.Process, "contact.email", ("purposes", "order")));
        var prohibited = evaluator.Decide(Question.Of(Verbs.Process, "special.health", new[] { "alcohol" }.ToEquatableArray(), ("purposes", "order")));
        var byDefault = evaluator.Decide(Question.Of(Verbs.Process, "payment.card", ("purposes", "order")));
        var restricted = evaluator.Decide(Question.Of(Verbs.Store, "contact.email", ("citizens", "RU"), ("locations", "DE")));

        Assert.Equal((true, Role.Permits, line + 1), (permitted.Allowed, permitted.Reasons.Single().Role, permitted.Reasons.Single().Span.Line));
        Assert.Equal("1", permitted.Reasons.Single().Citations.Single().Section);
        Assert.Equal((false, Role.Prohibits, line + 3), (prohibited.Allowed, prohibited.Reasons.Single().Role, prohibited.Reasons.Single().Span.Line));
        Assert.True(byDefault.DeniedByDefault);
        Assert.Equal((false, Role.Restricts, line + 8), (restricted.Allowed, restricted.Reasons.Single().Role, restricted.Reasons.Single().Span.Line));
    }

    [Fact]
    public void A_wrong_expectation_fails_the_test_run()
    {
        var text = Compile.Policy(Statements) + "test \"q\" {\n  allow process payment.card for order\n  deny process contact.email for order\n}\n";

        var results = PolicyTestRunner.Run(Compile.Text(text).Model!);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.False(r.Passed));
    }
}
