using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Emit;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc build &lt;policies&gt; --out &lt;dir&gt;</c>: compiles the policies and writes each one's C# guards,
/// and once the runtime file they share. A policy with errors is reported and not written.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var outDir = new Option<string>("--out") { Description = "The folder to write the generated files to.", Required = true };
        var ns = new Option<string?>("--namespace") { Description = "The namespace of the guards (default: Policies.<PolicyName>); only with a single policy." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that policyc did not generate." };
        var command = new Command("build", "Compile policies and write their C# guards.") { paths, outDir, ns, force };
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
        var (files, problems) = GuardSet.Emit(compiled, ns);
        foreach (var problem in problems) error.WriteLine("policyc: " + problem);
        if (problems.Count > 0) return ExitCodes.UsageOrIo;

        var refused = false;
        foreach (var file in files)
        {
            var path = Path.Combine(outDir, file.Name);
            var outcome = GeneratedOutput.Write(path, file.Text, force, out var ioProblem);
            var display = PolicyFiles.Display(path);
            switch (outcome)
            {
                case GeneratedOutput.Outcome.Failed:
                    error.WriteLine($"policyc: {display}: cannot write the file: {ioProblem}");
                    refused = true;
                    break;
                case GeneratedOutput.Outcome.RefusedNotGenerated:
                    error.WriteLine($"policyc: {display}: not written: the file exists and policyc did not generate it (use --force to overwrite it)");
                    refused = true;
                    break;
                case GeneratedOutput.Outcome.Written:
                    output.WriteLine("wrote " + display);
                    break;
                default:
                    output.WriteLine("unchanged " + display);
                    break;
            }
        }
        if (refused) return ExitCodes.UsageOrIo;
        return failed.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
