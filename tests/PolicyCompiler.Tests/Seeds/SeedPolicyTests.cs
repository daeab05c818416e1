using System;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli;
using PolicyCompiler.Legal;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Seeds;

/// <summary>The two seed policies: clean, fully anchored in their legal texts, and their lint findings reviewed.</summary>
public sealed class SeedPolicyTests
{
    public static TheoryData<string> Seeds() => new(SeedPolicies.All);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_compiles_without_errors_or_warnings_and_cites_every_paragraph(string policy)
    {
        var result = SeedPolicies.Compile(policy);

        Assert.True(result.Diagnostics.Count == 0, Compile.Render(result));
        var coverage = result.Legal!.Coverage;
        Assert.Empty(coverage.Uncovered);
        Assert.Equal(100, coverage.Percent);
        Assert.True(result.Model!.Tests.Sum(t => t.Expectations.Count) >= 25, "each seed states at least 25 test expectations");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Legal_texts_are_the_seeds_unchanged(string policy)
    {
        // The Georgian texts are shared/seeds/, Hetzner's is in shared/corpus/hetzner/.
        var originals = new[] { "seeds", "corpus" }.Select(folder => Path.Combine(AppContext.BaseDirectory, folder))
            .Where(Directory.Exists).SelectMany(folder => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)).ToList();
        var legal = SeedPolicies.Compile(policy).Legal!;
        var copied = File.ReadAllBytes(Path.Combine(SeedPolicies.Root, legal.Path));

        Assert.Contains(originals, original => File.ReadAllBytes(original).AsSpan().SequenceEqual(copied));
    }

    [Fact]
    public void Changing_one_character_of_a_cited_excerpt_in_the_legal_text_fails_at_that_citation_with_a_suggestion()
    {
        const string policy = "eleven/eleven.policy";
        var text = File.ReadAllText(SeedPolicies.PathOf(policy));
        var legal = File.ReadAllText(Path.Combine(SeedPolicies.Root, "eleven/privacy-policy.ka.txt"));
        const string excerpt = "რუსეთის ფედერაციის";
        Assert.Contains(excerpt, legal, StringComparison.Ordinal);
        var citationLine = text.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains("\"" + excerpt, StringComparison.Ordinal) || l.line.Contains(excerpt, StringComparison.Ordinal));
        var edited = legal.Replace(excerpt, "რუსეთის ფედერაციიs", StringComparison.Ordinal);

        var result = SeedPolicies.Compile(policy, text, path => path.EndsWith(".txt", StringComparison.Ordinal)
            ? LegalSource.Found(new SourceText(edited, path))
            : LegalSource.NotFound);

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.True(e.Code is "PC2005" or "PC2006", e.Message));
        Assert.Contains(errors, e => e.Span.Line == citationLine.index + 1);
        Assert.All(errors, e => Assert.Contains("ფედერაციი", e.Help, StringComparison.Ordinal));
    }

    [Fact]
    public void Citing_a_section_the_text_does_not_have_fails()
    {
        const string policy = "eleven/eleven.policy";
        var text = File.ReadAllText(SeedPolicies.PathOf(policy)).Replace("cites §10.2", "cites §10.9", StringComparison.Ordinal);

        var result = SeedPolicies.Compile(policy, text, path => PolicyFiles.ReadLegalSource(Path.Combine(SeedPolicies.Root, path)));

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("PC2004", error.Code);
        Assert.Equal("§10.9 is not a paragraph of 'privacy-policy.ka.txt'", error.Message);
        Assert.Equal("The excerpt is in §10.2.", error.Help);
    }

    [Fact]
    public void A_source_outside_the_policy_folder_is_refused_without_being_read()
    {
        var asked = false;
        var result = Compile.Text("policy p {\n  source \"../../etc/passwd\"\n}\n", "policies/p/p.policy");
        var checkedResult = PolicyCompiler.Compilation.PolicyCompilation.Compile(result.Text, _ =>
        {
            asked = true;
            return LegalSource.NotFound;
        });

        var error = Assert.Single(checkedResult.Diagnostics);
        Assert.Equal("PC2003", error.Code);
        Assert.False(asked);
        Assert.Null(LegalSourcePath.Resolve("policies/p/p.policy", "/etc/passwd"));
        Assert.Null(LegalSourcePath.Resolve("policies/p/p.policy", "a/../../x.txt"));
        Assert.Null(LegalSourcePath.Resolve("p.policy", "C:\\x.txt"));
        Assert.Equal("policies/p/texts/x.txt", LegalSourcePath.Resolve("policies/p/p.policy", "./texts/../texts/x.txt"));
    }

    [Fact]
    public void A_paragraph_left_uncovered_gives_the_coverage_warning()
    {
        const string policy = "spar-online/spar-online.policy";
        var text = File.ReadAllText(SeedPolicies.PathOf(policy)).Replace("§1.b16", "§1.b15", StringComparison.Ordinal);

        var result = SeedPolicies.Compile(policy, text, path => PolicyFiles.ReadLegalSource(Path.Combine(SeedPolicies.Root, path)));

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("PC2007", warning.Code);
        Assert.Contains("§1.b16", warning.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "1.b16" }, result.Legal!.Coverage.Uncovered);
    }

    [Fact]
    public void Lint_findings_of_the_policies_are_as_reviewed()
    {
        var report = string.Concat(SeedPolicies.All.Select(policy =>
        {
            var result = SeedPolicies.Compile(policy);
            return policy + "\n" + string.Concat(Linter.Lint(result).Select(d => "  " + d.Message + "\n"));
        }));

        Snapshot.Verify(report);
    }

    [Fact]
    public void Eleven_takes_published_images_from_where_they_were_published_not_from_the_person()
    {
        // §6.4: photos and videos "published on websites, social networks" — a collection of another origin
        // (GDPR Art. 14(2)(f)), which a test block cannot ask, as it changes no decision.
        var model = SeedPolicies.Compile("eleven/eleven.policy").Model!;
        var published = model.StatedPermissionsOf(PolicyCompiler.Model.VerbSchema.Default["collect"])
            .Where(p => p.Details is PolicyCompiler.Model.CollectionDetails { Origin: not null })
            .ToList();

        var image = Assert.Single(published);
        Assert.Equal("publicly-accessible", ((PolicyCompiler.Model.CollectionDetails)image.Details!).Origin);
        Assert.Equal(new[] { "media.published-image" }, image.Categories);
        Assert.Equal("6.4", Assert.Single(image.Citations).Section);
    }

    // Review finding 16: "ეროვნება" (§5.3) is ethnic origin, not citizenship; "გამოყენებული შაბლონები" (§5.2.3) are
    // usage patterns. A label decides nothing a test block can ask, so this test reads them.
    [Theory]
    [InlineData("special.ethnicity", "ethnic origin")]
    [InlineData("usage.patterns", "usage patterns")]
    [InlineData("media.published-image", "the person's image in photos or videos they recorded on their own initiative and published (websites, social networks, other media)")]
    public void Eleven_labels_its_categories_as_the_text_means_them(string category, string english)
    {
        var model = SeedPolicies.Compile("eleven/eleven.policy").Model!;
        var term = Assert.Single(model.Categories, c => c.Name == category);
        Assert.Equal(english, Assert.Single(term.Labels, l => l.Language == "en").Text);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_seeds_guards_answer_retention_as_the_reference_does(string policy) =>
        GeneratedGuards.AssertRetentionAgrees(SeedPolicies.Compile(policy), "Retention" + policy.Split('/')[0].Replace("-", string.Empty, StringComparison.Ordinal));

    /// <summary>The retention statements that answer for a category and purpose of Hetzner's policy, by the excerpts they cite.</summary>
    private static string[] HetznerRetention(string category, string? purpose, params string[] conditions) =>
        PolicyCompiler.Evaluation.RetentionRules.Deciding(SeedPolicies.Compile("hetzner/hetzner.policy").Model!, category, purpose, conditions)
            .Select(r => r.Citations[0].Section + ": " + (r.Whichever ?? "single") + ", " + r.Then + ", " + string.Join(" | ", r.Ends.Select(e => e.Period is null ? "until " + e.Until : e.Period.Amount + " " + e.Period.Unit + (e.After is null ? string.Empty : " after " + e.After))))
            .ToArray();

    [Fact]
    public void Hetzner_keeps_each_piece_of_data_as_long_as_the_paragraph_for_its_purpose_says()
    {
        // §p23: registration data end at the first of three moments ("either: within 24 months, as soon as you
        // delete your user account with us, or once the statutory retention period expires").
        Assert.Equal(new[] { "p23: first, delete, 24 months | until account-deletion | until statutory-retention-expired" }, HetznerRetention("contact.address", "orders"));
        // §p25: the address given for the newsletter ends with the account or the unsubscription, whichever first;
        // the one given for the status messages with the account.
        Assert.Equal(new[] { "p25: first, delete, until account-deletion | until newsletter-unsubscription" }, HetznerRetention("contact.email", "newsletter"));
        Assert.Equal(new[] { "p25: single, delete, until account-deletion" }, HetznerRetention("contact.email", "status-messages"));
        // §p29, §p33: the forum's and the sweepstakes' own ends.
        Assert.Equal(new[] { "p29: single, delete, until forum-account-deletion" }, HetznerRetention("contact.email", "forum"));
        Assert.Equal(new[] { "p33: single, delete, until winners-notified" }, HetznerRetention("contact.email", "sweepstakes"));
        // §p27: the IP address of the server logs is anonymised after 7 days, not deleted.
        Assert.Equal(new[] { "p27: single, anonymise, 7 days" }, HetznerRetention("device.ip", "server-logs"));
        // §p31: 3 months after an unsuccessful application; 24 months for the talent pool, only with consent.
        Assert.Equal(new[] { "p31: single, delete, 3 months after application-unsuccessful" }, HetznerRetention("application.documents", "job-application"));
        Assert.Empty(HetznerRetention("application.documents", "talent-pool"));
        Assert.Equal(new[] { "p31: single, delete, 24 months after application-unsuccessful" }, HetznerRetention("application.documents", "talent-pool", "longer-storage-consent"));
        // §p61: Google Analytics data, "deleted or anonymized after 14 months": anonymised at the least.
        Assert.Equal(new[] { "p61: single, anonymise, 14 months" }, HetznerRetention("usage.analytics-id", "analytics"));
        // Asked for no purpose, the email address is kept under every rule given for a purpose: registration (for
        // every purpose), newsletter, status messages, forum, sweepstakes.
        Assert.Equal(new[] { "p23", "p25", "p25", "p29", "p33" }, HetznerRetention("contact.email", null).Select(r => r.Substring(0, 3)));
    }

    [Fact]
    public void Eleven_keeps_data_until_the_later_of_its_purpose_and_the_law()
    {
        // §8.4: "for as long as necessary to achieve the purpose … or to meet the legal requirements": one
        // retention, ended by the later of the two.
        var model = SeedPolicies.Compile("eleven/eleven.policy").Model!;
        var retention = Assert.Single(PolicyCompiler.Evaluation.RetentionRules.Deciding(model, "contact.email", "marketing", Array.Empty<string>()));
        Assert.Equal(retention, Assert.Single(PolicyCompiler.Evaluation.RetentionRules.Deciding(model, "special.health", null, Array.Empty<string>())));
        Assert.Equal("later", retention.Whichever);
        Assert.Equal(new[] { "purpose-fulfilled", "legal-requirements-met" }, retention.Ends.Select(e => e.Until));
        Assert.All(retention.Citations, c => Assert.Equal("8.4", c.Section));
    }

    // Rights and duties change no decision; the policies' expect lines ask them too, and these pin the whole lists.

    [Fact]
    public void Eleven_grants_its_rights_where_the_law_provides_through_the_account_first()
    {
        var rights = SeedPolicies.Compile("eleven/eleven.policy").Model!.Rights;

        // §9.6: "through their account, and in the absence of a special interface function, by a written
        // application … or by email" — the account first, the other two as its fallback; §9.2 offers the account or
        // a written request alike for correcting data.
        Assert.All(rights.Where(r => r.Right != "rectification"), r => Assert.Equal("account; else email, written-request", string.Join(", ", r.Channels) + "; else " + string.Join(", ", Assert.Single(r.Fallbacks))));
        Assert.Equal("account, written-request; else email", rights.Where(r => r.Right == "rectification").Select(r => string.Join(", ", r.Channels) + "; else " + string.Join(", ", Assert.Single(r.Fallbacks))).Single());
        // §9.1 and §9.3 qualify every right "where applicable law provides"; §9.2's correction of wrong or
        // incomplete data does not.
        Assert.Equal(new[] { "rectification" }, rights.Where(r => r.Conditions.IsEmpty).Select(r => r.Right));
        Assert.All(rights.Where(r => r.Right != "rectification"), r => Assert.Equal(new[] { "rights-under-law" }, r.Conditions));
        // §9.3.2: withdrawing the consent given at registration blocks the account, ends the contract, and using
        // the service again needs a new consent; §9.3.3's withdrawal for marketing entails none of it.
        var withdraw = rights.Where(r => r.Right == "withdraw-consent").ToList();
        Assert.Equal(new[] { "block-account", "end-contract", "renewed-consent-required" }, withdraw.Single(r => r.Purposes.IsEmpty).Consequences);
        Assert.Empty(withdraw.Single(r => !r.Purposes.IsEmpty).Consequences);
    }

    [Fact]
    public void Eleven_states_its_security_and_access_duties_and_no_duty_of_accuracy()
    {
        var model = SeedPolicies.Compile("eleven/eleven.policy").Model!;

        Assert.Equal(
            new[] { ("security-measures", "7.2"), ("need-to-know-access", "7.3"), ("staff-training", "7.3") },
            model.Duties.Select(d => (d.Duty, d.Citations[0].Section!)));
        Assert.All(model.Duties, d => Assert.Null(d.By));
        // §5.1: Eleven presumes the data accurate and kept current; neither side undertakes it.
        Assert.Contains(model.Informative, n => n.Sections.Contains("5.1"));
    }

    [Fact]
    public void Spars_cookies_last_the_session_or_persist_and_its_pixel_sends_to_facebook()
    {
        // §2.p2: "temporary and persistent cookies"; §2.p1: the Facebook Pixel, its vendor receiving what it collects
        // for what §2.p1 and §2.p3 say tracking serves, at a place the text does not state.
        var trackers = SeedPolicies.Compile("spar-online/spar-online.policy").Model!.Trackers;
        Assert.Equal(new[] { "session", "persistent" }, trackers.Single(t => t.Name == "cookies").Lifetime!.Words);
        var pixel = trackers.Single(t => t.Name == "facebook-pixel");
        Assert.Equal(("facebook", 0), (pixel.Vendor, pixel.VendorCountries.Count));
        Assert.Equal(new[] { "advertising", "analytics", "fraud-prevention", "offers", "personalisation" }, pixel.VendorPurposes);
    }

    [Fact]
    public void Hetzners_registration_data_and_third_party_recipients_are_the_texts_examples()
    {
        // §p18: "For example, we need your name, address information, …"; §p35: "third parties such as government
        // authorities, external consultants, or our business partners".
        var model = SeedPolicies.Compile("hetzner/hetzner.policy").Model!;
        var registration = model.Permissions.Single(p => p.Verb.Keyword == "collect" && p.Details is PolicyCompiler.Model.CollectionDetails { Occasion: "registration" } && p.Categories.Contains("identity.name"));
        Assert.True(registration.CategoriesAreExamples);
        var open = model.Permissions.Where(p => p.Verb.Keyword == "share" && p.Dimensions.Any(d => d.Examples)).SelectMany(p => p.ValuesOf("recipients")).Distinct().OrderBy(r => r, StringComparer.Ordinal);
        Assert.Equal(new[] { "authorities", "business-partners", "consultants" }, open);
    }

    [Fact]
    public void Spar_lets_the_customer_correct_data_at_any_time_and_Hetzner_may_ask_proof_of_identity()
    {
        // SPAR §1.p3: "the customer may at any time edit the profile … correct the personal data".
        var spar = Assert.Single(SeedPolicies.Compile("spar-online/spar-online.policy").Model!.Rights);
        Assert.Equal(("rectification", true), (spar.Right, spar.AtAnyTime));

        // Hetzner §p63: a request for information not in writing may need proof of identity; rectification,
        // deletion, restriction and objection hold "as it is applicable to you under the law".
        var hetzner = SeedPolicies.Compile("hetzner/hetzner.policy").Model!.Rights;
        Assert.Equal(new[] { "identity-proof" }, hetzner.Single(r => r.Right == "access").Requires);
        Assert.All(hetzner.Where(r => r.Right is "rectification" or "erasure" or "restriction" || (r.Right == "objection" && r.Purposes.IsEmpty)),
            r => Assert.Equal(new[] { "applicable-law" }, r.Conditions));
    }
}
