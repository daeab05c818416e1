using System.Linq;
using Markdig.Syntax;
using PolicyCompiler.Collections;
using PolicyCompiler.Diffing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Diffing;

public sealed class PolicyDiffTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_policy_compared_with_itself_has_no_changes(string seed)
    {
        var changes = PolicyDiff.Compare(SeedPolicies.Compile(seed), SeedPolicies.Compile(seed));
        Assert.True(changes.IsEmpty);
        Assert.Contains("No changes", ChangeReport.Text(changes), System.StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_reformatted_policy_has_no_changes(string seed)
    {
        var laidOutOtherwise = new PolicyVersion(seed).ReplaceAll("\n  ", "\n\n  // a comment\n   ").Compile();
        Assert.False(laidOutOtherwise.HasErrors, Compile.Render(laidOutOtherwise));
        Assert.True(PolicyDiff.Compare(SeedPolicies.Compile(seed), laidOutOtherwise).IsEmpty);
    }

    /// <summary>
    /// Eleven v2: a research purpose with a statement that processes usage data for it, the right of access
    /// removed, the cross-border transfer widened (no longer only to perform a contract), and the excerpt of §p2
    /// edited in both the legal text and the citation.
    /// </summary>
    [Fact]
    public void Eleven_v2_yields_exactly_the_changes_of_its_four_edits()
    {
        const string transfer = "transfer ordinary-data, media.published-image to any basis consent";
        var v2 = new PolicyVersion("eleven/eleven.policy")
            .InsertBefore("  purpose statistics ", "  purpose research ka \"კვლევა\" en \"research\" basis consent cites §4.3.10\n  process usage.* for research cites §4.3.10\n")
            .RemoveMember("  right access ")
            .Replace("  transfer ordinary-data, media.published-image to any basis consent on contract-performance\n", "  transfer ordinary-data, media.published-image to any basis consent\n")
            .Replace("cites §p2 \"22.11.2021 წელი\"", "cites §p2 \"23.11.2021 წელი\"")
            .EditLegalText("22.11.2021 წელი", "23.11.2021 წელი")
            .Compile();
        Assert.False(v2.HasErrors, Compile.Render(v2));
        var old = SeedPolicies.Compile("eleven/eleven.policy");

        var changes = PolicyDiff.Compare(old, v2);

        Assert.Equal(
            new[]
            {
                "Changed cites effective 2021-11-22",
                "Added process process usage.* for research",
                "Added purpose research",
                "Removed right access",
                "Removed transfer " + transfer + " on contract-performance",
                "Added transfer " + transfer,
                "Changed legal text §p2",
            }.OrderBy(s => s, System.StringComparer.Ordinal),
            changes.Structure.Select(c => $"{c.Kind} {c.Area} {c.Name}").OrderBy(s => s, System.StringComparer.Ordinal));

        var usage = old.Model!.Categories.Select(c => c.Name).Where(n => n.StartsWith("usage.", System.StringComparison.Ordinal)).ToArray();
        Assert.Collection(
            changes.Decisions,
            process =>
            {
                Assert.Equal((Verbs.Process, DecisionShift.BecameAllowed, "process usage.* for research"), (process.Verb, process.Shift, process.Cause!.Statement.Text));
                // The policy limits a statement to anonymised data, so the forms fall into two runs (identified or
                // pseudonymised; anonymised or aggregated): the new statement, which names no form, permits both.
                Assert.Equal(usage, process.Changes.Select(c => c.Question.Category).Distinct());
                Assert.All(process.Changes.GroupBy(c => c.Question.Category), g => Assert.Equal(new[] { "identified", "anonymised" }, g.Select(c => c.Question.ValueOf("forms"))));
                Assert.All(process.Changes, c => Assert.Equal(("research", "never", "always"), (c.Question.ValueOf("purposes"), c.Old.ToString(), c.New.ToString())));
            },
            widened =>
            {
                Assert.Equal((Verbs.Transfer, DecisionShift.ConditionsChanged, transfer), (widened.Verb, widened.Shift, widened.Cause!.Statement.Text));
                Assert.All(widened.Changes, c => Assert.Equal(("on contract-performance", "always"), (c.Old.ToString(), c.New.ToString())));
                var space = new Evaluation.DecisionSpace(old.Model, v2.Model!);
                var expected = old.Model.Categories.Select(c => c.Name)
                    .Where(category => new Evaluation.Evaluator(old.Model).Decide(Model.Question.Of(Verbs.Transfer, category, new[] { "contract-performance" }.ToEquatableArray(), ("destinations", "US"))).Allowed)
                    .SelectMany(category => space.CountriesIn(Verbs.Transfer.Dimensions[0]).Select(country => (category, country!)))
                    .OrderBy(x => x);
                Assert.Equal(expected, widened.Changes.Select(c => (c.Question.Category, c.Question.ValueOf("destinations")!)).OrderBy(x => x));
            });
    }

    /// <summary>
    /// SPAR v2: a research purpose with a statement that processes usage data for it, the right of rectification
    /// removed, a transfer of usage data to Germany (the policy had none, so the widening is from nothing), and the
    /// excerpt of §3.p1 cited for delivery edited in both the legal text and the citation.
    /// </summary>
    [Fact]
    public void Spar_online_v2_yields_exactly_the_changes_of_its_four_edits()
    {
        var v2 = new PolicyVersion("spar-online/spar-online.policy")
            .InsertBefore("  purpose delivery ", "  purpose research ka \"კვლევა\" en \"research\" basis consent cites §1.p7\n  process usage.* for research cites §1.p7\n  transfer usage.* to DE basis consent cites §1.p7\n")
            .RemoveMember("  right rectification ")
            .Replace("შეუფერხებლად და ხარისხიანად გაწევის", "შეუფერხებლად და სწრაფად გაწევის")
            .EditLegalText("შეუფერხებლად და ხარისხიანად გაწევის", "შეუფერხებლად და სწრაფად გაწევის")
            .Compile();
        Assert.False(v2.HasErrors, Compile.Render(v2));
        var old = SeedPolicies.Compile("spar-online/spar-online.policy");

        var changes = PolicyDiff.Compare(old, v2);

        var delivery = old.Syntax.Members.OfType<DecisionSyntax>().Single(p => p.Verb == Verbs.Process && p.Dimensions[0].Names.Any(n => n.Text == "delivery"));
        Assert.Equal(
            new[]
            {
                "Changed cites " + PolicyCompiler.Formatting.SyntaxPrinter.Head(delivery),
                "Added process process usage.* for research",
                "Added purpose research",
                "Removed right rectification",
                "Added transfer transfer usage.* to DE basis consent",
                "Changed legal text §3.p1",
            }.OrderBy(s => s, System.StringComparer.Ordinal),
            changes.Structure.Select(c => $"{c.Kind} {c.Area} {c.Name}").OrderBy(s => s, System.StringComparer.Ordinal));

        var usage = old.Model!.Categories.Select(c => c.Name).Where(n => n.StartsWith("usage.", System.StringComparison.Ordinal)).ToArray();
        Assert.Collection(
            changes.Decisions,
            process =>
            {
                Assert.Equal((Verbs.Process, DecisionShift.BecameAllowed, "process usage.* for research"), (process.Verb, process.Shift, process.Cause!.Statement.Text));
                // The policy limits a statement to anonymised data, so the forms fall into two runs (identified or
                // pseudonymised; anonymised or aggregated): the new statement, which names no form, permits both.
                Assert.Equal(usage, process.Changes.Select(c => c.Question.Category).Distinct());
                Assert.All(process.Changes.GroupBy(c => c.Question.Category), g => Assert.Equal(new[] { "identified", "anonymised" }, g.Select(c => c.Question.ValueOf("forms"))));
            },
            transfer =>
            {
                Assert.Equal((Verbs.Transfer, DecisionShift.BecameAllowed, "transfer usage.* to DE basis consent"), (transfer.Verb, transfer.Shift, transfer.Cause!.Statement.Text));
                Assert.Equal(usage.Select(u => (u, "DE")), transfer.Changes.Select(c => (c.Question.Category, c.Question.ValueOf("destinations")!)));
            });
    }

    [Fact]
    public void Reports_say_the_same_in_text_and_markdown()
    {
        var v2 = new PolicyVersion("spar-online/spar-online.policy")
            .InsertBefore("  purpose delivery ", "  purpose research ka \"კვლევა\" en \"research `<b>|*\" basis consent cites §1.p7\n  process usage.* for research cites §1.p7\n")
            .RemoveMember("  right rectification ")
            .Compile();
        var changes = PolicyDiff.Compare(SeedPolicies.Compile("spar-online/spar-online.policy"), v2);
        Snapshot.Verify(ChangeReport.Text(changes), "text");
        var markdown = ChangeReport.Markdown(changes);
        Snapshot.Verify(markdown, "markdown", "md");

        // The label's markup characters are text: no raw HTML, no nested list, and the label reads back as written.
        var document = Markdig.Markdown.Parse(markdown);
        Assert.Empty(document.Descendants<Markdig.Syntax.Inlines.HtmlInline>());
        Assert.Equal(2, document.Descendants<Markdig.Syntax.ListBlock>().Count());
        var text = string.Concat(document.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
        Assert.Contains("\"research `<b>|*\"", text, System.StringComparison.Ordinal);
    }
}
