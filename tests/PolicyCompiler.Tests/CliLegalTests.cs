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
        Assert.Contains("warning PC4001: [gdpr:retention]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[gdpr:right:rectification]", output, StringComparison.Ordinal);
    }
}
