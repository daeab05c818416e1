using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc verify &lt;policies&gt; --snapshots &lt;dir&gt;</c>: regenerates what <c>build</c> writes and compares it with
/// the committed, reviewed outputs in the folder. A file that differs is shown as a unified diff; a missing file,
/// or a file policyc wrote that it no longer generates, is named. Exit 1 when anything differs: the CI gate that
/// keeps reviewed outputs true to the policies.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var snapshots = new Option<string>("--snapshots") { Description = "The folder of committed outputs, as policyc build --out wrote it.", Required = true };
        var ns = new Option<string?>("--namespace") { Description = "The namespace the guards were built with (as for build)." };
        var command = new Command("verify", "Fail with a diff when the committed guards and documents differ from what the policies generate.") { paths, snapshots, ns };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(snapshots)!, parse.GetValue(ns), output, error));
        return command;
    }

    public static int Run(string[] paths, string snapshots, string? ns, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths, strict: true);
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        if (!Directory.Exists(snapshots))
        {
            error.WriteLine($"policyc: {PolicyFiles.Shown(snapshots)}: no such folder (write it first with policyc build --out {PolicyFiles.Shown(snapshots)})");
            return ExitCodes.UsageOrIo;
        }
        if (batch.Failed.Count > 0)
        {
            batch.WriteFailures(output);
            return ExitCodes.ErrorsFound;
        }

        var (files, problems) = BuildOutputs.Of(batch.Files.Select(f => f.Compilation!).ToList(), ns);
        foreach (var problem in problems) error.WriteLine("policyc: " + problem);
        if (problems.Count > 0) return ExitCodes.UsageOrIo;

        var differences = 0;
        // The numbers the guards were written with must be the committed ones: a name a numbers file lacks would get
        // a number that the next name added can take from it.
        foreach (var numbers in batch.Files.Select(f => f.Compilation!.Numbers!).Where(n => !n.Committed || n.Unpinned.Count > 0))
        {
            differences++;
            output.Write(numbers.Committed
                ? $"unnumbered {PolicyFiles.Shown(numbers.Path)}: no number for {string.Join(", ", numbers.Unpinned.Select(l => l.Kind + " '" + l.Key + "'"))} (run policyc numbers --write and commit it)\n"
                : $"missing {PolicyFiles.Shown(numbers.Path)}: the policy's names have no committed numbers (run policyc numbers --write and commit it)\n");
        }
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = Path.Combine(snapshots, file.Name);
            var display = PolicyFiles.Shown(path);
            expected.Add(Path.GetFullPath(path));
            var read = Read(path, snapshots);
            if (read.Problem is not null && !read.Missing)
            {
                differences++;
                output.Write($"unreadable {PolicyFiles.Shown(path)}: {read.Problem}\n");
                continue;
            }
            var committed = Text(read);
            if (committed == GeneratedOutput.Comparable(file.Text)) continue;
            differences++;
            output.Write(committed is null
                ? $"missing {display}\n"
                : UnifiedDiff.Create(committed, GeneratedOutput.Comparable(file.Text), display + " (committed)", display + " (regenerated)"));
        }
        foreach (var path in WrittenFolders(snapshots, output))
        {
            if (expected.Contains(Path.GetFullPath(path)) || Text(Read(path, snapshots)) is not { } text || !GeneratedOutput.IsGenerated(path, text)) continue;
            differences++;
            output.Write($"stale {PolicyFiles.Shown(path)}: policyc wrote it but no longer generates it\n");
        }

        if (differences == 0)
        {
            output.WriteLine($"verified: the {files.Count} file(s) in {PolicyFiles.Shown(snapshots)} are what the policies generate");
            return ExitCodes.Success;
        }
        output.WriteLine($"{differences} file(s) in {PolicyFiles.Shown(snapshots)} differ from what the policies generate; "
            + $"review the diff, then accept it with: policyc build {string.Join(" ", paths.Select(PolicyFiles.Shown))} --out {PolicyFiles.Shown(snapshots)} (and delete stale files)");
        return ExitCodes.ErrorsFound;
    }

    /// <summary>A committed file, read as every input is (a regular file, really inside the snapshot folder, bounded).</summary>
    private static InputText Read(string path, string snapshots) => InputFile.Read(path, PolicyFiles.Display(path), snapshots);

    /// <summary>A committed file's text with line endings normalised (a checkout may have turned them into CRLF), or null when it has none.</summary>
    private static string? Text(InputText read) => read.Text?.Text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// The files in the folders build writes to (the snapshot folder, its docs/ and exports/), in ordinal order: a stale file
    /// can only be there. Links are not followed, so the search never leaves the snapshot folder, and a folder
    /// that cannot be listed is named.
    /// </summary>
    private static IEnumerable<string> WrittenFolders(string snapshots, TextWriter output)
    {
        var problems = new List<string>();
        var files = new List<string>();
        foreach (var folder in new[] { snapshots, Path.Combine(snapshots, BuildOutputs.DocsFolder), Path.Combine(snapshots, BuildOutputs.ExportsFolder) })
        {
            // The folder given is the user's to choose; a docs/ or exports/ that is a link leads elsewhere and is not searched.
            if (!Directory.Exists(folder) || (folder != snapshots && new DirectoryInfo(folder).LinkTarget is not null)) continue;
            files.AddRange(FolderSearch.Entries(folder, problems).Where(e => !e.IsFolder && !e.IsLink).Select(e => e.Path));
        }
        foreach (var problem in problems) output.Write(problem + "\n");
        return files.OrderBy(p => p, StringComparer.Ordinal);
    }
}
