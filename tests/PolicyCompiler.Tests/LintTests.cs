using System;
using System.Linq;
using PolicyCompiler.Diagnostics;
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
        return LintAll.Of(result).Where(d => d.Code == "PC4001").Select(d => d.Message.Substring(1, d.Message.IndexOf(']', StringComparison.Ordinal) - 1)).ToArray();
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
        var retention = LintAll.Of(result).Single(d => d.Message.StartsWith("[gdpr:retention]", StringComparison.Ordinal));

        Assert.Equal("PC4001", retention.Code);
        Assert.Equal("[gdpr:retention] the policy does not state how long the data is stored — GDPR Art. 13(2)(a)", retention.Message);
        Assert.StartsWith("State how long data is kept", retention.Help, StringComparison.Ordinal);
        Assert.Equal(1, retention.Span.Line);
    }

    /// <summary>The laws of the PC4002 line, and every finding's code and name, of the small policy with another header.</summary>
    private static (string Laws, string[] Findings) Read(string header, string members, System.Collections.Generic.IReadOnlyList<string>? laws = null)
    {
        var text = Compile.Policy(members).Replace("  jurisdiction GE\n", header, StringComparison.Ordinal);
        var result = Compile.Text(text);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        var lint = Linter.Lint(result, laws);
        return (lint.Single(d => d.Code == "PC4002").Message, lint.Where(d => d.Code != "PC4002").Select(d => d.Code + " " + (d.Message.StartsWith("[", StringComparison.Ordinal) ? d.Message.Substring(1, d.Message.IndexOf(']', StringComparison.Ordinal) - 1) : d.Message)).ToArray());
    }

    [Theory]
    [InlineData("  jurisdiction GE\n", "", "Law of Georgia on Personal Data Protection (2023) (the jurisdiction is GE)")]
    [InlineData("  jurisdiction DE\n", "", "GDPR (Art. 3(1): the jurisdiction DE is in the EEA)")]
    [InlineData("  jurisdiction NO\n", "", "GDPR (Art. 3(1): the jurisdiction NO is in the EEA)")]
    [InlineData("  jurisdiction US\n", "  transfer contact.email to FR basis contract cites §2\n  store contact.email of users in FR in FR cites §2",
        "GDPR (Art. 3(2): the policy has rules for users in FR)")]
    [InlineData("  jurisdiction DE\n", "  transfer contact.email to GE basis contract cites §2\n  store contact.email in DE, GE cites §2",
        "GDPR (Art. 3(1): the jurisdiction DE is in the EEA); Law of Georgia on Personal Data Protection (2023) (the policy keeps data in GE)")]
    [InlineData("  jurisdiction US\n", "", "GDPR (no law applies by the policy's jurisdiction and data, so every law the lint knows); Law of Georgia on Personal Data Protection (2023) (no law applies by the policy's jurisdiction and data, so every law the lint knows)")]
    [InlineData("", "", "GDPR (no law applies by the policy's jurisdiction and data, so every law the lint knows); Law of Georgia on Personal Data Protection (2023) (no law applies by the policy's jurisdiction and data, so every law the lint knows)")]
    [InlineData("  jurisdiction GE\n  laws gdpr\n", "", "GDPR (named by the policy, line 6)")]
    public void The_laws_are_those_the_jurisdiction_and_data_call_for_or_those_named(string header, string members, string laws)
    {
        Assert.Equal("the lint reads the policy under " + laws, Read(header, members).Laws);
    }

    [Fact]
    public void Laws_named_on_the_command_line_replace_those_the_policy_names()
    {
        var (laws, findings) = Read("  jurisdiction GE\n  laws gdpr\n", string.Empty, new[] { "ge-pdp" });

        Assert.Equal("the lint reads the policy under Law of Georgia on Personal Data Protection (2023) (named on the command line)", laws);
        Assert.DoesNotContain(findings, f => f.Contains("gdpr:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_acknowledged_finding_is_shown_at_the_acknowledgement_with_its_reason_and_not_as_a_gap()
    {
        var text = Compile.Policy("  acknowledge retention \"the text states no period\"\n  acknowledge gdpr:dpo, ge-pdp:dpo \"no officer is named\"").Replace("  jurisdiction GE\n", "  laws gdpr, ge-pdp\n", StringComparison.Ordinal);
        var lint = Linter.Lint(Compile.Text(text));

        var retention = lint.Where(d => d.Message.Contains(":retention]", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "PC4003", "PC4003" }, retention.Select(d => d.Code));
        Assert.All(retention, d => Assert.Equal(Compile.FirstMemberLine, d.Span.Line));
        Assert.Equal("[gdpr:retention] acknowledged: the policy does not state how long the data is stored — GDPR Art. 13(2)(a); the policy says: the text states no period", retention[0].Message);
        Assert.Equal(DiagnosticSeverity.Info, retention[0].Severity);
        Assert.Equal(2, lint.Count(d => d.Code == "PC4003" && d.Message.Contains(":dpo]", StringComparison.Ordinal)));
        Assert.DoesNotContain(lint, d => d.Code == "PC4001" && (d.Message.Contains(":retention]", StringComparison.Ordinal) || d.Message.Contains(":dpo]", StringComparison.Ordinal)));
        Assert.Contains(lint, d => d.Code == "PC4001" && d.Message.StartsWith("[gdpr:transfers]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("controller \"sparonline.ge\" website \"sparonline.ge\"", true)]
    [InlineData("controller ka \"spar.ge\" en \"www.spar.ge\"", true)]
    [InlineData("controller \"SPAR Georgia LLC\" website \"sparonline.ge\"", false)]
    [InlineData("controller \"https://www.sparonline.ge/\"", true)]
    [InlineData("controller en \"\"", true)]
    [InlineData("controller ka \"შპს სპარ ჯორჯია\" en \"spar.ge\"", false)]
    public void A_controller_named_only_by_a_domain_is_not_identified(string controller, bool found)
    {
        var text = Compile.Policy(string.Empty).Replace("  controller \"SPAR\" website \"sparonline.ge\"", "  " + controller, StringComparison.Ordinal);
        Assert.Equal(found, Linter.Lint(Compile.Text(text)).Any(d => d.Message.StartsWith("[ge-pdp:controller-identity]", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("  consent marketing-consent for marketing cites §2", true)]
    [InlineData("  consent terms cites §2", true)]
    [InlineData("  consent analytics-consent for analytics cites §2", false)]
    public void A_consent_the_text_asks_for_a_purpose_states_its_basis(string consent, bool found)
    {
        var members = "  purpose analytics ka \"ანალიზი\" en \"analytics\" cites §2\n" + consent;
        Assert.Equal(found, Findings(members).Contains("gdpr:legal-basis"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(" kind profiling", false)]
    [InlineData(" kind direct-marketing", true)]
    public void Profiling_a_purpose_states_that_automated_processing_takes_place(string kind, bool found)
    {
        var members = $"  purpose offers ka \"შეთავაზებები\" en \"offers\"{kind} basis consent cites §2";
        Assert.Equal(found, Findings(members).Contains("ge-pdp:automated-decisions"));
    }

    [Theory]
    [InlineData("", "offers (no consent, no way to withdraw, no time to stop)")]
    [InlineData("  consent offers-consent for offers withdraw via email cites §3", "offers (no time to stop)")]
    [InlineData("  consent offers-consent for offers cites §3\n  right withdraw-consent for offers via email within 10 days cites §3", "offers (no time to stop)")]
    [InlineData("  consent offers-consent for offers cites §3\n  right objection via email within 7 days cites §3", null)]
    [InlineData("  consent offers-consent for offers cites §3\n  right withdraw-consent for offers via email within 1 week cites §3", null)]
    [InlineData("  consent offers-consent for offers cites §3\n  right withdraw-consent for offers via email within 1 week on law cites §3", "offers (no way to withdraw, no time to stop)")]
    public void Direct_marketing_needs_consent_a_way_to_withdraw_and_a_time_to_stop(string members, string? gap)
    {
        var policy = Compile.Policy("  purpose offers ka \"შეთავაზებები\" en \"offers\" kind direct-marketing cites §2\n" + members);
        var finding = Linter.Lint(Compile.Text(policy)).Where(d => d.Message.StartsWith("[ge-pdp:direct-marketing]", StringComparison.Ordinal)).Select(d => d.Message).SingleOrDefault();
        if (gap is null) Assert.Null(finding);
        else Assert.Contains("(direct marketing: " + gap + ")", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_from_a_third_party_the_policy_does_not_name_as_a_source_is_found()
    {
        var findings = Findings("  collect contact.phone from customer origin third-party cites §1");
        Assert.Contains("gdpr:source", findings);
        Assert.Contains("ge-pdp:source", findings);
        Assert.DoesNotContain("gdpr:source", Findings("  collect contact.phone from customer origin publicly-accessible cites §1"));
    }

    [Fact]
    public void The_readme_lists_every_check_and_the_laws_that_run_it()
    {
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(Repository.Root, "README.md"));
        var gdpr = LawPack.BuiltIn.Single(p => p.Id == "gdpr");
        var georgian = LawPack.BuiltIn.Single(p => p.Id == "ge-pdp");
        foreach (var check in LawPack.BuiltIn.SelectMany(p => p.Requirements).Select(r => r.Check).Distinct())
        {
            var article = gdpr.Requirements.FirstOrDefault(r => r.Check == check)?.Article ?? "—";
            var runs = georgian.Requirements.Any(r => r.Check == check) ? "yes" : "—";
            Assert.Matches("\\| `" + System.Text.RegularExpressions.Regex.Escape(check) + "` \\| [^|]+ \\| " + System.Text.RegularExpressions.Regex.Escape(article) + " \\| " + runs + " \\|", readme);
        }
    }

    // Review of the change: an acknowledgement that names the law answers before one that names the check for every
    // law, and one that repeats another acknowledges nothing, saying which line does.
    [Fact]
    public void The_acknowledgement_that_names_the_law_answers_and_a_repeated_one_is_pointed_to_it()
    {
        var text = Compile.Policy("  acknowledge dpo \"no officer\"\n  acknowledge ge-pdp:dpo \"no officer for the Georgian law\"\n  acknowledge retention, retention \"no period\"");
        var lint = Linter.Lint(Compile.Text(text));

        var dpo = lint.Single(d => d.Code == "PC4003" && d.Message.StartsWith("[ge-pdp:dpo]", StringComparison.Ordinal));
        Assert.EndsWith("the policy says: no officer for the Georgian law", dpo.Message, StringComparison.Ordinal);
        var nothing = lint.Where(d => d.Code == "PC4004").Select(d => d.Message).ToList();
        Assert.Contains($"'dpo' acknowledges nothing: line {Compile.FirstMemberLine + 1} acknowledges it already ('ge-pdp:dpo')", nothing);
        Assert.Contains($"'retention' acknowledges nothing: line {Compile.FirstMemberLine + 2} acknowledges it already ('retention')", nothing);
        Assert.Single(lint, d => d.Code == "PC4003" && d.Message.StartsWith("[ge-pdp:retention]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("acknowledge gdpr: \"x\"")]
    [InlineData("acknowledge a::b \"x\"")]
    [InlineData("acknowledge gdpr:dpo: \"x\"")]
    public void A_finding_cut_short_after_a_colon_is_an_error_that_asks_for_the_check(string member)
    {
        var diagnostic = Compile.Text(Compile.Policy("  " + member)).Diagnostics.First();
        Assert.Equal("PC0001", diagnostic.Code);
        Assert.StartsWith("expected a check after ':'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Laws_an_api_caller_names_that_no_pack_has_are_refused_not_read_as_none()
    {
        Assert.Throws<ArgumentException>(() => Linter.Lint(Compile.Text(Compile.Policy(string.Empty)), new[] { "no-such-law" }));
    }
}
