using System;
using System.Collections.Generic;
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
        foreach (var problem in batch.Problems) error.WriteLine("policyc: " + problem);
        var failed = batch.Files.Where(f => f.Compilation is null || f.Compilation.HasErrors).ToList();
        if (failed.Count > 0) DiagnosticReporter.For("text").Write(failed.Select(f => new FileDiagnostics(f.Path, f.Text, f.Diagnostics)).ToList(), output);
        if (batch.Problems.Count > 0) return ExitCodes.UsageOrIo;

        var compiled = batch.Files.Where(f => f.Compilation is { HasErrors: false }).ToList();
        if (ns is not null && compiled.Count > 1)
        {
            error.WriteLine("policyc: --namespace names the namespace of one policy; " + compiled.Count + " were given");
            return ExitCodes.UsageOrIo;
        }
        var duplicate = compiled.GroupBy(f => f.Compilation!.Model!.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            error.WriteLine($"policyc: policies {string.Join(" and ", duplicate.Select(f => f.Path))} have the same name '{duplicate.Key}'; their guards would overwrite each other");
            return ExitCodes.UsageOrIo;
        }

        var files = new List<GeneratedFile> { new(RuntimeEmitter.FileName, RuntimeEmitter.Emit()) };
        files.AddRange(compiled.Select(f => GuardEmitter.Emit(f.Compilation!, new GuardEmitterOptions(ns))));
        var refused = false;
        foreach (var file in files)
        {
            var path = Path.Combine(outDir, file.Name);
            var outcome = GeneratedOutput.Write(path, file.Text, force);
            var display = PolicyFiles.Display(path);
            switch (outcome)
            {
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
