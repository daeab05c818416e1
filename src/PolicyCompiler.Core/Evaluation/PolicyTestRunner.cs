using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Evaluation;

/// <summary>One line of a test block run: its block, where it is, and whether it passed.</summary>
public abstract record TestLineResult(string Test, SourceSpan Span)
{
    public abstract bool Passed { get; }
}

/// <summary>One allow/deny line of a policy test, and what the evaluator decided.</summary>
public sealed record ExpectationResult(string Test, Expectation Expectation, Decision Decision) : TestLineResult(Test, Expectation.Span)
{
    public override bool Passed => Expectation.Allow == Decision.Allowed;
}

/// <summary>One <c>expect</c> line of a policy test, and whether the policy states what it says.</summary>
public sealed record FactResult(string Test, FactExpectation Expectation, bool Stated) : TestLineResult(Test, Expectation.Span)
{
    public override bool Passed => Expectation.Holds == Stated;
}

/// <summary>Runs a policy's <c>test</c> blocks against the reference evaluator.</summary>
public static class PolicyTestRunner
{
    /// <summary>Every line of the blocks, allow/deny and expect alike, in the order the file writes them.</summary>
    public static IReadOnlyList<TestLineResult> RunAll(PolicyModel model) =>
        Run(model).Cast<TestLineResult>().Concat(RunFacts(model)).OrderBy(r => r.Span.Start).ToList();

    /// <summary>The blocks' <c>expect</c> lines, in the order of the blocks and the lines (<see cref="StatedFacts"/>).</summary>
    public static IReadOnlyList<FactResult> RunFacts(PolicyModel model) =>
        model.Tests.SelectMany(test => test.Facts.Select(f => new FactResult(test.Name, f, StatedFacts.Holds(model, f.Fact)))).ToList();

    public static IReadOnlyList<ExpectationResult> Run(PolicyModel model)
    {
        var evaluator = new Evaluator(model);
        return model.Tests
            .SelectMany(test => test.Expectations.Select(e => new ExpectationResult(test.Name, e, evaluator.Decide(e.Question))))
            .ToList();
    }
}
