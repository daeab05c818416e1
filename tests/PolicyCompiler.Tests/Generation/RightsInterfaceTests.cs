using System;
using System.Linq;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generation;

/// <summary>
/// The rights interface has one member per distinct right, a right for purposes included: Eleven's withdrawal
/// of consent (which blocks the account, §9.3.2) and its withdrawal for marketing are two members, and a consumer
/// that implements one of them does not compile.
/// </summary>
public sealed class RightsInterfaceTests
{
    private const string Consumer = """
        namespace Consumer
        {
            public sealed class Rights : Policies.Eleven.IElevenRights
            {
                public void Access(Policies.Eleven.RightRequest request) { }
                public void Complaint(Policies.Eleven.RightRequest request) { }
                public void Erasure(Policies.Eleven.RightRequest request) { }
                public void Objection(Policies.Eleven.RightRequest request) { }
                public void Rectification(Policies.Eleven.RightRequest request) { }
                public void Restriction(Policies.Eleven.RightRequest request) { }
                public void WithdrawConsent(Policies.Eleven.RightRequest request) { }
            }
        }
        """;

    [Fact]
    public void Elevens_two_withdrawals_of_consent_are_two_members()
    {
        var guards = GuardEmitter.Emit(SeedPolicies.Compile("eleven/eleven.policy")).Text;
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards);

        var members = assembly.GetType("Policies.Eleven.IElevenRights", throwOnError: true)!.GetMethods().Select(m => m.Name).ToList();
        Assert.Contains("WithdrawConsent", members);
        Assert.Contains("WithdrawConsentForMarketing", members);

        var (_, problems) = GeneratedAssembly.Compile(RuntimeEmitter.Emit(), guards, Consumer);
        Assert.Contains(problems, p => p.Contains("CS0535", StringComparison.Ordinal) && p.Contains("WithdrawConsentForMarketing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_right_granted_twice_for_the_same_purposes_is_one_member_and_purposes_in_another_order_too()
    {
        var result = Compile.Text(Compile.Policy("  right objection for order, marketing via email cites §3\n  right objection for marketing, order via email cites §3\n  right objection via email cites §3"));
        var guards = GuardEmitter.Emit(result, new GuardEmitterOptions("Rights")).Text;
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards);

        var members = assembly.GetTypes().Single(t => t.IsInterface && t.Name.EndsWith("Rights", StringComparison.Ordinal)).GetMethods().Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "Objection", "ObjectionForMarketingAndOrder" }, members);
    }

    [Fact]
    public void Members_whose_names_meet_are_told_apart_and_a_group_names_its_member_by_itself()
    {
        var result = Compile.Text(Compile.Policy("""
              purpose marketing-and-order ka "ა" en "a" basis consent cites §3
              group both purposes marketing, order
              right objection for marketing, order via email cites §3
              right objection for marketing-and-order via email cites §3
              right erasure for both via email cites §3
            """));
        var guards = GuardEmitter.Emit(result, new GuardEmitterOptions("Meeting")).Text;
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards);

        var members = assembly.GetTypes().Single(t => t.IsInterface && t.Name.EndsWith("Rights", StringComparison.Ordinal)).GetMethods().Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(new[] { "ErasureForBoth", "ObjectionForMarketingAndOrder", "ObjectionForMarketingAndOrder_2" }, members);
    }
}
