using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Diffing;
using PolicyCompiler.Legal;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc diff &lt;old&gt; &lt;new&gt;</c> or <c>policyc diff --git &lt;rev&gt; &lt;file&gt;</c>: the semantic diff of two
/// versions of a policy, for a terminal or (<c>--format markdown</c>) a pull-request comment. Both versions must
/// compile; anything that stops the comparison is one line on stderr and exit code 2.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "The old and the new policy file; with --git, the one file to compare with its version at that revision.",
            Arity = new ArgumentArity(1, 2),
        };
        var git = new Option<string?>("--git") { Description = "Compare the file with its version at this git revision (a commit, branch or tag)." };
        var format = new Option<string>("--format") { Description = "text for a terminal, markdown for a pull-request comment.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown");
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit with 1 when the versions differ (0 when they do not)." };
        var command = new Command("diff", "Show what changed between two versions of a policy: declarations, statements, legal text, and every decision that changed.")
        {
            files, git, format, exitCode,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(git), parse.GetValue(format)!, parse.GetValue(exitCode), output, error));
        return command;
    }

    public static int Run(string[] files, string? revision, string format, bool exitCode, TextWriter output, TextWriter error)
    {
        if (revision is null && files.Length != 2) return Fail(error, "diff needs two policy files, or one file and --git <revision>");
        if (revision is not null && files.Length != 1) return Fail(error, "with --git, diff takes one policy file (compared with its version at the revision)");

        CompilationResult? old, @new;
        string? problem;
        if (revision is null)
        {
            old = CompileFile(files[0], out problem);
            @new = problem is null ? CompileFile(files[1], out problem) : null;
        }
        else
        {
            @new = CompileFile(files[0], out problem);
            old = problem is null ? CompileAtRevision(files[0], revision, out problem) : null;
        }
        if (problem is not null) return Fail(error, problem);

        var changes = PolicyDiff.Compare(old!, @new!);
        changes = changes with
        {
            OldPath = TerminalText.Escape(revision is null ? changes.OldPath : $"{PolicyFiles.Display(files[0])}@{revision}"),
            NewPath = TerminalText.Escape(changes.NewPath),
        };
        output.Write(format == "markdown" ? ChangeReport.Markdown(changes) : ChangeReport.Text(changes));
        return exitCode && !changes.IsEmpty ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    private static CompilationResult? CompileFile(string path, out string? problem)
    {
        if (Directory.Exists(path))
        {
            problem = $"{PolicyFiles.Shown(path)}: a folder; diff compares two policy files";
            return null;
        }
        var problems = new List<string>();
        var file = PolicyFiles.ReadAll(new[] { path }, strict: true, problems).FirstOrDefault();
        problem = problems.FirstOrDefault();
        return file is null ? null : Compiled(PolicyCompilation.Compile(file.Text!, PolicyFiles.LegalSources(file.Path)), file.DisplayPath, out problem);
    }

    /// <summary>
    /// The file as it was at the revision, read through its path at that revision (renames followed) and compiled under
    /// that path, so that its legal source is resolved beside it as it was then and read at the same commit: nothing
    /// comes from the working tree.
    /// </summary>
    private static CompilationResult? CompileAtRevision(string path, string revision, out string? problem)
    {
        var git = GitRevision.Open(revision, path, out problem);
        if (git is null) return null;
        var label = $"{PolicyFiles.Display(path)}@{revision}";
        var then = git.PathAtRevision(path);
        var file = git.Read(then);
        if (file.Bytes is null)
        {
            problem = file.Missing ? $"{PolicyFiles.Shown(path)} is not in revision '{TerminalText.Escape(revision)}'" : file.Problem;
            return null;
        }

        var policy = InputText.Decode(file.Bytes, then);
        if (policy.Text is null)
        {
            problem = $"{TerminalText.Escape(label)}: not a policy: {policy.NotText!.Message}";
            return null;
        }
        LegalSource ReadLegalSource(string legalPath)
        {
            var legal = git.Read(legalPath);
            if (legal.Bytes is null) return legal.Missing ? LegalSource.NotFound : LegalSource.Unreadable(legal.Problem!);
            var read = InputText.Decode(legal.Bytes, legalPath);
            return read.Text is null ? LegalSource.Unreadable(read.NotText!.Message) : LegalSource.Found(read.Text);
        }
        return Compiled(PolicyCompilation.Compile(policy.Text, ReadLegalSource), label, out problem);
    }

    /// <summary>The compilation, or null with a one-line problem when it has errors: only valid policies can be compared.</summary>
    private static CompilationResult? Compiled(CompilationResult compilation, string label, out string? problem)
    {
        var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            problem = null;
            return compilation;
        }
        var first = errors[0];
        problem = $"{TerminalText.Escape(label)}: not a valid policy ({errors.Count} error(s); the first at {first.Span.Line}:{first.Span.Column}: {first.Code} {TerminalText.Escape(first.Message)}); run policyc check on it";
        return null;
    }

    private static int Fail(TextWriter error, string problem)
    {
        error.WriteLine("policyc: " + problem);
        return ExitCodes.UsageOrIo;
    }
}
