using System;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli;
using PolicyCompiler.Legal;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Seeds;

/// <summary>The two seed policies: clean, fully anchored in their legal texts, and their lint findings reviewed.</summary>
public sealed class SeedPolicyTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_compiles_without_errors_or_warnings_and_cites_every_paragraph(string policy)
    {
        var result = SeedPolicies.Compile(policy);

        Assert.True(result.Diagnostics.Count == 0, Compile.Render(result));
        var coverage = result.Legal!.Coverage;
        Assert.Empty(coverage.Uncovered);
        Assert.Equal(100, coverage.Percent);
        Assert.True(result.Model!.Tests.Sum(t => t.Expectations.Count) >= 25, "each seed states at least 25 test expectations");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Legal_texts_are_the_seeds_unchanged(string policy)
    {
        // The Georgian texts are shared/seeds/, Hetzner's is in shared/corpus/hetzner/.
        var originals = new[] { "seeds", "corpus" }.Select(folder => Path.Combine(AppContext.BaseDirectory, folder))
            .Where(Directory.Exists).SelectMany(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)).ToList();
        var legal = SeedPolicies.Compile(policy).Legal!;
        var copied = File.ReadAllBytes(Path.Combine(SeedPolicies.Root, legal.Path));

        Assert.Contains(originals, original => File.ReadAllBytes(original).AsSpan().SequenceEqual(copied));
    }

    [Fact]
    public void Changing_one_character_of_a_cited_excerpt_in_the_legal_text_fails_at_that_citation_with_a_suggestion()
    {
        const string policy = "eleven/eleven.policy";
        var text = File.ReadAllText(SeedPolicies.PathOf(policy));
        var legal = File.ReadAllText(Path.Combine(SeedPolicies.Root, "eleven/privacy-policy.ka.txt"));
        const string excerpt = "რუსეთის ფედერაციის";
        Assert.Contains(excerpt, legal, StringComparison.Ordinal);
        var citationLine = text.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains("\"" + excerpt, StringComparison.Ordinal) || l.line.Contains(excerpt, StringComparison.Ordinal));
        var edited = legal.Replace(excerpt, "რუსეთის ფედერაციიs", StringComparison.Ordinal);

        var result = SeedPolicies.Compile(policy, text, path => path.EndsWith(".txt", StringComparison.Ordinal)
            ? LegalSource.Found(new SourceText(edited, path))
            : LegalSource.NotFound);

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.True(e.Code is "PC2005" or "PC2006", e.Message));
        Assert.Contains(errors, e => e.Span.Line == citationLine.index + 1);
        Assert.All(errors, e => Assert.Contains("ფედერაციი", e.Help, StringComparison.Ordinal));
    }

    [Fact]
    public void Citing_a_section_the_text_does_not_have_fails()
    {
        const string policy = "eleven/eleven.policy";
        var text = File.ReadAllText(SeedPolicies.PathOf(policy)).Replace("cites §10.2", "cites §10.9", StringComparison.Ordinal);

        var result = SeedPolicies.Compile(policy, text, path => PolicyFiles.ReadLegalSource(Path.Combine(SeedPolicies.Root, path)));

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PC2004", error.Code);
        Assert.Equal("§10.9 is not a paragraph of 'privacy-policy.ka.txt'", error.Message);
        Assert.Equal("The excerpt is in §10.2.", error.Help);
    }

    [Fact]
    public void A_source_outside_the_policy_folder_is_refused_without_being_read()
    {
        var asked = false;
        var result = Compile.Text("policy p {\n  source \"../../etc/passwd\"\n}\n", "policies/p/p.policy");
        var checkedResult = PolicyCompiler.Compilation.PolicyCompilation.Compile(result.Text, _ =>
        {
            asked = true;
            return LegalSource.NotFound;
        });

        var error = Assert.Single(checkedResult.Diagnostics);
        Assert.Equal("PC2003", error.Code);
        Assert.False(asked);
        Assert.Null(LegalSourcePath.Resolve("policies/p/p.policy", "/etc/passwd"));
        Assert.Null(LegalSourcePath.Resolve("policies/p/p.policy", "a/../../x.txt"));
        Assert.Null(LegalSourcePath.Resolve("p.policy", "C:\\x.txt"));
        Assert.Equal("policies/p/texts/x.txt", LegalSourcePath.Resolve("policies/p/p.policy", "./texts/../texts/x.txt"));
    }

    [Fact]
    public void A_paragraph_left_uncovered_gives_the_coverage_warning()
    {
        const string policy = "spar-online/spar-online.policy";
        var text = File.ReadAllText(SeedPolicies.PathOf(policy)).Replace("§1.b16", "§1.b15", StringComparison.Ordinal);

        var result = SeedPolicies.Compile(policy, text, path => PolicyFiles.ReadLegalSource(Path.Combine(SeedPolicies.Root, path)));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("PC2007", warning.Code);
        Assert.Contains("§1.b16", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "1.b16" }, result.Legal!.Coverage.Uncovered);
    }

    [Fact]
    public void Lint_findings_of_the_policies_are_as_reviewed()
    {
        var report = string.Concat(SeedPolicies.All.Select(policy =>
        {
            var result = SeedPolicies.Compile(policy);
            return policy + "\n" + string.Concat(Linter.Lint(result).Select(d => "  " + d.Message + "\n"));
        }));

        Snapshot.Verify(report);
    }

    [Fact]
    public void Eleven_takes_published_images_from_where_they_were_published_not_from_the_person()
    {
        // §6.4: photos and videos "published on websites, social networks" — a collection of another origin
        // (GDPR Art. 14(2)(f)), which a test block cannot ask, as it changes no decision.
        var model = SeedPolicies.Compile("eleven/eleven.policy").Model!;
        var published = model.StatedPermissionsOf(PolicyCompiler.Model.VerbSchema.Default["collect"])
            .Where(p => p.Details is PolicyCompiler.Model.CollectionDetails { Origin: not null })
            .ToList();

        var image = Assert.Single(published);
        Assert.Equal("publicly-accessible", ((PolicyCompiler.Model.CollectionDetails)image.Details!).Origin);
        Assert.Equal(new[] { "media.image" }, image.Categories);
        Assert.Equal("6.4", Assert.Single(image.Citations).Section);
    }
}
