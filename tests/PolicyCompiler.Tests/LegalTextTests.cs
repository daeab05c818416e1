using System.Linq;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests;

public sealed class LegalTextTests
{
    private static LegalDocument Segment(string text) => LegalDocument.Segment(new SourceText(text, "legal.txt"));

    [Fact]
    public void Paragraphs_get_ids_by_number_heading_bullet_and_position()
    {
        var document = Segment("Title\n\n1) Heading\nIntro\n • first\n — second\n2. Section\n2.1. Sub\nafter\n5.2 no final dot\n22.11.2021 a date\n");

        Assert.Equal(
            new[] { "p1", "1", "1.p1", "1.b1", "1.b2", "2", "2.1", "2.1.p1", "5.2", "5.2.p1" },
            document.Paragraphs.Select(p => p.Id));
        Assert.Equal(ParagraphKind.Enumerated, document.Find("1")!.Kind);
        Assert.Equal(ParagraphKind.Bullet, document.Find("1.b2")!.Kind);
        Assert.Equal("first", document.Find("1.b1")!.Normalized);
        Assert.Equal(5, document.Find("1.b1")!.Span.Line);
    }

    [Fact]
    public void An_enumerated_item_right_after_a_paragraph_is_an_item_of_its_list_not_a_heading()
    {
        // Hetzner's cookie paragraph ends "…these two sites to help you:" and lists them on the next lines.
        var document = Segment("Intro\n\nsites to help you:\n1) the US site\n2) the EU site\nFurthermore, more.\n\n3) A heading\n\nText\n");

        Assert.Equal(new[] { "p1", "p2", "b1", "b2", "p3", "3", "3.p1" }, document.Paragraphs.Select(p => p.Id));
        Assert.Equal(ParagraphKind.Bullet, document.Find("b1")!.Kind);
        Assert.Equal("2) the EU site", document.Find("b2")!.Normalized);
        Assert.Equal(ParagraphKind.Enumerated, document.Find("3")!.Kind);
    }

    [Fact]
    public void A_number_the_text_gives_twice_gets_a_distinct_id()
    {
        var document = Segment("1. First\n1. Again\n1. Third\n");

        Assert.Equal(new[] { "1", "1#2", "1#3" }, document.Paragraphs.Select(p => p.Id));
    }

    [Theory]
    [InlineData("a  b\u00A0\u00A0c\t d", "a b c d")]
    [InlineData(" • bullet ", "bullet")]
    [InlineData("e\u0301", "é")]
    public void Normalisation_folds_space_drops_bullets_composes_and_never_throws(string text, string normalized)
    {
        Assert.Equal(normalized, LegalText.Normalize(text));
    }

    [Fact]
    public void A_lone_surrogate_is_replaced_not_thrown_on()
    {
        // Built at run time: attribute data cannot carry a lone surrogate intact.
        Assert.Equal("lone \uFFFD surrogate", LegalText.Normalize("lone " + (char)0xD800 + " surrogate"));
    }

    [Fact]
    public void Sections_may_be_cited_with_the_trailing_dot_the_text_writes()
    {
        var text = "policy p {\n  source \"legal.txt\"\n  informative §1., §1.1. \"all of it\"\n}\n";

        var result = Support.Compile.Text(text);
        var checkedResult = Compilation.PolicyCompilation.Compile(result.Text, _ => LegalSource.Found(new SourceText("1. Scope\n1.1. Text\n", "legal.txt")));

        Assert.Empty(checkedResult.Diagnostics);
        Assert.Equal(100, checkedResult.Legal!.Coverage.Percent);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_an_excerpt_is_checked_not_crashed_on()
    {
        var result = Compilation.PolicyCompilation.Compile(
            new SourceText("policy p {\n  source \"legal.txt\"\n  subject s en \"s\" cites \"\\uD800\"\n}\n", "p.policy"),
            _ => LegalSource.Found(new SourceText("1. Scope\n", "legal.txt")));

        Assert.Contains(result.Diagnostics, d => d.Code == "PC2006");
    }
}
