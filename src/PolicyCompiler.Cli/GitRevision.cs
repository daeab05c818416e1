using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace PolicyCompiler.Cli;

/// <summary>Reads files as they were at a git revision, by running <c>git show</c> in the file's folder.</summary>
internal sealed class GitRevision
{
    private GitRevision(string revision) => Revision = revision;

    public string Revision { get; }

    /// <summary>The revision, if git knows it as a commit in the repository holding <paramref name="path"/>; otherwise a one-line problem.</summary>
    public static GitRevision? Open(string revision, string path, out string? problem)
    {
        var (exit, _, error) = Run(FolderOf(path), "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        problem = exit switch
        {
            0 => null,
            null => "cannot run git: " + error,
            _ => $"bad revision '{revision}'" + (error.Length > 0 ? ": " + error : string.Empty),
        };
        return problem is null ? new GitRevision(revision) : null;
    }

    /// <summary>The bytes of <paramref name="path"/> (a path on disk) at this revision, or null with the reason.</summary>
    public byte[]? Read(string path, out string? problem)
    {
        var (exit, output, error) = Run(FolderOf(path), "show", $"{Revision}:./{Path.GetFileName(path)}");
        problem = exit == 0 ? null : $"{PolicyFiles.Display(path)} is not in revision '{Revision}'" + (error.Length > 0 ? ": " + error : string.Empty);
        return exit == 0 ? output : null;
    }

    private static string FolderOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path))!;

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
