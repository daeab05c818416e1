using System;
using System.IO;
using System.Linq;
using PolicyCompiler.Tests.Seeds;
using Xunit;

namespace PolicyCompiler.Tests.Docs;

/// <summary><c>policyc docs</c>: what it writes, and what it refuses to touch.</summary>
public sealed class DocsCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("policyc-docs-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Docs_writes_markdown_in_both_languages_and_the_review_page_of_each_policy_and_leaves_unchanged_files_alone()
    {
        var (exit, output, error) = Support.Cli.Run("docs", SeedPolicies.Root, "--out", _out);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(
            new[] { "eleven.en.md", "eleven.html", "eleven.ka.md", "hetzner.en.md", "hetzner.html", "hetzner.ka.md", "spar-online.en.md", "spar-online.html", "spar-online.ka.md" },
            Directory.GetFiles(_out).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("wrote ", line, StringComparison.Ordinal));
        Assert.Contains("## მონაცემთა ინვენტარი", File.ReadAllText(Path.Combine(_out, "eleven.ka.md")), StringComparison.Ordinal);
        Assert.Contains("## Data inventory", File.ReadAllText(Path.Combine(_out, "eleven.en.md")), StringComparison.Ordinal);

        var again = Support.Cli.Run("docs", SeedPolicies.Root, "--out", _out);
        Assert.Equal(0, again.Exit);
        Assert.All(again.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("unchanged ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Docs_never_overwrites_a_document_it_did_not_generate_unless_forced()
    {
        var mine = Path.Combine(_out, "eleven.html");
        File.WriteAllText(mine, "<p>my notes</p>\n");

        var (exit, _, error) = Support.Cli.Run("docs", SeedPolicies.PathOf("eleven/eleven.policy"), "--out", _out);

        Assert.Equal(2, exit);
        Assert.Contains("eleven.html: not written: the file exists and policyc did not generate it", error, StringComparison.Ordinal);
        Assert.Equal("<p>my notes</p>\n", File.ReadAllText(mine));
        Assert.False(File.Exists(Path.Combine(_out, "eleven.ka.md")), "a set is written as a whole or not at all");

        Assert.Equal(0, Support.Cli.Run("docs", SeedPolicies.PathOf("eleven/eleven.policy"), "--out", _out, "--force").Exit);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(mine), StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_of_a_policy_with_errors_reports_them_and_writes_nothing_for_it()
    {
        var policy = Path.Combine(_out, "broken.policy");
        File.WriteAllText(policy, "policy broken {\n  jurisdiction XX\n}\n");
        var folder = Path.Combine(_out, "docs");

        var (exit, output, _) = Support.Cli.Run("docs", policy, "--out", folder);

        Assert.Equal(1, exit);
        Assert.Contains("error PC", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    [Fact]
    public void Docs_refuses_two_policies_whose_documents_would_share_file_names()
    {
        File.WriteAllText(Path.Combine(_out, "a.policy"), "policy shop {\n  title ka \"A\" en \"A\"\n}\n");
        File.WriteAllText(Path.Combine(_out, "b.policy"), "policy Shop {\n  title ka \"B\" en \"B\"\n}\n");

        var (exit, _, error) = Support.Cli.Run("docs", Path.Combine(_out, "a.policy"), Path.Combine(_out, "b.policy"), "--out", Path.Combine(_out, "docs"));

        Assert.Equal(2, exit);
        Assert.Contains("'shop' and 'Shop' would have the same file names", error, StringComparison.Ordinal);
    }
}
