using BenchmarkDotNet.Attributes;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>The documents of a compiled synthetic policy: the fact model, the Markdown in one language, the review page.</summary>
[MemoryDiagnoser]
public class DocsBenchmarks
{
    private CompilationResult _compilation = null!;
    private PolicyFacts _facts = null!;

    [Params(1_000, 10_000)]
    public int Statements { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = PolicyCompilation.Compile(new SourceText(SyntheticPolicy.Create(Statements), "synthetic.policy"));
        if (_compilation.HasErrors) throw new InvalidOperationException("the synthetic policy does not compile cleanly");
        _facts = FactsBuilder.Build(_compilation);
    }

    [Benchmark]
    public int Facts() => FactsBuilder.Build(_compilation).Tables.Count;

    [Benchmark]
    public int Markdown() => MarkdownDocument.Render(_facts, DocLanguage.English).Length;

    [Benchmark]
    public int ReviewPage() => HtmlReviewPage.Render(_facts, Array.Empty<Diagnostics.Diagnostic>(), Array.Empty<Evaluation.ExpectationResult>()).Length;

    [Benchmark]
    public int AllDocuments() => PolicyDocuments.Generate(_compilation).Count;
}
