using System;
using System.IO;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Review;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("policyc-verify-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void The_committed_outputs_of_the_seeds_are_what_they_generate()
    {
        var (exit, output, error) = Support.Cli.Run("verify", SeedPolicies.Root, "--snapshots", Path.Combine(SeedPolicies.Root, "generated"));
        Assert.True(exit == 0, output + error);
        Assert.Contains("verified: the " + (1 + 8 * SeedPolicies.All.Length) + " file(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_missing_or_stale_output_fails_with_a_diff_and_a_note_while_other_files_are_ignored()
    {
        Assert.Equal(0, Support.Cli.Run("build", SeedPolicies.Root, "--out", _out).Exit);
        File.WriteAllText(Path.Combine(_out, "README.md"), "written by hand, not policyc's business\n");
        Assert.Equal(0, Support.Cli.Run("verify", SeedPolicies.Root, "--snapshots", _out).Exit);

        var guards = Path.Combine(_out, "Eleven.g.cs");
        Assert.True(File.Exists(guards), string.Join(", ", Directory.GetFiles(_out)));
        File.WriteAllText(guards, File.ReadAllText(guards).Replace("public static bool MayProcess", "public static bool MayProcessEdited", StringComparison.Ordinal));
        File.Delete(Path.Combine(_out, "docs", "spar-online.en.md"));
        File.Copy(Path.Combine(_out, "docs", "eleven.en.md"), Path.Combine(_out, "docs", "old-policy.en.md"));

        var (exit, output, _) = Support.Cli.Run("verify", SeedPolicies.Root, "--snapshots", _out);
        Assert.Equal(1, exit);
        Assert.Contains("Eleven.g.cs (committed)", output, StringComparison.Ordinal);
        Assert.Contains("-        public static bool MayProcessEdited", output, StringComparison.Ordinal);
        Assert.Contains("+        public static bool MayProcess", output, StringComparison.Ordinal);
        Assert.Contains("missing " + Path.Combine(_out, "docs", "spar-online.en.md").Replace('\\', '/'), output, StringComparison.Ordinal);
        Assert.Contains("stale " + Path.Combine(_out, "docs", "old-policy.en.md").Replace('\\', '/'), output, StringComparison.Ordinal);
        Assert.DoesNotContain("README.md", output, StringComparison.Ordinal);
        Assert.Contains("3 file(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkout_with_crlf_line_endings_still_verifies()
    {
        Assert.Equal(0, Support.Cli.Run("build", SeedPolicies.Root, "--out", _out).Exit);
        foreach (var file in Directory.GetFiles(_out, "*", SearchOption.AllDirectories)) File.WriteAllText(file, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "(?<!\r)\n", "\r\n"));
        Assert.Equal(0, Support.Cli.Run("verify", SeedPolicies.Root, "--snapshots", _out).Exit);
    }

    [Theory]
    [InlineData("no snapshots folder")]
    [InlineData("missing policy")]
    [InlineData("not a policy")]
    public void Errors_are_one_line_and_exit_2(string problem)
    {
        var args = problem switch
        {
            "no snapshots folder" => new[] { "verify", SeedPolicies.Root, "--snapshots", Path.Combine(_out, "nowhere") },
            "missing policy" => new[] { "verify", Path.Combine(_out, "nowhere.policy"), "--snapshots", _out },
            _ => new[] { "verify", Path.Combine(SeedPolicies.Root, "eleven", "privacy-policy.ka.txt"), "--snapshots", _out },
        };
        var (exit, output, error) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("policyc: ", error, StringComparison.Ordinal);
    }
}
