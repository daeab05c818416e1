using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;

namespace PolicyCompiler.Cli.Commands;

/// <summary><c>policyc check &lt;files or folders&gt;</c>: compiles and reports every diagnostic; changes nothing.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Policy files, or folders to search for *.policy files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "How to print diagnostics: text (with source excerpts), json, or sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");

        var command = new Command("check", "Check policy files and report every error, with its position and a hint.") { paths, format };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? System.Array.Empty<string>(), parse.GetValue(format) ?? "text", output, error));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, string format, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        var results = new List<FileDiagnostics>();
        foreach (var path in PolicyFiles.Expand(paths, problems))
        {
            var file = PolicyFiles.Read(path, problems);
            if (file is null) continue;
            if (file.Text is null)
            {
                results.Add(new FileDiagnostics(file.DisplayPath, null, new[] { file.DecodeError! }));
                continue;
            }
            var compiled = PolicyCompilation.Compile(file.Text);
            results.Add(new FileDiagnostics(file.DisplayPath, file.Text, compiled.Diagnostics));
        }

        foreach (var problem in problems) error.WriteLine("policyc: " + problem);
        DiagnosticReporter.For(format).Write(results, output);

        if (problems.Count > 0) return ExitCodes.UsageOrIo;
        foreach (var result in results)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                if (diagnostic.Severity == DiagnosticSeverity.Error) return ExitCodes.ErrorsFound;
            }
        }
        return ExitCodes.Success;
    }
}
