using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Exports;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Exports;

/// <summary>The DPV export, expanded by the jsonld processor (npm) offline, and checked against DPV's own term list.</summary>
public sealed class DpvExportTests : IDisposable
{
    private const string Dpv = "https://w3id.org/dpv";

    private static readonly HashSet<string> Terms = new(File.ReadLines(Path.Combine(Repository.Root, "src", "PolicyCompiler.Core", "Lint", "Packs", "dpv.terms"))
        .Where(l => l.Length > 0 && l[0] != '#'), StringComparer.Ordinal);

    private readonly string _folder = Directory.CreateTempSubdirectory("policyc-dpv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_jsonld_processor_expands_every_seed_offline_and_strictly_and_every_DPV_term_is_in_DPV()
    {
        var files = new[] { "spar-online", "eleven", "hetzner" }.Select(id =>
        {
            var path = Path.Combine(_folder, DpvJsonLd.FileName(id));
            File.WriteAllText(path, DpvJsonLd.Render(FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy"))));
            return path;
        }).ToArray();
        var results = Expand(files);
        Assert.Equal(files.Length, results.Count);
        foreach (var result in results)
        {
            Assert.False(result.TryGetProperty("error", out var error), error.ToString());
            Assert.True(result.GetProperty("quads").GetInt32() > 100, result.ToString());
            var iris = result.GetProperty("iris").EnumerateArray().Select(i => i.GetString()!).ToList();
            Assert.DoesNotContain(iris, i => InDpv(i) && !IsTerm(i));
            // The policy's own names are its IRIs, not DPV's, and nothing was left relative.
            Assert.Contains(iris, i => i.StartsWith("urn:policyc:", StringComparison.Ordinal));
            Assert.All(iris, i => Assert.Matches("^(https?|urn):", i));
        }
    }

    [Fact]
    public void Every_term_the_mapping_gives_is_a_term_of_DPV()
    {
        var map = VocabularyMap.Dpv;
        var rows = map.Rows.ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(Terms.Contains(map.Iri(row.Term)), row.Kind + " " + row.Pattern + " → " + row.Term + " is not in dpv.terms"));
    }

    [Theory]
    [InlineData("transfer-basis", new[] { "adequacy", "standard-clauses", "binding-rules", "consent", "contract", "public-interest", "legal-claims", "vital-interests" })]
    [InlineData("right", new[] { "information", "access", "rectification", "erasure", "restriction", "portability", "objection", "automated-decision", "withdraw-consent", "complaint" })]
    public void The_DPV_mapping_and_the_GDPR_articles_file_name_the_same_articles(string kind, string[] words)
    {
        // Two data files say which articles of the GDPR a word rests on (dpv.map in DPV's terms, gdpr.articles for the
        // record): the articles DPV names (eu-gdpr:A49-1-b; A13 and A14) are those of the articles file that DPV has
        // a term for (Art. 47 beside Art. 46(2)(b) has none).
        var gdpr = new[] { "GDPR" };
        foreach (var word in words)
        {
            var terms = VocabularyMap.Dpv.Terms(kind, word, gdpr).Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, "^eu-gdpr:A[0-9]")).OrderBy(t => t, StringComparer.Ordinal).ToList();
            var articles = PolicyCompiler.Binding.LawArticles.Of(kind, word, "DE");
            Assert.NotNull(articles);
            Assert.NotEmpty(terms);
            // "GDPR Art. 46(2)(b), 47" → A46-2-b, A47; those DPV has a term for must be exactly the mapped ones.
            var listed = System.Text.RegularExpressions.Regex.Replace(articles!, "^GDPR Art\\. ", string.Empty).Split(", ")
                .Select(a => "eu-gdpr:A" + System.Text.RegularExpressions.Regex.Replace(a, "\\(([0-9a-z]+)\\)", "-$1"))
                .Where(t => Terms.Contains(VocabularyMap.Dpv.Iri(t))).OrderBy(t => t, StringComparer.Ordinal).ToList();
            Assert.True(listed.SequenceEqual(terms), kind + " " + word + ": dpv.map says " + string.Join(" ", terms) + ", gdpr.articles " + articles);
        }
    }

    [Fact]
    public void Hetzner_orders_rest_on_GDPR_Art_6_1_b_and_its_transfers_on_the_grounds_of_Art_49()
    {
        // Hetzner §p18: processing "to fulfil the contract". §p46: a transfer to a third country needs one of the text's
        // grounds (the contract, consent, legal claims: Art. 49(1)(b), (a), (e); "other exceptions", which no article
        // names); §p61: Google Analytics on the adequacy decision of the time (Art. 45(3)).
        var document = Parse("hetzner");
        var orders = Processes(document).Single(p => p.GetProperty("@id").GetString() == "pc:process/orders");
        Assert.Equal(new[] { "eu-gdpr:A6-1-b" }, Strings(orders, "dpv:hasLegalBasis"));
        var transferBases = Processes(document).SelectMany(p => p.TryGetProperty("dpv:hasProcess", out var t) ? t.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Select(t => t.GetProperty("dpv:hasLegalBasis").GetString()).Distinct().OrderBy(b => b, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "dpv:DataTransferLegalBasis", "eu-gdpr:A45-3", "eu-gdpr:A49-1-a", "eu-gdpr:A49-1-b", "eu-gdpr:A49-1-e" }, transferBases);
    }

    [Theory]
    [InlineData("spar-online")]
    [InlineData("eleven")]
    public void A_Georgian_policy_cites_no_article_of_the_GDPR(string id)
    {
        // The GDPR does not govern a policy of Georgia (its jurisdiction, GE): its bases are DPV's own concepts.
        var text = DpvJsonLd.Render(FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy")));
        Assert.DoesNotContain("eu-gdpr:", text.Substring(text.IndexOf("\"@id\": \"pc:notice/", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("\"dpv:hasJurisdiction\": \"loc:GE\"", text, StringComparison.Ordinal);
    }

    public static TheoryData<string> Hostile() => new()
    {
        "\"}, \"@id\": \"http://evil\", \"x\": {\"",
        "back\\slash \\u0022 \\n",
        "rtl \u202E txt \u2066 iso \u2028 sep",
        "ქართული „ციტატა“",
        "<script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_labels_stay_strings(string hostile)
    {
        var compilation = HostilePolicy.Compile(hostile, """
              title en "{0}"
              controller "{0}" email "{0}"
              category contact.email en "{0}" cites §1 "The clause"
              purpose order en "{0}" basis contract cites §1
              process contact.email for order cites §1
            """);
        var text = DpvJsonLd.Render(FactsBuilder.Build(compilation));
        // No character that reorders or breaks a line is in the file raw.
        Assert.DoesNotContain(text, c => c is '\u202E' or '\u2066' or '\u2028');
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("pc:notice/" + PolicyCompiler.Emit.GuardEmitter.ContentHash(compilation), root.GetProperty("@id").GetString());
        Assert.Equal(hostile, root.GetProperty("dct:title").GetProperty("@value").GetString());
        Assert.Equal(hostile, root.GetProperty("dpv:hasDataController").GetProperty("dpv:hasName").GetString());
        var category = Assert.Single(root.GetProperty("dpv:hasPersonalData").EnumerateArray());
        Assert.Equal("pc:category/contact.email", category.GetProperty("@id").GetString());
        Assert.Equal(hostile, category.GetProperty("skos:prefLabel").GetProperty("@value").GetString());
        Assert.Equal(new[] { "@id", "@type", "dct:bibliographicCitation", "dpv:hasLegalBasis", "dpv:hasPersonalData", "dpv:hasPurpose" },
            Assert.Single(root.GetProperty("dpv:hasProcess").EnumerateArray()).EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>Whether an IRI is in a namespace of DPV's vocabularies (the 27560 record schema's IRI is not a term).</summary>
    internal static bool InDpv(string iri) => iri.StartsWith(Dpv, StringComparison.Ordinal) && iri.Contains('#', StringComparison.Ordinal) && !iri.StartsWith(Dpv + "/schema/", StringComparison.Ordinal);

    internal static bool IsTerm(string iri) => Terms.Contains(iri);

    private static JsonElement Parse(string id) =>
        JsonDocument.Parse(DpvJsonLd.Render(FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy")))).RootElement;

    private static IEnumerable<JsonElement> Processes(JsonElement document) => document.GetProperty("dpv:hasProcess").EnumerateArray();

    private static string[] Strings(JsonElement node, string property) =>
        node.GetProperty(property) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(e => e.GetString()!).ToArray() : new[] { node.GetProperty(property).GetString()! };

    /// <summary>Runs tests/exports-check/expand.mjs (the jsonld package); fails with the install command when it is not there.</summary>
    internal static List<JsonElement> Expand(IEnumerable<string> files)
    {
        var folder = Path.Combine(Repository.Root, "tests", "exports-check");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules")),
            "The DPV export test needs the jsonld package: run 'npm ci --prefix tests/exports-check' (.ci/run does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "expand.mjs"));
        foreach (var file in files) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var lines = new List<JsonElement>();
        while (process.StandardOutput.ReadLine() is { } line) lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "expand.mjs failed: " + string.Join("\n", lines) + error.Result);
        return lines;
    }
}
