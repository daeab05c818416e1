using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Schema;

/// <summary>
/// The proof that a verb's descriptor is the only place that says what it means: a made-up verb,
/// <c>sell &lt;categories&gt; to &lt;recipients&gt; [for &lt;purposes&gt;] [on &lt;conditions&gt;]</c>, defined here and nowhere
/// in the compiler, goes through parsing, binding, the overlap check, the evaluator and the policy tests, the
/// guards (compiled by Roslyn with warnings as errors) and the differential test over the whole decision space.
/// </summary>
public sealed class MadeUpVerbTests
{
    private static readonly DecisionVerb Sell = new(
        "sell",
        new[]
        {
            new DecisionDimension("recipients", DeclarationKind.Recipient, "to", "buyer", required: true),
            new DecisionDimension("purposes", DeclarationKind.Purpose, "for", "purpose", required: false, anyWord: "w:any-purpose"),
        },
        takesConditions: true,
        "selling data of the category to the buyer (for the purpose, if given)",
        new VerbDocumentation { Table = "h:selling", Follows = "h:sharing" });

    private static readonly VerbSchema Verbs = VerbSchema.Default.With(Sell);

    [Fact]
    public void A_verb_has_at_most_the_dimensions_a_decision_keeps()
    {
        DecisionDimension Dimension(int i) => new("d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), DeclarationKind.Purpose, "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), required: false);
        DecisionVerb Verb(int dimensions) => new("rank", Enumerable.Range(0, dimensions).Select(Dimension).ToArray(), takesConditions: false, "ranking data", new VerbDocumentation());

        Assert.Equal(DecisionVerb.MaxDimensions, Verb(DecisionVerb.MaxDimensions).Dimensions.Count);
        var refused = Assert.Throws<System.ArgumentException>(() => Verb(DecisionVerb.MaxDimensions + 1));
        Assert.StartsWith("a verb has at most 8 dimensions", refused.Message, System.StringComparison.Ordinal);
    }

    private const string Market = """
        policy market {
          category contact.email ka "ელფოსტა" en "email" cites §1
          category contact.phone ka "ტელეფონი" en "phone" cites §1
          category special.health ka "ჯანმრთელობა" en "health" special cites §1
          purpose marketing ka "მარკეტინგი" en "marketing" basis consent cites §2
          purpose research ka "კვლევა" en "research" basis consent cites §2
          recipient brokers ka "ბროკერები" en "data brokers" kind partner cites §3
          recipient partners ka "პარტნიორები" en "partners" kind partner cites §3
          condition opt-in ka "თანხმობა" en "opted in" cites §4
          condition law ka "კანონი" en "required by law" cites §4

          sell contact.* to brokers for marketing on opt-in cites §5
          sell contact.email to partners cites §5
          never sell special.* unless law cites §6
          never sell contact.phone to partners cites §6
          process contact.email for marketing cites §7
        }

        test "selling follows the policy" {
          allow sell contact.email to brokers for marketing on opt-in
          deny sell contact.email to brokers for marketing
          deny sell contact.email to brokers for research on opt-in
          allow sell contact.email to partners for research
          allow sell contact.email to partners
          deny sell contact.phone to partners
          deny sell special.health to brokers for marketing on opt-in
          allow process contact.email for marketing
        }
        """;

    private static CompilationResult CompileMarket(string text = Market) => PolicyCompilation.Compile(new Text.SourceText(text, "market.policy"), verbs: Verbs);

    [Fact]
    public void The_verb_parses_binds_and_prints_from_its_descriptor()
    {
        var result = CompileMarket();

        Assert.False(result.HasErrors, Compile.Render(result));
        var sells = result.Syntax.Members.OfType<DecisionSyntax>().Where(d => d.Verb.Equals(Sell)).ToList();
        Assert.Equal(
            new[] { "sell contact.* to brokers for marketing on opt-in", "sell contact.email to partners" },
            sells.Select(SyntaxPrinter.Head));
        var never = result.Syntax.Members.OfType<NeverSyntax>().Last();
        Assert.Equal("never sell contact.phone to partners", SyntaxPrinter.Head(never));

        var model = result.Model!;
        var first = model.PermissionsOf(Sell).First();
        Assert.Equal(new[] { "contact.email", "contact.phone" }, first.Categories);
        Assert.Equal(new[] { "brokers" }, first.ValuesOf("recipients"));
        Assert.Equal(new[] { "marketing" }, first.ValuesOf("purposes"));
        Assert.Equal(new[] { "opt-in" }, first.Conditions);
        Assert.True(model.PermissionsOf(Sell).Last()[Sell.Dimensions[1]].Any);
        Assert.Equal(2, model.ProhibitionsOf(Sell).Count());
    }

    [Fact]
    public void Its_errors_name_its_form_and_its_overlaps_are_found()
    {
        var missing = CompileMarket(Market.Replace("sell contact.email to partners cites §5", "sell contact.email partners cites §5", System.StringComparison.Ordinal));
        var error = Assert.Single(missing.Diagnostics, d => d.Code == "PC0001");
        Assert.Contains("sell <categories> to <recipients> [for <purposes>] [on <conditions>] cites …", error.Message + error.Help, System.StringComparison.Ordinal);

        var overlapping = CompileMarket(Market.Replace("sell contact.email to partners cites §5", "sell contact.* to partners cites §5", System.StringComparison.Ordinal));
        var overlap = Assert.Single(overlapping.Diagnostics, d => d.Code == "PC3001");
        Assert.Contains("contact.phone to partners", overlap.Message, System.StringComparison.Ordinal);

        Assert.Contains("PC0001", CompileMarket(Market.Replace("deny sell contact.phone to partners", "deny sell contact.phone partners", System.StringComparison.Ordinal)).Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void The_evaluator_answers_its_questions_and_the_policy_tests_pass()
    {
        var model = CompileMarket().Model!;

        var results = PolicyTestRunner.Run(model);

        Assert.Equal(8, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
        var decision = new Evaluator(model).Decide(Question.Of(Sell, "contact.phone", ("recipients", "partners")));
        Assert.Equal(Role.Prohibits, Assert.Single(decision.Reasons).Role);
    }

    [Fact]
    public void Its_guards_compile_clean_and_agree_with_the_evaluator_on_the_whole_decision_space()
    {
        var result = CompileMarket();
        var guards = GuardEmitter.Emit(result, new GuardEmitterOptions("Market")).Text;
        Assert.Contains("public static bool MaySell(Category category, Recipient buyer, Purpose? purpose = null, Conditions given = Conditions.None)", guards, System.StringComparison.Ordinal);
        Assert.Contains("private static int SellCell(Category category, Recipient buyer, Purpose? purpose)", guards, System.StringComparison.Ordinal);

        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards);
        var model = result.Model!;
        var generated = new GeneratedGuards(assembly, "Market", model);
        var evaluator = new Evaluator(model);
        var points = DecisionPoints.Of(model).ToList();
        Assert.Contains(points, q => q.Verb.Equals(Sell));
        Assert.All(points, q => Assert.True(generated.Decide(q) == evaluator.Decide(q).Allowed, q.ToString()));
        Assert.True(points.Count(q => q.Verb.Equals(Sell) && evaluator.Decide(q).Allowed) >= 4, "the space has allowed sales");
    }
}
