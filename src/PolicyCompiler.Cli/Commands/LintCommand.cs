using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Lint;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc lint &lt;policies&gt; [--law &lt;law&gt;]…</c>: what a privacy notice must give under the laws the policy
/// is read under and the policy does not state. Findings are warnings; the exit code is 1 only when the policies
/// do not compile, 2 for a law the lint does not know.
/// </summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var format = CommonArguments.Format("findings");
        var laws = new Option<string[]>("--law")
        {
            Description = "Read every policy under this law (" + LintNames.KnownLaws + "), instead of those its jurisdiction and data call for; may be given more than once.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("lint", "Report the information privacy law requires a notice to give that a policy does not state.") { paths, format, laws };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format) ?? "text", parse.GetValue(laws) ?? Array.Empty<string>(), output, error));
        return command;
    }

    public static int Run(string[] paths, string format, string[] laws, TextWriter output, TextWriter error)
    {
        var unknown = laws.Where(l => !LintNames.IsLaw(l)).ToList();
        foreach (var law in unknown)
        {
            var closest = LintNames.ClosestLaw(law);
            error.WriteLine("policyc: --law " + TerminalText.Escape(law) + ": no such law" + (closest is null ? string.Empty : " (did you mean '" + closest + "'?)") + "; the laws are: " + LintNames.KnownLaws);
        }
        if (unknown.Count > 0) return ExitCodes.UsageOrIo;
        var batch = PolicyBatch.Compile(paths);
        var problems = batch.WriteProblems(error);
        var files = batch.Files
            .Select(f => new FileDiagnostics(f.Path, f.Text, f.Compilation is null || f.Compilation.HasErrors
                ? f.Diagnostics.Where(d => d.IsError).ToList()
                : Linter.Lint(f.Compilation, laws)))
            .ToList();
        DiagnosticReporter.For(format).Write(files, output);
        if (problems) return ExitCodes.UsageOrIo;
        return batch.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
