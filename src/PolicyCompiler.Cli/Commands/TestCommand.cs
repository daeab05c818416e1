using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Evaluation;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc test &lt;policies&gt;</c>: runs the policies' test blocks against the reference evaluator. Each failed
/// expectation is printed with the decision and the statements behind it; the run ends with "N passed, N failed".
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var command = new Command("test", "Run the policies' test blocks and explain every expectation that fails.") { paths };
        command.SetAction(parse => Run(parse.GetValue(paths)!, output, error));
        return command;
    }

    public static int Run(string[] paths, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths);
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        if (batch.Failed.Count > 0)
        {
            batch.WriteFailures(output);
            return ExitCodes.ErrorsFound;
        }

        int passed = 0, failed = 0;
        foreach (var file in batch.Files)
        {
            foreach (var result in PolicyTestRunner.Run(file.Compilation!.Model!))
            {
                if (result.Passed)
                {
                    passed++;
                    continue;
                }
                failed++;
                var expected = result.Expectation.Allow ? "allow" : "deny";
                output.Write(string.Format(CultureInfo.InvariantCulture, "FAIL {0}({1}): test \"{2}\": expected {3}\n",
                    file.Path, result.Expectation.Span.Line, result.Test, expected));
                // The question as written: the expectation without its leading allow/deny.
                var written = file.Text!.Text.Substring(result.Expectation.Span.Start, result.Expectation.Span.Length);
                var question = string.Join(" ", written.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries).Skip(1));
                foreach (var line in Explainer.Format(file.Compilation, question, result.Decision).TrimEnd('\n').Split('\n')) output.Write("  " + line + "\n");
            }
        }
        output.Write(string.Format(CultureInfo.InvariantCulture, "{0} passed, {1} failed\n", passed, failed));
        return failed > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
