using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyCompiler.Docs;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Docs;

/// <summary>The documents reproduce the legal text exactly, and their links land where they say.</summary>
public sealed class FidelityTests
{
    public static TheoryData<string, string> Seeds() => new()
    {
        { "eleven/eleven.policy", "eleven/privacy-policy.ka.txt" },
        { "hetzner/hetzner.policy", "hetzner/privacy-policy.txt" },
        { "spar-online/spar-online.policy", "spar-online/privacy-policy.ka.txt" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Markdown_in_each_language_reproduces_the_legal_text(string policy, string legal)
    {
        var compilation = SeedPolicies.Compile(policy);
        foreach (var language in DocLanguage.All)
        {
            var markdown = DocumentSnapshotTests.Document(policy, MarkdownDocument.FileName(compilation.Model!.Id, language));
            var paragraphs = DocumentReader.MarkdownLegalText(markdown);

            Assert.Equal(compilation.Legal!.Document.Paragraphs.Select(p => p.Id), paragraphs.Select(p => p.Id));
            Assert.Equal(SourceText(legal), DocumentReader.Fold(string.Join(" ", paragraphs.Select(p => p.Text))));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Review_page_reproduces_the_legal_text(string policy, string legal)
    {
        var compilation = SeedPolicies.Compile(policy);
        var paragraphs = DocumentReader.HtmlLegalText(DocumentSnapshotTests.Document(policy, HtmlReviewPage.FileName(compilation.Model!.Id)));

        Assert.Equal(compilation.Legal!.Document.Paragraphs.Select(p => DocText.ParagraphAnchor(p.Id)), paragraphs.Select(p => p.Id));
        Assert.Equal(SourceText(legal), DocumentReader.Fold(string.Join(" ", paragraphs.Select(p => p.Text))));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_link_of_the_review_page_lands_on_an_element_of_the_page(string policy, string legal)
    {
        _ = legal;
        var page = DocumentReader.ParseHtml(DocumentSnapshotTests.Document(policy, HtmlReviewPage.FileName(SeedPolicies.Compile(policy).Model!.Id)));
        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

        var targets = page.Descendants("a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.NotEmpty(targets);
        Assert.All(targets, href => Assert.Contains(href.TrimStart('#'), ids));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_link_of_the_markdown_lands_on_an_anchor_of_the_document(string policy, string legal)
    {
        _ = legal;
        var id = SeedPolicies.Compile(policy).Model!.Id;
        foreach (var language in DocLanguage.All)
        {
            var markdown = DocumentSnapshotTests.Document(policy, MarkdownDocument.FileName(id, language));
            var anchors = Regex.Matches(markdown, "<a id=\"([^\"]+)\"></a>").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var links = DocumentReader.Inlines(DocumentReader.ParseMarkdown(markdown)).OfType<Markdig.Syntax.Inlines.LinkInline>().Select(l => l.Url!).ToList();

            Assert.NotEmpty(links);
            var otherLanguages = DocLanguage.All.Where(l => l != language).Select(l => MarkdownDocument.FileName(id, l));
            Assert.All(links, url => Assert.True(url.StartsWith('#') ? anchors.Contains(url.Substring(1)) : otherLanguages.Contains(url), url));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_cited_excerpt_is_highlighted_in_its_paragraph_and_linked_to_a_fact_that_cites_it(string policy, string legal)
    {
        _ = legal;
        var compilation = SeedPolicies.Compile(policy);
        var facts = FactsBuilder.Build(compilation);
        var page = DocumentReader.ParseHtml(HtmlReviewPage.Render(facts, Array.Empty<Diagnostics.Diagnostic>(), Array.Empty<Evaluation.ExpectationResult>()));
        var paragraphs = page.Descendants("div").Where(d => DocumentReader.HasClass(d, "para")).ToDictionary(d => (string)d.Attribute("id")!);

        var excerpts = facts.Tables.SelectMany(t => t.Rows).SelectMany(f => f.Citations.Select(c => (Fact: f, Citation: c)))
            .Where(c => c.Citation.Citation.Excerpt is not null)
            .ToList();
        Assert.NotEmpty(excerpts);
        foreach (var (fact, citation) in excerpts)
        {
            Assert.NotNull(citation.Passage);
            var paragraph = paragraphs[DocText.ParagraphAnchor(citation.Passage!.Paragraph.Id)];
            var highlights = paragraph.Descendants("a").Where(a => DocumentReader.HasClass(a, "excerpt")).ToList();
            var excerpt = LegalText.Normalize(citation.Citation.Excerpt!);
            var highlight = highlights.FirstOrDefault(h => LegalText.Normalize(h.Value).Contains(excerpt, StringComparison.Ordinal));
            Assert.True(highlight is not null, $"{fact.Label}: \"{excerpt}\" is not highlighted in §{citation.Passage.Paragraph.Id}");
            Assert.Contains(fact.Label, ((string)highlight!.Attribute("title")!).Split(' ', ',').Where(s => s.Length > 0));
        }
    }

    [Fact]
    public void A_paragraph_only_marked_informative_is_shown_as_informative_not_as_cited()
    {
        var page = DocumentReader.ParseHtml(DocumentSnapshotTests.Document("eleven/eleven.policy", "eleven.html"));
        string Classes(string id) => (string)page.Descendants("div").Single(d => (string?)d.Attribute("id") == DocText.ParagraphAnchor(id)).Attribute("class")!;

        Assert.Equal("para numbered informative", Classes("1.3"));
        Assert.Equal("para numbered cited", Classes("1.1"));
    }

    private static string SourceText(string legal) => DocumentReader.Fold(File.ReadAllText(Path.Combine(SeedPolicies.Root, legal)));
}
