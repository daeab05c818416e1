using BenchmarkDotNet.Attributes;
using PolicyCompiler.Compilation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Legal;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>
/// The inputs whose cost once grew faster than their size (see <see cref="HostileShapes"/>), each at ×1, ×10
/// and ×100 of its smallest size, through what <c>policyc check</c> runs (and <c>fmt --check</c> for the
/// diff): the medians of one run show the growth per ×10 of input, which must stay under ×15.
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    private HostileInput _input = null!;
    private SourceText _unformatted = null!;

    [Params(1, 10, 100)]
    public int Scale { get; set; }

    [GlobalSetup(Target = nameof(SameNumberEverywhere))]
    public void SetupSameNumber() => _input = HostileShapes.At("same-number", Scale);

    [GlobalSetup(Target = nameof(MissingSections))]
    public void SetupMissingSections() => _input = HostileShapes.At("missing-sections", Scale);

    [GlobalSetup(Target = nameof(ExcerptNotInParagraph))]
    public void SetupExcerpt() => _input = HostileShapes.At("excerpt-not-in-paragraph", Scale);

    [GlobalSetup(Target = nameof(ExcerptCitations))]
    public void SetupExcerptCitations() => _input = HostileShapes.At("excerpt-citations", Scale);

    [GlobalSetup(Target = nameof(LongNamesAndTypos))]
    public void SetupLongNames() => _input = HostileShapes.At("long-names", Scale);

    [GlobalSetup(Target = nameof(HugeIdentifier))]
    public void SetupHugeIdentifier() => _input = HostileShapes.At("huge-identifier", Scale);

    [GlobalSetup(Target = nameof(ManyShortStatements))]
    public void SetupShortStatements() => _input = HostileShapes.At("short-statements", Scale);

    [GlobalSetup(Target = nameof(FormatCheckDiff))]
    public void SetupDiff() => _unformatted = new SourceText(HostileShapes.At("unformatted", Scale).Policy, "unformatted.policy");

    [Benchmark]
    public int SameNumberEverywhere() => Check();

    [Benchmark]
    public int MissingSections() => Check();

    [Benchmark]
    public int ExcerptNotInParagraph() => Check();

    [Benchmark]
    public int ExcerptCitations() => Check();

    [Benchmark]
    public int LongNamesAndTypos() => Check();

    [Benchmark]
    public int HugeIdentifier() => Check();

    /// <summary>Up to 350,000 statements: refused by the limit on generated guards (PC3006) rather than emitted.</summary>
    [Benchmark]
    public int ManyShortStatements() => Check();

    /// <summary>What <c>fmt --check</c> does: format, then the diff of the file and its formatted text.</summary>
    [Benchmark]
    public int FormatCheckDiff()
    {
        var formatted = PolicyFormatter.Format(_unformatted);
        return Cli.UnifiedDiff.Create(_unformatted.Text, formatted.Text!, "a.policy", "a.policy (formatted)").Length;
    }

    private int Check()
    {
        var legal = _input.Legal is null ? null : new SourceText(_input.Legal, HostileShapes.LegalPath);
        return PolicyCompilation.Compile(new SourceText(_input.Policy, "hostile.policy"), path => legal is null ? LegalSource.NotFound : LegalSource.Found(legal)).Diagnostics.Count;
    }
}
