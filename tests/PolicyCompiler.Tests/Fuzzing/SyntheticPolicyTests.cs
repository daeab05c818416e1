using System.Linq;
using PolicyCompiler.Bench;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>The benchmarks' synthetic policy is a valid policy: a benchmark of a policy with errors measures the error path.</summary>
public sealed class SyntheticPolicyTests
{
    [Theory]
    [InlineData(60)]
    [InlineData(600)]
    [InlineData(100_000)]
    public void The_synthetic_policy_compiles_without_errors(int statements)
    {
        var result = Compile.Text(SyntheticPolicy.Create(statements), "synthetic.policy");

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Where(d => d.IsError).Take(5).Select(d => d.Code + ": " + d.Message)));
    }
}
