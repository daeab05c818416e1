using System.CommandLine;
using System.Linq;
using System.IO;
using PolicyCompiler.Cli.Commands;
using PolicyCompiler.Cli.Output;

namespace PolicyCompiler.Cli;

/// <summary>The policyc command line: parses arguments and runs a command. Usage errors exit with 2.</summary>
public static class PolicycApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, Stream.Null, output, error);

    /// <summary>Runs a command; <paramref name="input"/> is standard input, which <c>fmt</c> reads when given no files.</summary>
    public static int Run(string[] args, Stream input, TextWriter output, TextWriter error)
    {
        // Everything printed is escaped for the terminal, but for the one output that is a file's text: fmt's
        // formatted policy and an export printed, which must be exactly what fmt --write and export --out write.
        var formatted = output;
        output = new TerminalWriter(output);
        error = new TerminalWriter(error);
        var root = new RootCommand("policyc: compiles privacy policies written in the policy language into guards and documentation.")
        {
            CheckCommand.Create(output, error),
            BuildCommand.Create(output, error),
            DocsCommand.Create(output, error),
            ExplainCommand.Create(output, error),
            TestCommand.Create(output, error),
            SectionsCommand.Create(output, error),
            CoverageCommand.Create(output, error),
            LintCommand.Create(output, error),
            FmtCommand.Create(input, formatted, output, error),
            DiffCommand.Create(output, error),
            VerifyCommand.Create(output, error),
            ExportCommand.Create(formatted, output, error),
            NumbersCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line: the first problem, folded onto it, and where to look.
            var first = string.Join(" ", parsed.Errors[0].Message.Split(new[] { '\n', '\r', '\t' }, System.StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
            error.WriteLine($"policyc: {first} (run 'policyc --help' for usage)");
            return ExitCodes.UsageOrIo;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
