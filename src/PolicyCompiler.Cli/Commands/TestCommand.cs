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

    /// <summary>A file's test lines in the order it writes them, each with what was expected, what came out and why.</summary>
    private static IEnumerable<TestOutcome> Outcomes(CompiledFile file)
    {
        var compilation = file.Compilation!;
        foreach (var result in PolicyTestRunner.RunAll(compilation.Model!))
        {
            var written = Written(file, result.Span, skip: 0);
            yield return result switch
            {
                // The question as written: the line without its leading allow/deny.
                ExpectationResult e => new TestOutcome(file.Path, compilation.Model!.Id, e.Test, e.Span, written, e.Passed,
                    e.Expectation.Allow ? "allow" : "deny", e.Decision.Allowed ? "allow" : "deny",
                    e.Passed ? string.Empty : Explainer.Format(compilation, Written(file, e.Span, skip: 1), e.Expectation.Question, e.Decision)),
                FactResult f => new TestOutcome(file.Path, compilation.Model!.Id, f.Test, f.Span, written, f.Passed,
                    f.Expectation.Holds ? "the policy to state it" : "the policy not to state it", f.Stated ? "stated" : "not stated",
                    f.Passed ? string.Empty : StatedFacts.Explain(compilation, f.Expectation.Fact)),
                _ => throw new System.InvalidOperationException("no outcome for " + result.GetType().Name),
            };
        }
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
