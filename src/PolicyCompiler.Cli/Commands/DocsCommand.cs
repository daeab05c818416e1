using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc docs &lt;policies&gt; --out &lt;dir&gt;</c>: compiles the policies and writes each one's documents:
/// Markdown in Georgian and English, and the HTML review page. A policy with errors is reported and not written.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var outDir = new Option<string>("--out") { Description = "The folder to write the documents to.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite files that policyc did not generate." };
        var command = new Command("docs", "Write each policy's documents: Markdown in Georgian and English, and an HTML review page.") { paths, outDir, force };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(outDir)!, parse.GetValue(force), output, error));
        return command;
    }

    public static int Run(string[] paths, string outDir, bool force, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths);
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        var failed = batch.Failed;
        if (failed.Count > 0) batch.WriteFailures(output);

        var compiled = batch.Files.Where(f => f.Compilation is { HasErrors: false }).Select(f => f.Compilation!).ToList();
        var (documents, problems) = BuildOutputs.Documents(compiled);
        foreach (var problem in problems) error.WriteLine("policyc: " + problem);
        if (problems.Count > 0 || !GeneratedOutput.WriteAll(documents, outDir, force, output, error)) return ExitCodes.UsageOrIo;
        return failed.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
