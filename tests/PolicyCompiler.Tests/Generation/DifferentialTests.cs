using System.Linq;
using FsCheck.Fluent;
using PolicyCompiler.Emit;
using PolicyCompiler.Collections;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
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

        // The localisation look-up lists what the evaluator permits, without conditions (its table) and with them.
        var looked = 0;
        for (var i = 0; i < policies.Count; i++)
        {
            var model = policies[i].Model!;
            var guards = new GeneratedGuards(assembly, "P" + i, model);
            var evaluator = new Evaluator(model);
            foreach (var verb in model.Verbs.Verbs.Where(v => v.Localisation is not null))
            {
                var localisation = verb.Localisation!;
                var named = CountrySlots.Of(model, localisation.Decides).Named;
                var space = new DecisionSpace(model);
                // The people that decide differently: in each scope none, each value a rule names, and one no rule names.
                var people = localisation.Scopes.Aggregate(new[] { System.Array.Empty<string?>() }.AsEnumerable(), (combinations, scope) =>
                {
                    var values = model.PermissionsOf(verb).SelectMany(r => r[scope].Names)
                        .Concat(model.ProhibitionsOf(verb).SelectMany(r => r[scope].Names))
                        .Append(space.OtherCountry).Distinct().Select(v => (string?)v).Prepend(null).ToList();
                    return combinations.SelectMany(c => values.Select(v => c.Append(v).ToArray()));
                }).ToList();
                foreach (var category in model.Categories.Select(c => c.Name))
                {
                    foreach (var person in people)
                    {
                        foreach (var conditions in space.ConditionSets(verb))
                        {
                            looked++;
                            var permitted = named.Where(place => evaluator.Decide(new Question(verb, category,
                                verb.Dimensions.Select(d => ReferenceEquals(d, localisation.Decides) ? place : localisation.Scopes.Contains(d) ? person[localisation.Scopes.ToList().IndexOf(d)] : null).ToEquatableArray(),
                                conditions)).Allowed).OrderBy(c => c, System.StringComparer.Ordinal);
                            Assert.True(permitted.SequenceEqual(guards.Localised(localisation, category, person, conditions.ToArray()).OrderBy(c => c, System.StringComparer.Ordinal)),
                                $"{localisation.Guard}({category}, {string.Join("/", person)}, {string.Join(",", conditions)})\n{policies[i].Text.Text}");
                        }
                    }
                }
            }
        }
        Assert.True(looked > Policies, $"only {looked} look-ups were compared");
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => r.Verb.Localisation is not null && !r.Conditions.IsEmpty));
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => r.Verb.Localisation is { } l && l.Named(r) == (1 << l.Scopes.Count) - 1));
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => r.Dimensions.Any(d => d.Unstated)));
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => r.Details is CollectionDetails { Origin: not null } or CollectionDetails { CollectedBy: not null }));
        Assert.Contains(policies, p => !p.Model!.Prohibitions.IsEmpty);
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => !r.Conditions.IsEmpty));
        Assert.Contains(policies, p => p.Model!.Permissions.Any(r => r.Verb.Dimensions.Select((d, k) => d.Vocabulary is not null && !r.Dimensions[k].Any).Any(x => x)));
    }
}
