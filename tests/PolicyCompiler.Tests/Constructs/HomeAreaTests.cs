using System;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// A transfer crosses a border: moving data within the policy's jurisdiction (or, for a jurisdiction in the
/// EEA, within the EEA) is not restricted by the transfer statements, in the evaluator and the guards alike; a
/// destination a statement gives at home is PC1018; a prohibition still denies; the documents say it.
/// </summary>
public sealed class HomeAreaTests
{
    private const string Transfers = """
          transfer contact.* to RU basis consent on law cites §6
        """;

    [Fact]
    public void Data_moved_within_the_jurisdiction_is_permitted_and_a_transfer_abroad_still_needs_its_statement()
    {
        var result = Compile.Text(Compile.Policy(Transfers + "\n  never transfer special.health cites §5") + """
            test "home" {
              allow transfer contact.email to GE
              allow transfer payment.card to GE
              deny transfer special.health to GE
              deny transfer contact.email to RU
              allow transfer contact.email to RU on law
              deny transfer contact.email to DE on law
            }
            """);

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        Assert.Equal(new[] { "GE" }, model.HomeArea);
        Assert.All(PolicyTestRunner.Run(model), r => Assert.True(r.Passed, r.ToString()));
        var implied = model.ImpliedPermissions.Single();
        Assert.True(implied.WithinHomeArea);
        Assert.Equal("transfer", implied.Verb.Keyword);
        // Every category but the one a prohibition forbids outright.
        Assert.Equal(model.Categories.Select(c => c.Name).Where(c => c != "special.health"), implied.Categories);
        Assert.Equal(Array.FindIndex(Compile.Header.Split('\n'), l => l.TrimStart().StartsWith("jurisdiction ", StringComparison.Ordinal)) + 1, implied.Span.Line);
        Assert.Single(model.Permissions);
        GeneratedGuards.AssertAgreeWithEvaluator(result, "Home");
    }

    [Fact]
    public void A_jurisdiction_in_the_EEA_is_at_home_in_the_whole_EEA()
    {
        var policy = Compile.Policy(Transfers).Replace("jurisdiction GE", "jurisdiction DE", StringComparison.Ordinal) + """
            test "EEA" {
              allow transfer contact.email to DE
              allow transfer contact.email to FR
              allow transfer contact.email to NO
              deny transfer contact.email to CH
              deny transfer contact.email to GB
              deny transfer contact.email to GE
            }
            """;
        var result = Compile.Text(policy);

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Equal(30, result.Model!.HomeArea.Count);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        GeneratedGuards.AssertAgreeWithEvaluator(result, "Eea");
    }

    [Fact]
    public void Without_a_jurisdiction_there_is_no_home_and_every_transfer_needs_a_statement()
    {
        var policy = Compile.Policy(Transfers).Replace("  jurisdiction GE\n", string.Empty, StringComparison.Ordinal)
            + "test \"none\" {\n  deny transfer contact.email to GE\n}\n";
        var result = Compile.Text(policy);

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Empty(result.Model!.HomeArea);
        Assert.Empty(result.Model!.ImpliedPermissions);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
    }

    [Theory]
    [InlineData("  store contact.* in RU on law cites §8")]
    [InlineData("  store contact.* of citizens RU in GE, RU on law cites §8")]
    [InlineData("  store contact.* in GE, RU on law cites §8")]
    public void A_policy_that_may_keep_data_abroad_has_no_home_area_and_its_statements_decide(string storage)
    {
        // A question of a transfer has no origin: data kept in RU crosses a border on its way to GE.
        var result = Compile.Text(Compile.Policy(Transfers + "\n" + storage) + "test \"abroad\" {\n  deny transfer contact.email to GE\n}\n");

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Empty(result.Model!.HomeArea);
        Assert.Empty(result.Model!.ImpliedPermissions);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        Assert.Empty(Compile.Text(Compile.Policy("  transfer * to GE, RU basis consent cites §6\n" + storage.Replace(" on law", string.Empty, StringComparison.Ordinal))).Diagnostics);
    }

    [Fact]
    public void Storage_only_at_home_keeps_the_home_area_and_an_unassigned_jurisdiction_has_none()
    {
        Assert.Equal(new[] { "GE" }, Compile.Text(Compile.Policy("  store * in GE cites §8")).Model!.HomeArea);
        var unassigned = Compile.Text(Compile.Policy(Transfers).Replace("jurisdiction GE", "jurisdiction XX", StringComparison.Ordinal));
        Assert.Contains(unassigned.Diagnostics, d => d.Code == "PC1004");
        Assert.Empty(unassigned.Model!.ImpliedPermissions);
    }

    [Fact]
    public void The_rule_leaves_out_the_categories_a_prohibition_forbids_outright()
    {
        var model = Compile.Text(Compile.Policy(Transfers + "\n  never transfer payment.card cites §5\n  never transfer special.* unless law cites §5")).Model!;

        var implied = model.ImpliedPermissions.Single();
        Assert.DoesNotContain("payment.card", implied.Categories);
        Assert.Contains("special.health", implied.Categories);
    }

    [Theory]
    [InlineData("  transfer * to GE, RU basis consent cites §6", "PC1018@16:17", "and the jurisdiction already permits it")]
    [InlineData("  never transfer special.* to GE cites §6", "PC1018@16:31", "yet this prohibition still denies it")]
    [InlineData("  group home countries GE\n  transfer * to home basis consent cites §6", "PC1018@17:17", "and the jurisdiction already permits it")]
    public void A_destination_at_home_is_a_warning_naming_the_jurisdiction(string members, string expected, string ending)
    {
        var result = Compile.Text(Compile.Policy(members));

        Assert.Equal(new[] { expected }, Compile.Positions(Compile.Policy(members)));
        var warning = result.Diagnostics.Single();
        Assert.EndsWith(ending, warning.Message, StringComparison.Ordinal);
        Assert.Contains("jurisdiction (GE)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_EEA_a_member_state_or_the_EU_as_a_destination_is_at_home()
    {
        var policy = Compile.Policy("  transfer * to EU, FR, US basis consent cites §6").Replace("jurisdiction GE", "jurisdiction DE", StringComparison.Ordinal);

        Assert.Equal(new[] { "PC1018@16:17", "PC1018@16:21" }, Compile.Positions(policy));
        Assert.Contains("jurisdiction (DE, and with it the EEA)", Compile.Text(policy).Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop.en.md", "| GE<br>within the jurisdiction's area: not a cross-border transfer |")]
    [InlineData("shop.ka.md", "| GE<br>იურისდიქციის არეალში: არ არის ტრანსსასაზღვრო გადაცემა |")]
    public void The_documents_list_the_jurisdictions_rule_among_the_transfers_and_say_why(string file, string cell)
    {
        var result = Compile.Text(Compile.Policy(Transfers));
        var document = PolicyDocuments.Generate(result).Single(f => f.Name == file).Text;

        Assert.Contains(cell, document, StringComparison.Ordinal);
        // It is no flow of data out of the country: the data-flow diagram shows the statement's RU alone.
        var flow = DataFlowBuilder.Build(result.Model!, result.Model!.Categories.ToList());
        Assert.DoesNotContain(flow.Nodes, n => n.Text is LiteralPhrase { Text: "GE" });
        Assert.Contains(flow.Nodes, n => n.Text is LiteralPhrase { Text: "RU" });
    }
}
