using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli;

/// <summary>
/// Reads files as they were at a git revision. Every path is taken relative to the repository's top folder and read
/// with <c>git show &lt;commit&gt;:&lt;path&gt;</c> there, so nothing is looked up in the working tree or in the current
/// folder; the policy's path at the revision follows renames since then.
/// </summary>
internal sealed class GitRevision
{
    private GitRevision(string revision, string commit, string top)
    {
        Revision = revision;
        Commit = commit;
        Top = top;
    }

    /// <summary>The revision as the user wrote it.</summary>
    public string Revision { get; }

    /// <summary>The commit it named when opened: every file is read from this one, even if the name moves meanwhile.</summary>
    public string Commit { get; }

    /// <summary>The repository's top folder (a real path, as git gives it).</summary>
    private string Top { get; }

    /// <summary>A file at the revision: its bytes (at most one past the size limit), or that it is not there, or why it could not be read.</summary>
    public sealed record FileAtRevision(byte[]? Bytes, bool Missing, string? Problem);

    /// <summary>
    /// The revision, if git knows it as a commit of the repository holding <paramref name="path"/>; otherwise null
    /// with a one-line problem.
    /// </summary>
    public static GitRevision? Open(string revision, string path, out string? problem)
    {
        var folder = Path.GetDirectoryName(RealPath.Of(path))!;
        var (inside, topOutput, insideError) = Run(folder, "rev-parse", "--show-toplevel");
        if (inside is null)
        {
            problem = "cannot run git: " + TerminalText.Escape(insideError);
            return null;
        }
        if (inside != 0)
        {
            problem = $"{PolicyFiles.Shown(path)} is not in a git repository";
            return null;
        }
        var top = Encoding.UTF8.GetString(topOutput).TrimEnd('\n', '\r');
        // A revision starting with '-' would be read as an option.
        var (exit, output, error) = revision.StartsWith("-", StringComparison.Ordinal)
            ? (1, Array.Empty<byte>(), string.Empty)
            : Run(top, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (exit != 0)
        {
            problem = $"bad revision '{TerminalText.Escape(revision)}'" + (error.Length > 0 ? ": " + TerminalText.Escape(error) : string.Empty);
            return null;
        }
        problem = null;
        return new GitRevision(revision, Encoding.ASCII.GetString(output).Trim(), RealPath.Of(top));
    }

    /// <summary>
    /// Where the file now at <paramref name="path"/> (on disk; links resolved) was at this revision, relative to the
    /// repository's top with '/' separators: its path then if git sees it renamed since (<c>git diff -M</c> between
    /// the commit and the working tree), else its path now.
    /// </summary>
    public string PathAtRevision(string path)
    {
        var now = Path.GetRelativePath(Top, RealPath.Of(path)).Replace('\\', '/');
        var (exit, output, _) = Run(Top, "diff", "-M", "--name-status", "-z", Commit, "--");
        if (exit != 0) return now;
        // -z: "R<score>\0old\0new\0" for a rename, "<status>\0path\0" for anything else.
        var fields = Encoding.UTF8.GetString(output).Split('\0');
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].StartsWith("R", StringComparison.Ordinal) && i + 2 < fields.Length)
            {
                if (fields[i + 2] == now) return fields[i + 1];
                i += 2;
            }
            else if (fields[i].StartsWith("C", StringComparison.Ordinal))
            {
                i += 2;
            }
            else
            {
                i += 1;
            }
        }
        return now;
    }

    /// <summary>The file at <paramref name="repositoryPath"/> (relative to the repository's top) as it was at this revision.</summary>
    public FileAtRevision Read(string repositoryPath)
    {
        var (exit, output, error) = Run(Top, "show", $"{Commit}:./{repositoryPath}");
        if (exit == 0) return new FileAtRevision(output, false, null);
        var missing = error.Contains("does not exist", StringComparison.Ordinal) || error.Contains("exists on disk, but not in", StringComparison.Ordinal);
        var shown = TerminalText.Escape(repositoryPath);
        return new FileAtRevision(null, missing, shown + " " + (missing
            ? $"is not in revision '{TerminalText.Escape(Revision)}'"
            : $"cannot be read at revision '{TerminalText.Escape(Revision)}': {TerminalText.Escape(error)}"));
    }

    /// <summary>Runs git without a shell in <paramref name="folder"/>; the exit code is null when git could not be started.</summary>
    private static (int? Exit, byte[] Output, string Error) Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            // A blob past the size limit is cut just past it (the decoder then refuses it), not read into memory whole.
            var (bytes, tooLarge) = SourceDecoder.ReadBounded(process.StandardOutput.BaseStream, "git");
            if (bytes is null)
            {
                process.Kill();
                bytes = new byte[Compilation.PolicyLimits.MaxFileBytes + 1];
            }
            process.WaitForExit();
            var firstErrorLine = error.Result.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
            return (tooLarge is null ? process.ExitCode : 0, bytes, firstErrorLine);
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            return (null, Array.Empty<byte>(), e.Message);
        }
    }
}
