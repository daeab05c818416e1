using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using PolicyCompiler.Generator;

namespace PolicyCompiler.Bench;

/// <summary>
/// The source generator over both seed policies and their legal texts: a cold run (a new driver, as a
/// command-line build does), and a run after an unrelated C# edit (the IDE case: the policy steps are cached).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _files;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(FindRepository(), "policies");
        _files = new[] { "eleven", "spar-online" }
            .SelectMany(p => Directory.GetFiles(Path.Combine(root, p)))
            .Select(f => (AdditionalText)new FileText(f, File.ReadAllText(f)))
            .ToImmutableArray();
        _compilation = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText("class Program { }") });
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }"));
        _warm = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark]
    public int Cold() => NewDriver().RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int AfterUnrelatedEdit() => _warm.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(new[] { new PolicyGenerator().AsSourceGenerator() }, _files);

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PolicyCompiler.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
