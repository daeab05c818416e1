using System;
using System.Diagnostics;
using System.IO;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>
/// <c>diff --git</c> reads the policy and its legal text as they were at the revision, through the policy's path at
/// that revision (a renamed folder included), and never through the working tree, from whatever folder it is run.
/// </summary>
public sealed class DiffAtRevisionTests : IDisposable
{
    private readonly TempFolder _repo = new();

    public DiffAtRevisionTests()
    {
        Copy("spar-online/spar-online.policy", "a/spar-online.policy");
        Copy("spar-online/privacy-policy.ka.txt", "a/privacy-policy.ka.txt");
        Git("init", "-q");
        Commit("v1");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_policy_whose_folder_was_renamed_is_compared_with_its_old_path()
    {
        Git("mv", "a", "b");
        Commit("renamed");

        var (exit, output, error) = Bounded.Run("diff", "--git", "HEAD~1", Path.Combine(_repo.Path, "b", "spar-online.policy"));

        Assert.True(exit == 0, error);
        Assert.Contains("No changes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void It_works_from_the_policy_folder_after_a_rename()
    {
        Git("mv", "a", "b");
        Commit("renamed");

        var (exit, output, error) = RunPolicyc(Path.Combine(_repo.Path, "b"), "diff", "--git", "HEAD~1", "spar-online.policy");

        Assert.True(exit == 0, error);
        Assert.Contains("No changes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legal_text_that_moved_is_read_where_the_old_policy_named_it()
    {
        // v2 keeps the legal text in a sub-folder that did not exist before; v3 moves it again, into texts/.
        Directory.CreateDirectory(Path.Combine(_repo.Path, "a", "sub"));
        Git("mv", "a/privacy-policy.ka.txt", "a/sub/privacy-policy.ka.txt");
        Edit("a/spar-online.policy", "source \"privacy-policy.ka.txt\"", "source \"sub/privacy-policy.ka.txt\"");
        Commit("v2");
        Directory.CreateDirectory(Path.Combine(_repo.Path, "a", "texts"));
        Git("mv", "a/sub/privacy-policy.ka.txt", "a/texts/privacy-policy.ka.txt");
        Edit("a/spar-online.policy", "source \"sub/privacy-policy.ka.txt\"", "source \"texts/privacy-policy.ka.txt\"");
        if (Directory.Exists(Path.Combine(_repo.Path, "a", "sub"))) Directory.Delete(Path.Combine(_repo.Path, "a", "sub"));
        // A decoy where the old path would fall back to a file of the working tree's current folder.
        File.WriteAllText(Path.Combine(_repo.Path, "a", "privacy-policy.ka.txt"), "1. a decoy\n");

        var (exit, output, error) = Bounded.Run("diff", "--git", "HEAD", Path.Combine(_repo.Path, "a", "spar-online.policy"));

        Assert.True(exit == 0, error);
        Assert.Contains("source", output, StringComparison.Ordinal);
        Assert.DoesNotContain("legal text §", output, StringComparison.Ordinal);
        Assert.DoesNotContain("decoy", output, StringComparison.Ordinal);
    }

    private void Copy(string seed, string to)
    {
        var target = Path.Combine(_repo.Path, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(SeedPolicies.PathOf(seed), target);
    }

    private void Edit(string file, string from, string to)
    {
        var path = Path.Combine(_repo.Path, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.ge", "commit", "-q", "-m", message);
    }

    private void Git(params string[] arguments)
    {
        var (exit, _, error) = Start("git", _repo.Path, arguments);
        Assert.True(exit == 0, "git " + string.Join(" ", arguments) + ": " + error);
    }

    /// <summary>policyc as a process of its own, in <paramref name="folder"/> (a test cannot change its own current folder).</summary>
    private static (int Exit, string Output, string Error) RunPolicyc(string folder, params string[] arguments)
    {
        var policyc = typeof(PolicyCompiler.Cli.PolicycApp).Assembly.Location;
        var all = new string[arguments.Length + 1];
        all[0] = policyc;
        arguments.CopyTo(all, 1);
        return Start("dotnet", folder, all);
    }

    private static (int Exit, string Output, string Error) Start(string program, string folder, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), program + " did not end");
        return (process.ExitCode, output, error.Result);
    }
}
