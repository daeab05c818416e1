using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Evaluation;

using PolicyCompiler.Text;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc test &lt;policies&gt;</c>: runs the policies' test blocks against the reference evaluator. Each failed
/// expectation is printed with the decision and the statements behind it; the run ends with "N passed, N failed".
/// <c>--format junit</c> writes the same results as a JUnit XML report instead, for CI.
/// </summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var format = new Option<string>("--format") { Description = "text (failures explained, then a summary) or junit (a JUnit XML report).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "junit");
        var command = new Command("test", "Run the policies' test blocks and explain every expectation that fails.") { paths, format };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format)!, output, error));
        return command;
    }

    public static int Run(string[] paths, string format, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths, strict: true);
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        if (batch.Failed.Count > 0)
        {
            // A JUnit report on standard output must stay XML: diagnostics then go to stderr.
            batch.WriteFailures(format == "junit" ? error : output);
            return ExitCodes.ErrorsFound;
        }

        var outcomes = batch.Files.SelectMany(Outcomes).ToList();
        if (format == "junit") JUnitReport.Write(outcomes, output);
        else WriteText(outcomes, output);
        return outcomes.Any(o => !o.Result.Passed) ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    private static IEnumerable<TestOutcome> Outcomes(CompiledFile file)
    {
        var compilation = file.Compilation!;
        foreach (var result in PolicyTestRunner.Run(compilation.Model!))
        {
            // The question as written: the expectation without its leading allow/deny.
            var written = file.Text!.Text.Substring(result.Expectation.Span.Start, result.Expectation.Span.Length);
            var question = string.Join(" ", written.Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries).Skip(1));
            var explanation = result.Passed ? string.Empty : Explainer.Format(compilation, question, result.Expectation.Question, result.Decision);
            yield return new TestOutcome(file.Path, compilation.Model!.Id, question, result, explanation);
        }
    }

    private static void WriteText(IReadOnlyList<TestOutcome> outcomes, TextWriter output)
    {
        foreach (var outcome in outcomes.Where(o => !o.Result.Passed))
        {
            output.Write(string.Format(CultureInfo.InvariantCulture, "FAIL {0}({1}): test \"{2}\": expected {3}\n",
                PolicyFiles.Shown(outcome.Path), outcome.Result.Expectation.Span.Line, TerminalText.Escape(outcome.Result.Test), outcome.Expected));
            foreach (var line in outcome.Explanation.TrimEnd('\n').Split('\n')) output.Write("  " + line + "\n");
        }
        var failed = outcomes.Count(o => !o.Result.Passed);
        output.Write(string.Format(CultureInfo.InvariantCulture, "{0} passed, {1} failed\n", outcomes.Count - failed, failed));
    }
}

/// <summary>One expectation run: where it is, the question as written, its result, and for a failure the explanation.</summary>
internal sealed record TestOutcome(string Path, string PolicyId, string Question, ExpectationResult Result, string Explanation)
{
    public string Expected => Result.Expectation.Allow ? "allow" : "deny";

    public string Actual => Result.Decision.Allowed ? "allow" : "deny";
}
