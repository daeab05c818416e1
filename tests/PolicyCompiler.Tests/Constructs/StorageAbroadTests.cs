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
/// Storage holds on conditions, as the other verbs do, and keeping data outside the jurisdiction's area is a
/// transfer there: a store at a place the transfer rules would refuse on the same conditions is PC3007, naming
/// the store and the transfer (or prohibition) that refuses it. Evaluator, guards and documents agree.
/// </summary>
public sealed class StorageAbroadTests
{
    // Compile.Header: jurisdiction GE; contact.email, contact.phone, payment.card, special.health; condition law.
    private const string Transfers = """
          transfer contact.* to RU, KZ basis consent on law cites §6
          never transfer payment.card cites §6
        """;

    private static readonly int First = Compile.FirstMemberLine;

    [Fact]
    public void A_store_abroad_on_the_transfers_condition_compiles_and_holds_only_on_it()
    {
        var result = Compile.Text(Compile.Policy(Transfers + "\n  store contact.* in GE cites §8\n  store contact.* in RU, KZ on law cites §8") + """
            test "abroad" {
              allow store contact.email in RU on law
              deny store contact.email in RU
              allow store contact.phone in KZ on law
              allow store contact.email in GE
              deny store contact.email in DE on law
            }
            """);

        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Empty(result.Diagnostics);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        GeneratedGuards.AssertAgreeWithEvaluator(result, "Abroad");
    }

    [Fact]
    public void A_store_abroad_without_the_condition_is_an_error_naming_the_transfer_and_what_it_lacks()
    {
        var policy = Compile.Policy(Transfers + "\n  store contact.* in GE, RU, KZ cites §8");
        var result = Compile.Text(policy);

        Assert.Equal(new[] { $"PC3007@{First + 2}:3" }, Compile.Positions(policy));
        var message = result.Diagnostics.Single().Message;
        Assert.Equal(
            $"'store' at line {First + 2} keeps contact.email, contact.phone in KZ, RU, outside the jurisdiction (GE): keeping data there is a transfer, "
            + $"and no 'transfer' statement permits contact.email to go to KZ; the nearest, 'transfer' at line {First}: it holds only on law, which is not given",
            message);
    }

    [Fact]
    public void A_store_abroad_a_prohibition_forbids_names_the_prohibition()
    {
        var policy = Compile.Policy(Transfers + "\n  store payment.card in RU on law cites §8");

        var message = Compile.Text(policy).Diagnostics.Single(d => d.Code == "PC3007").Message;
        Assert.EndsWith($"and 'never transfer' at line {First + 1} prohibits payment.card there", message, StringComparison.Ordinal);
        Assert.Contains("keeps payment.card in RU", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_is_reported_once_however_many_places_and_categories_it_names()
    {
        var diagnostic = Compile.Only(Compile.Policy("  store * in EEA cites §8"), "PC3007");

        Assert.Contains("keeps all 4 of its categories in AT, BE, BG, CY, CZ, and 25 more, outside", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("no 'transfer' statement permits contact.email to go to AT", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jurisdiction GE", "  store * in GE cites §8")]
    [InlineData("jurisdiction DE", "  store * in FR, DE, NO cites §8")]
    [InlineData("  jurisdiction GE\n", "  store * in RU cites §8")]
    public void Storage_within_the_jurisdictions_area_or_without_a_jurisdiction_needs_no_transfer(string jurisdiction, string store)
    {
        // A jurisdiction in the EEA is at home in the whole EEA; without a jurisdiction nothing is abroad.
        var header = jurisdiction.StartsWith("jurisdiction", StringComparison.Ordinal)
            ? Compile.Policy(store).Replace("jurisdiction GE", jurisdiction, StringComparison.Ordinal)
            : Compile.Policy(store).Replace(jurisdiction, string.Empty, StringComparison.Ordinal);

        Assert.Empty(Compile.Text(header).Diagnostics);
    }

    [Fact]
    public void The_localisation_look_up_takes_the_conditions_that_hold()
    {
        var result = Compile.Text(Compile.Policy(Transfers + "\n  store contact.* in GE cites §8\n  store contact.* in RU, KZ on law cites §8\n  store contact.* of citizens RU in RU on law cites §8"));
        Assert.False(result.HasErrors, Compile.Render(result));
        var model = result.Model!;
        var guards = GuardEmitter.Emit(result, new GuardEmitterOptions("Lookup")).Text;
        var generated = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards), "Lookup", model);
        var localisation = VerbSchema.Default["store"].Localisation!;

        Assert.Equal(new[] { "GE" }, generated.Localised(localisation, "contact.email", GeneratedGuards.Anyone));
        Assert.Equal(new[] { "GE", "KZ", "RU" }, generated.Localised(localisation, "contact.email", GeneratedGuards.Anyone, "law").OrderBy(c => c, StringComparer.Ordinal));
        Assert.Empty(generated.Localised(localisation, "contact.email", new string?[] { "RU", null }));
        Assert.Equal(new[] { "RU" }, generated.Localised(localisation, "contact.email", new string?[] { "RU", null }, "law"));
        Assert.Empty(generated.Localised(localisation, "payment.card", GeneratedGuards.Anyone, "law"));
    }

    [Theory]
    [InlineData("shop.en.md", "| RU | required by law |")]
    [InlineData("shop.ka.md", "| RU | კანონი |")]
    public void The_documents_show_the_condition_a_store_holds_on(string file, string cells)
    {
        var result = Compile.Text(Compile.Policy(Transfers + "\n  store contact.* in RU on law cites §8"));
        var document = PolicyDocuments.Generate(result).Single(f => f.Name == file).Text;

        Assert.Contains(cells, document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_localisation_rule_naming_the_place_but_holding_on_a_condition_not_given_is_named_for_the_condition()
    {
        var result = Compile.Text(Compile.Policy(Transfers + "\n  store contact.* in GE cites §8\n  store contact.* of citizens RU in RU on law cites §8"));
        var model = result.Model!;
        var store = VerbSchema.Default["store"];
        var inRussia = Question.Of(store, "contact.email", ("citizens", "RU"), ("locations", "RU"));

        var decision = new Evaluator(model).Decide(inRussia);
        Assert.True(decision.DeniedByDefault, "a rule that lists RU does not restrict RU: it lacks its condition");
        var nearest = Assert.Single(NearestStatements.Of(model, inRussia));
        Assert.Equal(First + 3, nearest.Statement.Span.Line);
        Assert.Equal(new[] { "it holds only on law, which is not given" }, nearest.Missing);
        // Another place is still not among its locations, and the rule for everyone is not named beside it.
        var inGeorgia = new Evaluator(model).Decide(Question.Of(store, "contact.email", ("citizens", "RU"), ("locations", "GE")));
        Assert.Equal(Role.Restricts, Assert.Single(inGeorgia.Reasons).Role);
    }

    [Fact]
    public void Under_a_jurisdiction_in_the_EEA_the_message_names_the_area_and_a_lifted_prohibition_does_not_refuse()
    {
        var policy = Compile.Policy("  transfer contact.* to US basis consent on law cites §6\n  never transfer contact.phone unless law cites §6\n  store contact.* in US on law cites §8")
            .Replace("jurisdiction GE", "jurisdiction DE", StringComparison.Ordinal);
        Assert.Empty(Compile.Text(policy).Diagnostics);

        var refused = Compile.Text(policy.Replace(" in US on law", " in US", StringComparison.Ordinal)).Diagnostics.Single();
        Assert.Contains("keeps contact.email, contact.phone in US, outside the jurisdiction (DE and the rest of the EEA)", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith($"the nearest, 'transfer' at line {First}: it holds only on law, which is not given", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_one_of_the_citizens_rules_names_the_place_the_others_do_not_restrict_it()
    {
        var policy = Compile.Policy(Transfers + "\n  store contact.* of citizens RU in RU on law cites §8\n  store contact.* of citizens RU in KZ on law cites §8");
        var model = Compile.Text(policy).Model!;
        var inRussia = Question.Of(VerbSchema.Default["store"], "contact.email", ("citizens", "RU"), ("locations", "RU"));

        var decision = new Evaluator(model).Decide(inRussia);
        Assert.True(decision.DeniedByDefault, string.Join(", ", decision.Reasons));
        Assert.Contains(NearestStatements.Of(model, inRussia), n => n.Statement.Span.Line == First + 2 && n.Missing.Single() == "it holds only on law, which is not given");
    }
}
