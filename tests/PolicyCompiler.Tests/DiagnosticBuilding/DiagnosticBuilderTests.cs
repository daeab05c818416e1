using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.DiagnosticBuilding;

/// <summary>The builder is the one place that fills in the catalog's messages.</summary>
public sealed class DiagnosticBuilderTests
{
    [Fact]
    public void Every_catalog_code_has_a_builder_method_of_its_name()
    {
        var builder = typeof(DiagnosticBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
        var descriptors = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => f.Name)
            .ToList();

        Assert.Equal(DiagnosticCatalog.All.Count(), descriptors.Count);
        Assert.All(descriptors, name => Assert.Contains(name, builder));
    }

    [Fact]
    public void Outside_the_catalog_and_the_builder_the_source_names_descriptors_only_to_register_them()
    {
        var src = Path.Combine(Repository.Root, "src");
        var separator = Path.DirectorySeparatorChar;
        var uses = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(separator + "obj" + separator, System.StringComparison.Ordinal) && !f.Contains(separator + "bin" + separator, System.StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not ("DiagnosticCatalog.cs" or "DiagnosticBuilder.cs"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"DiagnosticCatalog\.(\w+)").Select(m => (File: Path.GetFileName(f), Member: m.Groups[1].Value)))
            .ToList();

        // The hosts list the catalog (SARIF rules, the generator's descriptors); the analyzer registers its three codes with Roslyn.
        Assert.All(uses, use => Assert.True(
            use.Member == nameof(DiagnosticCatalog.All) || use is ("PurposeAnalyzer.cs", "PersonalDataReadForDeniedPurpose" or "GuardAlwaysDenies" or "CountriesByPosition"),
            use.File + " uses DiagnosticCatalog." + use.Member + " instead of DiagnosticBuilder"));
        Assert.Contains(uses, use => use.Member == nameof(DiagnosticCatalog.All));
    }

    [Fact]
    public void A_suggestion_is_written_the_same_way_for_every_code()
    {
        Assert.Equal("Did you mean 'marketing'? ", DiagnosticBuilder.DidYouMean("marketing"));
        Assert.Equal("Did you mean §5.2? ", DiagnosticBuilder.DidYouMean("§5.2", quoted: false));
        Assert.Equal(string.Empty, DiagnosticBuilder.DidYouMean(null));
        Assert.StartsWith("Did you mean '", Compile.Text(Compile.Policy("  store * in EX cites §1")).Diagnostics.Single(d => d.Code == "PC1004").Help, System.StringComparison.Ordinal);
        Assert.Contains("Did you mean 'process'? ", Compile.Text(Compile.Policy("  proces contact.email for order cites §1")).Diagnostics.Single(d => d.Code == "PC0010").Help, System.StringComparison.Ordinal);
    }
}
