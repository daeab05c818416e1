using System;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Docs;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Docs;

/// <summary>
/// The documents show the known country groups among a statement's countries by name, the largest first, and
/// the codes no group took after them.
/// </summary>
public sealed class CountryListingTests
{
    private static readonly string[] Eu = CountryGroups.Find("EU")!.Members.ToArray();
    private static readonly string[] Eea = CountryGroups.Find("EEA")!.Members.ToArray();

    [Fact]
    public void Whole_groups_are_shown_by_name_the_largest_first_and_the_rest_as_codes()
    {
        Assert.Equal(new[] { "EU" }, CountryListing.Of(Eu, "GE"));
        Assert.Equal(new[] { "EEA", "CH", "US" }, CountryListing.Of(Eea.Concat(new[] { "US", "CH" }).OrderBy(c => c, StringComparer.Ordinal).ToArray(), "GE"));
        Assert.Equal(new[] { "EU", "EU-ADEQUATE" }, CountryListing.Of(Eu.Concat(AdequacyDecisions.ByCountry.Keys).ToArray(), "GE"));
        Assert.Equal(new[] { "THIRD-COUNTRIES" }, CountryListing.Of(Countries.All.Where(c => c != "GE").ToArray(), "GE"));
        Assert.Equal(new[] { "THIRD-COUNTRIES", "GE" }, CountryListing.Of(Countries.All.ToArray(), "GE"));
    }

    [Fact]
    public void A_group_short_of_one_member_is_shown_as_its_codes()
    {
        var withoutMalta = Eu.Where(c => c != "MT").ToArray();
        Assert.Equal(withoutMalta, CountryListing.Of(withoutMalta, "GE"));
        // Without a jurisdiction there are no third countries to name.
        var allButGeorgia = Countries.All.Where(c => c != "GE").ToArray();
        Assert.Equal(new[] { "EEA", "EU-ADEQUATE" }, CountryListing.Of(allButGeorgia, null).Take(2));
        Assert.Equal(allButGeorgia.Length - AdequacyDecisions.ByCountry.Count - Eea.Length + 2, CountryListing.Of(allButGeorgia, null).Count);
    }

    [Fact]
    public void The_documents_show_a_transfer_to_a_known_group_by_its_name_in_both_languages_and_the_flow()
    {
        var result = Compile.Text(Compile.Policy("""
              transfer contact.email to THIRD-COUNTRIES basis consent cites §6
              transfer contact.phone to EEA, US basis contract cites §6
            """));
        Assert.False(result.HasErrors, Compile.Render(result));
        foreach (var file in PolicyDocuments.Generate(result))
        {
            Assert.Contains("THIRD-COUNTRIES", file.Text, StringComparison.Ordinal);
            Assert.Contains("EEA, US", file.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("AD, AE, AF", file.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("AT, BE, BG", file.Text, StringComparison.Ordinal);
        }
    }
}
