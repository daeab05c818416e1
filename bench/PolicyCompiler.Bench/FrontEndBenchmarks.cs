using BenchmarkDotNet.Attributes;
using PolicyCompiler.Compilation;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>Parse and bind (the whole front end, as <c>policyc check</c> runs it) of synthetic policies.</summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private SourceText _text = null!;
    private Syntax.PolicyFileSyntax _syntax = null!;

    [Params(1_000, 10_000)]
    public int Statements { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = new SourceText(SyntheticPolicy.Create(Statements), "synthetic.policy");
        var result = PolicyCompilation.Compile(_text);
        if (result.HasErrors)
        {
            throw new InvalidOperationException("the synthetic policy does not compile cleanly: " + result.Diagnostics[0].Message);
        }
        _syntax = result.Syntax;
    }

    [Benchmark]
    public int Parse() => Parsing.PolicyParser.Parse(_text).Syntax.Members.Count;

    [Benchmark]
    public int Bind() => Binding.Binder.Bind(_syntax, _text).Model!.Permissions.Count;

    [Benchmark]
    public int ParseAndBind() => PolicyCompilation.Compile(_text).Model!.Permissions.Count;
}
