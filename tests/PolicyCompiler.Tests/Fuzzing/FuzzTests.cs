using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyCompiler.Tests.Seeds;
using Xunit;
using Xunit.Abstractions;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>
/// The fuzzer: seeded random inputs through the whole pipeline (<see cref="PipelineProbe"/>). Two in five are
/// mutations of the seed policies, one in five a random token stream, two in five generated from the grammar.
/// Every input must end in diagnostics or outputs, without an exception, a generator failure (CS8785) or a
/// broken promise, and within a second. CI runs 5,000 inputs with a fixed seed; more, or another seed, with
/// <c>POLICYC_FUZZ_INPUTS=100000 POLICYC_FUZZ_SEED=7 dotnet test tests/PolicyCompiler.Tests --filter FullyQualifiedName~Fuzzing</c>.
/// A failing input is written to fuzz-failures/ beside the test assembly: keep it in Fuzzing/Regressions/,
/// where <see cref="Kept_failures_stay_fixed"/> runs it from then on.
/// </summary>
[Collection(FuzzTests.Collection)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Alone, after the other tests: its one-second budget per input is measured on an idle machine.</summary>
    public const string Collection = "Fuzzing, alone";

    private const int DefaultInputs = 5_000;
    private const int DefaultSeed = 20261125;

    /// <summary>One input in this many that binds cleanly also has its generated guards compiled (a C# compile is the slowest step).</summary>
    private const int CompileGuardsEvery = 20;

    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(1);

    private static readonly string RegressionFolder = Path.Combine(AppContext.BaseDirectory, "Fuzzing", "Regressions");

    [Fact]
    public void Pipeline_survives_fuzzed_inputs()
    {
        var count = Setting("POLICYC_FUZZ_INPUTS", DefaultInputs);
        var seed = Setting("POLICYC_FUZZ_SEED", DefaultSeed);
        var random = new Random(seed);
        var seeds = SeedPolicies.All.Select(p => (Folder: Path.GetDirectoryName(p)!.Replace('\\', '/'), Text: File.ReadAllText(SeedPolicies.PathOf(p)))).ToList();
        var grammar = new GrammarFuzzer(random);

        // The first run of each stage pays for loading and compiling the code behind it; it is not an input's time.
        PipelineProbe.GuardProblems(PipelineProbe.Run(new FuzzInput(seeds[0].Folder, Encoding.UTF8.GetBytes(seeds[0].Text), "warm-up")));

        var failures = new List<string>();
        var (decoded, compiled, guardsCompiled) = (0, 0, 0);
        var slowest = TimeSpan.Zero;
        var firstErrors = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count && failures.Count < 5; i++)
        {
            var seedPolicy = seeds[random.Next(seeds.Count)];
            var input = (i % 5) switch
            {
                0 or 1 => Mutations.Mutate(random, seedPolicy.Folder, seedPolicy.Text, seeds[random.Next(seeds.Count)].Text),
                2 => TokenSoup.Next(random, seedPolicy.Folder),
                _ => grammar.Next(seedPolicy.Folder),
            };
            var compileGuards = compiled % CompileGuardsEvery == 0;
            var (outcome, elapsed, failure) = Probe(input, compileGuards);
            if (failure is not null)
            {
                failures.Add($"input {i} ({input.Origin}, seed {seed}): {failure}\nkept as {Keep(input)}\n{PipelineProbe.Show(input)}");
                continue;
            }
            slowest = elapsed > slowest ? elapsed : slowest;
            if (outcome!.FirstError is { } code) firstErrors[code] = firstErrors.GetValueOrDefault(code) + 1;
            decoded += outcome.Decoded ? 1 : 0;
            compiled += outcome.Compiled ? 1 : 0;
            if (outcome.Compiled && compileGuards) guardsCompiled++;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} inputs (seed {seed}): {decoded} decoded, {compiled} compiled without errors and went through guards, documents and tests, {guardsCompiled} guard files compiled by C#; slowest {slowest.TotalMilliseconds:F0} ms"));
        output.WriteLine("first error of the inputs with errors: " + string.Join(", ", firstErrors.Select(e => e.Key + " " + e.Value.ToString(CultureInfo.InvariantCulture))));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // The mix must reach every stage, or the fuzzer tests less than it claims.
        Assert.True(compiled > count / 20, $"only {compiled} of {count} inputs compiled without errors");
        Assert.True(guardsCompiled > 0, "no generated guards were compiled");
    }

    public static TheoryData<string> Regressions() => new(Directory.GetFiles(RegressionFolder, "*.policy").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal)!);

    /// <summary>Every input the fuzzer ever failed on, run as the fuzzer runs it (its file name starts with its seed folder).</summary>
    [Theory]
    [MemberData(nameof(Regressions))]
    public void Kept_failures_stay_fixed(string name)
    {
        var input = new FuzzInput(name.Split('.')[0], File.ReadAllBytes(Path.Combine(RegressionFolder, name)), "kept " + name);
        var (_, _, failure) = Probe(input, compileGuards: true);
        Assert.True(failure is null, failure);
    }

    /// <summary>
    /// Runs one input; a failure is an exception, a broken promise, or a run past a second twice in a row
    /// (the second run, alone and warm, tells a slow input from a pause of the machine). The C# compile of
    /// the guards, when asked for, is the consumer's build and is not timed.
    /// </summary>
    private static (ProbeOutcome? Outcome, TimeSpan Elapsed, string? Failure) Probe(FuzzInput input, bool compileGuards)
    {
        try
        {
            var watch = Stopwatch.StartNew();
            var outcome = PipelineProbe.Run(input);
            var elapsed = watch.Elapsed;
            if (elapsed > PerInput)
            {
                watch.Restart();
                PipelineProbe.Run(input);
                elapsed = watch.Elapsed < elapsed ? watch.Elapsed : elapsed;
            }
            var problems = compileGuards && outcome.Compiled ? outcome.Problems.Concat(PipelineProbe.GuardProblems(outcome)).ToList() : outcome.Problems;
            if (problems.Count > 0) return (outcome, elapsed, string.Join("; ", problems));
            return elapsed > PerInput ? (outcome, elapsed, $"took {elapsed.TotalMilliseconds:F0} ms, twice over the limit of {PerInput.TotalMilliseconds:F0} ms") : (outcome, elapsed, null);
        }
        catch (Exception e)
        {
            return (null, TimeSpan.Zero, "threw " + e);
        }
    }

    private static string Keep(FuzzInput input)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, input.Folder + "." + input.Hash + ".policy");
        File.WriteAllBytes(path, input.Bytes);
        return path;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

/// <summary>The fuzzer's collection: xunit runs a collection without parallelisation after all the others.</summary>
[CollectionDefinition(FuzzTests.Collection, DisableParallelization = true)]
public sealed class FuzzCollection;
