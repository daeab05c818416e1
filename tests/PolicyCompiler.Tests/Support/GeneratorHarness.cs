using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PolicyCompiler.Generator;

namespace PolicyCompiler.Tests.Support;

/// <summary>An additional file held in memory, as an IDE or MSBuild would hand it to the generator.</summary>
internal sealed class MemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Runs the policy generator (and the purpose analyzer) over a C# compilation and additional files.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, Parse, "/src/Code" + i + ".cs")),
        Basic.Reference.Assemblies.Net80.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));

    public static GeneratorDriver Driver(params AdditionalText[] files) => CSharpGeneratorDriver.Create(
        new[] { new PolicyGenerator().AsSourceGenerator() },
        files,
        Parse,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The seed policy and its legal text, under a path like a consumer's.</summary>
    public static AdditionalText[] Seed(string policy)
    {
        var path = Seeds.SeedPolicies.PathOf(policy);
        var folder = System.IO.Path.GetDirectoryName(path)!;
        return Directory.GetFiles(folder).OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(f => (AdditionalText)new MemoryAdditionalText(f, File.ReadAllText(f)))
            .ToArray();
    }

    /// <summary>The compilation with the generated sources, and the generator's and the analyzer's diagnostics.</summary>
    public static (Microsoft.CodeAnalysis.Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, ImmutableArray<Diagnostic> AnalyzerDiagnostics) Analyze(CSharpCompilation compilation, params AdditionalText[] files)
    {
        Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzers = output.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new PurposeAnalyzer()),
            new AnalyzerOptions(ImmutableArray.CreateRange(files)));
        var analyzerDiagnostics = analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return (output, generatorDiagnostics, analyzerDiagnostics);
    }
}
