using BenchmarkDotNet.Attributes;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Legal;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Policies.Eleven;

namespace PolicyCompiler.Bench;

/// <summary>
/// A decision through the generated guards of the Eleven policy, against the same decision through the
/// reference evaluator. Arguments are fields so that nothing is folded away at compile time.
/// </summary>
[MemoryDiagnoser]
public class GuardBenchmarks
{
    private Category _category = Category.ContactMobile;
    private Purpose _purpose = Purpose.Marketing;
    private Conditions _consent = Conditions.MarketingConsent;
    private Evaluator _evaluator = null!;
    private Question _question = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Repository.Policies;
        var text = new SourceText(File.ReadAllText(Path.Combine(root, "eleven", "eleven.policy")), "eleven/eleven.policy");
        var compiled = PolicyCompilation.Compile(text, p => LegalSource.Found(new SourceText(File.ReadAllText(Path.Combine(root, p)), p)));
        _evaluator = new Evaluator(compiled.Model!);
        _question = Question.Of(VerbSchema.Default["process"], "contact.mobile", new[] { "marketing-consent" }.ToEquatableArray(), ("purposes", "marketing"));
        if (ElevenPolicy.MayProcess(_category, _purpose, _consent) != _evaluator.Decide(_question).Allowed)
        {
            throw new InvalidOperationException("the guards and the evaluator disagree");
        }
    }

    [Benchmark(Baseline = true)]
    public bool MayProcess() => ElevenPolicy.MayProcess(_category, _purpose);

    [Benchmark]
    public bool MayProcessWithConditions() => ElevenPolicy.MayProcess(_category, _purpose, _consent);

    [Benchmark]
    public bool CheckProcess() => ElevenPolicy.CheckProcess(_category, _purpose, _consent).Allowed;

    [Benchmark]
    public bool EvaluatorDecide() => _evaluator.Decide(_question).Allowed;
}
