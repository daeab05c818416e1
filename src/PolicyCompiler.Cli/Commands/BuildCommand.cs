using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Emit;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc build &lt;policies&gt; --out &lt;dir&gt;</c>: compiles the policies and writes each one's C# guards,
/// once the runtime file they share, and each one's documents in <c>docs/</c>. A policy with errors is reported and not written.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var outDir = new Option<string>("--out") { Description = "The folder to write the generated files to.", Required = true };
        var ns = new Option<string?>("--namespace") { Description = "The namespace of the guards (default: Policies.<PolicyName>); only with a single policy." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that policyc did not generate." };
        var command = new Command("build", "Compile policies and write their C# guards, and their documents in <out>/docs.") { paths, outDir, ns, force };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(outDir)!, parse.GetValue(ns), parse.GetValue(force), output, error));
        return command;
    }

    public static int Run(string[] paths, string outDir, string? ns, bool force, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths);
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        var failed = batch.Failed;
        if (failed.Count > 0) batch.WriteFailures(output);

        var compiled = batch.Files.Where(f => f.Compilation is { HasErrors: false }).Select(f => f.Compilation!).ToList();
        var (files, problems) = BuildOutputs.Of(compiled, ns);
        foreach (var problem in problems) error.WriteLine("policyc: " + problem);
        if (problems.Count > 0) return ExitCodes.UsageOrIo;
        if (!GeneratedOutput.WriteAll(files, outDir, force, output, error)) return ExitCodes.UsageOrIo;
        return failed.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
