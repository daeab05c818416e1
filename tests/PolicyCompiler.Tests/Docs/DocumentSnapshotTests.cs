using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Docs;

/// <summary>The seeds' documents as reviewed (committed in policies/generated): a change to what they say shows in the diff.</summary>
public sealed class DocumentSnapshotTests
{
    [Theory]
    [InlineData("eleven/eleven.policy", "ka")]
    [InlineData("eleven/eleven.policy", "en")]
    [InlineData("hetzner/hetzner.policy", "ka")]
    [InlineData("hetzner/hetzner.policy", "en")]
    [InlineData("spar-online/spar-online.policy", "ka")]
    [InlineData("spar-online/spar-online.policy", "en")]
    public void Markdown_is_as_reviewed(string policy, string language)
    {
        var compilation = SeedPolicies.Compile(policy);
        var name = MarkdownDocument.FileName(compilation.Model!.Id, DocLanguage.All.Single(l => l.Code == language));
        Snapshot.VerifyCommitted(Document(policy, name), Repository.Generated("docs/" + name));
    }

    [Theory]
    [InlineData("eleven/eleven.policy")]
    [InlineData("hetzner/hetzner.policy")]
    [InlineData("spar-online/spar-online.policy")]
    public void Review_page_is_as_reviewed(string policy)
    {
        var name = HtmlReviewPage.FileName(SeedPolicies.Compile(policy).Model!.Id);
        Snapshot.VerifyCommitted(Document(policy, name), Repository.Generated("docs/" + name));
    }

    [Fact]
    public void Documents_are_the_same_for_a_checkout_with_crlf_line_endings()
    {
        const string policy = "eleven/eleven.policy";
        var text = System.IO.File.ReadAllText(SeedPolicies.PathOf(policy)).Replace("\n", "\r\n", System.StringComparison.Ordinal);
        var legal = System.IO.File.ReadAllText(System.IO.Path.Combine(SeedPolicies.Root, "eleven", "privacy-policy.ka.txt")).Replace("\n", "\r\n", System.StringComparison.Ordinal);
        var crlf = SeedPolicies.Compile(policy, text, p => PolicyCompiler.Legal.LegalSource.Found(new PolicyCompiler.Text.SourceText(legal, p)));

        Assert.Equal(
            PolicyDocuments.Generate(SeedPolicies.Compile(policy)).Select(f => f.Text),
            PolicyDocuments.Generate(crlf).Select(f => f.Text));
    }

    internal static string Document(string policy, string name) =>
        PolicyDocuments.Generate(SeedPolicies.Compile(policy)).Single(f => f.Name == name).Text;
}
