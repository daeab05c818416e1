using System;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Lint;
using PolicyCompiler.Model;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// Where collected data comes from: by default the controller collects it from the person; <c>by R</c> names the
/// recipient that collects it directly on the controller's behalf (Hetzner: "collected directly by Computop"), and
/// <c>origin W</c> says it comes from elsewhere (GDPR Art. 14(2)(f); Eleven §6.4, images the person published).
/// Both describe the collection in the documents; neither changes a decision.
/// </summary>
public sealed class CollectionOriginTests
{
    private const string Collections = """
          collect payment.card from customer at order by courier required contractual cites §1
          collect contact.email from customer origin publicly-accessible cites §1
        """;

    private static readonly int First = Compile.FirstMemberLine;

    private static CollectionDetails DetailsAt(PolicyModel model, int index) =>
        (CollectionDetails)model.StatedPermissionsOf(VerbSchema.Default["collect"]).ElementAt(index).Details!;

    [Fact]
    public void The_collector_and_the_origin_are_bound_and_the_others_stay_empty()
    {
        var result = Compile.Text(Compile.Policy(Collections + "\n  collect contact.phone from customer at registration optional cites §1"));

        Assert.False(result.HasErrors, Compile.Render(result));
        var model = result.Model!;
        Assert.Equal(("courier", (string?)null), (DetailsAt(model, 0).CollectedBy, DetailsAt(model, 0).Origin));
        Assert.Equal(((string?)null, "publicly-accessible"), (DetailsAt(model, 1).CollectedBy, DetailsAt(model, 1).Origin));
        Assert.Equal(((string?)null, (string?)null), (DetailsAt(model, 2).CollectedBy, DetailsAt(model, 2).Origin));
    }

    [Theory]
    [InlineData("  collect contact.email from customer origin public cites §1", "PC1006", 46)]
    [InlineData("  collect contact.email from customer by marketing cites §1", "PC1005", 42)]
    [InlineData("  collect contact.email from customer by computop cites §1", "PC1001", 42)]
    [InlineData("  collect contact.email from customer by cites §1", "PC0001", 42)]
    public void A_wrong_origin_or_collector_is_reported_where_it_is_written(string statement, string code, int column)
    {
        var policy = Compile.Policy(statement);

        Assert.Equal(new[] { $"{code}@{First}:{column}" }, Compile.Positions(policy));
    }

    [Fact]
    public void An_unknown_origin_lists_the_words_and_suggests_the_closest()
    {
        var diagnostic = Compile.Text(Compile.Policy("  collect contact.email from customer origin third-part cites §1")).Diagnostics.Single();

        Assert.Contains("third-party", diagnostic.Message + diagnostic.Help, StringComparison.Ordinal);
        Assert.Contains("publicly-accessible", diagnostic.Message + diagnostic.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_changes_a_decision()
    {
        var described = Compile.Text(Compile.Policy(Collections)).Model!;
        var plain = Compile.Text(Compile.Policy(Collections.Replace(" by courier", string.Empty, StringComparison.Ordinal).Replace(" origin publicly-accessible", string.Empty, StringComparison.Ordinal))).Model!;

        var questions = new DecisionSpace(described).Questions().Where(q => q.Verb.Keyword == "collect").ToList();
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Equal(new Evaluator(plain).Decide(q).Allowed, new Evaluator(described).Decide(q).Allowed));
    }

    [Fact]
    public void The_formatter_writes_the_clauses_in_the_grammars_order()
    {
        var formatted = PolicyFormatter.Format(new SourceText(Compile.Policy("  collect payment.card  from customer   at order  by  courier  origin   third-party required contractual cites §1"), "test.policy"));

        Assert.True(formatted.Succeeded, formatted.Problem);
        Assert.Contains("\n  collect payment.card from customer at order by courier origin third-party required contractual cites §1\n", formatted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_collector_is_one_recipient_not_a_group()
    {
        var diagnostic = Compile.Only(Compile.Policy("  group carriers recipients courier\n  collect contact.email from customer by carriers cites §1"), "PC1001");

        Assert.Contains("Data is collected by one recipient, and 'carriers' is a group", diagnostic.Help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shop.en.md", "collected directly by: delivery partner", "not from the person: obtained from publicly accessible sources")]
    [InlineData("shop.ka.md", "უშუალოდ აგროვებს: კურიერი", "არა თავად პირისგან: მოპოვებულია საჯაროდ ხელმისაწვდომი წყაროებიდან")]
    public void The_documents_say_who_collects_and_where_the_data_comes_from(string file, string collector, string origin)
    {
        var document = PolicyDocuments.Generate(Compile.Text(Compile.Policy(Collections))).Single(f => f.Name == file).Text;

        Assert.Contains(collector, document, StringComparison.Ordinal);
        Assert.Contains(origin, document, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_from_another_origin_is_not_asked_whether_the_person_must_give_it()
    {
        var result = Compile.Text(Compile.Policy(Collections));

        var provision = LintAll.Of(result).Where(d => d.Message.StartsWith("[gdpr:provision]", StringComparison.Ordinal)).ToList();
        Assert.Empty(provision);
        var without = Compile.Text(Compile.Policy(Collections.Replace(" origin publicly-accessible", string.Empty, StringComparison.Ordinal)));
        Assert.Contains(LintAll.Of(without), d => d.Message.StartsWith("[gdpr:provision]", StringComparison.Ordinal) && d.Message.Contains("contact.email", StringComparison.Ordinal));
    }
}
