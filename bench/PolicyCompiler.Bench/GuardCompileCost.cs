using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Text;

namespace PolicyCompiler.Bench;

/// <summary>
/// <c>guard-compile N</c>: the guards of a synthetic policy of N statements, their size and the size the
/// compiler estimated before emitting them, then one compile of them by the C# compiler (in memory, with the
/// runtime types, as a consumer's build would) in a fresh process, with its time and the peak working set.
/// This is how the limit on generated guards (<c>PolicyLimits.MaxGuardChars</c>) was chosen.
/// </summary>
public static class GuardCompileCost
{
    public static int Run(string[] args)
    {
        if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var statements) || statements <= 0)
        {
            Console.Error.WriteLine("usage: guard-compile <statements>");
            return 2;
        }
        var text = new SourceText(SyntheticPolicy.Create(statements), "synthetic.policy");
        var compiled = PolicyCompilation.Compile(text);
        var estimate = compiled.Model is null ? 0 : GuardCodeSize.Of(compiled.Model, compiled.Legal).Total;
        if (compiled.HasErrors)
        {
            Console.WriteLine(Invariant($"{statements} statements: estimate {estimate / 1e6:F1} M chars; refused: {compiled.Diagnostics.First(d => d.IsError).Message}"));
            return 0;
        }
        var guards = GuardEmitter.Emit(compiled).Text;
        var runtime = RuntimeEmitter.Emit();

        var watch = Stopwatch.StartNew();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[] { CSharpSyntaxTree.ParseText(guards, parse), CSharpSyntaxTree.ParseText(runtime, parse) };
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Guards", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));
        using var output = new MemoryStream();
        var result = compilation.Emit(output);
        watch.Stop();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(Invariant(
            $"{statements} statements: guards {guards.Length / 1e6:F1} M chars (estimate {estimate / 1e6:F1} M), C# compile {(result.Success ? "ok" : "FAILED")} in {watch.Elapsed.TotalSeconds:F1} s, peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:F0} MiB"));
        return result.Success ? 0 : 1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
