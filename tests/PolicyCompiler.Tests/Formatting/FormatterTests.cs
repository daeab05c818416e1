using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using PolicyCompiler.Cli;
using PolicyCompiler.Formatting;
using PolicyCompiler.Parsing;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Formatting;

public sealed class FormatterTests
{
    private static string Format(string text) =>
        PolicyFormatter.Format(new SourceText(text, "test.policy")) is { Succeeded: true } result
            ? result.Text!
            : throw new Xunit.Sdk.XunitException("not formatted:\n" + Compile.Render(Compile.Text(text)) + PolicyFormatter.Format(new SourceText(text, "test.policy")).Problem);

    private static string[] CommentsOf(string text) =>
        PolicyParser.Parse(new SourceText(text, "test.policy")).Syntax.Comments.Select(c => string.Join("\n", c.Text.Split('\n').Select(l => l.TrimEnd()))).ToArray();

    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_policies_are_in_canonical_form(string policy)
    {
        var text = File.ReadAllText(SeedPolicies.PathOf(policy));
        var formatted = Format(text);
        Assert.True(formatted == text, UnifiedDiff.Create(text, formatted, policy, policy + " (formatted)"));
    }

    /// <summary>
    /// The property, over 150 random policies laid out at random: the formatted text binds to the same model, keeps
    /// every comment in order, formats to itself and has no trailing white space. FsCheck reports the seed of a failure.
    /// </summary>
    [Fact]
    public void Random_layouts_format_to_a_text_that_binds_to_the_same_model_and_formats_to_itself() =>
        Prop.ForAll(Arb.From(PolicyLayouts.Policy), (string policy) =>
        {
            var original = Compile.Text(policy);
            Assert.False(original.HasErrors, $"the generated policy does not compile:\n{Compile.Render(original)}\n{policy}");

            var formatted = Format(policy);
            var reparsed = Compile.Text(formatted);
            Assert.False(reparsed.HasErrors, $"the formatted policy does not compile:\n{Compile.Render(reparsed)}\n{formatted}");
            Assert.Equal(ModelShape.Of(original.Model), ModelShape.Of(reparsed.Model));
            Assert.Equal(CommentsOf(policy), CommentsOf(formatted));
            Assert.Equal(formatted, Format(formatted));
            Assert.True(formatted.Split('\n').All(line => line == line.TrimEnd()), "no line ends in white space:\n" + formatted);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(150));

    [Fact]
    public void A_messy_policy_is_laid_out_canonically() =>
        Snapshot.Verify(Format(Messy), extension: "policy");

    private const string Messy = """
        // The file's first comment stays first.
        policy   shop{ // after the brace



          /* a block comment
             on two lines */
          category contact.email ka "ელფოსტა"    en "email"
             cites §1 "an excerpt"   ,   §2
          category contact.phone ka "ნომერი" en "phone" cites §1 // after a member
          subject customer ka "მომხმარებელი" en "a customer, with \"quotes\", a \\ and a\ttab" cites §1
          purpose marketing ka "მარკეტინგი" en "marketing" basis consent ,legitimate-interests cites §1
          recipient ads ka "რეკლამა" en "advertisers" kind partner cites §1
          condition agreed ka "თანხმობა" en "consent" cites §1
          group  reachable categories contact.*,contact.phone   except contact.email ka "მისაწვდომი" en "reachable"
          group near countries DE ,  FR
          process contact.email /* inside a member */ for marketing cites §2
          share * except   reachable with ads cites §2
          process contact.*,contact.phone for marketing
            cites §1 "a very long excerpt that certainly does not fit on the line with the rest of the statement", §2 "another one"
          collect contact.* from customer at registration
            required contractual consequence no-service cites §1
          transfer contact.email to DE,US basis standard-clauses on agreed cites §2
          store contact.* of citizens RU in RU cites §2
          store contact.*   of   users   in KZ,RU in KZ cites §2
          never share contact.phone with   ads unless agreed cites §2
          retain * for 3 years after account-closure cites §2
          retain contact.email   for marketing   until unsubscribed   or for 2 years whichever  first then   anonymise on agreed cites §2
          // before the closing brace

        }
        test "email" {
          allow   process contact.email for marketing
          deny    process contact.email for   marketing   on     nothing-at-all
        }
        // the last comment
        """;

    // Issue 19, deliver 5: a list longer than a line is broken after its commas, within the line width, and a
    // clause after it starts a line of its own; before, the list stayed on one line of any length.
    [Fact]
    public void A_list_longer_than_a_line_is_broken_after_its_commas()
    {
        var purposes = Enumerable.Range(1, 14).Select(i => "purpose-number-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var members = string.Concat(purposes.Select(p => $"  purpose {p} ka \"მ\" en \"p\" cites §1\n"))
            + "  process contact.email for " + string.Join(", ", purposes) + " on law cites §1\n"
            + "  informative " + string.Join(", ", Enumerable.Range(10, 30).Select(i => "§" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " \"headings\"\n";
        var formatted = Format(Compile.Policy(members));

        Assert.All(formatted.Split('\n'), line => Assert.True(line.Length <= PolicyFormatter.LineWidth, line));
        var lines = formatted.Split('\n');
        var process = Array.FindIndex(lines, l => l.StartsWith("  process contact.email", StringComparison.Ordinal));
        Assert.Equal("  process contact.email", lines[process]);
        Assert.StartsWith("    for purpose-number-1, purpose-number-2, ", lines[process + 1], StringComparison.Ordinal);
        Assert.EndsWith(",", lines[process + 1], StringComparison.Ordinal);
        var on = Array.IndexOf(lines, "    on law", process);
        Assert.True(on > process + 2, formatted);
        for (var i = process + 2; i < on; i++) Assert.StartsWith("      purpose-number-", lines[i], StringComparison.Ordinal);
        var informative = Array.FindIndex(lines, l => l.StartsWith("  informative §10, §11, ", StringComparison.Ordinal));
        Assert.StartsWith("    §", lines[informative + 1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l == "    \"headings\"");
        Assert.Equal(formatted, Format(formatted));
        var before = Compile.Text(Compile.Policy(members)).Model!.Permissions.Single();
        var after = Compile.Text(formatted).Model!.Permissions.Single();
        Assert.Equal(14, before[before.Verb.Dimensions[0]].Names.Count);
        Assert.Equal(before.Verb.Dimensions.Select(d => string.Join(",", before[d].Names)), after.Verb.Dimensions.Select(d => string.Join(",", after[d].Names)));
    }

    [Fact]
    public void The_line_ending_of_the_file_is_kept()
    {
        var crlf = "policy p {\r\n  // c\r\n  category a ka \"ა\" en \"a\" cites §1\r\n}\r\n";
        Assert.Equal(crlf, Format(crlf.Replace("\r\n  ", "\r\n      ", System.StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("\"", "\\\"")]
    [InlineData("\\", "\\\\")]
    [InlineData("\n", "\\n")]
    [InlineData("\t", "\\t")]
    [InlineData("\u202E", "\\u202E")]
    [InlineData("\u200B", "\\u200B")]
    [InlineData("\u0001", "\\u0001")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("// /* */", "// /* */")]
    [InlineData("ქართული 😀", "ქართული 😀")]
    public void Strings_are_written_so_that_they_read_back_as_the_same_value_and_invisible_characters_show(string value, string written)
    {
        Assert.Equal("\"" + written + "\"", PolicyLiteral.Quote(value));
        var text = $"policy p {{\n  category a ka {PolicyLiteral.Quote(value)} en \"a\" cites §1\n}}\n";
        var label = Compile.Text(Format(text)).Model!.Categories[0].Labels[0].Text;
        Assert.Equal(value, label);
    }

    [Fact]
    public void A_file_with_syntax_errors_is_not_formatted()
    {
        var result = PolicyFormatter.Format(new SourceText("policy p {\n  category a ka \"unterminated\n}\n", "bad.policy"));
        Assert.False(result.Succeeded);
        Assert.Null(result.Problem);
        Assert.Contains(result.Diagnostics, d => d.Code == "PC0002");
    }
}
