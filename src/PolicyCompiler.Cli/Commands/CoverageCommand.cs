using System.CommandLine;
using System.Globalization;
using System.IO;

namespace PolicyCompiler.Cli.Commands;

/// <summary><c>policyc coverage &lt;policies&gt;</c>: per policy, how many paragraphs of its legal text are cited.</summary>
internal static class CoverageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var command = new Command("coverage", "Show how much of each policy's legal text its statements cite.") { paths };
        command.SetAction(parse => Run(parse.GetValue(paths)!, output, error));
        return command;
    }

    public static int Run(string[] paths, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths);
        var problems = batch.WriteProblems(error);
        output.Write(string.Format(CultureInfo.InvariantCulture, "{0,-44} {1,10} {2,6} {3,11} {4,9} {5,7}\n", "policy", "paragraphs", "cited", "informative", "uncovered", "percent"));
        var incomplete = false;
        foreach (var file in batch.Files)
        {
            var coverage = file.Compilation?.Legal?.Coverage;
            if (coverage is null)
            {
                output.Write(string.Format(CultureInfo.InvariantCulture, "{0,-44} {1}\n", PolicyFiles.Shown(file.Path), "no legal source (see policyc check)"));
                incomplete = true;
                continue;
            }
            output.Write(string.Format(
                CultureInfo.InvariantCulture,
                "{0,-44} {1,10} {2,6} {3,11} {4,9} {5,6}%\n",
                PolicyFiles.Shown(file.Path), coverage.Paragraphs, coverage.Cited.Count, coverage.Informative.Count, coverage.Uncovered.Count, coverage.Percent));
            if (coverage.Uncovered.Count > 0) incomplete = true;
        }
        if (problems) return ExitCodes.UsageOrIo;
        return incomplete ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
