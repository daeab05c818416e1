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
        return outcomes.Any(o => !o.Passed) ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    /// <summary>A file's expectations in the order it writes them: the allow/deny lines and the expect lines.</summary>
    private static IEnumerable<TestOutcome> Outcomes(CompiledFile file)
    {
        var compilation = file.Compilation!;
        var decisions = PolicyTestRunner.Run(compilation.Model!).Select(result =>
        {
            // The question as written: the expectation without its leading allow/deny.
            var question = Written(file, result.Expectation.Span, skip: 1);
            var explanation = result.Passed ? string.Empty : Explainer.Format(compilation, question, result.Expectation.Question, result.Decision);
            return new TestOutcome(file.Path, compilation.Model!.Id, result.Test, result.Expectation.Span, Written(file, result.Expectation.Span, skip: 0), result.Passed,
                result.Expectation.Allow ? "allow" : "deny", result.Decision.Allowed ? "allow" : "deny", explanation);
        });
        var facts = PolicyTestRunner.RunFacts(compilation.Model!).Select(result =>
        {
            var expected = result.Expectation.Holds ? "the policy to state it" : "the policy not to state it";
            var explanation = result.Passed ? string.Empty : StatedFacts.Explain(compilation, result.Expectation.Fact);
            return new TestOutcome(file.Path, compilation.Model!.Id, result.Test, result.Expectation.Span, Written(file, result.Expectation.Span, skip: 0),
                result.Passed, expected, result.Stated ? "stated" : "not stated", explanation);
        });
        return decisions.Concat(facts).OrderBy(o => o.Span.Start);
    }

    /// <summary>An expectation as written, white space folded, without its first words (allow, deny, expect [no]).</summary>
    private static string Written(CompiledFile file, SourceSpan span, int skip) =>
        string.Join(" ", file.Text!.Text.Substring(span.Start, span.Length).Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries).Skip(skip));

    private static void WriteText(IReadOnlyList<TestOutcome> outcomes, TextWriter output)
    {
        foreach (var outcome in outcomes.Where(o => !o.Passed))
        {
            output.Write(string.Format(CultureInfo.InvariantCulture, "FAIL {0}({1}): test \"{2}\": expected {3}\n",
                PolicyFiles.Shown(outcome.Path), outcome.Span.Line, TerminalText.Escape(outcome.Test), outcome.Expected));
            foreach (var line in outcome.Explanation.TrimEnd('\n').Split('\n')) output.Write("  " + line + "\n");
        }
        var failed = outcomes.Count(o => !o.Passed);
        output.Write(string.Format(CultureInfo.InvariantCulture, "{0} passed, {1} failed\n", outcomes.Count - failed, failed));
    }
}

/// <summary>
/// One expectation run: where it is, its test block, the line as written, whether it passed, what was expected
/// and what came out (allow or deny for a decision, stated or not for an expect line), and for a failure why.
/// </summary>
internal sealed record TestOutcome(string Path, string PolicyId, string Test, SourceSpan Span, string Written, bool Passed, string Expected, string Actual, string Explanation);
