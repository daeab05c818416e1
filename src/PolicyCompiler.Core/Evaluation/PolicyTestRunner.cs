using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Evaluation;

/// <summary>One expectation of a policy test, and what the evaluator decided.</summary>
public sealed record ExpectationResult(string Test, Expectation Expectation, Decision Decision)
{
    public bool Passed => Expectation.Allow == Decision.Allowed;
}

/// <summary>One <c>expect</c> line of a policy test, and whether the policy states what it says.</summary>
public sealed record FactResult(string Test, FactExpectation Expectation, bool Stated)
{
    public bool Passed => Expectation.Holds == Stated;
}

/// <summary>Runs a policy's <c>test</c> blocks against the reference evaluator.</summary>
public static class PolicyTestRunner
{
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
