using System;
using System.Diagnostics;
using System.IO;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Diffing;

/// <summary><c>policyc diff</c> on files and against git revisions, in a throw-away repository holding a copy of a seed.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("policyc-diff-").FullName;
    private readonly string _policy;

    public DiffCommandTests()
    {
        var folder = Path.Combine(_repo, "policies", "spar-online");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(SeedPolicies.Root, "spar-online"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        _policy = Path.Combine(folder, "spar-online.policy");
        Git("init", "-q");
        Git("add", ".");
        Git("-c", "user.name=test", "-c", "user.email=test@example.ge", "commit", "-q", "-m", "v1");
    }

    public void Dispose()
    {
        Directory.Delete(_repo, recursive: true);
        if (_outside is not null) Directory.Delete(_outside, recursive: true);
    }

    private string? _outside;

    private string CopyOutsideTheRepository()
    {
        _outside = Directory.CreateTempSubdirectory("policyc-no-repo-").FullName;
        var copy = Path.Combine(_outside, "spar-online.policy");
        File.Copy(_policy, copy);
        return copy;
    }

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(" ", arguments) + ": " + process.StandardError.ReadToEnd());
    }

    [Fact]
    public void Against_a_revision_it_shows_the_changes_and_exit_code_makes_them_fail()
    {
        Assert.Equal(0, Support.Cli.Run("diff", "--git", "HEAD", _policy, "--exit-code").Exit);

        File.WriteAllText(_policy, File.ReadAllText(_policy).Replace("  right rectification via account at-any-time\n", "  right rectification via account, support-email at-any-time\n", StringComparison.Ordinal)
            .Replace("  channel account ", "  channel support-email ka \"ფოსტა\" en \"email\" address \"info@sparonline.ge\" cites §1.p3\n  channel account ", StringComparison.Ordinal));
        var (exit, output, error) = Support.Cli.Run("diff", "--git", "HEAD", _policy, "--exit-code");
        Assert.True(exit == 1, error + output);
        Assert.Contains("@HEAD → ", output, StringComparison.Ordinal);
        Assert.Contains("+ channel support-email", output, StringComparison.Ordinal);
        Assert.Contains("~ right rectification: `right rectification via account at-any-time` → `right rectification via account, support-email at-any-time`", output, StringComparison.Ordinal);

        var markdown = Support.Cli.Run("diff", "--git", "HEAD", _policy, "--format", "markdown");
        Assert.Equal(0, markdown.Exit);
        Assert.StartsWith("## Policy diff: ", markdown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_are_compared_and_the_legal_text_is_read_at_the_revision_too()
    {
        var legal = Path.Combine(Path.GetDirectoryName(_policy)!, "privacy-policy.ka.txt");
        File.WriteAllText(legal, File.ReadAllText(legal) + "\n\nახალი აბზაცი.\n");
        var (exit, output, _) = Support.Cli.Run("diff", "--git", "HEAD", _policy);
        Assert.Equal(0, exit);
        Assert.Contains("+ legal text §", output, StringComparison.Ordinal);

        var copy = Path.Combine(Path.GetDirectoryName(_policy)!, "copy.policy");
        File.Copy(_policy, copy);
        Assert.Contains("No changes", Support.Cli.Run("diff", _policy, copy).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_with_a_slash_in_its_name_works_from_any_folder()
    {
        Git("branch", "release/v1");
        File.WriteAllText(_policy, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(_policy), "  right rectification via account at-any-time\n(    .*\n)*", string.Empty));
        var (exit, output, error) = Support.Cli.Run("diff", "--git", "release/v1", _policy);
        Assert.True(exit == 0, error);
        Assert.Contains("@release/v1 → ", output, StringComparison.Ordinal);
        Assert.Contains("- right rectification", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outside a repository")]
    [InlineData("missing file")]
    [InlineData("bad revision")]
    [InlineData("not in the revision")]
    [InlineData("not a policy")]
    [InlineData("errors")]
    [InlineData("one file")]
    public void Errors_are_one_line_and_exit_2(string problem)
    {
        var folder = Path.GetDirectoryName(_policy)!;
        string Write(string name, string text)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            return path;
        }
        var args = problem switch
        {
            "missing file" => new[] { "diff", _policy, Path.Combine(folder, "nowhere.policy") },
            "outside a repository" => new[] { "diff", "--git", "HEAD", CopyOutsideTheRepository() },
            "bad revision" => new[] { "diff", "--git", "no-such-revision", _policy },
            "not in the revision" => new[] { "diff", "--git", "HEAD", Write("new.policy", File.ReadAllText(_policy)) },
            "not a policy" => new[] { "diff", _policy, Write("notes.txt", "text") },
            "errors" => new[] { "diff", _policy, Write("broken.policy", "policy broken {\n  category\n}\n") },
            _ => new[] { "diff", _policy },
        };
        var (exit, output, error) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("policyc: ", error, StringComparison.Ordinal);
    }
}
