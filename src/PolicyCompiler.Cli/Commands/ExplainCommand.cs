using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Evaluation;

using PolicyCompiler.Text;

namespace PolicyCompiler.Cli.Commands;

/// <summary><c>policyc explain &lt;policy&gt; &lt;question&gt;</c>: the decision and the legal text behind it.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var policy = new Argument<string>("policy") { Description = "A policy file." };
        var question = new Argument<string[]>("question")
        {
            Description = "The question, as a test block asks it: process contact.email for marketing",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("explain", "Decide a question against a policy and show the statements and legal text behind the decision.") { policy, question };
        command.SetAction(parse => Run(parse.GetValue(policy)!, string.Join(" ", parse.GetValue(question)!), output, error));
        return command;
    }

    public static int Run(string policyPath, string question, TextWriter output, TextWriter error)
    {
        if (Directory.Exists(policyPath))
        {
            error.WriteLine($"policyc: {PolicyFiles.Shown(policyPath)}: explain takes one policy file, not a folder");
            return ExitCodes.UsageOrIo;
        }
        var batch = PolicyBatch.Compile(new[] { policyPath });
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        if (batch.Failed.Count > 0)
        {
            batch.WriteFailures(output);
            return ExitCodes.ErrorsFound;
        }
        var file = batch.Files.Single();
        var (explanation, diagnostics) = Explainer.Ask(file.Compilation!, question);
        if (explanation is null)
        {
            foreach (var diagnostic in diagnostics) error.Write("policyc: " + diagnostic.Code + ": " + TerminalText.Escape(diagnostic.Message) + " (" + TerminalText.Escape(diagnostic.Help) + ")\n");
            return ExitCodes.UsageOrIo;
        }
        output.Write(explanation.Text);
        return ExitCodes.Success;
    }
}
