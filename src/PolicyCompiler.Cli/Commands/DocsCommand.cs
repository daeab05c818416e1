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
        if (!Write(compiled, outDir, force, output, error)) return ExitCodes.UsageOrIo;
        return failed.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    /// <summary>Writes the documents of compiled policies into a folder; false when any could not be written.</summary>
    public static bool Write(IReadOnlyList<CompilationResult> compiled, string outDir, bool force, TextWriter output, TextWriter error)
    {
        var collisions = PolicyDocuments.Collisions(compiled.Select(c => c.Model!.Id));
        foreach (var problem in collisions) error.WriteLine("policyc: " + problem);
        if (collisions.Count > 0) return false;
        return GeneratedOutput.WriteAll(compiled.SelectMany(PolicyDocuments.Generate), outDir, force, output, error);
    }
}
