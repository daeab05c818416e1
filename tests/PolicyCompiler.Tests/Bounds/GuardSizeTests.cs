using System;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Bounds;

/// <summary>The limit on generated guards: estimated before emitting, close to what is emitted, and refused past it.</summary>
public sealed class GuardSizeTests
{
    [Fact]
    public void Statements_that_quote_a_long_paragraph_are_refused_before_the_guards_are_emitted()
    {
        var result = CitingOneLongParagraph(statements: 50, paragraphChars: 1_000_000);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "PC3006");
        Assert.Contains("statements with the text they quote 50,", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("at most 40,000,000", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_the_limit_the_estimate_is_within_a_tenth_of_the_guards_emitted()
    {
        var result = CitingOneLongParagraph(statements: 10, paragraphChars: 1_000_000);
        Assert.False(result.HasErrors);

        var estimate = GuardCodeSize.Of(result.Model!, result.Legal, result.Text.Length).Total;
        var emitted = GuardEmitter.Emit(result).Text.Length;

        Assert.InRange(estimate, emitted * 0.9, emitted * 1.1);
    }

    [Fact]
    public void The_seed_policies_are_far_under_the_limit_and_never_underestimated()
    {
        foreach (var policy in SeedPolicies.All)
        {
            var result = SeedPolicies.Compile(policy);
            var estimate = GuardCodeSize.Of(result.Model!, result.Legal, result.Text.Length).Total;

            // Far under: at most 2% of the limit. Hetzner's tables (some 18,000 cells of small numbers) are the
            // largest and overestimated most, by half, as the weights are fitted on large policies (GuardCodeSize).
            Assert.InRange(estimate, GuardEmitter.Emit(result).Text.Length, PolicyLimits.MaxGuardChars / 50);
        }
    }

    private static CompilationResult CitingOneLongParagraph(int statements, int paragraphChars)
    {
        var legal = new SourceText("1. " + string.Join(" ", Enumerable.Repeat("word", paragraphChars / 5)) + "\n", "legal.txt");
        var policy = "policy p {\n  source \"legal.txt\"\n  category c ka \"კ\" en \"c\" cites §1\n  purpose p ka \"მ\" en \"p\" basis contract cites §1\n"
            + string.Concat(Enumerable.Range(0, statements).Select(_ => "  process c for p cites §1\n")) + "}\n";
        return PolicyCompilation.Compile(new SourceText(policy, "p.policy"), _ => LegalSource.Found(legal));
    }
}
