using System;
using System.Linq;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

public sealed class LintTests
{
    [Fact]
    public void Built_in_law_packs_load_and_name_only_existing_checks()
    {
        Assert.Equal(new[] { "ge-pdp", "gdpr" }, LawPack.BuiltIn.Select(p => p.Id).OrderBy(i => i, StringComparer.Ordinal).Reverse());
        foreach (var requirement in LawPack.BuiltIn.SelectMany(p => p.Requirements))
        {
            Assert.True(LintChecks.Exists(requirement.Check), $"law pack names unknown check '{requirement.Check}'");
            Assert.False(string.IsNullOrWhiteSpace(requirement.Description));
        }
    }

    [Theory]
    [InlineData("law x")]
    [InlineData("law x \"X\"\nrequire retention \"Art. 1\"")]
    [InlineData("law x \"X\"\nrequire retention \"Art. 1 \"what\" extra")]
    [InlineData("law x \"X\"\nrequire retention \"Art. 1")]
    [InlineData("require retention \"-\" \"no law line\"")]
    public void Malformed_law_packs_are_refused_with_their_line(string text)
    {
        Assert.Throws<FormatException>(() => LawPack.Parse(text, "test.lawpack"));
    }

    private static string[] Findings(string members)
    {
        var result = Compile.Text(Compile.Policy(members));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return Linter.Lint(result).Select(d => d.Message.Substring(1, d.Message.IndexOf(']', StringComparison.Ordinal) - 1)).ToArray();
    }

    [Fact]
    public void A_complete_notice_has_no_findings()
    {
        var findings = Findings("""
              purpose analytics ka "ანალიზი" en "analytics" basis legitimate-interests cites §2 "to analyse"
              channel authority ka "სამსახური" en "Personal Data Protection Service" address "office@pdps.ge" cites §4
              process contact.email for order cites §1
              transfer * to any basis consent cites §6
              retain * for 3 years after contract-end cites §8
              right access via email cites §9
              right rectification via email cites §9
              right erasure via email cites §9
              right restriction via email cites §9
              right objection via email cites §9
              right portability via email cites §9
              right withdraw-consent via email cites §9
              right automated-decision via email cites §9
              right complaint via authority cites §9
            """).Where(f => f is not ("gdpr:controller-contact" or "gdpr:dpo" or "ge-pdp:controller-contact" or "ge-pdp:dpo")).ToArray();

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("  retain * until purpose-fulfilled cites §8", "gdpr:retention-criteria")]
    [InlineData("  purpose analytics ka \"ანალიზი\" en \"analytics\" basis legitimate-interests cites §2", "gdpr:legitimate-interests")]
    [InlineData("  purpose analytics ka \"ანალიზი\" en \"analytics\" cites §2", "gdpr:legal-basis")]
    [InlineData("  channel post ka \"ფოსტა\" en \"post\" cites §9\n  right complaint via post cites §9", "gdpr:complaint-authority")]
    public void Each_gap_is_found_and_named_by_its_law(string members, string finding)
    {
        Assert.Contains(finding, Findings(members));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData(" required contractual consequence no-order", false)]
    [InlineData(" optional", false)]
    [InlineData(" automatically", false)]
    [InlineData(" at registration", true)]
    public void Data_the_person_gives_must_say_whether_it_is_required(string clause, bool found)
    {
        var members = clause.Length == 0 ? string.Empty : $"  collect contact.email from customer{clause} cites §1";
        Assert.Equal(found, Findings(members).Contains("gdpr:provision"));
    }

    [Theory]
    [InlineData("gdpr:retention")]
    [InlineData("gdpr:transfers")]
    [InlineData("gdpr:right:access")]
    [InlineData("gdpr:withdraw-consent")]
    [InlineData("ge-pdp:complaint-authority")]
    public void What_the_small_policy_lacks_is_reported(string finding)
    {
        Assert.Contains(finding, Findings("  process contact.email for marketing cites §2"));
    }

    [Fact]
    public void A_finding_names_the_law_and_article_and_says_how_to_state_it()
    {
        var result = Compile.Text(Compile.Policy(string.Empty));
        var retention = Linter.Lint(result).Single(d => d.Message.StartsWith("[gdpr:retention]", StringComparison.Ordinal));

        Assert.Equal("PC4001", retention.Code);
        Assert.Equal("[gdpr:retention] the policy does not state how long the data is stored — GDPR Art. 13(2)(a)", retention.Message);
        Assert.StartsWith("State how long data is kept", retention.Help, StringComparison.Ordinal);
        Assert.Equal(1, retention.Span.Line);
    }
}
