using System;
using System.Linq;
using PolicyCompiler.Diffing;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Formatting;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// What guards no decision but must be stated: duties (Eleven §7.2 security measures, §7.3 access on a need-to-know
/// basis, §5.1 the user's duty to keep data current), the supervisory authority, and the labels of the events and
/// consequences statements refer to (<c>account-deletion</c>, <c>block-account</c>).
/// </summary>
public sealed class DutyAndEventTests
{
    private const string Duties = """
          duty security-measures en "encryption and access logs" cites §3
          duty keep-data-current by customer ka "მომხმარებელი აახლებს" en "the customer keeps the data current" cites §1
        """;

    [Fact]
    public void Duties_bind_with_whose_they_are_and_change_no_decision()
    {
        var plain = Compile.Text(Compile.Policy(string.Empty));
        var result = Compile.Text(Compile.Policy(Duties));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { ("security-measures", (string?)null), ("keep-data-current", "customer") }, result.Model!.Duties.Select(d => (d.Duty, d.By)));
        // The guards are the same but for the content hash and the policy's text they carry (the text differs).
        static string WithoutHash(string guards) => string.Join("\n", guards.Split('\n').Where(l => !l.StartsWith("// policyc-content-hash:", StringComparison.Ordinal)
            && !l.Contains("public const string ContentHash = ", StringComparison.Ordinal) && !l.StartsWith("[assembly: global::PolicyCompiler.Runtime.PolicySource(", StringComparison.Ordinal)));
        Assert.Equal(WithoutHash(GuardEmitter.Emit(plain, new GuardEmitterOptions("Same")).Text), WithoutHash(GuardEmitter.Emit(result, new GuardEmitterOptions("Same")).Text));
    }

    [Theory]
    [InlineData("  duty encryption cites §3", "PC1006")]
    [InlineData("  duty keep-data-current by nobody cites §3", "PC1001")]
    [InlineData("  duty keep-data-current by cites §3", "PC0001")]
    [InlineData("  duty security-measures", "PC2001")]
    [InlineData("  supervisory-authority website \"x\"", "PC0001")]
    public void Misuse_is_reported(string member, string code)
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy(member)).Diagnostics);

        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(Compile.FirstMemberLine, diagnostic.Span.Line);
    }

    [Theory]
    [InlineData("en", "Duties the text states", "technical and organisational security measures", "the controller's", "encryption and access logs", "keeping one's data correct and up to date")]
    [InlineData("ka", "ტექსტით განსაზღვრული ვალდებულებები", "უსაფრთხოების ტექნიკური და ორგანიზაციული ზომები", "დამმუშავებლის", "მომხმარებელი აახლებს")]
    public void Documents_list_the_duties(string code, params string[] expected)
    {
        var markdown = Compile.Markdown(Compile.Text(Compile.Policy(Duties)), code);

        Assert.All(expected, text => Assert.Contains(text, markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void A_policy_without_duties_has_no_duties_table()
    {
        var markdown = Compile.Markdown(Compile.Text(Compile.Policy(string.Empty)), "en");

        Assert.DoesNotContain("Duties the text states", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Events", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_supervisory_authority_answers_the_complaint_lint()
    {
        static bool Finds(string members) => LintAll.Of(Compile.Text(Compile.Policy(members))).Any(d => d.Message.Contains("complaint-authority", StringComparison.Ordinal));

        const string channel = "  channel account ka \"ანგარიში\" en \"account\" cites §3\n";
        Assert.True(Finds(channel + "  right complaint via account cites §3"));
        Assert.False(Finds(channel + "  supervisory-authority en \"Personal Data Protection Service\" website \"https://personaldata.ge\" cites §3\n  right complaint via account cites §3"));
    }

    [Fact]
    public void The_formatter_and_the_diff_know_duties_and_the_authority()
    {
        var formatted = PolicyFormatter.Format(new Text.SourceText(Compile.Policy("  duty   keep-data-current   by customer en \"x\"   cites §1\n  supervisory-authority   \"PDPS\"   website \"w\""), "test.policy")).Text!;
        Assert.Contains("  duty keep-data-current by customer en \"x\" cites §1", formatted, StringComparison.Ordinal);
        Assert.Contains("  supervisory-authority \"PDPS\" website \"w\"", formatted, StringComparison.Ordinal);

        var changes = PolicyDiff.Compare(
            Compile.Text(Compile.Policy("  duty keep-data-current by customer en \"x\" cites §1\n  supervisory-authority \"PDPS\" website \"w\"")),
            Compile.Text(Compile.Policy("  duty keep-data-current by customer en \"y\" cites §1\n  supervisory-authority \"PDPS\" website \"v\""))).Structure;
        Assert.Equal(new[] { ChangeKind.Changed, ChangeKind.Changed }, changes.Select(c => c.Kind));
    }

    [Fact]
    public void A_consent_given_otherwise_or_withdrawn_through_another_channel_is_a_change_of_it()
    {
        var changes = PolicyDiff.Compare(
            Compile.Text(Compile.Policy("  consent marketing for marketing given electronic withdraw via email cites §2")),
            Compile.Text(Compile.Policy("  consent marketing for marketing given written withdraw via email cites §2"))).Structure;

        var change = Assert.Single(changes);
        Assert.Equal((ChangeKind.Changed, "consent marketing for marketing given written withdraw via email"), (change.Kind, change.New));
    }

    [Fact]
    public void Declared_events_and_effects_are_shown_by_their_labels_in_both_languages()
    {
        var policy = Compile.Policy("""
              event account-deletion ka "ანგარიშის წაშლა" en "the customer deletes the account"
              effect no-service ka "მომსახურება შეუძლებელია" en "the service cannot be provided"
              collect contact.email from customer required contractual consequence no-service cites §1
              retain contact.email for 24 months or until account-deletion whichever first cites §2
              amendments take-effect 10 days after account-deletion cites §3
            """);
        var facts = FactsBuilder.Build(Compile.Text(policy));

        var en = MarkdownDocument.Render(facts, DocLanguage.All.Single(l => l.Code == "en"));
        var ka = MarkdownDocument.Render(facts, DocLanguage.All.Single(l => l.Code == "ka"));

        Assert.Contains("until the customer deletes the account", en, StringComparison.Ordinal);
        Assert.Contains("10 days after the customer deletes the account", en, StringComparison.Ordinal);
        Assert.Contains("the service cannot be provided", en, StringComparison.Ordinal);
        Assert.DoesNotContain("until `account-deletion`", en, StringComparison.Ordinal);
        Assert.Contains("ანგარიშის წაშლა", ka, StringComparison.Ordinal);
        Assert.Contains("მომსახურება შეუძლებელია", ka, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_one_event_is_declared_a_misspelt_one_is_an_error_with_a_suggestion()
    {
        var undeclared = Compile.Text(Compile.Policy("  retain contact.email until account-deletion cites §2"));
        Assert.Empty(undeclared.Diagnostics);

        var misspelt = Compile.Only(Compile.Policy("  event account-deletion en \"x\"\n  retain contact.email until acount-deletion cites §2"), "PC1001");
        Assert.Equal(Compile.FirstMemberLine + 1, misspelt.Span.Line);
        Assert.Contains("account-deletion", misspelt.Help, StringComparison.Ordinal);

        var effect = Compile.Only(Compile.Policy("  effect no-service en \"x\"\n  right erasure via email consequence no-servise cites §2"), "PC1001");
        Assert.Equal(Compile.FirstMemberLine + 1, effect.Span.Line);
    }
}
