using System.Linq;
using FsCheck.Fluent;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// The generated guards and the reference evaluator are two implementations of the same rules: for random
/// valid policies they must agree on every point of the decision space.
/// </summary>
public sealed class DifferentialTests
{
    private const int Policies = 200;

    [Fact]
    public void Guards_and_evaluator_agree_on_random_policies()
    {
        var policies = Gen.Sample(RandomPolicies.Policy, numberOfSamples: Policies, size: 10)
            .Select(RandomPolicies.Valid)
            .Select(text => Compile.Text(text))
            .ToList();
        Assert.Equal(Policies, policies.Count);
        Assert.All(policies, p => Assert.False(p.HasErrors, Compile.Render(p) + p.Text.Text));

        // One compilation for all of them: each policy in a namespace of its own.
        var sources = policies.Select((p, i) => GuardEmitter.Emit(p, new GuardEmitterOptions("P" + i)).Text).Prepend(RuntimeEmitter.Emit()).ToArray();
        var assembly = GeneratedAssembly.CompileClean(sources);

        var points = 0;
        for (var i = 0; i < policies.Count; i++)
        {
            var model = policies[i].Model!;
            var guards = new GeneratedGuards(assembly, "P" + i, model);
            var evaluator = new Evaluator(model);
            foreach (var question in DecisionPoints.WithEveryWord(model))
            {
                points++;
                Assert.True(guards.Decide(question) == evaluator.Decide(question).Allowed, $"{question}\n{policies[i].Text.Text}");
            }
        }
        Assert.True(points > Policies * 20, $"only {points} points were compared");
        Assert.Contains(policies, p => !p.Model!.Prohibitions.IsEmpty);
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => !r.Conditions.IsEmpty));
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => r.Verb.Dimensions.Select((d, k) => d.Vocabulary is not null && !r.Dimensions[k].Any).Any(x => x)));
    }
}
