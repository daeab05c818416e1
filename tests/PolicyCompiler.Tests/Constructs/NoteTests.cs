using System;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// How a policy reads words of the text that no statement encodes as written (issue 19, finding 12: Eleven §4.2's
/// "only to conclude contracts", which §4.3 contradicts): <c>note "…" cites §4.2 "…"</c>, shown in the documents.
/// </summary>
public sealed class NoteTests
{
    private const string Note = "  note ka \"განმარტება\" en \"§4.3's purposes are encoded; §4.2's 'only' limits none\" cites §4.2 \"only to conclude contracts\"\n";

    [Fact]
    public void A_note_binds_with_its_citations_and_decides_nothing()
    {
        var result = Compile.Text(Compile.Policy(Note));

        Assert.Empty(result.Diagnostics);
        var note = Assert.Single(result.Model!.Notes);
        Assert.Equal("§4.3's purposes are encoded; §4.2's 'only' limits none", note.Text.Single(l => l.Language == "en").Text);
        Assert.Equal(("4.2", "only to conclude contracts"), (note.Citations.Single().Section, note.Citations.Single().Excerpt));
        Assert.Equal(Compile.Text(Compile.Policy(string.Empty)).Model!.Permissions, result.Model.Permissions);
    }

    [Theory]
    [InlineData("  note \"a reading\"\n", "PC2001")]
    [InlineData("  note cites §4.2\n", "PC0001")]
    [InlineData("  note xx \"a reading\" cites §4.2\n", "PC0001")]
    public void A_note_without_its_words_or_its_reading_is_an_error(string members, string code)
    {
        Assert.Contains(code, Compile.Codes(Compile.Policy(members)));
    }

    [Fact]
    public void The_formatter_prints_it_and_the_diff_knows_it_by_its_reading()
    {
        const string written = "  note   \"a reading\"\n    cites §4.2   \"only\"\n";
        var formatted = PolicyFormatter.Format(new Text.SourceText(Compile.Policy(written), "t.policy")).Text!;
        Assert.Contains("  note \"a reading\" cites §4.2 \"only\"\n", formatted, StringComparison.Ordinal);
        var changes = PolicyCompiler.Diffing.PolicyDiff.Compare(Compile.Text(Compile.Policy(string.Empty)), Compile.Text(Compile.Policy(Note))).Structure;
        Assert.Contains(changes, c => c.Kind.ToString() == "Added" && c.Area == "note");
    }

    [Theory]
    [InlineData("en", "| §4.3's purposes are encoded; §4.2's 'only' limits none |")]
    [InlineData("ka", "| განმარტება |")]
    public void The_documents_show_the_reading_in_a_table_of_its_own(string language, string row)
    {
        var markdown = Compile.Markdown(Compile.Text(Compile.Policy(Note)), language);
        Assert.Contains(row, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("How the policy reads", Compile.Markdown(Compile.Text(Compile.Policy(string.Empty)), "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_reading_is_escaped_in_every_document()
    {
        var hostile = "  note \"<script>alert(1)</script> | **bold** [x](javascript:alert(1))\" cites §4.2\n";
        var result = Compile.Text(Compile.Policy(hostile));
        Assert.False(result.HasErrors, Compile.Render(result));

        var markdown = Compile.Markdown(result, "en");
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("[x](javascript", markdown, StringComparison.Ordinal);
        Assert.Contains("\\| ", markdown, StringComparison.Ordinal);
        var html = HtmlReviewPage.Render(FactsBuilder.Build(result), Array.Empty<Diagnostics.Diagnostic>(), PolicyTestRunner.RunAll(result.Model!));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        DocumentReader.ParseHtml(html);
    }
}
