using System;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Compilation;
using PolicyCompiler.Legal;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Bounds;

/// <summary>Segmentation and the citation suggestions on large texts: the answers a small text gets, within bounds.</summary>
public sealed class LegalBoundsTests
{
    [Fact]
    public void A_text_numbered_1_throughout_gets_one_id_per_occurrence()
    {
        var text = string.Concat(Enumerable.Range(0, 200_000).Select(i => "1. line\n"));

        var document = LegalDocument.Segment(new SourceText(text, "legal.txt"));

        Assert.Equal(200_000, document.Paragraphs.Count);
        Assert.Equal(new[] { "1", "1#2", "1#3" }, document.Paragraphs.Take(3).Select(p => p.Id));
        Assert.Equal("1#200000", document.Paragraphs[^1].Id);
        Assert.Equal(200_000, document.Paragraphs.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_missing_section_of_a_text_of_100000_sections_still_gets_its_neighbour_suggested()
    {
        var legal = new StringBuilder();
        for (var top = 1; top <= 100; top++)
        {
            for (var sub = 1; sub <= 1_000; sub++) legal.Append(Invariant($"{top}.{sub}. text\n"));
        }

        var help = HelpOf("§42.1001", legal.ToString(), "PC2004");

        // Every id at one edit from 42.1001 is a candidate; of equally close ones the first in ordinal order.
        Assert.Contains("Did you mean §42.100?", help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_like_no_id_gets_no_suggestion()
    {
        var help = HelpOf("§987.654.321", "1. one\n2. two\n", "PC2004");

        Assert.DoesNotContain("Did you mean", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closest_text_in_a_paragraph_of_100000_words_is_the_run_with_the_typo()
    {
        var words = Enumerable.Range(0, 100_000).Select(i => "w" + (i % 997).ToString(CultureInfo.InvariantCulture)).ToArray();
        var run = words.Skip(73_512).Take(30).ToArray();
        var excerpt = string.Join(" ", run.Select((w, i) => i == 11 ? w + "x" : w));

        var help = HelpOf("§1 \"" + excerpt + "\"", "1. " + string.Join(" ", words) + "\n", "PC2005");

        Assert.Contains("The closest text in §1 is \"" + string.Join(" ", run) + "\".", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closest_text_anywhere_is_found_in_the_paragraph_that_holds_it()
    {
        var legal = string.Concat(Enumerable.Range(1, 900).Select(i => Invariant($"{i}. the text of section {i} says little\n")))
            + "901. personal data is kept for three years\n";

        var help = HelpOf("\"personal data is kept for four years\"", legal, "PC2006");

        Assert.Contains("The closest text is in §901: \"personal data is kept for three years\".", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Past_its_budget_the_closest_text_search_stops_with_a_hint()
    {
        // Every run shares every word with the excerpt, in another order: no bound tells them apart.
        var words = Enumerable.Range(0, 1_000_000).Select(i => "w" + (i % 40).ToString(CultureInfo.InvariantCulture));
        var excerpt = string.Join(" ", Enumerable.Range(0, 400).Select(i => "w" + ((i * 7) % 40).ToString(CultureInfo.InvariantCulture)));

        var help = HelpOf("§1 \"" + excerpt + "\"", "1. " + string.Join(" ", words) + "\n", "PC2005");

        // The best run found before the budget ran out: a run of the paragraph, as many words as the excerpt.
        var quoted = help.Substring(help.IndexOf("The closest text in §1 is \"", StringComparison.Ordinal) + 27).TrimEnd('.', '"');
        Assert.Equal(400, quoted.Split(' ').Length);
    }

    [Fact]
    public void The_excerpt_index_finds_the_paragraphs_that_reading_every_paragraph_finds()
    {
        var random = new Random(11);
        string Words(int count) => string.Join(" ", Enumerable.Range(0, count).Select(_ => "w" + random.Next(12).ToString(CultureInfo.InvariantCulture)));
        var document = LegalDocument.Segment(new SourceText(string.Concat(Enumerable.Range(1, 300).Select(i => Invariant($"{i}. {Words(random.Next(1, 15))}\n"))), "legal.txt"));
        var index = new ExcerptIndex(document);

        // Past the first look-ups the index answers; excerpts start and end inside words, as citations may.
        for (var i = 0; i < 400; i++)
        {
            var paragraph = document.Paragraphs[random.Next(document.Paragraphs.Count)].Normalized;
            var start = random.Next(paragraph.Length);
            var excerpt = i % 3 == 0 ? LegalText.Normalize(Words(random.Next(1, 5))) : paragraph.Substring(start, random.Next(1, paragraph.Length - start + 1)).Trim();
            var expected = document.Paragraphs.Where(p => ExcerptMatcher.Occurs(excerpt, p)).Select(p => p.Id);

            Assert.Equal(expected, index.Containing(excerpt).Select(p => p.Id));
        }
    }

    [Fact]
    public void Words_in_more_paragraphs_than_a_list_holds_still_find_every_paragraph_of_an_excerpt()
    {
        // 20,000 paragraphs "of the law N of the land": "of", "the" and "law" are past the 16,384 a word's list
        // holds, so they narrow nothing; an excerpt of only such words is looked for in every paragraph, one with
        // a number among them through the number's list. Either way the answer is that of reading every paragraph.
        var count = ExcerptIndex.MaxParagraphsPerWord + 3_616;
        var document = LegalDocument.Segment(new SourceText(string.Concat(Enumerable.Range(1, count).Select(i => Invariant($"{i % 900 + 1}.{i / 900 + 1}. of the law {i} of the land\n"))), "legal.txt"));
        var index = new ExcerptIndex(document);
        for (var i = 0; i <= ExcerptIndex.LookupsBeforeIndexing; i++) Assert.Single(index.Containing("law 17 of"));

        Assert.Equal(count, index.Containing("of the law").Count());
        Assert.Equal(
            document.Paragraphs.Where(p => ExcerptMatcher.Occurs("the law 1", p)).Select(p => p.Id),
            index.Containing("the law 1").Select(p => p.Id));
        Assert.Equal(new[] { "900.20" }, index.Containing("the law 17999 of").Select(p => p.Id));
        Assert.Empty(index.Containing("the law 99999 of"));
    }

    /// <summary>The message and help of the diagnostic with the code for a category citing <paramref name="citation"/>.</summary>
    // Issue 19, deliver 5: a new user writes "email" where the text writes "e-mail"; the closest text must be the
    // text's phrase, not another run of as many words that shares the other word.
    [Theory]
    [InlineData("email address", "Send the address of your home and your e-mail address to us.", "e-mail address")]
    [InlineData("e-mail", "Write to the address below, or by email.", "email.")]
    [InlineData("your E-Mail address", "Post your address here, or your e-mail address there.", "your e-mail address")]
    public void The_closest_text_reads_a_hyphenated_word_as_the_same_word(string excerpt, string paragraph, string closest)
    {
        var help = HelpOf("§1 \"" + excerpt + "\"", "1. " + paragraph + "\n", "PC2005");
        Assert.Contains("The closest text in §1 is \"" + closest + "\".", help, StringComparison.Ordinal);
    }

    private static string HelpOf(string citation, string legal, string code)
    {
        var policy = "policy p {\n  source \"legal.txt\"\n  category c ka \"კ\" en \"c\" cites " + citation + "\n}\n";
        var legalText = new SourceText(legal, "legal.txt");
        var result = PolicyCompilation.Compile(new SourceText(policy, "p.policy"), _ => LegalSource.Found(legalText));
        var diagnostic = result.Diagnostics.Single(d => d.Code == code);
        return diagnostic.Message + " " + diagnostic.Help;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
