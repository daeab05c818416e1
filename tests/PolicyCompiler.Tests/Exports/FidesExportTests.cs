using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Exports;
using PolicyCompiler.Legal;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace PolicyCompiler.Tests.Exports;

/// <summary>
/// The Fides manifest, read by YamlDotNet and checked against fideslang's models (models.py @ 01305d7b: the
/// required fields and enums of System, PrivacyDeclaration, Dataset, DatasetCollection, DatasetField) and the
/// keys of its default taxonomy (fides.terms).
/// </summary>
public sealed class FidesExportTests
{
    /// <summary>fideslang's FidesKey (validation.py): letters, digits, '_', '.', '&lt;', '&gt;', '-'.</summary>
    private static readonly Regex FidesKey = new("^[a-zA-Z0-9_.<>-]+$");

    private static readonly string[] LegalBasisForProcessing = { "Consent", "Contract", "Legal obligations", "Vital interests", "Public interest", "Legitimate interests" };

    private static readonly string[] SpecialCategoryLegalBasis =
    {
        "Explicit consent", "Employment, social security and social protection", "Vital interests", "Not-for-profit bodies", "Made public by the data subject",
        "Legal claims or judicial acts", "Reasons of substantial public interest (with a basis in law)", "Health or social care (with a basis in law)",
        "Public health (with a basis in law)", "Archiving, research and statistics (with a basis in law)",
    };

    private static readonly string[] LegalBasisForTransfers = { "Adequacy Decision", "SCCs", "BCRs", "Supplementary Measures", "Other" };

    /// <summary>The taxonomy's keys by kind; a category fideslang 3.1 (which fides pins) does not know is left out.</summary>
    private static readonly ILookup<string, string> Taxonomy = File.ReadLines(Path.Combine(Repository.Root, "src", "PolicyCompiler.Core", "Lint", "Packs", "fides.terms"))
        .Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).Where(f => f.Length == 2).ToLookup(f => f[0], f => f[1]);

    public static TheoryData<string> Seeds() => new() { "spar-online", "eleven", "hetzner" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_seed_is_a_manifest_fideslang_accepts_with_a_declaration_per_purpose(string id)
    {
        var facts = FactsBuilder.Build(SeedPolicies.Compile(id + "/" + id + ".policy"));
        var root = Load(FidesYaml.Render(facts));
        Assert.Equal(new[] { "dataset", "system" }, root.Children.Keys.Select(Text).OrderBy(k => k, StringComparer.Ordinal));

        var system = (YamlMappingNode)Assert.Single(((YamlSequenceNode)root["system"]).Children);
        Assert.Matches(FidesKey, Text(system["fides_key"]));
        Assert.Equal("Application", Text(system["system_type"]));
        Assert.All(Strings(system, "responsibility"), r => Assert.Contains(r, new[] { "Controller", "Processor", "Sub-Processor" }));
        if (system.Children.ContainsKey("legal_basis_for_transfers")) Assert.All(Strings(system, "legal_basis_for_transfers"), t => Assert.Contains(t, LegalBasisForTransfers));
        Assert.Contains(Text(system["does_international_transfers"]), new[] { "true", "false" });
        // Profiling with legal effects (what fideslang's uses_profiling means) is nothing the language states.
        Assert.False(system.Children.ContainsKey("uses_profiling"));

        var declarations = ((YamlSequenceNode)system["privacy_declarations"]).Children.Cast<YamlMappingNode>().ToList();
        // A declaration per purpose; the record's row of data no stated purpose uses has none (it has no data use).
        Assert.Equal(facts.Model.Purposes.Count, declarations.Count);
        Assert.Equal(declarations.Count, declarations.Select(d => Text(d["name"])).Distinct().Count());
        var dataset = (YamlMappingNode)Assert.Single(((YamlSequenceNode)root["dataset"]).Children);
        foreach (var declaration in declarations)
        {
            Assert.Contains(Text(declaration["data_use"]), Taxonomy["use"]);
            Assert.NotEmpty(Strings(declaration, "data_categories"));
            Assert.All(Strings(declaration, "data_categories"), c => Assert.Contains(c, Taxonomy["category"]));
            Assert.All(Strings(declaration, "data_subjects"), s => Assert.Contains(s, Taxonomy["subject"]));
            if (declaration.Children.ContainsKey("legal_basis_for_processing")) Assert.Contains(Text(declaration["legal_basis_for_processing"]), LegalBasisForProcessing);
            if (declaration.Children.ContainsKey("special_category_legal_basis")) Assert.Contains(Text(declaration["special_category_legal_basis"]), SpecialCategoryLegalBasis);
            Assert.Equal(new[] { Text(dataset["fides_key"]) }, Strings(declaration, "dataset_references"));
        }

        Assert.Matches(FidesKey, Text(dataset["fides_key"]));
        var collections = ((YamlSequenceNode)dataset["collections"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal(collections.Count, collections.Select(c => Text(c["name"])).Distinct().Count());
        var fields = 0;
        foreach (var collection in collections)
        {
            var names = ((YamlSequenceNode)collection["fields"]).Children.Cast<YamlMappingNode>().Select(f => Text(f["name"])).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            fields += names.Count;
            Assert.All(((YamlSequenceNode)collection["fields"]).Children.Cast<YamlMappingNode>(), f => Assert.All(Strings(f, "data_categories"), c => Assert.Contains(c, Taxonomy["category"])));
        }
        // A field per category the policy declares.
        Assert.Equal(facts.Model.Categories.Count, fields);
    }

    [Fact]
    public void Every_key_the_mapping_gives_is_in_the_taxonomy_fides_uses()
    {
        var kinds = new Dictionary<string, string> { ["category"] = "category", ["purpose"] = "use", ["subject"] = "subject" };
        var rows = VocabularyMap.Fides.Rows.Where(r => kinds.ContainsKey(r.Kind)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(Taxonomy[kinds[row.Kind]].Contains(row.Term), row.Kind + " " + row.Pattern + " → " + row.Term + " is not a key fideslang 3.1 knows"));
        Assert.All(VocabularyMap.Fides.Rows.Where(r => r.Kind == "basis"), row => Assert.Contains(row.Term, LegalBasisForProcessing));
        Assert.All(VocabularyMap.Fides.Rows.Where(r => r.Kind == "special-basis"), row => Assert.Contains(row.Term, SpecialCategoryLegalBasis));
        Assert.All(VocabularyMap.Fides.Rows.Where(r => r.Kind is "transfer-basis" or "safeguard"), row => Assert.Contains(row.Term, LegalBasisForTransfers));
    }

    [Fact]
    public void Eleven_marks_the_purposes_that_process_special_categories()
    {
        // Eleven §5.3: special categories are processed only where the law provides (legal-duties, §4.3.9), never for marketing.
        var system = (YamlMappingNode)((YamlSequenceNode)Load(FidesYaml.Render(FactsBuilder.Build(SeedPolicies.Compile("eleven/eleven.policy"))))["system"]).Children[0];
        var declarations = ((YamlSequenceNode)system["privacy_declarations"]).Children.Cast<YamlMappingNode>().ToDictionary(d => Regex.Match(Text(d["name"]), "\\(([a-z-]+)\\)$").Groups[1].Value);
        Assert.Equal("false", Text(declarations["marketing"]["processes_special_category_data"]));
        Assert.Equal("marketing.advertising", Text(declarations["marketing"]["data_use"]));
    }

    [Fact]
    public void A_name_the_mapping_does_not_know_gets_the_general_key_and_is_named_in_the_header_and_in_the_DPV_concept()
    {
        var compilation = Compile.Text(Compile.Policy("""
              purpose ads en "personalised ads" basis consent cites §2
              category clickstream.clicks en "clicks" cites §1
              process clickstream.clicks for ads cites §2
            """));
        Assert.False(compilation.HasErrors, Compile.Render(compilation));
        var facts = FactsBuilder.Build(compilation);
        var yaml = FidesYaml.Render(facts);
        Assert.Contains("# fides.map has no row for the purpose \"ads\": its key is the general \"essential.service\"; review it.\n", yaml, StringComparison.Ordinal);
        Assert.Contains("# fides.map has no row for the category \"clickstream.clicks\": its key is the general \"user\"; review it.\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("purpose \"marketing\"", yaml, StringComparison.Ordinal);
        var dpv = DpvJsonLd.Render(facts);
        Assert.Contains("\"rdfs:comment\": \"dpv.map has no row for this purpose: the concept above it is DPV's general one.\"", dpv, StringComparison.Ordinal);
    }

    public static TheoryData<string> Hostile() => new()
    {
        "key: value # not a comment",
        "\"quoted\" and 'single' and \\back\\",
        "&anchor *alias !!python/object:os.system [flow] {map}",
        "- not a list\n- second line",
        "rtl \u202E txt \u0085 nel \u2028 sep",
        "ქართული „ციტატა“",
        "true",
        "~",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_labels_stay_strings(string hostile)
    {
        var compilation = HostilePolicy.Compile(hostile, """
              title en "{0}"
              controller en "{0}" address "{0}"
              category contact.email en "{0}" cites §1
              purpose order en "{0}" basis contract cites §1
              process contact.email for order cites §1
            """);
        var label = compilation.Model!.Title[0].Text;
        var yaml = FidesYaml.Render(FactsBuilder.Build(compilation));
        Assert.DoesNotContain(yaml, c => c is '\u202E' or '\u0085' or '\u2028');
        var system = (YamlMappingNode)((YamlSequenceNode)Load(yaml)["system"]).Children[0];
        Assert.Equal(label, Text(system["name"]));
        Assert.Equal(label, Text(system["legal_name"]));
        Assert.Equal(label, Text(system["legal_address"]));
        var declaration = (YamlMappingNode)Assert.Single(((YamlSequenceNode)system["privacy_declarations"]).Children);
        Assert.Equal(label + " (order)", Text(declaration["name"]));
        // Every scalar is quoted, so none is read as a boolean, a null or a tag.
        Assert.All(system.Children.Values.OfType<YamlScalarNode>().Where(v => v.Value is not ("true" or "false")), v => Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, v.Style));
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static string[] Strings(YamlMappingNode node, string key) => ((YamlSequenceNode)node[key]).Children.Select(Text).ToArray();
}
