using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Exports;

/// <summary>
/// Consent records made by the generated guards: bound to the notice version (policy id, content hash, effective
/// date) and the clause's citation, in the DPV-27560 shape, and recognised when they come from another version.
/// </summary>
public sealed class ConsentRecordTests : IDisposable
{
    private static readonly Guid RecordId = Guid.Parse("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b");

    private static readonly DateTimeOffset GivenAt = new(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(4));

    private readonly string _folder = Directory.CreateTempSubdirectory("policyc-consent-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_record_from_an_older_version_of_the_policy_is_recognised_as_such()
    {
        // Hetzner §p25: the newsletter on consent (Art. 6(1)(a)). A revised notice that states an effective date leaves
        // the clause as it was; one that asks the consent by a checkbox changes the clause.
        var text = File.ReadAllText(SeedPolicies.PathOf("hetzner/hetzner.policy"));
        var older = SeedPolicies.Compile("hetzner/hetzner.policy");
        var dated = Revised(text.Replace("  // The text states no date of its own;", "  effective 2019-01-01\n  // The text states no date of its own;", StringComparison.Ordinal));
        var checkbox = Revised(text.Replace("consent newsletter for newsletter cites", "consent newsletter for newsletter given checkbox cites", StringComparison.Ordinal));
        Assert.Equal(3, new[] { older, dated, checkbox }.Select(GuardEmitter.ContentHash).Distinct().Count());
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(),
            GuardEmitter.Emit(older, new GuardEmitterOptions("Older.Hetzner")).Text,
            GuardEmitter.Emit(dated, new GuardEmitterOptions("Dated.Hetzner")).Text,
            GuardEmitter.Emit(checkbox, new GuardEmitterOptions("Checkbox.Hetzner")).Text,
            GuardEmitter.Emit(SeedPolicies.Compile("eleven/eleven.policy"), new GuardEmitterOptions("Other.Eleven")).Text);

        var record = RecordConsent(assembly, "Older.Hetzner", "Newsletter", "customer-42");
        Assert.Equal("Current", Check(assembly, "Older.Hetzner", record));
        Assert.Equal("SameClause", Check(assembly, "Dated.Hetzner", record));
        Assert.Equal("OtherVersion", Check(assembly, "Checkbox.Hetzner", record));
        Assert.Equal("OtherPolicy", Check(assembly, "Other.Eleven", record));
        Assert.Equal("Current", Check(assembly, "Checkbox.Hetzner", RecordConsent(assembly, "Checkbox.Hetzner", "Newsletter", "customer-42")));
    }

    private static CompilationResult Revised(string text)
    {
        var revised = SeedPolicies.Compile("hetzner/hetzner.policy", text, path => PolicyCompiler.Cli.PolicyFiles.ReadLegalSource(Path.Combine(SeedPolicies.Root, path)));
        Assert.False(revised.HasErrors, Compile.Render(revised));
        return revised;
    }

    [Fact]
    public void A_withdrawal_comes_once_and_after_the_consent()
    {
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(SeedPolicies.Compile("hetzner/hetzner.policy")).Text);
        var record = RecordConsent(assembly, "Policies.Hetzner", "Newsletter", "customer-42");
        var withdraw = record.GetType().GetMethod("Withdraw")!;
        var early = Assert.Throws<TargetInvocationException>(() => withdraw.Invoke(record, new object[] { GivenAt.AddSeconds(-1) }));
        Assert.IsType<ArgumentOutOfRangeException>(early.InnerException);
        var withdrawn = withdraw.Invoke(record, new object[] { GivenAt.AddDays(1) })!;
        var twice = Assert.Throws<TargetInvocationException>(() => withdraw.Invoke(withdrawn, new object[] { GivenAt.AddDays(2) }));
        Assert.IsType<InvalidOperationException>(twice.InnerException);
    }

    [Fact]
    public void The_record_carries_the_notice_version_the_purposes_and_the_citation_in_DPV_terms_and_expands_offline()
    {
        var hetzner = SeedPolicies.Compile("hetzner/hetzner.policy");
        var eleven = SeedPolicies.Compile("eleven/eleven.policy");
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(hetzner).Text, GuardEmitter.Emit(eleven).Text);
        var record = RecordConsent(assembly, "Policies.Hetzner", "Newsletter", "customer \"42\"\u202E");
        var json = (string)record.GetType().GetMethod("ToJson")!.Invoke(record, null)!;
        var withdrawn = record.GetType().GetMethod("Withdraw")!.Invoke(record, new object[] { GivenAt.AddDays(30) })!;
        var withdrawnJson = (string)withdrawn.GetType().GetMethod("ToJson")!.Invoke(withdrawn, null)!;

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("urn:uuid:" + RecordId.ToString("D"), root.GetProperty("@id").GetString());
        Assert.Equal("dpv:ConsentRecord", root.GetProperty("@type").GetString());
        Assert.Equal("https://w3id.org/dpv/schema/dpv-27560#record", root.GetProperty("dct:conformsTo").GetString());
        Assert.Equal("2024-03-01T05:30:00Z", root.GetProperty("dct:created").GetString());
        Assert.Equal("customer \"42\"\u202E", root.GetProperty("dpv:hasDataSubject").GetProperty("dct:identifier").GetString());
        Assert.DoesNotContain('\u202E', json);
        // The GDPR governs Hetzner (DE): the consent is Art. 6(1)(a).
        Assert.Equal(new[] { "eu-gdpr:A6-1-a" }, root.GetProperty("dpv:hasLegalBasis").EnumerateArray().Select(b => b.GetString()));
        var notice = root.GetProperty("dpv:hasNotice");
        Assert.Equal("urn:policyc:hetzner:notice/" + GuardEmitter.ContentHash(hetzner), notice.GetProperty("@id").GetString());
        Assert.Equal(GuardEmitter.ContentHash(hetzner), notice.GetProperty("dct:hasVersion").GetString());
        // The text states no date of its own (the policy's header says so): the notice has none.
        Assert.False(notice.TryGetProperty("dct:date", out _));
        Assert.Equal("newsletter", notice.GetProperty("dct:hasPart").GetProperty("skos:notation").GetString());
        Assert.StartsWith("pc:consent/newsletter/sha256:", notice.GetProperty("dct:hasPart").GetProperty("@id").GetString(), StringComparison.Ordinal);
        Assert.Equal(new[] { "§p25 \"Art. 6 (1) lit. a\"" }, notice.GetProperty("dct:bibliographicCitation").EnumerateArray().Select(c => c.GetString()));
        var purpose = Assert.Single(root.GetProperty("dpv:hasProcess").GetProperty("dpv:hasPurpose").EnumerateArray());
        Assert.Equal("pc:purpose/newsletter", purpose.GetProperty("@id").GetString());
        Assert.Equal("dpv:DirectMarketing", purpose.GetProperty("skos:broader").GetString());
        Assert.Equal(new[] { "dpv:ConsentGiven" }, root.GetProperty("dpv:hasConsentStatus").EnumerateArray().Select(s => s.GetProperty("@type").GetString()));
        using var withdrawnDocument = JsonDocument.Parse(withdrawnJson);
        Assert.Equal(new[] { "dpv:ConsentGiven", "dpv:ConsentWithdrawn" }, withdrawnDocument.RootElement.GetProperty("dpv:hasConsentStatus").EnumerateArray().Select(s => s.GetProperty("@type").GetString()));

        // A Georgian policy's consent is DPV's consent, not an article of the GDPR.
        var georgian = RecordConsent(assembly, "Policies.Eleven", "Marketing", "rider-7");
        using var georgianDocument = JsonDocument.Parse((string)georgian.GetType().GetMethod("ToJson")!.Invoke(georgian, null)!);
        Assert.Equal(new[] { "dpv:Consent" }, georgianDocument.RootElement.GetProperty("dpv:hasLegalBasis").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("loc:GE", georgianDocument.RootElement.GetProperty("dpv:hasJurisdiction").GetString());
        Assert.Equal("2021-11-22", georgianDocument.RootElement.GetProperty("dpv:hasNotice").GetProperty("dct:date").GetString());

        // The jsonld processor expands the records offline; every DPV term they use is in DPV.
        var files = new[] { json, withdrawnJson }.Select((text, i) =>
        {
            var path = Path.Combine(_folder, "record" + i + ".jsonld");
            File.WriteAllText(path, text);
            return path;
        }).ToArray();
        foreach (var result in DpvExportTests.Expand(files))
        {
            Assert.False(result.TryGetProperty("error", out var error), error.ToString());
            Assert.DoesNotContain(result.GetProperty("iris").EnumerateArray().Select(i => i.GetString()!), i => DpvExportTests.InDpv(i) && !DpvExportTests.IsTerm(i));
        }
    }

    [Fact]
    public void Statements_of_one_consent_are_one_clause_and_a_clause_may_be_named_like_the_enum()
    {
        var compilation = Compile.Text(Compile.Policy("""
              consent support for order cites §1
              consent support for marketing cites §2
              consent consent-clause cites §1
            """));
        Assert.False(compilation.HasErrors, Compile.Render(compilation));
        var assembly = GeneratedAssembly.CompileClean(RuntimeEmitter.Emit(), GuardEmitter.Emit(compilation).Text);
        Assert.Equal(new[] { "Support", "ConsentClause_2" }, Enum.GetNames(assembly.GetType("Policies.Shop.ConsentClause")!));
        var record = RecordConsent(assembly, "Policies.Shop", "Support", "customer-1");
        var purposes = (System.Collections.IEnumerable)record.GetType().GetProperty("Purposes")!.GetValue(record)!;
        Assert.Equal(new[] { "order", "marketing" }, purposes.Cast<object>().Select(p => (string)p.GetType().GetProperty("Name")!.GetValue(p)!));
        Assert.Equal(2, ((System.Collections.ICollection)record.GetType().GetProperty("Citations")!.GetValue(record)!).Count);
    }

    private static object RecordConsent(Assembly assembly, string ns, string clause, string subject)
    {
        var guards = assembly.GetTypes().Single(t => t.Namespace == ns && t.Name.EndsWith("Policy", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed);
        var clauses = assembly.GetType(ns + ".ConsentClause")!;
        return guards.GetMethod("RecordConsent")!.Invoke(null, new[] { Enum.Parse(clauses, clause), subject, GivenAt, RecordId })!;
    }

    private static string Check(Assembly assembly, string ns, object record)
    {
        var guards = assembly.GetTypes().Single(t => t.Namespace == ns && t.Name.EndsWith("Policy", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed);
        return guards.GetMethod("CheckConsentRecord")!.Invoke(null, new[] { record })!.ToString()!;
    }
}
