using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyCompiler.Compilation;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc numbers &lt;policies&gt; [--write]</c>: the numbers file beside each policy (<see cref="NameNumbers"/>).
/// Shows the lines each file lacks (every line, where there is no file: the names' present numbers) and exits 1 when
/// any does; with <c>--write</c> it adds them, creating the file where there is none, and changes no line already there.
/// </summary>
internal static class NumbersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var write = new Option<bool>("--write") { Description = "Add the missing lines to each numbers file (creating it where there is none)." };
        var command = new Command("numbers", "Keep the number each generated enum gives each name in a file beside the policy, so that it never changes.") { paths, write };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(write), output, error));
        return command;
    }

    public static int Run(string[] paths, bool write, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths, strict: true);
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        if (batch.Failed.Count > 0)
        {
            // A numbers file with a line that does not read is an error of the policy: nothing is written over it.
            batch.WriteFailures(output);
            return ExitCodes.ErrorsFound;
        }

        var lacking = 0;
        foreach (var numbers in batch.Files.Select(f => f.Compilation!.Numbers!))
        {
            var shown = PolicyFiles.Shown(numbers.Path);
            if (numbers.Committed && numbers.Unpinned.Count == 0)
            {
                var retired = numbers.Retired.Count == 0 ? "" : $" ({numbers.Retired.Count} line(s) of removed names keep their numbers taken)";
                output.WriteLine($"{shown}: every name has its number{retired}");
                continue;
            }
            if (write)
            {
                var set = new OutputSet();
                set.Add(numbers.Path, numbers.Updated());
                if (!set.Commit(out var problem))
                {
                    error.WriteLine("policyc: " + problem);
                    return ExitCodes.UsageOrIo;
                }
                output.WriteLine($"{shown}: {(numbers.Committed ? "added" : "written with")} {numbers.Unpinned.Count} line(s)");
                continue;
            }
            lacking++;
            output.WriteLine(numbers.Committed ? $"{shown}: lacks {numbers.Unpinned.Count} line(s):" : $"{shown}: no such file; it would hold:");
            foreach (var line in numbers.Unpinned) output.WriteLine("  " + line.Kind + " " + line.Number.ToString(CultureInfo.InvariantCulture) + " " + line.Key);
        }
        if (lacking == 0) return ExitCodes.Success;
        output.WriteLine($"{lacking} numbers file(s) lack lines: run policyc numbers --write {string.Join(" ", paths.Select(PolicyFiles.Shown))} and commit them");
        return ExitCodes.ErrorsFound;
    }
}
