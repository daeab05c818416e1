using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;

namespace PolicyCompiler.Cli.Commands;

/// <summary><c>policyc check &lt;files or folders&gt;</c>: compiles and reports every diagnostic; changes nothing.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var format = CommonArguments.Format("diagnostics");

        var command = new Command("check", "Check policy files and report every error, with its position and a hint.") { paths, format };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? System.Array.Empty<string>(), parse.GetValue(format) ?? "text", output, error));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths);
        var problems = batch.WriteProblems(error);
        DiagnosticReporter.For(format).Write(batch.Files.Select(f => new FileDiagnostics(f.Path, f.Text, f.Diagnostics)).ToList(), output);

        if (problems) return ExitCodes.UsageOrIo;
        return batch.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
