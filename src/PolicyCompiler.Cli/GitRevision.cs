using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace PolicyCompiler.Cli;

/// <summary>Reads files as they were at a git revision, by running <c>git show</c> in the file's folder.</summary>
internal sealed class GitRevision
{
    private GitRevision(string revision, string commit)
    {
        Revision = revision;
        Commit = commit;
    }

    /// <summary>The revision as the user wrote it.</summary>
    public string Revision { get; }

    /// <summary>The commit it named when opened: every file is read from this one, even if the name moves meanwhile.</summary>
    public string Commit { get; }

    /// <summary>A file at the revision: its bytes, or that it is not there, or why it could not be read.</summary>
    public sealed record FileAtRevision(byte[]? Bytes, bool Missing, string? Problem);

    /// <summary>
    /// The revision, if git knows it as a commit of the repository holding <paramref name="path"/>; otherwise null
    /// with a one-line problem.
    /// </summary>
    public static GitRevision? Open(string revision, string path, out string? problem)
    {
        var folder = FolderOf(path);
        var (inside, _, insideError) = Run(folder, "rev-parse", "--is-inside-work-tree");
        if (inside is null)
        {
            problem = "cannot run git: " + insideError;
            return null;
        }
        if (inside != 0)
        {
            problem = $"{PolicyFiles.Shown(path)} is not in a git repository";
            return null;
        }
        // A revision starting with '-' would be read as an option.
        var (exit, output, error) = revision.StartsWith("-", StringComparison.Ordinal)
            ? (1, Array.Empty<byte>(), string.Empty)
            : Run(folder, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        if (exit != 0)
        {
            problem = $"bad revision '{Text.TerminalText.Escape(revision)}'" + (error.Length > 0 ? ": " + Text.TerminalText.Escape(error) : string.Empty);
            return null;
        }
        problem = null;
        return new GitRevision(revision, System.Text.Encoding.ASCII.GetString(output).Trim());
    }

    /// <summary>The file at <paramref name="path"/> (on disk; a symbolic link is followed) as it was at this revision.</summary>
    public FileAtRevision Read(string path)
    {
        var (exit, output, error) = Run(FolderOf(path), "show", $"{Commit}:./{Path.GetFileName(RealPath(path))}");
        if (exit == 0) return new FileAtRevision(output, false, null);
        var missing = error.Contains("does not exist", StringComparison.Ordinal) || error.Contains("exists on disk, but not in", StringComparison.Ordinal);
        return new FileAtRevision(null, missing, $"{PolicyFiles.Shown(path)} " + (missing ? $"is not in revision '{Text.TerminalText.Escape(Revision)}'" : "cannot be read at revision '" + Text.TerminalText.Escape(Revision) + "': " + Text.TerminalText.Escape(error)));
    }

    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
    }

    private static string FolderOf(string path) => Path.GetDirectoryName(RealPath(path))!;

    /// <summary>Runs git without a shell; the exit code is null when git could not be started.</summary>
    private static (int? Exit, byte[] Output, string Error) Run(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.Exists(folder) ? folder : Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            using var output = new MemoryStream();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            var firstErrorLine = error.Result.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
            return (process.ExitCode, output.ToArray(), firstErrorLine);
        }
        catch (Win32Exception e)
        {
            return (null, Array.Empty<byte>(), e.Message);
        }
    }
}
