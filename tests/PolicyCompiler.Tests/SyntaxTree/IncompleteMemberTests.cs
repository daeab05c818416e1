using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.SyntaxTree;

/// <summary>
/// The error-tolerant tree: a member cut short at any token boundary is kept, with every token it read in
/// order and what could come next, and the question "what is at offset N" answers inside it. A cut that is a
/// whole member parses as one.
/// </summary>
public sealed class IncompleteMemberTests
{
    private const string Head = "policy p {\n  ";

    public static TheoryData<string> Members => new()
    {
        "title ka \"სათაური\" en \"title\" cites §1",
        "controller \"შპს ილევენი\" website \"www.eleven.city\" email \"info@eleven.city\" cites §1",
        "effective 2021-11-22 cites §1",
        "source \"legal.txt\"",
        "jurisdiction GE cites §1",
        "subject customer ka \"მომხმარებელი\" en \"customer\" cites §1.2",
        "category contact.email ka \"ელფოსტა\" en \"email\" special cites §5.2.1",
        "purpose marketing ka \"მარკეტინგი\" en \"marketing\" basis consent cites §4.3.6",
        "recipient courier ka \"კურიერი\" en \"courier\" kind processor cites §3",
        "tracking pixel ka \"პიქსელი\" en \"pixel\" kind pixel cites §2",
        "channel email ka \"ელფოსტა\" en \"email\" address \"info@eleven.city\" cites §9.6",
        "condition law ka \"კანონი\" en \"law\" cites §5.3",
        "group identifying categories contact.*, identity.* except identity.age ka \"იდენტიფიცირებადი\" en \"identifying\" cites §1.p7",
        "group near countries DE, FR",
        "process * except payment.card, special.* for marketing cites §4.3",
        "collect contact.*, identity.name from customer at registration automatically via pixel required contractual consequence no-service cites §5.2.1 \"excerpt\"",
        "process contact.email, payment.* for marketing, service on opt-in, law cites §4.3",
        "share * with processors for contract on law cites §6.6",
        "transfer * to DE, FR basis adequacy on opt-in cites §6.3",
        "transfer * to any basis consent cites §6.3",
        "store * of citizens RU, KZ in RU cites §8.1 \"რუსეთის ფედერაციის ტერიტორიაზე\"",
        "never share payment.card with partners for marketing unless law cites §5.4",
        "never store * of citizens RU in DE",
        "retain payment.* for 5 years after contract-end cites §8.4",
        "retain * until purpose-fulfilled cites §8.4",
        "right withdraw-consent for marketing via account, email within 10 days consequence block-account cites §9.3.2",
        "consent marketing for marketing given electronic withdraw via email cites §6.2",
        "amendments take-effect 10 days after publication notify via email cites §10.2",
        "informative §1.3, §1.4 \"precedence between documents: nothing to encode\"",
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void A_member_cut_at_any_token_boundary_keeps_what_it_read(string member)
    {
        var tokens = Tokenize(member);
        var keyword = tokens[0].Text;
        Assert.True(tokens.Count >= 2, member);
        for (var cut = 1; cut <= tokens.Count; cut++)
        {
            var end = tokens[cut - 1].End;
            var text = Head + member.Substring(0, end) + "\n}\n";
            var parsed = PolicyParser.Parse(new SourceText(text, "cut.policy"));
            var file = parsed.Syntax;
            var read = tokens.Take(cut).Where(t => t.Text != ",").ToList();
            var at = $"cut after '{tokens[cut - 1].Text}' of: {member}";

            if (file.Incomplete.IsEmpty)
            {
                // Only a prefix that is a member of its own parses; it is kept whole.
                var whole = Assert.Single(file.Members);
                Assert.Equal(keyword, whole.Keyword);
                Assert.DoesNotContain(parsed.Diagnostics, d => d.Code == "PC0001");
                Assert.Equal(text.IndexOf(keyword, System.StringComparison.Ordinal) + end, whole.Span.End);
                // Keywords are not nodes of a complete member: what is at one is the clause or member around it.
                foreach (var token in read.Skip(1).Where(t => !IsKeyword(t.Text)))
                {
                    var node = SyntaxQuery.NodeAt(file, Head.Length + token.Start + token.Text.Length / 2);
                    Assert.True(Text(text, node) == token.Text, $"{at}: '{Text(text, node)}' at '{token.Text}'");
                }
                continue;
            }

            var incomplete = Assert.Single(file.Incomplete);
            Assert.Empty(file.Members);
            Assert.Contains(parsed.Diagnostics, d => d.Code == "PC0001");
            Assert.Equal(keyword, incomplete.Keyword);
            Assert.True(read.Select(t => t.Text).SequenceEqual(incomplete.Tokens.Select(t => Text(text, t))),
                $"{at}: read [{string.Join(" ", incomplete.Tokens.Select(t => Text(text, t)))}]");
            Assert.NotEmpty(incomplete.Missing.Expected);
            Assert.Equal(Head.Length + end, incomplete.Missing.Span.Start);
            Assert.Equal(incomplete.Missing.Expected, SyntaxQuery.ExpectedAt(file, text, Head.Length + end));
            Assert.Empty(SyntaxQuery.ExpectedAt(file, text, Head.Length + tokens[0].Start));
            foreach (var token in read)
            {
                var offset = Head.Length + token.Start + token.Text.Length / 2;
                var path = SyntaxQuery.PathAt(file, offset);
                Assert.Same(incomplete, path.OfType<IncompleteMemberSyntax>().Single());
                Assert.Equal(token.Text, Text(text, path[path.Count - 1]));
            }
        }
    }

    [Fact]
    public void Incomplete_members_are_left_out_of_what_is_bound_formatted_and_documented()
    {
        var text = Head + "process contact.email for\n  process contact.email for marketing cites §2\n}\n";
        var result = Compile.Text(text);

        Assert.Single(result.Syntax.Incomplete);
        Assert.Single(result.Syntax.Members);
        Assert.Single(result.Model!.Permissions);
        Assert.Equal(new[] { "'for' takes: purpose name" }, result.Syntax.Incomplete.Select(m => "'" + ((KeywordSyntax)m.Tokens[m.Tokens.Count - 1]).Text + "' takes: " + string.Join(", ", m.Missing.Expected)));
    }

    [Fact]
    public void A_file_that_parses_keeps_nothing_incomplete_and_comments_are_found_by_offset()
    {
        var text = Head + "// why\n  process contact.email for marketing /* inside */ cites §2\n}\n";
        var file = PolicyParser.Parse(new SourceText(text, "ok.policy")).Syntax;

        Assert.Empty(file.Incomplete);
        Assert.Equal("/* inside */", SyntaxQuery.CommentAt(file, text.IndexOf("inside", System.StringComparison.Ordinal))!.Text);
        Assert.Null(SyntaxQuery.CommentAt(file, text.IndexOf("marketing", System.StringComparison.Ordinal)));
        Assert.IsType<DimensionSyntax>(SyntaxQuery.PathAt(file, text.IndexOf("marketing", System.StringComparison.Ordinal))[^2]);
    }

    private sealed record Token(string Text, int Start)
    {
        public int End => Start + Text.Length;
    }

    /// <summary>The tokens of a member as an author types them: strings, sections, commas, and words.</summary>
    private static List<Token> Tokenize(string member) =>
        Regex.Matches(member, "\"(?:[^\"\\\\]|\\\\.)*\"|,|[^\\s,\"]+").Select(m => new Token(m.Value, m.Index)).ToList();

    private static bool IsKeyword(string token) =>
        Keywords.IsReserved(token) || token is "ka" or "en" or "any" or "special" or "automatically" or "citizens" or "citizen" or "take-effect" or "kind" or "address";

    private static string Text(string text, SyntaxNode node) => text.Substring(node.Span.Start, node.Span.Length);
}
