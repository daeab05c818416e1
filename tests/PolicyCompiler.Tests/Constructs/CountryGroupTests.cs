using System;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Binding;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// The country groups every policy knows (Binding/CountryGroups.tsv): their data, and their use in lists of
/// countries, where they mean their members as a policy's own groups do.
/// </summary>
public sealed class CountryGroupTests
{
    [Fact]
    public void The_data_file_states_the_EU_and_the_EEA_with_a_date_and_a_source_and_only_assigned_codes()
    {
        var eu = CountryGroups.Find("EU")!;
        var eea = CountryGroups.Find("EEA")!;

        // TEU Art. 52, after the United Kingdom's withdrawal (Art. 50) on 31 January 2020.
        Assert.Equal(27, eu.Members.Count);
        Assert.Contains("GR", eu.Members);
        Assert.DoesNotContain("GB", eu.Members);
        // EEA Agreement Art. 2: the Member States and Iceland, Liechtenstein, Norway.
        Assert.Equal(eu.Members.Concat(new[] { "IS", "LI", "NO" }).OrderBy(c => c, StringComparer.Ordinal), eea.Members);
        Assert.All(CountryGroups.Known.Values, group =>
        {
            Assert.All(group.Members, code => Assert.True(Countries.IsAssigned(code), group.Name + " has " + code));
            Assert.True(DateTime.TryParseExact(group.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), group.AsOf);
            Assert.False(string.IsNullOrWhiteSpace(group.Source));
            Assert.False(Countries.IsAssigned(group.Name), group.Name + " is a country code");
        });
    }

    private const string Statements = """
          group europe countries EEA, CH
          transfer contact.* to EEA basis adequacy cites §6
          transfer * to europe basis consent on law cites §6
          store * in europe on law cites §8
          store * of citizens EU in EU on law cites §8
        """;

    [Fact]
    public void A_list_naming_a_known_group_decides_as_its_members_written_out_in_the_evaluator_and_the_guards()
    {
        var result = Compile.Text(Compile.Policy(Statements) + """
            test "europe" {
              allow transfer contact.email to IS
              allow transfer contact.email to GR
              deny transfer contact.email to CH
              allow store contact.email in CH on law
              deny store contact.email in CH
              deny store contact.email in GB on law
              allow store contact.email of citizen FR in DE on law
              deny store contact.email of citizen FR in CH on law
            }
            """);
        Assert.False(result.HasErrors, Compile.Render(result));
        var model = result.Model!;
        Assert.All(PolicyTestRunner.Run(model), r => Assert.True(r.Passed, r.ToString()));
        Assert.Equal(CountryGroups.Find("EEA")!.Members, model.StatedPermissionsOf(VerbSchema.Default["transfer"]).First().ValuesOf("destinations"));
        Assert.Equal(new[] { "AT", "BE" }, model.Groups.Single().Names.Take(2));
        Assert.Equal(31, model.Groups.Single().Names.Count);

        var guards = GuardEmitter.Emit(result, new GuardEmitterOptions("Europe")).Text;
        var generated = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards), "Europe", model);
        var evaluator = new Evaluator(model);
        var points = DecisionPoints.Of(model).ToList();
        Assert.All(points, q => Assert.Equal(evaluator.Decide(q).Allowed, generated.Decide(q)));
    }

    [Theory]
    [InlineData("  group EU countries DE", "PC1015@16:9")]
    [InlineData("  transfer * to EUU basis consent cites §6", "PC1004@16:17")]
    public void A_known_group_cannot_be_renamed_and_an_unknown_one_is_reported(string members, string expected)
    {
        Assert.Equal(new[] { expected }, Compile.Positions(Compile.Policy(members)));
    }

    [Fact]
    public void An_unknown_country_or_group_is_told_the_groups_and_a_question_or_jurisdiction_takes_one_country()
    {
        var unknown = Compile.Text(Compile.Policy("  group near countries DE, FR\n  transfer * to EUU basis consent cites §6")).Diagnostics.Single();
        Assert.Equal("Did you mean 'EU'? Countries are written as their two-letter ISO 3166-1 code in capitals, such as GE, DE or US; a list of countries may also name a group: EEA, EU, EU-ADEQUATE, THIRD-COUNTRIES, near.", unknown.Help);

        var asked = Compile.Positions(Compile.Policy("  transfer * to EU basis consent cites §6") + "test \"t\" {\n  allow transfer contact.email to EU\n}\n");
        Assert.Equal(new[] { "PC1005@19:35" }, asked);
        Assert.Contains("PC1005", Compile.Codes(Compile.Header.Replace("jurisdiction GE", "jurisdiction EU", StringComparison.Ordinal) + "\n}\n"));
    }
}
