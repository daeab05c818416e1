using System;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary><c>policyc sections</c>, <c>coverage</c> and <c>lint</c> on the seed policies.</summary>
public sealed class CliLegalTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => Support.Cli.Run(args);

    [Fact]
    public void Sections_lists_every_paragraph_with_its_id_line_and_kind()
    {
        var (exit, output, _) = Run("sections", Path.Combine(SeedPolicies.Root, "spar-online", "privacy-policy.ka.txt"));

        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("35 paragraphs", lines[^1]);
        Assert.StartsWith("§p1 ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("§1.b5 ", StringComparison.Ordinal) && l.Contains("  17  bullet ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("§3 ", StringComparison.Ordinal) && l.Contains("enumerated", StringComparison.Ordinal));
    }

    [Fact]
    public void Sections_of_a_missing_file_is_one_line_and_exit_two()
    {
        var (exit, _, error) = Run("sections", "no-such-text.txt");

        Assert.Equal(2, exit);
        Assert.Equal("policyc: no-such-text.txt: no such file\n", error.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_of_the_seeds_is_complete()
    {
        var (exit, output, _) = Run("coverage", SeedPolicies.Root);

        Assert.Equal(0, exit);
        var rows = output.Split('\n').Where(l => l.Contains(".policy", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Matches(@"eleven\.policy\s+92\s+\d+\s+\d+\s+0\s+100%", rows[0]);
        Assert.Matches(@"hetzner\.policy\s+69\s+\d+\s+\d+\s+0\s+100%", rows[1]);
        Assert.Matches(@"spar-online\.policy\s+35\s+\d+\s+\d+\s+0\s+100%", rows[2]);
    }

    [Fact]
    public void Coverage_of_a_policy_without_a_legal_source_says_so_and_exits_one()
    {
        var directory = Directory.CreateTempSubdirectory("policyc-coverage-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "p.policy"), "policy p { }\n");

            var (exit, output, _) = Run("coverage", directory);

            Assert.Equal(1, exit);
            Assert.Contains("no legal source", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Lint_reports_findings_as_warnings_and_exits_zero()
    {
        var (exit, output, _) = Run("lint", Path.Combine(SeedPolicies.Root, "spar-online"));

        Assert.Equal(0, exit);
        // A Georgian shop is read under the Georgian law, as its jurisdiction calls for, and not under the GDPR.
        Assert.Contains("info PC4002: the lint reads the policy under Law of Georgia on Personal Data Protection (2023) (the jurisdiction is GE)", output, StringComparison.Ordinal);
        // Every finding is the text's gap, which the policy acknowledges with its reason.
        Assert.Contains("info PC4003: [ge-pdp:retention] acknowledged: the policy does not state how long the data is stored", output, StringComparison.Ordinal);
        Assert.DoesNotContain("warning PC4001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[gdpr:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[ge-pdp:right:rectification]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_reads_a_policy_under_the_laws_named_on_the_command_line()
    {
        var (exit, output, _) = Run("lint", Path.Combine(SeedPolicies.Root, "spar-online"), "--law", "gdpr");

        Assert.Equal(0, exit);
        Assert.Contains("the lint reads the policy under GDPR (named on the command line)", output, StringComparison.Ordinal);
        Assert.Contains("warning PC4001: [gdpr:retention]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[ge-pdp:", output, StringComparison.Ordinal);
        // What the policy acknowledges under the Georgian law acknowledges nothing under the GDPR alone.
        Assert.Contains("warning PC4004: 'ge-pdp:retention' acknowledges nothing: the lint does not read the policy under 'ge-pdp' (it reads it under gdpr)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_refuses_a_law_it_does_not_know_with_the_closest()
    {
        var (exit, output, error) = Run("lint", Path.Combine(SeedPolicies.Root, "spar-online"), "--law", "gpdr");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--law gpdr: no such law (did you mean 'gdpr'?); the laws are: ", error, StringComparison.Ordinal);
    }
}
