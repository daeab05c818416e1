using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Evaluation;

/// <summary>One expectation of a policy test, and what the evaluator decided.</summary>
public sealed record ExpectationResult(string Test, Expectation Expectation, Decision Decision)
{
    public bool Passed => Expectation.Allow == Decision.Allowed;
}

/// <summary>Runs a policy's <c>test</c> blocks against the reference evaluator.</summary>
public static class PolicyTestRunner
{
    public static IReadOnlyList<ExpectationResult> Run(PolicyModel model)
    {
        var evaluator = new Evaluator(model);
        return model.Tests
            .SelectMany(test => test.Expectations.Select(e => new ExpectationResult(test.Name, e, evaluator.Decide(e.Question))))
            .ToList();
    }
}
