using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// Named groups and <c>except</c>: a statement that names a group means its members, as if written out, in the
/// model, the evaluator and the guards alike; the formatter keeps them as written; the documents list them.
/// </summary>
public sealed class GroupTests
{
    // Compile.Header declares contact.email, contact.phone, payment.card, special.health; order, marketing;
    // courier; law; email.
    private const string Groups = """
          category usage.orders ka "შეკვეთები" en "orders" cites §1
          recipient analysts ka "ანალიტიკოსები" en "analysts" kind processor cites §3
          group identifying categories contact.*, payment.* ka "იდენტიფიცირებადი" en "identifying <data>" cites §1
          group reachable categories identifying except payment.card
          group every-purpose purposes order, marketing
          group helpers recipients courier, analysts
          group near countries DE, FR
          group nearer countries near, AM

        """;

    private static Model.PolicyModel Bind(string statements, string tests = "")
    {
        var result = Compile.Text(Compile.Policy(Groups + statements) + tests);
        Assert.False(result.HasErrors, Compile.Render(result));
        return result.Model!;
    }

    [Fact]
    public void A_group_resolves_to_its_members_with_nested_groups_and_except()
    {
        var model = Bind("  process reachable for every-purpose cites §1\n  transfer identifying to nearer basis consent cites §6\n  share * except identifying, special.* with helpers cites §3");

        var groups = model.Groups.ToDictionary(g => g.Name);
        Assert.Equal(new[] { "contact.email", "contact.phone", "payment.card" }, groups["identifying"].Names);
        Assert.Equal(new[] { "contact.email", "contact.phone" }, groups["reachable"].Names);
        Assert.Equal(new[] { "identifying" }, groups["reachable"].Members);
        Assert.Equal(new[] { "payment.card" }, groups["reachable"].Except);
        Assert.Equal(new[] { "AM", "DE", "FR" }, groups["nearer"].Names);
        Assert.Equal(GroupKind.Countries, groups["nearer"].Kind);

        var process = model.PermissionsOf(VerbSchema.Default["process"]).Single();
        Assert.Equal(new[] { "contact.email", "contact.phone" }, process.Categories);
        Assert.Equal(new[] { "marketing", "order" }, process.ValuesOf("purposes"));
        var transfer = model.StatedPermissionsOf(VerbSchema.Default["transfer"]).Single();
        Assert.Equal(new[] { "AM", "DE", "FR" }, transfer.ValuesOf("destinations"));
        var share = model.PermissionsOf(VerbSchema.Default["share"]).Single();
        Assert.Equal(new[] { "usage.orders" }, share.Categories);
        Assert.Equal(new[] { "analysts", "courier" }, share.ValuesOf("recipients"));
    }

    [Fact]
    public void A_statement_naming_a_group_decides_as_the_same_statement_written_out()
    {
        const string Tests = """
            test "groups" {
              allow process contact.email for marketing
              deny process payment.card for marketing
              allow transfer payment.card to AM
              deny transfer payment.card to US
              allow share usage.orders with analysts
              deny share contact.email with analysts
            }
            """;
        var grouped = Bind("  process reachable for every-purpose cites §1\n  transfer identifying to nearer basis consent cites §6\n  share * except identifying, special.* with helpers cites §3", Tests);
        var written = Bind("  process contact.email, contact.phone for order, marketing cites §1\n  transfer contact.*, payment.* to AM, DE, FR basis consent cites §6\n  share usage.orders with courier, analysts cites §3", Tests);

        Assert.All(PolicyTestRunner.Run(grouped), r => Assert.True(r.Passed, r.ToString()));
        var points = DecisionPoints.Of(written).ToList();
        var byGroups = new Evaluator(grouped);
        var byNames = new Evaluator(written);
        Assert.All(points, q => Assert.Equal(byNames.Decide(q).Allowed, byGroups.Decide(q).Allowed));
        Assert.Contains(points, q => byGroups.Decide(q).Allowed);

        // The guards hold the resolved names: the same tables as the policy written out, and they agree with the evaluator.
        var guards = GuardEmitter.Emit(Compile.Text(Compile.Policy(Groups + "  process reachable for every-purpose cites §1\n  transfer identifying to nearer basis consent cites §6\n  share * except identifying, special.* with helpers cites §3")), new GuardEmitterOptions("Grouped")).Text;
        var generated = new GeneratedGuards(GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), guards), "Grouped", grouped);
        Assert.All(points, q => Assert.Equal(byGroups.Decide(q).Allowed, generated.Decide(q)));
    }

    [Fact]
    public void The_formatter_prints_groups_and_except_as_written_and_is_idempotent()
    {
        var text = Compile.Policy(Groups.Replace("contact.*, payment.*", "contact.*,payment.*", StringComparison.Ordinal) + "  process  *  except   payment.card,special.* for order cites §1");
        var formatted = PolicyFormatter.Format(new Text.SourceText(text, "g.policy")).Text!;

        Assert.Contains("  group identifying categories contact.*, payment.* ka \"იდენტიფიცირებადი\" en \"identifying <data>\" cites §1\n", formatted, StringComparison.Ordinal);
        Assert.Contains("  group reachable categories identifying except payment.card\n", formatted, StringComparison.Ordinal);
        Assert.Contains("  process * except payment.card, special.* for order cites §1\n", formatted, StringComparison.Ordinal);
        Assert.Equal(formatted, PolicyFormatter.Format(new Text.SourceText(formatted, "g.policy")).Text);
    }

    [Fact]
    public void The_documents_list_each_group_with_its_members_in_both_languages_and_escape_its_labels()
    {
        var result = Compile.Text(Compile.Policy(Groups + "  process reachable for every-purpose cites §1"));
        var files = PolicyDocuments.Generate(result).ToDictionary(f => f.Name, f => f.Text);

        var english = files["shop.en.md"];
        Assert.Contains("## Groups", english, StringComparison.Ordinal);
        Assert.Contains("| categories: `identifying`<br>except `payment.card` | `contact.*` |", english, StringComparison.Ordinal);
        Assert.Contains("| countries: `near`, `AM` | AM, DE, FR |", english, StringComparison.Ordinal);
        Assert.Contains("identifying \\<data\\> `identifying`", english, StringComparison.Ordinal);
        var georgian = files["shop.ka.md"];
        Assert.Contains("## ჯგუფები", georgian, StringComparison.Ordinal);
        Assert.Contains("| კატეგორიები: `identifying`<br>გარდა `payment.card` |", georgian, StringComparison.Ordinal);
        Assert.Contains("identifying &lt;data&gt;", files["shop.html"], StringComparison.Ordinal);
        Assert.DoesNotContain("identifying <data>", files["shop.html"], StringComparison.Ordinal);

        // A policy without groups has no such table: adding the construct changed no other document.
        var plain = PolicyDocuments.Generate(Compile.Text(Compile.Policy("  process contact.* for order cites §1"))).Single(f => f.Name == "shop.en.md").Text;
        Assert.DoesNotContain("## Groups", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diff_names_a_group_whose_members_changed_and_the_decisions_it_moved()
    {
        var before = Compile.Text(Compile.Policy(Groups + "  process reachable for every-purpose cites §1"));
        var after = Compile.Text(Compile.Policy(Groups.Replace("group reachable categories identifying except payment.card", "group reachable categories identifying except payment.card, contact.phone", StringComparison.Ordinal) + "  process reachable for every-purpose cites §1"));

        var changes = PolicyDiff.Compare(before, after);

        var group = Assert.Single(changes.Structure);
        Assert.Equal((ChangeKind.Changed, "group reachable categories identifying except payment.card, contact.phone"), (group.Kind, group.New));
        Assert.Contains(changes.Decisions, d => d.Changes.Any(c => c.Question.Category == "contact.phone"));
    }

    [Fact]
    public void A_retention_over_a_list_with_except_keeps_its_identity_when_its_period_changes()
    {
        var before = Compile.Text(Compile.Policy("  retain * except payment.card, special.* for 1 years cites §1"));
        var after = Compile.Text(Compile.Policy("  retain * except payment.card, special.* for 2 years cites §1"));

        var change = Assert.Single(PolicyDiff.Compare(before, after).Structure);
        Assert.Equal((ChangeKind.Changed, "retain * except payment.card, special.* for 2 years"), (change.Kind, change.New));
    }

    [Theory]
    [InlineData("  process contact.* except contact.email, contact.phone for order cites §1", "PC1013@16:11")]
    [InlineData("  group a categories b\n  group b categories a\n  process a for order cites §1", "PC1014@17:22")]
    [InlineData("  group contact categories payment.card", "PC1015@16:9")]
    [InlineData("  group GE countries DE", "PC1015@16:9")]
    [InlineData("  group order categories payment.card", "PC1002@16:9")]
    [InlineData("  group ps purposes order\n  process ps for order cites §1", "PC1005@17:11")]
    [InlineData("  group ps purposes order\n  transfer * to ps basis consent cites §6", "PC1005@17:17")]
    [InlineData("  group g categories contact.*\n  process g.* for order cites §1", "PC1001@17:11")]
    [InlineData("  group g categories contact.email except contact.*", "PC1013@16:22")]
    [InlineData("  group any countries DE\n  transfer * to any basis consent cites §6", "PC1015@16:9")]
    [InlineData("  group my.eu countries DE", "PC1015@16:9")]
    [InlineData("  group a purposes nope\n  group c purposes a", "PC1001@16:20")]
    [InlineData("  group c purposes a\n  group a purposes nope", "PC1001@17:20")]
    [InlineData("  group a purposes a\n  group c purposes a", "PC1014@16:20")]
    public void Misused_groups_and_exclusions_are_errors_at_their_place(string members, string expected)
    {
        var positions = Compile.Positions(Compile.Policy(members));

        Assert.Equal(new[] { expected }, positions);
    }

    [Fact]
    public void Groups_nested_thousands_deep_are_one_error_not_a_stack_overflow_and_group_names_have_the_name_limits()
    {
        var chain = string.Concat(Enumerable.Range(1, 5_000).Select(i => "  group g" + i + " purposes g" + (i - 1) + "\n"));
        var positions = Compile.Positions(Compile.Policy("  group g0 purposes order\n" + chain + "  process contact.email for g5000 cites §1"));
        Assert.Equal("PC1017", Assert.Single(positions).Split('@')[0]);

        Assert.Equal(new[] { "PC1010@16:9" }, Compile.Positions(Compile.Policy("  group " + new string('g', 300) + " purposes order")));
        Assert.Equal(new[] { "PC1002@16:9" }, Compile.Positions(Compile.Policy("  group order categories contact.email")));
        Assert.StartsWith("purpose 'order' is already declared", Compile.Text(Compile.Policy("  group order categories contact.email")).Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exclusion_that_removes_nothing_warns_and_a_group_in_a_question_is_an_error()
    {
        var warned = Compile.Text(Compile.Policy("  process contact.* except payment.card for order cites §1"));
        var warning = Assert.Single(warned.Diagnostics);
        Assert.Equal(("PC1016", Diagnostics.DiagnosticSeverity.Warning), (warning.Code, warning.Severity));

        var asked = Compile.Positions(Compile.Policy(Groups + "  process reachable for order cites §1") + "test \"t\" {\n  allow process reachable for order\n  allow process contact.email for every-purpose\n}\n");
        Assert.Equal(new[] { "PC1001@27:17", "PC1001@28:35" }, asked);
    }

    [Fact]
    public void A_group_and_except_parse_with_their_spans_and_except_is_reserved()
    {
        var result = Compile.Text(Compile.Policy(Groups + "  process * except identifying for order cites §1"));
        var group = result.Syntax.Members.OfType<GroupSyntax>().First();
        Assert.Equal(("identifying", GroupKind.Categories, 2), (group.Name.Text, group.Kind, group.Members.Count));
        var process = result.Syntax.Members.OfType<DecisionSyntax>().Single();
        Assert.Equal(new[] { ("*", false), ("identifying", true) }, process.Categories.Select(p => (p.Text, p.Excluded)));

        Assert.Contains("PC0001", Compile.Codes(Compile.Policy("  category except.x ka \"x\" en \"x\" cites §1")));
        Assert.Contains("PC0001", Compile.Codes(Compile.Policy("  group g channels email")));
    }
}
