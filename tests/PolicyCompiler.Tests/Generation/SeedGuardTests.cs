using System.Linq;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>The seeds' generated guards: their test blocks pass, and they agree with the evaluator everywhere.</summary>
public sealed class SeedGuardTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    private static (GeneratedGuards Guards, Model.PolicyModel Model) Build(string policy)
    {
        var compilation = SeedPolicies.Compile(policy);
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(compilation).Text);
        return (new GeneratedGuards(assembly, "Policies." + CSharpNames.Pascal(compilation.Model!.Id), compilation.Model), compilation.Model);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Test_blocks_pass_against_the_generated_guards(string policy)
    {
        var (guards, model) = Build(policy);

        var failures = model.Tests.SelectMany(t => t.Expectations.Select(e => (t.Name, e)))
            .Where(x => guards.Decide(x.e.Question) != x.e.Allow)
            .Select(x => $"{x.Name}: line {x.e.Span.Line}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(model.Tests.Sum(t => t.Expectations.Count) >= 25);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Guards_and_evaluator_agree_on_every_point_of_the_decision_space(string policy)
    {
        var (guards, model) = Build(policy);
        var evaluator = new Evaluator(model);

        var points = DecisionPoints.Of(model).ToList();
        var disagreements = points.Where(q => guards.Decide(q) != evaluator.Decide(q).Allowed).Take(10).ToList();

        Assert.True(points.Count > 1000, $"only {points.Count} points");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
