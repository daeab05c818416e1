using System;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// The EU adequacy decisions (Binding/AdequacyDecisions.tsv): the data, read as of 2026-12-01; the country group
/// EU-ADEQUATE they make; and the GDPR pack's check that a transfer on adequacy goes only to those countries.
/// </summary>
public sealed class AdequacyDecisionTests
{
    [Fact]
    public void The_data_file_lists_the_countries_with_an_adequacy_decision_each_with_its_date_decision_and_scope()
    {
        // The Commission's list: the eleven decisions under Directive 95/46/EC kept by GDPR Art. 45(9) (reviewed in
        // January 2024), Japan 2019, Korea 2021, the United Kingdom (renewed 19 December 2025), the United States
        // 2023 (the Data Privacy Framework) and Brazil (Implementing Decision (EU) 2026/179 of 26 January 2026).
        Assert.Equal(
            new[] { "AD", "AR", "BR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "US", "UY" },
            AdequacyDecisions.ByCountry.Keys.OrderBy(c => c, StringComparer.Ordinal));
        var eea = CountryGroups.Find("EEA")!.Members;
        Assert.All(AdequacyDecisions.ByCountry.Values, decision =>
        {
            Assert.True(Countries.IsAssigned(decision.Country), decision.Country);
            Assert.DoesNotContain(decision.Country, eea);
            Assert.True(DateTime.TryParseExact(decision.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), decision.Date);
            Assert.Contains("Decision", decision.Decision, StringComparison.Ordinal);
            Assert.True(decision.Scope is null || decision.Scope.Trim().Length > 10, decision.Country);
        });
        // Six decisions cover only part of the country's law: a transfer on them is made only within it.
        Assert.Equal(new[] { "BR", "CA", "IL", "JP", "KR", "US" }, AdequacyDecisions.ByCountry.Values.Where(d => d.Scope is not null).Select(d => d.Country).OrderBy(c => c, StringComparer.Ordinal));
        Assert.Contains("Data Privacy Framework", AdequacyDecisions.Of("US")!.Scope, StringComparison.Ordinal);
        Assert.Contains("PIPEDA", AdequacyDecisions.Of("CA")!.Scope, StringComparison.Ordinal);
        Assert.Contains("(EU) 2026/179", AdequacyDecisions.Of("BR")!.Decision, StringComparison.Ordinal);
        Assert.Contains("political parties", AdequacyDecisions.Of("KR")!.Scope, StringComparison.Ordinal);
        // The renewal of 2025 is a decision of its own, not an amendment of the one of 2021.
        Assert.Contains("succeeds Implementing Decision (EU) 2021/1772", AdequacyDecisions.Of("GB")!.Decision, StringComparison.Ordinal);
        Assert.Equal("2025-12-19", AdequacyDecisions.Of("GB")!.Date);
    }

    [Fact]
    public void EU_ADEQUATE_is_a_known_country_group_of_those_countries_dated_by_the_latest_decision()
    {
        var group = CountryGroups.Find(AdequacyDecisions.GroupName)!;
        Assert.Equal(AdequacyDecisions.ByCountry.Keys.OrderBy(c => c, StringComparer.Ordinal), group.Members);
        Assert.Equal("2026-01-26", group.AsOf);
        Assert.Contains("Art. 45(3)", group.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transfer_to_EU_ADEQUATE_permits_those_countries_and_no_other()
    {
        var result = Compile.Text(Compile.Policy("  transfer contact.email to EU-ADEQUATE basis adequacy cites §6") + """
            test "adequacy" {
              allow transfer contact.email to US
              allow transfer contact.email to BR
              allow transfer contact.email to GB
              deny transfer contact.email to RU
              deny transfer contact.email to CN
              deny transfer contact.phone to CH
            }
            """);
        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
    }

    [Theory]
    // GDPR Art. 45(1): a transfer on an adequacy decision needs one for the country it goes to.
    [InlineData("  transfer contact.email to US, RU basis adequacy cites §6", "RU")]
    [InlineData("  transfer contact.email to CN basis consent safeguard adequacy cites §6", "CN")]
    [InlineData("  transfer contact.email to any basis adequacy cites §6", "any country")]
    [InlineData("  transfer contact.email to any basis adequacy cites §6\n  transfer contact.phone to KZ, RU basis contract safeguard adequacy cites §6", "KZ, RU, any country")]
    // Every country outside Georgia but the EEA and the adequate ones (249 codes - GE - 30 - 16 = 202): the first
    // twelve and the count of the rest.
    [InlineData("  transfer contact.email to THIRD-COUNTRIES basis adequacy cites §6", "AE, AF, AG, AI, AL, AM, AO, AQ, AS, AU, AW, AX, and 190 more")]
    // Within the EEA nothing is transferred; other grounds are other checks' business.
    [InlineData("  transfer contact.email to DE, NO, JP, EU-ADEQUATE basis adequacy cites §6", null)]
    [InlineData("  transfer contact.email to CN basis consent cites §6\n  transfer contact.phone to RU basis contract safeguard standard-clauses cites §6", null)]
    // Another safeguard beside the decision protects where there is none (Hetzner: "an adequacy decision … or appropriate safeguards").
    [InlineData("  transfer contact.email to THIRD-COUNTRIES basis contract safeguard adequacy, standard-clauses cites §6", null)]
    [InlineData("  transfer contact.email to CN basis standard-clauses safeguard adequacy cites §6", null)]
    [InlineData("  transfer contact.email to CN basis contract safeguard adequacy, adequacy cites §6", "CN")]
    public void A_transfer_on_adequacy_to_a_country_without_a_decision_is_found(string members, string? countries)
    {
        var result = Compile.Text(Compile.Policy(members));
        Assert.False(result.HasErrors, Compile.Render(result));
        var finding = LintAll.Of(result).SingleOrDefault(d => d.Message.StartsWith("[gdpr:adequacy]", StringComparison.Ordinal));
        if (countries is null)
        {
            Assert.Null(finding);
            return;
        }
        Assert.NotNull(finding);
        Assert.Equal(
            "[gdpr:adequacy] the policy does not state the safeguards of transfers to countries without an EU adequacy decision "
            + "(transfers on an adequacy decision to countries that have none: " + countries + ") — GDPR Art. 13(1)(f) and 45(1)",
            finding!.Message);
        Assert.Contains("EU-ADEQUATE", finding.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop.en.md", "## Adequacy decisions relied on", "| US | Commission Implementing Decision (EU) 2023/1795 (2023-07-10) | organisations certified under the EU-U.S. Data Privacy Framework |", "| CH | Commission Decision 2000/518/EC (2000-07-26) | the country's law as a whole |")]
    [InlineData("shop.ka.md", "## გადაწყვეტილებები დაცვის ადეკვატური დონის შესახებ", "| US | Commission Implementing Decision (EU) 2023/1795 (2023-07-10) | organisations certified under the EU-U.S. Data Privacy Framework |", "| CH | Commission Decision 2000/518/EC (2000-07-26) | ქვეყნის კანონმდებლობა მთლიანად |")]
    public void The_documents_list_the_decisions_a_transfer_on_adequacy_relies_on_with_what_each_covers(string file, string heading, string partial, string whole)
    {
        var policy = Compile.Policy("  transfer contact.email to US, CH, CN basis contract safeguard adequacy, standard-clauses cites §6\n  transfer contact.phone to JP basis consent cites §6");
        var document = PolicyDocuments.Generate(Compile.Text(policy)).Single(f => f.Name == file).Text;

        Assert.Contains(heading, document, StringComparison.Ordinal);
        Assert.Contains(partial, document, StringComparison.Ordinal);
        Assert.Contains(whole, document, StringComparison.Ordinal);
        // CN has no decision; JP has one, but the transfer there is on consent, not on it.
        Assert.DoesNotContain("| CN | Comm", document, StringComparison.Ordinal);
        Assert.DoesNotContain("| JP | Comm", document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_transfers_on_no_adequacy_decision_has_no_such_table()
    {
        var document = PolicyDocuments.Generate(Compile.Text(Compile.Policy("  transfer contact.email to US basis consent cites §6"))).Single(f => f.Name == "shop.en.md").Text;

        Assert.DoesNotContain("Adequacy decisions relied on", document, StringComparison.Ordinal);
    }
}
