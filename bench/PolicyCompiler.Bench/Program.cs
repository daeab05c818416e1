using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Three modes besides the benchmarks: the peak memory of one compile, the C# compiler's cost of the guards, and the Cedar comparison's inputs.
if (args.Length > 0 && args[0] == "peak") return PolicyCompiler.Bench.PeakMemory.Run(args[1..]);
if (args.Length > 0 && args[0] == "guard-compile") return PolicyCompiler.Bench.GuardCompileCost.Run(args[1..]);
if (args.Length > 0 && args[0] == "cedar-export") return PolicyCompiler.Bench.CedarExport.Run(args[1..]);

// `--short` runs a few iterations (for CI and quick checks); without it, BenchmarkDotNet's default job.
var isShort = args.Contains("--short");
var rest = args.Where(a => a != "--short").ToArray();
var config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median)
    // The GC as policyc configures it (no background GC: see src/PolicyCompiler.Cli's project file).
    .AddJob((isShort ? Job.ShortRun : Job.Default).WithGcConcurrent(false));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(PolicyCompiler.Bench.FrontEndBenchmarks).Assembly).Run(rest.Length == 0 ? new[] { "--filter", "*" } : rest, config);

// BenchmarkDotNet reports a benchmark (or its setup) that threw and carries on: make it the exit code.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
