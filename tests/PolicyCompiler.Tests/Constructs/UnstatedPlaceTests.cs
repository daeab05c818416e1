using System;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// <c>store … in unstated</c>: the legal text discloses the storage but not where (SPAR §1.p5). It stands for the
/// jurisdiction's area, alone, in a permission of a policy with a jurisdiction (PC1022 otherwise); evaluator and
/// guards permit that area and nothing else, and the documents say that the text states no place.
/// </summary>
public sealed class UnstatedPlaceTests
{
    private const string Store = "  store contact.* in unstated cites §8";

    private static readonly int First = Compile.FirstMemberLine;

    [Fact]
    public void It_stands_for_the_jurisdiction_in_the_evaluator_and_the_guards()
    {
        var result = Compile.Text(Compile.Policy(Store) + """
            test "unstated" {
              allow store contact.email in GE
              deny store contact.email in DE
              deny store payment.card in GE
            }
            """);

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Empty(result.Diagnostics);
        var locations = result.Model!.StatedPermissionsOf(VerbSchema.Default["store"]).Single()[VerbSchema.Default["store"].Localisation!.Decides];
        Assert.True(locations.Unstated);
        Assert.Equal(new[] { "GE" }, locations.Names);
        // It keeps the data at home: the policy keeps its home area, so a transfer within GE needs no statement.
        Assert.Equal(new[] { "GE" }, result.Model!.HomeArea);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        GeneratedGuards.AssertAgreeWithEvaluator(result, "Unstated");
    }

    [Fact]
    public void For_a_jurisdiction_in_the_EEA_it_stands_for_the_EEA()
    {
        var policy = Compile.Policy(Store).Replace("jurisdiction GE", "jurisdiction DE", StringComparison.Ordinal) + """
            test "EEA" {
              allow store contact.email in FR
              allow store contact.email in NO
              deny store contact.email in CH
            }
            """;
        var result = Compile.Text(policy);

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
    }

    [Theory]
    [InlineData("  store contact.* in unstated, DE cites §8", 22, "beside countries")]
    [InlineData("  never store contact.* in unstated cites §8", 28, "in a prohibition")]
    public void It_cannot_stand_beside_countries_or_in_a_prohibition(string statement, int column, string where)
    {
        var policy = Compile.Policy(statement);
        var result = Compile.Text(policy);

        Assert.Equal(new[] { $"PC1022@{First}:{column}" }, Compile.Positions(policy));
        Assert.Contains("'in unstated' cannot stand " + where, result.Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_jurisdiction_it_has_no_area_to_stand_for()
    {
        var policy = Compile.Policy(Store).Replace("  jurisdiction GE\n", string.Empty, StringComparison.Ordinal);
        var result = Compile.Text(policy);

        var diagnostic = result.Diagnostics.Single();
        Assert.Equal("PC1022", diagnostic.Code);
        Assert.Contains("without a jurisdiction", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_asks_a_country_not_the_word()
    {
        var result = Compile.Text(Compile.Policy(Store) + "test \"q\" {\n  allow store contact.email in unstated\n}\n");

        Assert.Contains(result.Diagnostics, d => d.Code == "PC1004" && d.Span.Line == First + 3);
    }

    [Fact]
    public void The_formatter_keeps_the_word()
    {
        var formatted = PolicyFormatter.Format(new SourceText(Compile.Policy("  store   contact.*   in   unstated   cites §8"), "test.policy"));

        Assert.True(formatted.Succeeded, formatted.Problem);
        Assert.Contains("\n" + Store + "\n", formatted.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop.en.md", "| not stated in the legal text; read as the jurisdiction's area:<br>GE |")]
    [InlineData("shop.ka.md", "| სამართლებრივ ტექსტში მითითებული არ არის; იგულისხმება იურისდიქციის არეალი:<br>GE |")]
    public void The_documents_say_the_text_states_no_place(string file, string cell)
    {
        var document = PolicyDocuments.Generate(Compile.Text(Compile.Policy(Store))).Single(f => f.Name == file).Text;

        Assert.Contains(cell, document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jurisdiction_that_is_no_country_code_has_no_area_either_and_a_group_may_not_take_the_word()
    {
        var unassigned = Compile.Text(Compile.Policy(Store).Replace("jurisdiction GE", "jurisdiction XX", StringComparison.Ordinal));
        Assert.Contains(unassigned.Diagnostics, d => d.Code == "PC1022");

        var group = Compile.Policy("  group unstated countries RU cites §8\n" + Store);
        Assert.Contains(Compile.Text(group).Diagnostics, d => d.Code == "PC1015" && d.Message.Contains("'unstated' is a word of the language", StringComparison.Ordinal));
    }

    [Fact]
    public void The_data_flow_draws_a_place_not_stated_not_the_jurisdiction()
    {
        var model = Compile.Text(Compile.Policy(Store)).Model!;
        var flow = DataFlowBuilder.Build(model, model.Categories.ToList());

        Assert.Contains(flow.Nodes, n => n.Text is WordPhrase { Key: "w:place-not-stated" });
        Assert.DoesNotContain(flow.Nodes, n => n.Text is LiteralPhrase { Text: "GE" });
    }
}
