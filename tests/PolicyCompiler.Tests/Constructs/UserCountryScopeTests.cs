using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// <c>store … of users in KZ</c> scopes a storage rule to people who are in a country, beside their citizenship
/// (Eleven §8.1: "for users in the Republic of Kazakhstan"). Of the rules that govern a person, the most specific
/// decide alone; rules as specific as each other, about different scopes, decide together. Evaluator, guards,
/// localisation look-up, explanations, documents, formatter and diff agree.
/// </summary>
public sealed class UserCountryScopeTests
{
    // Compile.Header: jurisdiction GE; contact.email, contact.phone, payment.card, special.health; condition law.
    private const string Rules = """
          transfer contact.* to RU, KZ basis consent on law cites §6
          store contact.* in GE cites §8
          store contact.* of citizens KZ in KZ on law cites §8
          store contact.* of citizens KZ of users in KZ in KZ, GE on law cites §8
          store contact.* of users in RU in RU on law cites §8
        """;

    private static readonly int First = Compile.FirstMemberLine;

    [Fact]
    public void The_most_specific_rules_that_govern_the_person_decide_and_guards_agree()
    {
        var result = Compile.Text(Compile.Policy(Rules) + """
            test "scopes" {
              allow store contact.email of citizen KZ of user in KZ in GE on law
              allow store contact.email of citizen KZ of user in KZ in KZ on law
              deny store contact.email of citizen KZ of user in KZ in GE
              deny store contact.email of citizen KZ in GE
              allow store contact.email of citizen KZ in KZ on law
              allow store contact.email of user in RU in RU on law
              deny store contact.email of user in RU in GE
              allow store contact.email of citizen DE of user in DE in GE
              allow store contact.email of user in KZ in GE
            }
            """);

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Empty(result.Diagnostics);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        GeneratedGuards.AssertAgreeWithEvaluator(result, "Users");
    }

    [Fact]
    public void Rules_about_different_scopes_decide_together_for_a_person_both_govern()
    {
        // A Kazakh citizen in Russia: the rule for Kazakh citizens and the one for users in Russia are as
        // specific as each other, so either permits; the rule for everyone (GE) is set aside.
        var model = Compile.Text(Compile.Policy(Rules)).Model!;
        var store = model.Verbs["store"];
        var evaluator = new Evaluator(model);
        bool Allowed(string place) => evaluator.Decide(new Question(store, "contact.email", Values("KZ", "RU", place), new PolicyCompiler.Collections.EquatableArray<string>(new[] { "law" }))).Allowed;

        Assert.True(Allowed("KZ"));
        Assert.True(Allowed("RU"));
        Assert.False(Allowed("GE"));
    }

    [Fact]
    public void The_localisation_look_up_takes_where_the_user_is()
    {
        var result = Compile.Text(Compile.Policy(Rules));
        var localisation = result.Model!.Verbs["store"].Localisation!;
        var guards = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(result, new GuardEmitterOptions("UsersLookUp")).Text), "UsersLookUp", result.Model!);

        Assert.Equal(new[] { "GE", "KZ" }, guards.Localised(localisation, "contact.email", new string?[] { "KZ", "KZ" }, "law").OrderBy(c => c, StringComparer.Ordinal));
        Assert.Equal(new[] { "KZ" }, guards.Localised(localisation, "contact.email", new string?[] { "KZ", "DE" }, "law"));
        Assert.Equal(new[] { "RU" }, guards.Localised(localisation, "contact.email", new string?[] { "DE", "RU" }, "law"));
        Assert.Equal(new[] { "GE" }, guards.Localised(localisation, "contact.email", new string?[] { null, "DE" }));
        Assert.Empty(guards.Localised(localisation, "contact.email", new string?[] { null, "RU" }));
    }

    [Fact]
    public void A_denial_names_only_the_rules_that_decide_for_the_person()
    {
        var result = Compile.Text(Compile.Policy(Rules));
        var model = result.Model!;
        var question = new Question(model.Verbs["store"], "contact.email", Values("KZ", "KZ", "GE"), PolicyCompiler.Collections.EquatableArray<string>.Empty);

        var near = NearestStatements.Of(model, question);

        // Only the rule for Kazakh citizens in Kazakhstan decides; it lacks the condition. The rule for everyone,
        // the one for Kazakh citizens anywhere and the one for users in Russia are not named.
        var miss = Assert.Single(near);
        Assert.Equal(First + 3, miss.Statement.Span.Line);
        Assert.Equal(new[] { "it holds only on law, which is not given" }, miss.Missing);
    }

    [Theory]
    [InlineData("  store * of users KZ in KZ cites §8", "PC0001", "expected 'in'")]
    [InlineData("  store * of users in in GE cites §8", "PC0001", "expected a country code")]
    [InlineData("  store * of RU in GE cites §8", "PC0001", "expected 'citizens' or 'users'")]
    [InlineData("  store * of users in KZ of citizens KZ in GE cites §8", "PC0001", "expected 'in'")]
    [InlineData("  store * of users in XX in GE cites §8", "PC1004", "'XX'")]
    [InlineData("  store * of citizens KZ of citizens RU in GE cites §8", "PC0001", "expected 'users' ('of citizens' comes once, before 'of users in'); found 'citizens'")]
    public void Misuse_is_a_diagnostic_at_the_clause(string member, string code, string message)
    {
        var result = Compile.Text(Compile.Policy(member));

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(First, diagnostic.Span.Line);
    }

    [Fact]
    public void A_rule_for_everyone_set_aside_for_users_in_a_country_does_not_overlap_a_prohibition_for_them()
    {
        const string Prohibition = "\n  never store contact.* of users in RU in GE cites §8";

        Assert.DoesNotContain("PC3001", Compile.Codes(Compile.Policy(Rules + Prohibition)));
        Assert.Contains("PC3001", Compile.Codes(Compile.Policy("  store contact.* in GE cites §8" + Prohibition)));
    }

    [Theory]
    [InlineData("of users in KZ", "of citizens KZ")]
    [InlineData("of citizens KZ", "of users in KZ")]
    public void A_scoped_rule_set_aside_where_it_meets_a_prohibition_of_the_other_scope_does_not_overlap_it(string permitted, string prohibited)
    {
        // Everyone both reach is a Kazakh citizen in Kazakhstan, for whom the rule naming both decides.
        var policy = Compile.Policy($"""
              transfer contact.* to RU, KZ basis consent cites §6
              store contact.* {permitted} in RU cites §8
              store contact.* of citizens KZ of users in KZ in KZ cites §8
              never store contact.* {prohibited} in RU cites §8
            """);

        Assert.DoesNotContain("PC3001", Compile.Codes(policy));
        Assert.Contains("PC3001", Compile.Codes(policy.Replace("of citizens KZ of users in KZ in KZ", "of citizens DE of users in KZ in KZ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("en", "users in: KZ", "| Where the user is |", "anywhere")]
    [InlineData("ka", "მომხმარებლები, რომლებიც იმყოფებიან: KZ", "| მომხმარებლის ადგილსამყოფელი |", "ნებისმიერ ადგილას")]
    public void Documents_show_the_scope_where_a_rule_names_it(string code, string scoped, string column, string anywhere)
    {
        var language = DocLanguage.All.Single(l => l.Code == code);
        var markdown = MarkdownDocument.Render(FactsBuilder.Build(Compile.Text(Compile.Policy(Rules))), language);
        var without = MarkdownDocument.Render(FactsBuilder.Build(Compile.Text(Compile.Policy("  store contact.* in GE cites §8"))), language);

        Assert.Contains(scoped, markdown, StringComparison.Ordinal);
        Assert.Contains(column, markdown, StringComparison.Ordinal);
        Assert.Contains(anywhere, markdown, StringComparison.Ordinal);
        // A policy that scopes no rule to users somewhere has no such column.
        Assert.DoesNotContain(column, without, StringComparison.Ordinal);
    }

    [Fact]
    public void The_formatter_keeps_the_scope_and_the_diff_reports_a_change_of_it()
    {
        var messy = Compile.Policy("  store   contact.*   of   citizens KZ   of  user  in  KZ,RU   in KZ cites §8");
        var formatted = PolicyFormatter.Format(new Text.SourceText(messy, "test.policy")).Text!;

        Assert.Contains("store contact.* of citizens KZ of users in KZ, RU in KZ cites §8", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, PolicyFormatter.Format(new Text.SourceText(formatted, "test.policy")).Text);

        // Users in the country of the scoped rule need the condition; the others do not.
        var before = Compile.Text(Compile.Policy("  store contact.* in GE cites §8\n  store contact.* of users in KZ in GE on law cites §8"));
        var after = Compile.Text(Compile.Policy("  store contact.* in GE cites §8\n  store contact.* of users in RU in GE on law cites §8"));
        var changes = PolicyDiff.Compare(before, after);
        // A statement is known by what it says: another scope is another statement.
        Assert.Equal(
            new[] { (ChangeKind.Removed, "store contact.* of users in KZ in GE on law"), (ChangeKind.Added, "store contact.* of users in RU in GE on law") },
            changes.Structure.Select(c => (c.Kind, c.Name)));
        Assert.Contains(changes.Decisions, g => g.Shift == DecisionShift.ConditionsChanged && g.Changes.Any(c => c.Question.Values[1] == "RU"));
        Assert.Contains("of users in RU in GE (was: always; now: on law)", ChangeReport.Text(changes), StringComparison.Ordinal);
    }

    /// <summary>A question's values in the store verb's order: citizenship, where the user is, the place.</summary>
    private static PolicyCompiler.Collections.EquatableArray<string?> Values(string? citizenship, string? user, string place) => new(new[] { citizenship, user, place });
}
