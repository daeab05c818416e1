using System.Linq;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary>The parser reports every independent error of a file in one pass, each where it is.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void Five_unrelated_errors_on_five_lines_are_all_reported_at_their_line_and_column()
    {
        var text = Compile.Policy("""
              process contact.email for marketing cites §2
              proces contact.email for marketing cites §2
              share contact.email with courier for cites §3
              retain contact.email for 3 eons cites §4
              store contact.email of citizens RU in Russia cites §8.1
              transfer contact.email to any basis consent cites §6 "unterminated
              process contact.phone for order cites §1
            """);
        var line = Compile.FirstMemberLine;

        var positions = Compile.Positions(text);

        Assert.Equal(
            new[]
            {
                $"PC0010@{line + 1}:3",   // unknown statement 'proces'
                $"PC0001@{line + 2}:40",  // 'for' followed by 'cites', not a purpose
                $"PC1006@{line + 3}:30",  // unknown unit 'eons'
                $"PC1004@{line + 4}:41",  // 'Russia' is not a country code
                $"PC0002@{line + 5}:56",  // unterminated string
            },
            positions);
    }

    [Fact]
    public void A_statement_cut_short_at_the_end_of_a_line_is_reported_there_and_the_next_line_still_parses()
    {
        var text = Compile.Policy("""
              process contact.email for
              share contact.emial with courier cites §3
            """);
        var line = Compile.FirstMemberLine;

        var positions = Compile.Positions(text);

        // The gap after 'for' (column 28), and the typo on the next line, which was parsed as its own statement.
        Assert.Equal(new[] { $"PC0001@{line}:28", $"PC1001@{line + 1}:9" }, positions);
        Assert.Contains("found end of line", Compile.Text(text).Diagnostics[0].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Continuation_lines_of_a_broken_statement_are_skipped_not_reported_again()
    {
        var text = Compile.Policy("""
              category contact.fax ka "ფაქსი"
                en "fax" specal
                cites §1
              process contact.email for marketing cites §2
            """);

        var positions = Compile.Positions(text);

        Assert.Equal(new[] { $"PC0008@{Compile.FirstMemberLine + 1}:14" }, positions);
    }

    [Fact]
    public void A_missing_closing_brace_is_reported_at_the_end_of_the_file_with_the_line_that_opened_it()
    {
        var result = Compile.Text("policy p {\n  jurisdiction GE\n");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PC0005", diagnostic.Code);
        Assert.Equal(3, diagnostic.Span.Line);
        Assert.Contains("opened at line 1", diagnostic.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_policy_header_still_has_its_statements_checked()
    {
        var positions = Compile.Positions("jurisdiction XX\ncategory a ka \"a\" en \"a\" cites §1\n");

        Assert.Equal(new[] { "PC0001@1:1", "PC1004@1:14" }, positions);
    }

    [Fact]
    public void Errors_in_test_blocks_are_reported_and_later_blocks_still_parse()
    {
        var text = Compile.Policy("  process contact.email for marketing cites §2") + """
            test "one" {
              allow process contact.email marketing
              allow process contact.email for marketing
            }
            test "two" {
              deny process contact.phone for marketing
              permit process contact.phone for order
            }
            """;
        var result = Compile.Text(text);

        Assert.Equal(new[] { "PC0001", "PC0010" }, result.Diagnostics.Select(d => d.Code));
        Assert.Equal(new[] { "one", "two" }, result.Model!.Tests.Select(t => t.Name));
        Assert.Single(result.Model.Tests[0].Expectations);
        Assert.Single(result.Model.Tests[1].Expectations);
    }

    [Fact]
    public void Statements_after_an_error_are_still_bound()
    {
        var text = Compile.Policy("""
              proces contact.email for marketing cites §2
              process contact.email for marketing cites §2
            """);

        var result = Compile.Text(text);

        Assert.Single(result.Model!.Permissions);
    }
}
