using System.Diagnostics;
using System.Globalization;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>
/// <c>peak N [--max-mib M]</c>: one full compile of a synthetic policy of N statements in a fresh process, then
/// the process's peak working set; with a maximum, exit code 1 past it. BenchmarkDotNet counts allocations,
/// not the peak a user's machine must hold, and a peak is only meaningful once per process; this mode measures it.
/// </summary>
public static class PeakMemory
{
    public static int Run(string[] args)
    {
        var statements = args.Length is 1 or 3 ? Positive(args[0]) : 0;
        var maxMiB = args.Length == 3 && args[1] == "--max-mib" ? Positive(args[2]) : args.Length == 1 ? int.MaxValue : 0;
        if (statements == 0 || maxMiB == 0)
        {
            Console.Error.WriteLine("usage: peak <statements> [--max-mib <MiB>]");
            return 2;
        }
        var text = new SourceText(SyntheticPolicy.Create(statements), "synthetic.policy");
        var watch = Stopwatch.StartNew();
        var guards = PipelineBenchmarks.CompileToGuards(text);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakMiB = process.PeakWorkingSet64 / 1024.0 / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{statements} statements: policy {text.Text.Length / 1024.0 / 1024:F1} MiB of text, guards {guards.Text.Length / 1024.0 / 1024:F1} MiB of C#, one cold compile {watch.Elapsed.TotalMilliseconds:F0} ms, peak working set {peakMiB:F0} MiB"));
        if (peakMiB > maxMiB)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"the peak is over the target of {maxMiB} MiB"));
            return 1;
        }
        return 0;
    }

    /// <summary>A positive whole number, or 0.</summary>
    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0;
}
