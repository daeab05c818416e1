using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Legal;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli;

/// <summary>One input of a command: its text, or the diagnostic that says why it is not policy text.</summary>
internal sealed record PolicyFile(string Path, string DisplayPath, SourceText? Text, Diagnostic? DecodeError);

/// <summary>
/// Finds and reads the policy files a command is given: files as named, folders searched recursively for
/// <c>*.policy</c> in ordinal order. Paths are shown as given (relative stays relative), with '/' separators.
/// A search does not follow links to folders (so it never leaves the folder and cannot loop); a link to a file
/// found in it must lead to a file inside the folder, and a policy reached twice is read once.
/// </summary>
internal static class PolicyFiles
{
    public const string Extension = ".policy";

    /// <summary>A file to read, and the folder it was found in (null when named directly).</summary>
    private sealed record Found(string Path, string? Within);

    /// <summary>Expands the arguments; a path that does not exist is an I/O problem, reported in <paramref name="problems"/>.</summary>
    private static List<Found> Expand(IEnumerable<string> paths, List<string> problems)
    {
        var files = new List<Found>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = FolderSearch.Files(path, Extension, problems);
                if (found.Count == 0) problems.Add($"{Shown(path)}: no {Extension} files in this folder");
                files.AddRange(found.Select(f => new Found(f, path)));
            }
            else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                files.Add(new Found(path, null));
            }
            else
            {
                problems.Add($"{Shown(path)}: no such file or folder");
            }
        }
        return files;
    }

    /// <summary>Reads a file; an unreadable file is an I/O problem (null), bytes that are not text a diagnostic.</summary>
    public static PolicyFile? Read(string path, List<string> problems) => Read(new Found(path, null), problems);

    private static PolicyFile? Read(Found file, List<string> problems)
    {
        var display = Display(file.Path);
        var read = InputFile.Read(file.Path, display, file.Within);
        if (read.Problem is not null)
        {
            problems.Add($"{Shown(file.Path)}: cannot read the file: {read.Problem}");
            return null;
        }
        return new PolicyFile(file.Path, display, read.Text, read.NotText);
    }

    /// <summary>
    /// Expands and reads the policy files named by <paramref name="paths"/>. When <paramref name="strict"/>, a named file
    /// that is not a <c>.policy</c> file, or not text, is a problem (one line, exit 2) rather than a diagnostic, and is
    /// left out: the reviewer tools take only policies.
    /// </summary>
    public static IReadOnlyList<PolicyFile> ReadAll(IEnumerable<string> paths, bool strict, List<string> problems)
    {
        var files = new List<PolicyFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var found in Expand(paths, problems))
        {
            if (strict && !found.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{Shown(found.Path)}: not a policy (a policy file's name ends in {Extension})");
                continue;
            }
            // The same file reached twice (named twice, or through a link beside it) is one policy, not two that collide.
            if (TryRealPath(found.Path) is { } real && !seen.Add(real)) continue;
            var file = Read(found, problems);
            if (file is null) continue;
            if (strict && file.Text is null)
            {
                problems.Add($"{Shown(file.DisplayPath)}: not a policy: {file.DecodeError!.Message}");
                continue;
            }
            files.Add(file);
        }
        return files;
    }

    public static string Display(string path) => path.Replace('\\', '/');

    /// <summary>A path as printed: displayed, with whatever could garble a terminal or forge a line escaped.</summary>
    public static string Shown(string path) => TerminalText.Escape(Display(path));

    /// <summary>
    /// The compiler's legal-source resolver for the policy at <paramref name="policyPath"/> (the path the core passes is
    /// already checked, by its text, not to leave the policy's folder; this checks where it really leads).
    /// </summary>
    public static LegalSourceResolver LegalSources(string policyPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(policyPath))!;
        return path => ReadLegalSource(path, folder);
    }

    /// <summary>Reads a legal text; with <paramref name="within"/>, it must really be inside that folder.</summary>
    public static LegalSource ReadLegalSource(string path, string? within = null)
    {
        var read = InputFile.Read(path, Display(path), within);
        if (read.Missing) return LegalSource.NotFound;
        if (read.Problem is not null) return LegalSource.Unreadable(read.Problem);
        return read.Text is null ? LegalSource.Unreadable(read.NotText!.Message) : LegalSource.Found(read.Text);
    }

    private static string? TryRealPath(string path)
    {
        try
        {
            return RealPath.Of(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
