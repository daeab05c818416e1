using System.Diagnostics;
using System.Globalization;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>
/// <c>peak N</c>: one full compile of a synthetic policy of N statements in a fresh process, then the
/// process's peak working set. BenchmarkDotNet counts allocations, not the peak a user's machine must hold,
/// and a peak is only meaningful once per process; this mode measures it.
/// </summary>
public static class PeakMemory
{
    public static int Run(string[] args)
    {
        if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var statements) || statements <= 0)
        {
            Console.Error.WriteLine("usage: peak <statements>");
            return 2;
        }
        var text = new SourceText(SyntheticPolicy.Create(statements), "synthetic.policy");
        var watch = Stopwatch.StartNew();
        var guards = PipelineBenchmarks.CompileToGuards(text);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{statements} statements: policy {text.Text.Length / 1024.0 / 1024:F1} MiB of text, guards {guards.Text.Length / 1024.0 / 1024:F1} MiB of C#, one cold compile {watch.Elapsed.TotalMilliseconds:F0} ms, peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:F0} MiB"));
        return 0;
    }
}
