using System.Linq;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests;

public sealed class ParserTests
{
    private static PolicyFileSyntax Parse(string text)
    {
        var result = PolicyParser.Parse(new SourceText(text, "test.policy"));
        Assert.Empty(result.Diagnostics);
        return result.Syntax;
    }

    [Fact]
    public void Every_node_carries_its_exact_span()
    {
        const string text = "policy p {\n  process contact.email, payment.* for order on law\n    cites §5.2.1 \"excerpt\" // why\n}\n";
        var syntax = Parse(text);

        var process = Assert.IsType<DecisionSyntax>(Assert.Single(syntax.Members));
        Assert.Equal("process", process.Verb.Keyword);
        Assert.Equal(new SourceSpan(13, 76, 2, 3), process.Span);
        Assert.Equal("process contact.email, payment.* for order on law\n    cites §5.2.1 \"excerpt\"", text.Substring(process.Span.Start, process.Span.Length));
        Assert.Equal(new SourceSpan(21, 13, 2, 11), process.Categories[0].Span);
        Assert.Equal("payment.*", process.Categories[1].Text);
        Assert.Equal(new SourceSpan(36, 9, 2, 26), process.Categories[1].Span);
        var citation = Assert.Single(process.Citations);
        Assert.Equal("5.2.1", citation.Section!.Text);
        Assert.Equal(new SourceSpan(73, 6, 3, 11), citation.Section.Span);
        Assert.Equal("excerpt", citation.Excerpt!.Value);
        Assert.Equal(new SourceSpan(73, 16, 3, 11), citation.Span);
    }

    [Fact]
    public void Comments_are_kept_with_their_spans_and_strings_are_not_mistaken_for_comments()
    {
        const string text = "// head\npolicy p { /* block\n comment */\n  source \"a//b.txt\" // tail\n}\n";
        var syntax = Parse(text);

        Assert.Equal(new[] { "// head", "/* block\n comment */", "// tail" }, syntax.Comments.Select(c => c.Text));
        Assert.Equal(new SourceSpan(19, 20, 2, 12), syntax.Comments[1].Span);
        Assert.Equal("a//b.txt", Assert.IsType<SourceSyntax>(Assert.Single(syntax.Members)).Path.Value);
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"back\\\\slash\"", "back\\slash")]
    [InlineData("\"line\\nbreak\\ttab\\r\"", "line\nbreak\ttab\r")]
    [InlineData("\"\\u10D0\\u10d1\"", "აბ")]
    [InlineData("\"ქართული */ </summary> {{ #line\"", "ქართული */ </summary> {{ #line")]
    public void String_escapes_are_resolved(string literal, string value)
    {
        var syntax = Parse("policy p {\n  source " + literal + "\n}\n");
        Assert.Equal(value, Assert.IsType<SourceSyntax>(Assert.Single(syntax.Members)).Path.Value);
    }

    [Fact]
    public void Crlf_and_lf_input_give_the_same_tree_shape_and_lines()
    {
        var lf = Parse(Compile.Policy("  process contact.email for marketing cites §2"));
        var crlf = Parse(Compile.Policy("  process contact.email for marketing cites §2").Replace("\n", "\r\n", System.StringComparison.Ordinal));

        Assert.Equal(lf.Members.Count, crlf.Members.Count);
        Assert.Equal(lf.Members.Select(m => m.Span.Line), crlf.Members.Select(m => m.Span.Line));
        Assert.Equal(lf.Members.Select(m => m.Span.Column), crlf.Members.Select(m => m.Span.Column));
    }

    [Fact]
    public void Reserved_words_cannot_start_a_name_but_vocabulary_words_may_be_keywords()
    {
        Assert.Contains("PC0001", Compile.Codes("policy p {\n  category share ka \"x\" en \"x\" cites §1\n}\n"));
        Assert.Contains("PC0001", Compile.Codes("policy p {\n  category cites.x ka \"x\" en \"x\" cites §1\n}\n"));
        var syntax = Parse("policy p {\n  purpose m ka \"x\" en \"x\" basis consent cites §1\n  category special.health ka \"x\" en \"x\" special cites §1\n}\n");
        Assert.Equal("consent", Assert.IsType<DeclarationSyntax>(syntax.Members[0]).Bases.Single().Text);
        Assert.True(Assert.IsType<DeclarationSyntax>(syntax.Members[1]).IsSpecial);
    }

    [Fact]
    public void Never_statements_keep_their_verb_and_qualifiers()
    {
        var syntax = Parse("policy p {\n  never share payment.card with partners for marketing unless law cites §5.4\n  never store * of citizens RU, KZ in DE\n}\n");

        var share = Assert.IsType<NeverSyntax>(syntax.Members[0]);
        Assert.Equal(Verbs.Share, share.Verb);
        Assert.Equal("partners", Assert.Single(share.Dimensions[0].Names).Text);
        Assert.Equal("marketing", Assert.Single(share.Dimensions[1].Names).Text);
        Assert.Equal("law", Assert.Single(share.Unless).Text);
        var store = Assert.IsType<NeverSyntax>(syntax.Members[1]);
        Assert.Equal(new[] { "RU", "KZ" }, store.Dimensions[0].Names.Select(c => c.Text));
        Assert.True(store.Dimensions[1].IsAbsent);
        Assert.Equal("DE", Assert.Single(store.Dimensions[2].Names).Text);
    }

    [Fact]
    public void Test_blocks_parse_every_kind_of_question()
    {
        var syntax = Parse("""
            policy p { }
            test "all" {
              allow collect contact.email from customer
              deny process special.health for marketing on law
              allow share contact.email with courier for order
              deny transfer contact.email to US
              deny store contact.email of citizen RU in DE
              allow store contact.email in GE
            }
            """);

        var test = Assert.Single(syntax.Tests);
        Assert.Equal("all", test.Name.Value);
        Assert.Equal(new[] { Verbs.Collect, Verbs.Process, Verbs.Share, Verbs.Transfer, Verbs.Store, Verbs.Store }, test.Expectations.Select(e => e.Question.Verb));
        Assert.Equal(new[] { true, false, true, false, false, true }, test.Expectations.Select(e => e.Allow));
        Assert.Equal("RU", test.Expectations[4].Question.Values[0]!.Text);
        Assert.Null(test.Expectations[5].Question.Values[0]);
    }

    [Fact]
    public void Retain_takes_a_duration_or_an_event_and_nothing_else()
    {
        var syntax = Parse("policy p {\n  retain a for 5 years after contract-end cites §1\n  retain b until purpose-fulfilled cites §1\n}\n");

        var period = Assert.Single(Assert.IsType<RetainSyntax>(syntax.Members[0]).Ends);
        Assert.Equal("5", period.Duration!.Amount.Text);
        Assert.Equal("years", period.Duration.Unit.Text);
        Assert.Equal("contract-end", period.After!.Text);
        Assert.Equal("purpose-fulfilled", Assert.Single(Assert.IsType<RetainSyntax>(syntax.Members[1]).Ends).Until!.Text);
        Assert.Contains("PC0001", Compile.Codes("policy p {\n  retain a forever cites §1\n}\n"));
    }
}
