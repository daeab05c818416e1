using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>
/// A run that fails must leave the previous outputs as they were, byte for byte: a set of outputs is replaced as a
/// whole or not at all, through new files created exclusively and renamed into place.
/// </summary>
public sealed class OutputSurvivalTests
{
    [Fact]
    public void A_build_that_fails_on_one_file_leaves_every_previous_output_as_it_was()
    {
        using var folder = new TempFolder();
        var policy = CopyEleven(folder);
        var outDir = Path.Combine(folder.Path, "out");
        Assert.Equal(0, Support.Cli.Run("build", policy, "--out", outDir).Exit);
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("Data processing and privacy policy", "Data processing policy, revised", StringComparison.Ordinal));
        // One output cannot be written: its name is taken by a folder.
        var html = Path.Combine(outDir, "docs", "eleven.html");
        File.Delete(html);
        Directory.CreateDirectory(html);
        var before = Snapshot(outDir);

        var (exit, _, error) = Support.Cli.Run("build", policy, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Contains("eleven.html", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(outDir));
    }

    [Fact]
    public void A_refused_file_stops_the_whole_set()
    {
        using var folder = new TempFolder();
        var policy = CopyEleven(folder);
        var outDir = Path.Combine(folder.Path, "out");
        Assert.Equal(0, Support.Cli.Run("docs", policy, "--out", outDir).Exit);
        File.WriteAllText(policy, File.ReadAllText(policy).Replace("Data processing and privacy policy", "Data processing policy, revised", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(outDir, "eleven.html"), "<p>my notes</p>\n");
        var before = Snapshot(outDir);

        var (exit, output, error) = Support.Cli.Run("docs", policy, "--out", outDir);

        Assert.Equal(2, exit);
        Assert.Contains("eleven.html: not written: the file exists and policyc did not generate it", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote ", output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(outDir));
    }

    [Fact]
    public void Fmt_write_does_not_follow_a_link_planted_at_a_temporary_path()
    {
        using var folder = new TempFolder();
        var victim = folder.File("victim.txt", "keep me\n");
        var policy = folder.File("p.policy", "policy p {\n  category   a ka \"ა\"  en \"a\"   cites §1\n}\n");
        // The name the formatter used for its temporary file.
        folder.Link("p.policy.policyc-fmt.tmp", victim);

        var (exit, _, _) = Support.Cli.Run("fmt", "--write", policy);

        Assert.Equal(0, exit);
        Assert.Equal("keep me\n", File.ReadAllText(victim));
        Assert.Equal("policy p {\n  category a ka \"ა\" en \"a\" cites §1\n}\n", File.ReadAllText(policy));
        Assert.Equal(new[] { "p.policy", "p.policy.policyc-fmt.tmp", "victim.txt" }, Directory.EnumerateFileSystemEntries(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("write", 0)]
    [InlineData("write", 4)]
    [InlineData("rename", 1)]
    [InlineData("rename", 6)]
    public void A_write_that_fails_midway_leaves_the_previous_outputs_byte_for_byte(string step, int at)
    {
        using var folder = new TempFolder();
        var outDir = Path.Combine(folder.Path, "out");
        Assert.Equal(0, Support.Cli.Run("build", SeedPolicies.Root, "--out", outDir).Exit);
        var before = Snapshot(outDir);
        // Every output changes, so that each one is staged and renamed.
        var changed = Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => new PolicyCompiler.Emit.GeneratedFile(Path.GetRelativePath(outDir, p).Replace('\\', '/'), File.ReadAllText(p) + "\n// changed\n"))
            .ToList();
        var fileSystem = new FailingFileSystem(step == "rename" ? FailingFileSystem.Step.Move : FailingFileSystem.Step.Write, at);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var written = PolicyCompiler.Cli.GeneratedOutput.WriteAll(changed, outDir, force: false, output, error, fileSystem);

        Assert.True(fileSystem.Failed, "the injected failure happened");
        Assert.False(written);
        Assert.Contains("cannot write the file: disk full (injected)", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Equal(before, Snapshot(outDir));
    }

    private static string CopyEleven(TempFolder folder)
    {
        folder.File("privacy-policy.ka.txt", File.ReadAllText(SeedPolicies.PathOf("eleven/privacy-policy.ka.txt")));
        return folder.File("eleven.policy", File.ReadAllText(SeedPolicies.PathOf("eleven/eleven.policy")));
    }

    /// <summary>Every file below the folder (links and folders by name) with its bytes.</summary>
    private static List<string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(folder, p) + (File.Exists(p) ? " " + Convert.ToBase64String(File.ReadAllBytes(p)) : "/"))
            .ToList();

    /// <summary>The disk, except that the n-th write stops halfway with a full disk, or the n-th rename fails.</summary>
    internal sealed class FailingFileSystem : PolicyCompiler.Cli.OutputFileSystem
    {
        private readonly Step _step;
        private readonly int _at;
        private int _writes;
        private int _moves;

        public FailingFileSystem(Step step, int at) => (_step, _at) = (step, at);

        public enum Step
        {
            Write,
            Move,
        }

        public bool Failed { get; private set; }

        public override Stream CreateNew(string path)
        {
            var stream = base.CreateNew(path);
            if (_step != Step.Write || _writes++ != _at) return stream;
            Failed = true;
            return new FullDisk(stream);
        }

        public override void Move(string from, string to)
        {
            if (_step == Step.Move && _moves++ == _at && !Failed)
            {
                Failed = true;
                throw new IOException("disk full (injected)");
            }
            base.Move(from, to);
        }

        /// <summary>Takes a few bytes, then fails as a full disk does.</summary>
        private sealed class FullDisk : Stream
        {
            private readonly Stream _inner;

            public FullDisk(Stream inner) => _inner = inner;

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => _inner.Length;

            public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

            public override void Write(byte[] buffer, int offset, int count)
            {
                _inner.Write(buffer, offset, Math.Min(count, 16));
                throw new IOException("disk full (injected)");
            }

            public override void Flush() => _inner.Flush();

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
