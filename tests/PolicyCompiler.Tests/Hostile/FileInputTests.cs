using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>
/// Inputs that are not what they claim: links out of the folder, pipes, devices, unreadable system folders and
/// link loops. Each must end promptly in a diagnostic or a one-line problem, never in a hang, a stack trace or a
/// file from outside the folder.
/// </summary>
public sealed class FileInputTests
{
    private const string PolicyCitingTerms = "policy p {\n  source \"terms.txt\"\n}\n";

    private const string PolicyCitingSub = "policy p {\n  source \"sub/hostname\"\n}\n";

    [Fact]
    public void A_legal_text_linked_to_a_file_outside_the_folder_is_refused()
    {
        using var outside = new TempFolder();
        var secret = outside.File("secret.txt", "the secret line\n");
        using var folder = new TempFolder();
        var policy = folder.File("p.policy", PolicyCitingTerms);
        folder.Link("terms.txt", secret);

        var (exit, output, _) = Bounded.Run("check", policy);
        var (docsExit, _, _) = Bounded.Run("docs", policy, "--out", Path.Combine(folder.Path, "docs"));

        Assert.Equal(1, exit);
        Assert.Contains("error PC2008: legal source 'terms.txt' cannot be read: it is a link to a file outside", output, StringComparison.Ordinal);
        Assert.NotEqual(0, docsExit);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "docs")) && Directory.EnumerateFiles(Path.Combine(folder.Path, "docs")).Any(f => File.ReadAllText(f).Contains("the secret line", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_legal_text_under_a_linked_folder_outside_is_refused()
    {
        using var outside = new TempFolder();
        outside.File("hostname", "a host name\n");
        using var folder = new TempFolder();
        var policy = folder.File("p.policy", PolicyCitingSub);
        folder.Link("sub", outside.Path);

        var (exit, output, _) = Bounded.Run("check", policy);

        Assert.Equal(1, exit);
        Assert.Contains("error PC2008: legal source 'sub/hostname' cannot be read: it is a link to a file outside", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legal_text_linked_within_the_folder_is_read()
    {
        using var folder = new TempFolder();
        folder.File("texts/terms.txt", "the only paragraph\n");
        var policy = folder.File("p.policy", PolicyCitingTerms);
        folder.Link("terms.txt", Path.Combine(folder.Path, "texts", "terms.txt"));

        var (_, output, _) = Bounded.Run("check", policy);

        Assert.DoesNotContain("PC2008", output, StringComparison.Ordinal);
        Assert.Contains("PC2007", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_in_a_searched_folder_linked_outside_is_refused()
    {
        using var outside = new TempFolder();
        var elsewhere = outside.File("elsewhere.policy", "policy elsewhere { }\n");
        using var folder = new TempFolder();
        folder.File("p.policy", "policy p { }\n");
        folder.Link("q.policy", elsewhere);

        var (exit, _, error) = Bounded.Run("check", folder.Path);

        Assert.Equal(2, exit);
        Assert.Contains("q.policy: cannot read the file: it is a link to a file outside", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_pipe_as_a_legal_text_is_answered_with_a_diagnostic()
    {
        using var folder = new TempFolder();
        var policy = folder.File("p.policy", PolicyCitingTerms);
        var fifo = folder.Fifo("terms.txt");

        var (exit, output, _) = Bounded.Run(new[] { fifo }, "check", policy);

        Assert.Equal(1, exit);
        Assert.Contains("error PC2008: legal source 'terms.txt' cannot be read: it is not a regular file (a named pipe)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_pipe_in_a_searched_folder_is_a_one_line_problem()
    {
        using var folder = new TempFolder();
        folder.File("p.policy", "policy p { }\n");
        var fifo = folder.Fifo("q.policy");

        var (exit, _, error) = Bounded.Run(new[] { fifo }, "check", folder.Path);

        Assert.Equal(2, exit);
        Assert.Equal($"policyc: {fifo}: cannot read the file: it is not a regular file (a named pipe)\n", error);
    }

    [Fact]
    public void A_named_pipe_given_to_sections_is_a_one_line_problem()
    {
        using var folder = new TempFolder();
        var fifo = folder.Fifo("terms.txt");

        var (exit, _, error) = Bounded.Run(new[] { fifo }, "sections", fifo);

        Assert.Equal(2, exit);
        Assert.Equal($"policyc: {fifo}: it is not a regular file (a named pipe)\n", error);
    }

    [Fact]
    public void A_named_pipe_in_a_snapshot_folder_does_not_stop_verify()
    {
        using var folder = new TempFolder();
        var fifo = folder.Fifo("notes.md");

        var (exit, output, error) = Bounded.Run(new[] { fifo }, "verify", SeedPolicies.Root, "--snapshots", folder.Path);

        Assert.Equal(1, exit);
        Assert.Contains("missing ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_as_a_policy_or_a_legal_text_is_refused_without_reading_it()
    {
        var (checkExit, _, checkError) = Bounded.Run("check", "/dev/zero");
        var (sectionsExit, _, sectionsError) = Bounded.Run("sections", "/dev/zero");

        Assert.Equal(2, checkExit);
        Assert.Equal("policyc: /dev/zero: cannot read the file: it is not a regular file (a character device)\n", checkError);
        Assert.Equal(2, sectionsExit);
        Assert.Equal("policyc: /dev/zero: it is not a regular file (a character device)\n", sectionsError);
    }

    [Fact]
    public void Fmt_of_an_endless_standard_input_stops_reading_past_the_limit()
    {
        using var input = new EndlessZeros();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = PolicyCompiler.Cli.PolicycApp.Run(new[] { "fmt" }, input, output, error);

        Assert.Equal(2, exit);
        Assert.Equal("policyc: <stdin>: not a policy: the file has more than 10,485,760 bytes; a policy or legal text may have at most 10,485,760 bytes\n", error.ToString());
        Assert.True(input.BytesRead < 11 * 1024 * 1024, $"read {input.BytesRead} bytes");
    }

    [Fact]
    public void System_folders_that_cannot_be_read_are_one_line_problems()
    {
        var (checkExit, _, checkError) = Bounded.Run("check", "/proc/1");
        var (verifyExit, verifyOutput, verifyError) = Bounded.Run("verify", SeedPolicies.Root, "--snapshots", "/");
        var (sectionsExit, _, sectionsError) = Bounded.Run("sections", "/");

        Assert.Equal(2, checkExit);
        Assert.All(checkError.TrimEnd('\n').Split('\n'), line => Assert.StartsWith("policyc: /proc/1", line, StringComparison.Ordinal));
        Assert.Equal(1, verifyExit);
        Assert.DoesNotContain("   at ", verifyOutput + verifyError, StringComparison.Ordinal);
        Assert.Equal(2, sectionsExit);
        Assert.Equal("policyc: /: it is a folder, not a file\n", sectionsError);
    }

    [Fact]
    public void Link_loops_in_a_searched_folder_end_and_count_each_policy_once()
    {
        using var folder = new TempFolder();
        folder.File("a/p.policy", "policy p { }\n");
        folder.Link("a/loop", Path.Combine(folder.Path, "a"));
        folder.Link("a/b/up", Path.Combine(folder.Path));
        folder.Link("a/same.policy", Path.Combine(folder.Path, "a", "p.policy"));

        var (exit, output, error) = Bounded.Run("check", folder.Path);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("PC1009", output, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(output, @"p\.policy: 0 errors"));
    }

    [Fact]
    public void Verify_does_not_walk_through_a_link_out_of_the_snapshot_folder()
    {
        using var parent = new TempFolder();
        var generated = Path.Combine(Support.Repository.Root, "policies", "generated");
        parent.File("outside.g.cs", "// <auto-generated/>\n// Generated by policyc\n");
        var snapshots = Path.Combine(parent.Path, "snapshots");
        CopyFolder(generated, snapshots);
        parent.Link("snapshots/up", parent.Path);
        parent.Link("snapshots/docs/up", parent.Path);

        var (exit, output, error) = Bounded.Run("verify", SeedPolicies.Root, "--snapshots", snapshots);

        Assert.Equal(string.Empty, error);
        Assert.DoesNotContain("outside.g.cs", output, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Verify_through_a_snapshot_folder_that_is_itself_a_link_finds_a_stale_file()
    {
        using var parent = new TempFolder();
        var snapshots = Path.Combine(parent.Path, "real");
        CopyFolder(Path.Combine(Support.Repository.Root, "policies", "generated"), snapshots);
        parent.File("real/docs/old.en.md", File.ReadAllText(Path.Combine(snapshots, "docs", "eleven.en.md")));
        var link = parent.Link("snapshots", snapshots);

        var (exit, output, error) = Bounded.Run("verify", SeedPolicies.Root, "--snapshots", link);

        Assert.Equal(string.Empty, error);
        Assert.Equal(1, exit);
        Assert.Contains("stale " + link + "/docs/old.en.md", output, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Standard input that never ends, like <c>/dev/zero</c>; it fails the test if read far past the limit.</summary>
    private sealed class EndlessZeros : Stream
    {
        private const long Enough = 64L * 1024 * 1024;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (BytesRead > Enough) throw new InvalidOperationException("read far past the limit: the input is not bounded");
            Array.Clear(buffer, offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
