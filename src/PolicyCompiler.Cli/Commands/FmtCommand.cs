using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Formatting;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc fmt [&lt;policies&gt;] [--check | --write]</c>: lays policies out in their canonical form. With no
/// paths it reads standard input and writes standard output. A file with syntax errors is never touched.
/// </summary>
internal static class FmtCommand
{
    private const string StandardInput = "<stdin>";

    public static Command Create(Stream input, TextWriter formattedOutput, TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Policy files, or folders to search for *.policy files; none to format standard input to standard output.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check") { Description = "Change nothing: show how each file not in canonical form would change, and exit 1 if any is not." };
        var write = new Option<bool>("--write") { Description = "Rewrite in place the files that are not in canonical form." };
        var command = new Command("fmt", "Lay policies out in their one canonical form, keeping every comment.") { paths, check, write };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? Array.Empty<string>(), parse.GetValue(check), parse.GetValue(write), input, formattedOutput, output, error));
        return command;
    }

    /// <summary><paramref name="formattedOutput"/> takes formatted text as it is; <paramref name="output"/> the diffs and reports, escaped.</summary>
    public static int Run(string[] paths, bool check, bool write, Stream input, TextWriter formattedOutput, TextWriter output, TextWriter error)
    {
        if (check && write) return Usage(error, "fmt: --check and --write cannot be used together");
        if (paths.Length == 0)
        {
            return write
                ? Usage(error, "fmt: --write needs files to rewrite (standard input is formatted to standard output)")
                : FormatStandardInput(check, input, formattedOutput, output, error);
        }

        var problems = new List<string>();
        var files = PolicyFiles.ReadAll(paths, strict: true, problems);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) error.WriteLine("policyc: " + problem);
            return ExitCodes.UsageOrIo;
        }

        if (!check && !write && files.Count > 1)
        {
            return Usage(error, $"fmt: {files.Count} files given: use --check or --write (without them, fmt prints one file's formatted text)");
        }

        var failed = false;
        var notCanonical = 0;
        foreach (var file in files)
        {
            var text = file.Text!;
            var formatted = Format(text, error);
            if (formatted is null)
            {
                failed = true;
                continue;
            }
            if (!check && !write)
            {
                formattedOutput.Write(formatted);
                continue;
            }
            if (formatted == text.Text) continue;
            notCanonical++;
            if (check)
            {
                output.Write(UnifiedDiff.Create(text.Text, formatted, PolicyFiles.Shown(file.DisplayPath), PolicyFiles.Shown(file.DisplayPath) + " (formatted)"));
            }
            else if (write)
            {
                if (!Replace(file.Path, formatted, error)) return ExitCodes.UsageOrIo;
                output.WriteLine("formatted " + PolicyFiles.Shown(file.DisplayPath));
            }
        }
        if (check)
        {
            output.WriteLine(notCanonical == 0
                ? $"{files.Count} file(s) in canonical form"
                : $"{notCanonical} of {files.Count} file(s) not in canonical form (run policyc fmt --write to format them)");
        }
        return failed || (check && notCanonical > 0) ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    private static int FormatStandardInput(bool check, Stream input, TextWriter formattedOutput, TextWriter output, TextWriter error)
    {
        var read = InputFile.Read(input, StandardInput);
        if (read.Problem is not null) return Usage(error, $"{StandardInput}: cannot read: {read.Problem}");
        var text = read.Text;
        if (text is null) return Usage(error, $"{StandardInput}: not a policy: {read.NotText!.Message}");
        var formatted = Format(text, error);
        if (formatted is null) return ExitCodes.ErrorsFound;
        if (!check)
        {
            formattedOutput.Write(formatted);
            return ExitCodes.Success;
        }
        if (formatted == text.Text) return ExitCodes.Success;
        output.Write(UnifiedDiff.Create(text.Text, formatted, StandardInput, StandardInput + " (formatted)"));
        return ExitCodes.ErrorsFound;
    }

    /// <summary>
    /// The canonical text, or null after reporting why there is none, on stderr: standard output carries only
    /// formatted text and diffs, so that <c>policyc fmt &lt; a &gt; b</c> never writes diagnostics into b.
    /// </summary>
    private static string? Format(SourceText text, TextWriter error)
    {
        var result = PolicyFormatter.Format(text);
        if (result.Succeeded) return result.Text;
        if (result.Problem is not null)
        {
            error.WriteLine($"policyc: {PolicyFiles.Shown(text.Path)}: not formatted: {result.Problem}; the file is left as it is");
        }
        else
        {
            DiagnosticReporter.For("text").Write(new[] { new FileDiagnostics(PolicyFiles.Display(text.Path), text, result.Diagnostics.Where(d => d.IsError).ToList()) }, error);
            error.WriteLine($"policyc: {PolicyFiles.Shown(text.Path)}: not formatted: it has syntax errors");
        }
        return null;
    }

    /// <summary>
    /// Replaces a file through a new temporary file beside it (<see cref="OutputSet"/>), so that a failed write leaves
    /// the original whole. A symbolic link is followed (the file it names is replaced, the link stays), and the file
    /// keeps its mode.
    /// </summary>
    private static bool Replace(string path, string text, TextWriter error)
    {
        string target;
        UnixFileMode? mode;
        try
        {
            target = RealPath.Of(path);
            mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"policyc: {PolicyFiles.Shown(path)}: cannot write the file: {TerminalText.Escape(e.Message)}");
            return false;
        }
        var set = new OutputSet();
        set.Add(target, text, mode);
        if (set.Commit(out var problem)) return true;
        error.WriteLine("policyc: " + problem);
        return false;
    }

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine("policyc: " + message);
        return ExitCodes.UsageOrIo;
    }
}
