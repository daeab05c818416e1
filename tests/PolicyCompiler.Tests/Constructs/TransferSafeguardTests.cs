using System;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// A transfer's basis (its ground) and its safeguard (what protects the data where it goes) are stated
/// apart: <c>basis contract safeguard standard-clauses</c>. Both are in the model, the printer and the
/// documents; neither changes a decision; a safeguard given as the basis beside another is PC1019.
/// </summary>
public sealed class TransferSafeguardTests
{
    private const string Statement = "  transfer contact.* to US basis contract safeguard standard-clauses on law cites §6";

    [Fact]
    public void The_basis_and_the_safeguard_are_bound_apart_and_printed_back()
    {
        var policy = Compile.Policy(Statement);
        var result = Compile.Text(policy);

        Assert.Empty(result.Diagnostics);
        var transfer = result.Model!.StatedPermissionsOf(Verbs.Transfer).Single();
        Assert.Equal(new TransferBasis("contract") { Safeguards = new EquatableArray<string>(new[] { "standard-clauses" }) }, transfer.Details);
        Assert.Contains("transfer contact.* to US basis contract safeguard standard-clauses on law cites §6", PolicyFormatter.Format(new SourceText(policy, "p.policy")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_safeguards_are_alternatives_bound_in_order_without_repeats_and_printed_back()
    {
        var policy = Compile.Policy("  transfer * to THIRD-COUNTRIES basis consent safeguard adequacy, standard-clauses, adequacy on law cites §6");
        var result = Compile.Text(policy);

        Assert.Empty(result.Diagnostics);
        var transfer = (TransferBasis)result.Model!.StatedPermissionsOf(Verbs.Transfer).Single().Details!;
        Assert.Equal(new[] { "adequacy", "standard-clauses" }, transfer.Safeguards);
        Assert.Contains("basis consent safeguard adequacy, standard-clauses, adequacy on law", PolicyFormatter.Format(new SourceText(policy, "p.policy")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop.en.md", "| consent safeguard: adequacy decision or standard contractual clauses |")]
    [InlineData("shop.ka.md", "| თანხმობა გარანტია: გადაწყვეტილება დაცვის ადეკვატური დონის შესახებ ან სტანდარტული სახელშეკრულებო პირობები |")]
    public void The_documents_join_several_safeguards_with_or(string file, string cell)
    {
        var policy = Compile.Policy("  transfer * to US basis consent safeguard adequacy, standard-clauses on law cites §6");
        var document = PolicyDocuments.Generate(Compile.Text(policy)).Single(f => f.Name == file).Text;

        Assert.Contains(cell, document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_safeguard_changes_no_decision()
    {
        var with = Compile.Text(Compile.Policy(Statement)).Model!;
        var without = Compile.Text(Compile.Policy(Statement.Replace(" safeguard standard-clauses", string.Empty, StringComparison.Ordinal))).Model!;

        var points = DecisionPoints.Of(with).ToList();
        Assert.NotEmpty(points);
        Assert.All(points, q => Assert.Equal(new Evaluator(without).Decide(q).Allowed, new Evaluator(with).Decide(q).Allowed));
        Assert.Contains(points, q => new Evaluator(with).Decide(q).Allowed);
    }

    [Theory]
    [InlineData("shop.en.md", "| contract safeguard: standard contractual clauses |")]
    [InlineData("shop.ka.md", "| ხელშეკრულება გარანტია: სტანდარტული სახელშეკრულებო პირობები |")]
    public void The_documents_show_both_in_the_basis_column(string file, string cell)
    {
        var document = PolicyDocuments.Generate(Compile.Text(Compile.Policy(Statement))).Single(f => f.Name == file).Text;

        Assert.Contains(cell, document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  transfer * to US basis adequacy safeguard binding-rules cites §6", "PC1019@16:26")]
    [InlineData("  transfer * to US basis consent safeguard treaty cites §6", "PC1006@16:44")]
    [InlineData("  transfer * to US safeguard standard-clauses cites §6", "PC0001@16:20")]
    [InlineData("  transfer * to US basis consent safeguard cites §6", "PC0001@16:44")]
    [InlineData("  transfer * to US basis consent safeguard adequacy, cites §6", "PC0001@16:54")]
    [InlineData("  transfer * to US basis consent safeguard adequacy, treaty cites §6", "PC1006@16:54")]
    public void Misuse_is_reported_where_it_is(string members, string expected)
    {
        Assert.Equal(new[] { expected }, Compile.Positions(Compile.Policy(members)));
    }

    [Fact]
    public void An_unknown_safeguard_is_told_the_safeguards()
    {
        var diagnostic = Compile.Text(Compile.Policy("  transfer * to US basis consent safeguard standard-clause cites §6")).Diagnostics.Single();

        Assert.Equal("Did you mean 'standard-clauses'? A transfer safeguard is one of: adequacy, standard-clauses, binding-rules, code-of-conduct, certification, authorised-clauses.", diagnostic.Help);
    }
}
