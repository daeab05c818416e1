using System.Linq;
using PolicyCompiler.Evaluation;
using Xunit;

namespace PolicyCompiler.Tests.Seeds;

public sealed class SeedTestBlockTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_expectation_of_the_seed_holds_in_the_reference_evaluator(string policy)
    {
        var result = SeedPolicies.Compile(policy);

        var failures = PolicyTestRunner.Run(result.Model!)
            .Where(r => !r.Passed)
            .Select(r => $"{r.Test}: line {r.Expectation.Span.Line}: expected {(r.Expectation.Allow ? "allow" : "deny")}, evaluator says {(r.Decision.Allowed ? "allow" : "deny")}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
