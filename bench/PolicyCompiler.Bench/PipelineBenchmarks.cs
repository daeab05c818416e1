using BenchmarkDotNet.Attributes;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>
/// The full compile of a policy to guards, as <c>policyc build</c> runs it without documents: parse, bind and
/// emit C#, from 100 to 100,000 statements, so that the scaling ratio between sizes can be read off one run.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private SourceText _text = null!;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Statements { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = new SourceText(SyntheticPolicy.Create(Statements), "synthetic.policy");
        if (FullCompile() == 0) throw new InvalidOperationException("the synthetic policy emitted nothing");
    }

    [Benchmark]
    public int FullCompile() => CompileToGuards(_text).Text.Length;

    /// <summary>Parse, bind and emit; the synthetic policy has no errors, so emitting is always possible.</summary>
    public static GeneratedFile CompileToGuards(SourceText text)
    {
        var compiled = PolicyCompilation.Compile(text);
        if (compiled.HasErrors) throw new InvalidOperationException("the synthetic policy does not compile cleanly: " + compiled.Diagnostics.First(d => d.IsError).Message);
        return GuardEmitter.Emit(compiled);
    }
}
