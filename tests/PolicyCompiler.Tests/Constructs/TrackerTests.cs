using System;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// Trackers with their lifetime and the vendor they send what they collect to (SPAR §2.p1: Facebook Pixel): collecting
/// through a tracker that has a vendor shares the data with it, a rule the evaluator, the guards and the documents
/// know; a vendor that receives the data abroad sends it there, which the transfer rules must permit (PC3010).
/// </summary>
public sealed class TrackerTests
{
    // Compile.Header: jurisdiction GE; subject customer; contact.email, contact.phone, payment.card, special.health;
    // purposes order, marketing; recipient courier; condition law.
    private const string Pixel = """
          recipient pixel-vendor ka "მომწოდებელი" en "the pixel's vendor" cites §2
          tracking pixel ka "პიქსელი" en "a pixel" kind pixel lifetime 2 years vendor pixel-vendor cites §2
          tracking cookies ka "ქუქი" en "cookies" kind cookie lifetime session, persistent cites §2
          collect contact.phone from customer automatically via pixel, cookies cites §2
        """;

    private static readonly int First = Compile.FirstMemberLine;

    [Fact]
    public void Collecting_through_a_tracker_shares_with_its_vendor_for_any_purpose_and_the_guards_agree()
    {
        var result = Compile.Text(Compile.Policy(Pixel) + """
            test "pixel" {
              allow share contact.phone with pixel-vendor
              allow share contact.phone with pixel-vendor for marketing on law
              deny share contact.email with pixel-vendor
              deny share contact.phone with courier
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        var implied = Assert.Single(result.Model!.ImpliedPermissions, p => p.ImpliedByTracker is not null);
        Assert.Equal(("pixel", First + 1), (implied.ImpliedByTracker, implied.Span.Line));
        GeneratedGuards.AssertAgreeWithEvaluator(result, "Pixel");
    }

    [Fact]
    public void A_vendor_for_purposes_receives_the_data_for_those_alone()
    {
        var result = Compile.Text(Compile.Policy(Pixel.Replace("vendor pixel-vendor", "vendor pixel-vendor for marketing", StringComparison.Ordinal)) + """
            test "for marketing" {
              allow share contact.phone with pixel-vendor for marketing
              deny share contact.phone with pixel-vendor for order
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.All(PolicyTestRunner.Run(result.Model!), r => Assert.True(r.Passed, r.ToString()));
        GeneratedGuards.AssertAgreeWithEvaluator(result, "ForMarketing");
    }

    [Fact]
    public void Two_collections_through_one_tracker_abroad_are_one_finding()
    {
        var policy = Compile.Policy(Pixel.Replace("vendor pixel-vendor", "vendor pixel-vendor in US", StringComparison.Ordinal) + "\n  collect contact.email from customer automatically via pixel cites §2");

        var finding = Compile.Only(policy, "PC3010");
        Assert.Contains("contact.email, contact.phone", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_inventory_and_the_data_flow_show_the_vendor()
    {
        var facts = FactsBuilder.Build(Compile.Text(Compile.Policy(Pixel)));
        var markdown = MarkdownDocument.Render(facts, DocLanguage.All.Single(l => l.Code == "en"));

        var phone = markdown.Split('\n').First(l => l.Contains("`contact.phone`", StringComparison.Ordinal) && l.StartsWith("| F", StringComparison.Ordinal));
        Assert.Contains("the pixel's vendor", phone, StringComparison.Ordinal);
        Assert.Contains(facts.Flow.Edges, e => facts.Flow.Nodes.Single(n => n.Id == e.To).Text is TermPhrase { Term.Name: "pixel-vendor" });
    }

    [Fact]
    public void The_model_keeps_the_lifetime_the_vendor_and_its_place()
    {
        var trackers = Compile.Text(Compile.Policy(Pixel.Replace("vendor pixel-vendor", "vendor pixel-vendor in GE", StringComparison.Ordinal))).Model!.Trackers;

        var pixel = trackers.Single(t => t.Name == "pixel");
        Assert.Equal((2, "years"), (pixel.Lifetime!.Period!.Amount, pixel.Lifetime.Period.Unit));
        Assert.Equal(("pixel-vendor", "GE"), (pixel.Vendor, string.Join(",", pixel.VendorCountries)));
        Assert.Equal(new[] { "session", "persistent" }, trackers.Single(t => t.Name == "cookies").Lifetime!.Words);
    }

    [Fact]
    public void A_vendor_abroad_the_transfer_rules_refuse_is_an_error_and_one_they_permit_is_not()
    {
        var abroad = Pixel.Replace("vendor pixel-vendor", "vendor pixel-vendor in US", StringComparison.Ordinal);

        var refused = Compile.Only(Compile.Policy(abroad), "PC3010");
        Assert.Equal(First + 1, refused.Span.Line);
        Assert.StartsWith("the tracker 'pixel' sends contact.phone to its vendor 'pixel-vendor' in US, outside the jurisdiction (GE): that is a transfer, and no 'transfer' statement permits contact.phone to go to US", refused.Message, StringComparison.Ordinal);

        Assert.Empty(Compile.Text(Compile.Policy(abroad + "\n  transfer contact.phone to US basis consent cites §2")).Diagnostics);
    }

    [Fact]
    public void A_prohibition_the_implied_share_meets_is_an_overlap()
    {
        var diagnostic = Compile.Only(Compile.Policy(Pixel + "\n  never share contact.phone with pixel-vendor cites §2"), "PC3001");

        Assert.Equal(First + 1, diagnostic.Span.Line);
        Assert.Equal("tracking".Length, diagnostic.Span.Length);
    }

    [Theory]
    [InlineData("  tracking t ka \"ტ\" en \"t\" lifetime forever cites §2", "PC1006")]
    [InlineData("  tracking t ka \"ტ\" en \"t\" vendor nobody cites §2", "PC1001")]
    [InlineData("  tracking t ka \"ტ\" en \"t\" vendor courier in XX cites §2", "PC1004")]
    [InlineData("  tracking t ka \"ტ\" en \"t\" lifetime cites §2", "PC0001")]
    public void Misuse_is_reported_at_the_tracker(string member, string code)
    {
        var diagnostic = Assert.Single(Compile.Text(Compile.Policy(member)).Diagnostics);

        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(First, diagnostic.Span.Line);
    }

    [Fact]
    public void The_formatter_writes_the_lifetime_and_the_vendor()
    {
        var formatted = PolicyFormatter.Format(new Text.SourceText(Compile.Policy("  tracking t ka \"ტ\" en \"t\"  kind pixel   lifetime  session,persistent  vendor courier in  US,DE cites §2"), "test.policy")).Text!;

        Assert.Contains("  tracking t ka \"ტ\" en \"t\" kind pixel lifetime session, persistent vendor courier in US, DE cites §2", formatted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "its vendor: implied by collecting through", "beyond the browser session", "2 years")]
    [InlineData("ka", "მისი მომწოდებელი: გამომდინარეობს შეგროვებიდან ტექნოლოგიით", "ბრაუზერის სესიის შემდეგაც")]
    public void Documents_show_the_implied_share_and_the_lifetimes(string code, params string[] expected)
    {
        var markdown = Compile.Markdown(Compile.Text(Compile.Policy(Pixel)), code);

        Assert.All(expected, text => Assert.Contains(text, markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void The_lint_asks_for_a_pixels_vendor_and_where_it_receives_the_data()
    {
        static string[] Findings(string members) => LintAll.Of(Compile.Text(Compile.Policy(members))).Select(d => d.Message).Where(m => m.Contains("tracker-vendors", StringComparison.Ordinal)).ToArray();

        Assert.Contains("pixel-vendor (vendor of pixel, place not stated)", Assert.Single(Findings(Pixel), m => m.Contains("[gdpr:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("t (no vendor)", Findings("  tracking t ka \"ტ\" en \"t\" kind pixel cites §2")[0], StringComparison.Ordinal);
        Assert.Empty(Findings(Pixel.Replace("vendor pixel-vendor", "vendor pixel-vendor in GE", StringComparison.Ordinal)));
    }
}
