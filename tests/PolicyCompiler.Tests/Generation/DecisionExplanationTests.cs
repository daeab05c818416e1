using System;
using System.Linq;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// A decision of the guards says, when read, its question and why it was answered so, in the words the analyzer uses
/// for the same question (<see cref="Explainer.Summarize"/>), and prints as one log line with the policy's version.
/// </summary>
public sealed class DecisionExplanationTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    private static GeneratedGuards Guards(Compilation.CompilationResult result) =>
        new(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(result).Text), GuardNames.Of(result.Model!).DefaultNamespace, result.Model!);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_decision_says_its_question_and_the_reason_the_analyzer_gives(string seed)
    {
        var result = SeedPolicies.Compile(seed);
        var guards = Guards(result);
        var evaluator = new Evaluator(result.Model!);
        var none = "no statement of " + System.IO.Path.GetFileName(seed) + " permits it";
        var checkedDenials = 0;
        foreach (var question in DecisionPoints.Of(result.Model!))
        {
            var decision = guards.Check(question);
            Assert.Equal(question.Describe(), decision.Question);
            var expected = Explainer.Summarize(result, question, evaluator.Decide(question));
            // The guards name the first statement that decided; the analyzer lists every one.
            if (expected == decision.Why || expected.StartsWith(decision.Why + "; ", StringComparison.Ordinal)) continue;
            // Where no statement of the question's cell is near (another purpose or category is), the guards only say none permits it.
            var nearest = NearestStatements.Of(result.Model!, question).FirstOrDefault();
            Assert.True(decision.Why == none && nearest is not null && nearest.Missing.Any(m => !m.StartsWith("it holds only on ", StringComparison.Ordinal)),
                question.Describe() + "\n  guards:   " + decision.Why + "\n  analyzer: " + expected);
            checkedDenials++;
        }
        Assert.True(checkedDenials < DecisionPoints.Of(result.Model!).Count(), seed);
    }

    [Fact]
    public void The_engineers_questions_are_answered_with_their_reasons_and_the_policys_version()
    {
        var result = SeedPolicies.Compile("eleven/eleven.policy");
        var guards = Guards(result);
        var process = result.Model!.Verbs["process"];
        var store = result.Model.Verbs["store"];

        // Marketing by e-mail without the consent §6.5 asks for.
        var mail = guards.Check(Model.Question.Of(process, "contact.email", ("purposes", "marketing")));
        Assert.False(mail.Allowed);
        Assert.Equal("no statement of eleven.policy permits it; nearest, line 311: process contact.* for marketing on marketing-consent (it holds only on marketing-consent, which is not given)", mail.Why);
        Assert.StartsWith("eleven sha256:", mail.Line, StringComparison.Ordinal);
        Assert.EndsWith(" effective 2021-11-22: process contact.email for marketing: denied: " + mail.Why, mail.Line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', mail.Line);

        // A Russian citizen's data stored in GE, where §8.1 keeps everyone else's: it keeps theirs in RU.
        var russian = guards.Check(Model.Question.Of(store, "contact.email", ("citizens", "RU"), ("locations", "GE")));
        Assert.False(russian.Allowed);
        Assert.Equal("store contact.email of citizens RU in GE", russian.Question);
        Assert.StartsWith("not among the locations of eleven.policy line 416: store ordinary-data, media.published-image of citizens RU in RU on contract-performance (cites §8.1", russian.Why, StringComparison.Ordinal);
    }
}
