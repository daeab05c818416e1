using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Lint;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc lint &lt;policies&gt;</c>: what a privacy notice must give under the built-in law packs and the
/// policy does not state. Findings are warnings; the exit code is 1 only when the policies do not compile.
/// </summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var format = CommonArguments.Format("findings");
        var command = new Command("lint", "Report the information privacy law requires a notice to give that a policy does not state.") { paths, format };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format) ?? "text", output, error));
        return command;
    }

    public static int Run(string[] paths, string format, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths);
        var problems = batch.WriteProblems(error);
        var files = batch.Files
            .Select(f => new FileDiagnostics(f.Path, f.Text, f.Compilation is null || f.Compilation.HasErrors
                ? f.Diagnostics.Where(d => d.IsError).ToList()
                : Linter.Lint(f.Compilation)))
            .ToList();
        DiagnosticReporter.For(format).Write(files, output);
        if (problems) return ExitCodes.UsageOrIo;
        return batch.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
