using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
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
/// Qualified processing: <c>process … as anonymised</c> permits data in that form and the less identifying ones
/// (GDPR Art. 4(5), recitals 26 and 162), a question without <c>as</c> asks about identified data, and the
/// guards take the form as an assertion of the caller — in the evaluator and the guards alike.
/// </summary>
public sealed class DataFormTests
{
    private static readonly string[] Forms = { "identified", "pseudonymised", "anonymised", "aggregated" };

    // Compile.Header declares contact.email, contact.phone, payment.card, special.health; order, marketing; courier; law.
    private const string Statements = """
          purpose research ka "კვლევა" en "research" basis legitimate-interests cites §2
          purpose statistics ka "სტატისტიკა" en "statistics" basis legitimate-interests cites §2
          process contact.email for marketing cites §2
          process contact.* for research as pseudonymised cites §2
          process contact.*, payment.card for statistics as anonymised on law cites §2
          share contact.email with courier for statistics as aggregated cites §3
        """;

    private static PolicyModel Bind(string members)
    {
        var result = Compile.Text(Compile.Policy(members));
        Assert.False(result.HasErrors, Compile.Render(result));
        return result.Model!;
    }

    private static Question Process(string category, string purpose, string? form, params string[] conditions) =>
        new(VerbSchema.Default["process"], category, new EquatableArray<string?>(new[] { purpose, form }), conditions.ToEquatableArray());

    [Theory]
    [InlineData("marketing", null, true)]
    [InlineData("marketing", "aggregated", true)]
    [InlineData("research", null, false)]
    [InlineData("research", "identified", false)]
    [InlineData("research", "pseudonymised", true)]
    [InlineData("research", "anonymised", true)]
    [InlineData("research", "aggregated", true)]
    [InlineData("statistics", "pseudonymised", false)]
    [InlineData("statistics", "anonymised", true)]
    [InlineData("statistics", "aggregated", true)]
    public void A_form_covers_itself_and_every_less_identifying_one_and_no_form_means_identified(string purpose, string? form, bool allowed)
    {
        var evaluator = new Evaluator(Bind(Statements));

        var conditions = purpose == "statistics" ? new[] { "law" } : Array.Empty<string>();
        Assert.Equal(allowed, evaluator.Decide(Process("contact.email", purpose, form, conditions)).Allowed);
    }

    [Fact]
    public void The_guards_take_the_asserted_form_and_agree_with_the_evaluator_on_every_form_of_every_question()
    {
        var model = Bind(Statements);
        var source = GuardEmitter.Emit(Compile.Text(Compile.Policy(Statements)), new GuardEmitterOptions("Forms")).Text;
        Assert.Contains("public static bool MayProcess(Category category, Purpose purpose, Conditions given = Conditions.None, global::PolicyCompiler.Runtime.DataForm assertedForm = global::PolicyCompiler.Runtime.DataForm.Identified)", source, StringComparison.Ordinal);
        // pseudonymised and anonymised start runs; aggregated shares anonymised's column.
        Assert.Contains("private static readonly byte[] AssertedFormSlot = { 0, 1, 2, 3 };", source, StringComparison.Ordinal);
        var guards = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), source), "Forms", model);
        var evaluator = new Evaluator(model);

        // Every form, not only the ones the decision space asks: the guards' runs must not merge forms that differ.
        var questions = DecisionPoints.WithEveryWord(model).ToList();
        Assert.Equal(Forms, questions.Where(q => q.Verb.Keyword == "process").Select(q => q.Values[1]).Distinct());
        Assert.All(questions, q => Assert.Equal(evaluator.Decide(q).Allowed, guards.Decide(q)));
        Assert.Contains(questions, q => q.Verb.Keyword == "share" && evaluator.Decide(q).Allowed);
        Assert.Contains(questions, q => q.Verb.Keyword == "share" && !evaluator.Decide(q).Allowed && q.Values[0] == "courier");
    }

    [Fact]
    public void A_policy_that_names_no_form_has_tables_no_larger_for_the_dimension_and_one_that_does_one_column_per_run()
    {
        var plain = GuardTableSizes.Of(Bind("  process contact.* for order cites §1")).Single(t => t.Table == "process");
        Assert.Equal(4L * 2 * 1, plain.Cells);
        var limited = GuardTableSizes.Of(Bind("  process contact.* for order as anonymised cites §1")).Single(t => t.Table == "process");
        Assert.Equal(4L * 2 * 2, limited.Cells);
        Assert.EndsWith("× 2 form slots", limited.Dimensions, StringComparison.Ordinal);

        // The decision space asks identified data alone where no form is named, so a diff of such policies is as before.
        var space = new DecisionSpace(Bind("  process contact.* for order cites §1"));
        Assert.All(space.Questions().Where(q => q.Verb.Keyword == "process"), q => Assert.Equal("identified", q.Values[1]));
    }

    [Fact]
    public void Test_questions_ask_forms_and_a_question_without_one_asks_about_identified_data()
    {
        const string Tests = """
            test "forms" {
              allow process contact.phone for research as pseudonymised
              allow process contact.phone for research as identified
              deny process payment.card for statistics as pseudonymised on law
              allow process payment.card for statistics as aggregated on law
              deny process payment.card for statistics as aggregated
              allow share contact.email with courier as aggregated
              deny share contact.email with courier for statistics
            }
            """;
        var result = Compile.Text(Compile.Policy(Statements) + Tests);
        Assert.False(result.HasErrors, Compile.Render(result));

        var failed = PolicyTestRunner.Run(result.Model!).Where(r => !r.Passed).ToList();
        // Only the second expectation fails: 'as identified' asks what no 'as' asks, and research permits pseudonymised data at most.
        var failure = Assert.Single(failed);
        Assert.Equal(("contact.phone", "identified"), (failure.Expectation.Question.Category, failure.Expectation.Question.Values[1]));
        Assert.True(failure.Expectation.Allow);
    }

    [Theory]
    [InlineData("  process contact.email for order as anonymous cites §1", "PC1006@16:38")]
    [InlineData("  share contact.email with courier as pseudonymized cites §3", "PC1006@16:39")]
    [InlineData("  never process contact.email for marketing as pseudonymised cites §2", "PC1021@16:45")]
    [InlineData("  never share contact.* as aggregated cites §3", "PC1021@16:25")]
    public void A_word_outside_the_forms_and_a_form_in_a_prohibition_are_errors_at_their_place(string member, string expected)
    {
        Assert.Equal(new[] { expected }, Compile.Positions(Compile.Policy(member)));
    }

    [Fact]
    public void An_unknown_form_lists_the_forms_and_a_form_is_no_clause_of_collect_or_a_question_of_another_verb()
    {
        var unknown = Compile.Text(Compile.Policy("  process contact.email for order as anonymous cites §1")).Diagnostics.Single();
        Assert.Contains("identified, pseudonymised, anonymised, aggregated", unknown.Help, StringComparison.Ordinal);

        var asked = Compile.Positions(Compile.Policy("  process contact.email for order cites §1") + "test \"t\" {\n  allow process contact.email for order as anonymous\n}\n");
        Assert.Equal(new[] { "PC1006@19:44" }, asked);

        Assert.Contains("PC0008", Compile.Codes(Compile.Policy("  collect contact.email from customer as anonymised cites §1")));
        // 'as' is a clause word: a list of purposes cut short before it is an error, not a purpose named 'as'.
        Assert.Contains("as", Syntax.Keywords.ClauseWords);
    }

    [Fact]
    public void A_prohibition_still_covers_every_form_after_its_error()
    {
        var result = Compile.Text(Compile.Policy("  process contact.email for marketing as anonymised cites §2\n  never process contact.email for marketing as pseudonymised cites §2"));
        Assert.Contains(result.Diagnostics, d => d.Code == "PC1021");
        var never = Assert.Single(result.Model!.Prohibitions);
        Assert.True(never.Dimensions[1].Any);
    }

    [Fact]
    public void The_formatter_keeps_the_forms_and_is_idempotent()
    {
        var text = Compile.Policy("  process  contact.*  for order  as   pseudonymised,aggregated on law cites §1");
        var formatted = PolicyFormatter.Format(new Text.SourceText(text, "f.policy")).Text!;

        Assert.Contains("  process contact.* for order as pseudonymised, aggregated on law cites §1\n", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, PolicyFormatter.Format(new Text.SourceText(formatted, "f.policy")).Text);
    }

    [Fact]
    public void The_diff_of_limiting_a_statement_to_a_form_names_only_the_forms_it_no_longer_permits()
    {
        var before = Compile.Text(Compile.Policy("  process contact.email for order cites §1"));
        var after = Compile.Text(Compile.Policy("  process contact.email for order as anonymised cites §1"));

        var changes = PolicyDiff.Compare(before, after);

        var moved = changes.Decisions.SelectMany(d => d.Changes).Select(c => c.Question.Values[1]).OrderBy(v => v, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "identified" }, moved.Distinct());
        var report = ChangeReport.Text(changes);
        Assert.Contains("process contact.email for order", report, StringComparison.Ordinal);
        Assert.DoesNotContain("as identified", report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documents_show_the_forms_in_both_languages_only_where_a_statement_names_one()
    {
        var files = PolicyDocuments.Generate(Compile.Text(Compile.Policy(Statements))).ToDictionary(f => f.Name, f => f.Text);

        var english = files["shop.en.md"];
        Assert.Contains("| Only data that is |", english, StringComparison.Ordinal);
        Assert.Contains("| pseudonymised, anonymised, aggregated |", english, StringComparison.Ordinal);
        Assert.Contains("statistics — only data that is: anonymised, aggregated on condition:", english, StringComparison.Ordinal);
        var georgian = files["shop.ka.md"];
        Assert.Contains("| მხოლოდ მონაცემები, რომლებიც არის |", georgian, StringComparison.Ordinal);
        Assert.Contains("ფსევდონიმიზებული, ანონიმიზებული, აგრეგირებული", georgian, StringComparison.Ordinal);

        var plain = PolicyDocuments.Generate(Compile.Text(Compile.Policy("  process contact.* for order cites §1"))).Single(f => f.Name == "shop.en.md").Text;
        Assert.DoesNotContain("Only data that is", plain, StringComparison.Ordinal);
    }
}
