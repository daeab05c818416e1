using System.Linq;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

public sealed class BinderTests
{
    [Fact]
    public void A_valid_policy_binds_without_diagnostics_and_sorts_its_terms()
    {
        var result = Compile.Text(Compile.Policy("  process contact.email for marketing cites §2"));

        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        Assert.Equal("shop", model.Id);
        Assert.Equal(new[] { "contact.email", "contact.phone", "payment.card", "special.health" }, model.Categories.Select(c => c.Name));
        Assert.True(model.Categories.Single(c => c.Name == "special.health").IsSpecial);
        Assert.Equal(new[] { "consent" }, model.Purposes.Single(p => p.Name == "marketing").Bases);
        Assert.Equal("2021-11-22", model.Effective);
        Assert.Equal("GE", model.Jurisdiction);
        Assert.Equal("sparonline.ge", model.Controller!.Details.Single(d => d.Kind == "website").Value);
    }

    [Theory]
    [InlineData("*", "contact.email,contact.phone,payment.card,special.health")]
    [InlineData("contact", "contact.email,contact.phone")]
    [InlineData("contact.*", "contact.email,contact.phone")]
    [InlineData("contact.email", "contact.email")]
    [InlineData("payment.card, contact.*, contact.email", "contact.email,contact.phone,payment.card")]
    public void Patterns_expand_to_the_declared_categories_they_cover(string pattern, string expected)
    {
        var result = Compile.Text(Compile.Policy($"  process {pattern} for order cites §1"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, string.Join(",", Assert.Single(result.Model!.Permissions).Categories));
    }

    [Fact]
    public void A_parent_name_covers_child_purposes_too()
    {
        var result = Compile.Text(Compile.Policy("""
              purpose marketing.sms ka "სმს" en "sms" basis consent cites §2
              process contact.phone for marketing cites §2
            """));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "marketing", "marketing.sms" }, Assert.Single(result.Model!.Permissions).ValuesOf("purposes"));
    }

    [Theory]
    [InlineData("  process contact.emial for order cites §1", "PC1001", "Did you mean 'contact.email'?")]
    [InlineData("  process contct.* for order cites §1", "PC1001", "Did you mean 'contact'?")]
    [InlineData("  process contact.email for oder cites §1", "PC1001", "Did you mean 'order'?")]
    [InlineData("  process contact.email for order on lwa cites §1", "PC1001", "Did you mean 'law'?")]
    [InlineData("  share contact.email with curier cites §1", "PC1001", "Did you mean 'courier'?")]
    [InlineData("  transfer contact.email to us basis consent cites §1", "PC1004", "Did you mean 'US'?")]
    [InlineData("  transfer contact.email to any basis concent cites §1", "PC1006", "Did you mean 'consent'?")]
    [InlineData("  right acess via email cites §1", "PC1006", "Did you mean 'access'?")]
    [InlineData("  retain contact.email for 3 yaers cites §1", "PC1006", "Did you mean 'years'?")]
    public void Unknown_names_and_words_get_a_did_you_mean(string statement, string code, string help)
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy(statement)).Diagnostics);

        Assert.Equal(code, diagnostic.Code);
        Assert.StartsWith(help, diagnostic.Help, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_of_the_wrong_kind_says_what_it_is()
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy("  process contact.email for courier cites §1")).Diagnostics);

        Assert.Equal("PC1005", diagnostic.Code);
        Assert.Equal("'courier' is a recipient, not a purpose", diagnostic.Message);
    }

    [Fact]
    public void A_duplicate_declaration_names_the_line_of_the_first()
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy("  subject contact.email ka \"x\" en \"x\" cites §1")).Diagnostics);

        Assert.Equal("PC1002", diagnostic.Code);
        Assert.Equal("category 'contact.email' is already declared at line 7", diagnostic.Message);
        Assert.Equal(Compile.FirstMemberLine, diagnostic.Span.Line);
    }

    [Theory]
    [InlineData("2021-02-29", true)]
    [InlineData("2024-02-29", false)]
    [InlineData("2021-13-01", true)]
    [InlineData("2021-00-10", true)]
    [InlineData("2021-04-31", true)]
    public void Dates_must_exist(string date, bool invalid)
    {
        var text = Compile.Policy("").Replace("effective 2021-11-22", "effective " + date, System.StringComparison.Ordinal);

        Assert.Equal(invalid, Compile.Codes(text).Contains("PC1003"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("100000", false)]
    [InlineData("100001", true)]
    [InlineData("99999999999999999999", true)]
    public void Durations_are_range_checked_without_overflow(string amount, bool invalid)
    {
        var codes = Compile.Codes(Compile.Policy($"  retain contact.email for {amount} days cites §1"));

        Assert.Equal(invalid, codes.Contains("PC1008"));
    }

    [Fact]
    public void Every_declaration_and_statement_needs_a_citation_but_header_clauses_do_not()
    {
        var result = Compile.Text(Compile.Policy("""
              category contact.fax ka "ფაქსი" en "fax"
              process contact.email for order
            """));

        Assert.Equal(new[] { "PC2001@16:3", "PC2001@17:3" }, result.Diagnostics.Select(d => $"{d.Code}@{d.Span.Line}:{d.Span.Column}"));
        Assert.Equal("this declaration cites no legal text", result.Diagnostics[0].Message);
        Assert.Equal("this statement cites no legal text", result.Diagnostics[1].Message);
    }

    [Fact]
    public void A_permission_overlapping_a_prohibition_names_both_statements_and_their_lines()
    {
        var result = Compile.Text(Compile.Policy("""
              process contact.* for order, marketing cites §1
              never process contact.phone for marketing cites §2
            """));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("PC3001", diagnostic.Code);
        Assert.Equal("'process' at line 16 permits what 'never process' at line 17 prohibits (contact.phone for marketing)", diagnostic.Message);
        Assert.Equal(16, diagnostic.Span.Line);
    }

    [Theory]
    [InlineData("  process contact.email for order cites §1\n  never process contact.* for marketing cites §2", false)]
    [InlineData("  process special.health for order on law cites §1\n  never process special.* unless law cites §2", false)]
    [InlineData("  process special.health for order cites §1\n  never process special.* unless law cites §2", true)]
    [InlineData("  share contact.email with courier cites §1\n  never share contact.email for marketing cites §2", true)]
    [InlineData("  share contact.email with courier for order cites §1\n  never share contact.email for marketing cites §2", false)]
    [InlineData("  transfer * to any basis consent cites §1\n  never transfer payment.card to CN cites §2", true)]
    [InlineData("  transfer * to DE basis adequacy cites §1\n  never transfer payment.card to CN cites §2", false)]
    [InlineData("  store * of citizens RU in RU cites §1\n  never store * of citizens RU in DE cites §2", false)]
    [InlineData("  store * in DE cites §1\n  never store * of citizens RU in DE cites §2", true)]
    [InlineData("  store * in DE cites §1\n  store * of citizens RU in RU cites §1\n  never store * of citizens RU in DE cites §2", false)]
    [InlineData("  collect payment.card from customer cites §1\n  never collect payment.card cites §2", true)]
    [InlineData("  process payment.card for order cites §1\n  never collect payment.card cites §2", false)]
    public void Overlap_needs_shared_ground_in_every_dimension_and_no_excepted_condition(string statements, bool overlaps)
    {
        Assert.Equal(overlaps, Compile.Codes(Compile.Policy(statements)).Contains("PC3001"));
    }

    [Fact]
    public void Header_clauses_and_label_languages_are_given_once()
    {
        var result = Compile.Text(Compile.Policy("""
              effective 2022-01-01
              category contact.fax ka "ფაქსი" ka "ფაქსი" en "fax" cites §1
            """));

        Assert.Equal(new[] { "PC1007", "PC1007" }, result.Diagnostics.Select(d => d.Code));
        Assert.Equal("'effective' is already given at line 4", result.Diagnostics[0].Message);
        Assert.Equal("2021-11-22", result.Model!.Effective);
    }

    [Fact]
    public void Test_questions_name_declared_terms_exactly()
    {
        var text = Compile.Policy("") + """
            test "a" {
              allow process contact for order
              deny share contact.email with courier for oder
              deny store contact.email of citizen RU in XX
            }
            test "a" { }
            """;

        var codes = Compile.Text(text).Diagnostics.Select(d => d.Code);

        Assert.Equal(new[] { "PC1001", "PC1001", "PC1004", "PC1002" }, codes);
    }

    [Fact]
    public void A_question_naming_a_group_lists_its_members_instead_of_suggesting_itself()
    {
        var text = Compile.Policy("") + "test \"t\" {\n  allow process contact for order\n}\n";

        var diagnostic = Assert.Single(Compile.Text(text).Diagnostics);

        Assert.Equal("undefined category 'contact'", diagnostic.Message);
        Assert.Equal("A question is about one category, and 'contact' is a group: name one of contact.email, contact.phone.", diagnostic.Help);
    }

    [Fact]
    public void Binding_the_same_text_twice_gives_equal_models()
    {
        var text = Compile.Policy("  process contact.* for order on law cites §1 \"x\"\n  store * of citizens RU in RU cites §8");

        Assert.Equal(Compile.Text(text).Model, Compile.Text(text).Model);
        Assert.NotEqual(Compile.Text(text).Model, Compile.Text(text.Replace("RU in RU", "RU in KZ", System.StringComparison.Ordinal)).Model);
    }
}
