using System;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// THIRD-COUNTRIES: the countries outside the policy's jurisdiction's area, the third countries of its law (GDPR
/// Art. 44 for a jurisdiction in the EEA; for Georgia, every country but Georgia).
/// </summary>
public sealed class ThirdCountriesTests
{
    private static string[] Destinations(string policy)
    {
        var result = Compile.Text(policy);
        Assert.False(result.HasErrors, Compile.Render(result));
        return result.Model!.StatedPermissionsOf(VerbSchema.Default["transfer"]).Single().ValuesOf("destinations").ToArray();
    }

    [Fact]
    public void For_a_Georgian_policy_they_are_every_country_but_Georgia()
    {
        var destinations = Destinations(Compile.Policy("  transfer contact.email to THIRD-COUNTRIES basis consent cites §6"));
        Assert.Equal(Countries.All.Where(c => c != "GE"), destinations);
        Assert.Contains("DE", destinations);
    }

    [Fact]
    public void For_a_jurisdiction_in_the_EEA_they_are_every_country_outside_it()
    {
        var destinations = Destinations(Compile.Policy("  transfer contact.email to THIRD-COUNTRIES basis consent cites §6").Replace("jurisdiction GE", "jurisdiction DE", StringComparison.Ordinal));
        Assert.Equal(Countries.All.Count - 30, destinations.Length);
        Assert.DoesNotContain("NO", destinations);
        Assert.DoesNotContain("FR", destinations);
        Assert.Contains("CH", destinations);
        Assert.Contains("GB", destinations);
    }

    [Fact]
    public void In_a_test_and_a_group_they_decide_as_their_members_written_out()
    {
        var result = Compile.Text(Compile.Policy("""
              group abroad countries THIRD-COUNTRIES
              transfer contact.email to abroad basis consent cites §6
              never transfer contact.phone to THIRD-COUNTRIES cites §6
            """) + """
            test "third countries" {
              allow transfer contact.email to US
              allow transfer contact.email to AM
              deny transfer contact.phone to US
              deny transfer contact.phone to TR
            }
            """);
        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        Assert.DoesNotContain("GE", result.Model!.Groups.Single().Names);
    }

    [Fact]
    public void A_policy_that_names_every_country_leaves_no_other_to_ask_and_its_guards_agree_with_the_evaluator()
    {
        // THIRD-COUNTRIES and the jurisdiction itself: no country is left for the question of "any other country",
        // which once fell back to XK, a code the guards do not have.
        var result = Compile.Text(Compile.Policy("""
              transfer contact.email to THIRD-COUNTRIES basis consent cites §6
              never transfer contact.phone to AQ, BV, HM, UM cites §6
            """));
        Assert.False(result.HasErrors, Compile.Render(result));
        var model = result.Model!;
        Assert.Null(new DecisionSpace(model).OtherCountry);
        var guards = GuardEmitter.Emit(result, new GuardEmitterOptions("Abroad")).Text;
        var generated = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards), "Abroad", model);
        var evaluator = new Evaluator(model);
        var points = DecisionPoints.Of(model).Where(q => q.Verb.Keyword == "transfer").ToList();
        Assert.NotEmpty(points);
        Assert.All(points, q => Assert.Equal(evaluator.Decide(q).Allowed, generated.Decide(q)));
    }

    [Theory]
    [InlineData("policy p {\n  category c ka \"კ\" en \"c\" cites §1\n  transfer c to THIRD-COUNTRIES basis consent cites §2\n}\n", "PC1020@3:17")]
    [InlineData("policy p {\n  jurisdiction XX cites §1\n  category c ka \"კ\" en \"c\" cites §1\n  transfer c to THIRD-COUNTRIES basis consent cites §2\n}\n", "PC1004@2:16,PC1020@4:17")]
    public void Without_a_jurisdiction_they_are_an_error_at_the_name(string policy, string expected)
    {
        Assert.Equal(expected.Split(','), Compile.Positions(policy).Where(p => !p.StartsWith("PC2", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_group_of_a_policy_may_take_the_name()
    {
        Assert.Equal(new[] { "PC1015@16:9" }, Compile.Positions(Compile.Policy("  group THIRD-COUNTRIES countries DE")));
    }
}
