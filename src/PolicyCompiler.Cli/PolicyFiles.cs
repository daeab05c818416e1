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
/// </summary>
internal static class PolicyFiles
{
    public const string Extension = ".policy";

    /// <summary>Expands the arguments; a path that does not exist is an I/O problem, reported in <paramref name="problems"/>.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<string> problems)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*" + Extension, SearchOption.AllDirectories)
                    .OrderBy(f => f.Replace('\\', '/'), StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0) problems.Add($"{Display(path)}: no {Extension} files in this folder");
                files.AddRange(found);
            }
            else
            {
                problems.Add($"{Display(path)}: no such file or folder");
            }
        }
        return files;
    }

    /// <summary>Reads a file; an unreadable file is an I/O problem (null), bytes that are not text a diagnostic.</summary>
    public static PolicyFile? Read(string path, List<string> problems)
    {
        var display = Display(path);
        byte[] bytes;
        try
        {
            // A file past the limit is refused by its length, without reading it into memory.
            if (SourceDecoder.TooLarge(new FileInfo(path).Length, display) is { } tooLarge) return new PolicyFile(path, display, null, tooLarge);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{display}: cannot read the file: {e.Message}");
            return null;
        }
        var (text, error) = SourceDecoder.Decode(bytes, display);
        return new PolicyFile(path, display, text, error);
    }

    /// <summary>
    /// Expands and reads the policy files named by <paramref name="paths"/>. When <paramref name="strict"/>, a named file
    /// that is not a <c>.policy</c> file, or not text, is a problem (one line, exit 2) rather than a diagnostic, and is
    /// left out: the reviewer tools take only policies.
    /// </summary>
    public static IReadOnlyList<PolicyFile> ReadAll(IEnumerable<string> paths, bool strict, List<string> problems)
    {
        var files = new List<PolicyFile>();
        foreach (var path in Expand(paths, problems))
        {
            if (strict && !path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{Display(path)}: not a policy (a policy file's name ends in {Extension})");
                continue;
            }
            var file = Read(path, problems);
            if (file is null) continue;
            if (strict && file.Text is null)
            {
                problems.Add($"{file.DisplayPath}: not a policy: {file.DecodeError!.Message}");
                continue;
            }
            files.Add(file);
        }
        return files;
    }

    public static string Display(string path) => path.Replace('\\', '/');

    /// <summary>The compiler's legal-source resolver for files on disk (the path is already checked by the core).</summary>
    public static LegalSource ReadLegalSource(string path)
    {
        if (Directory.Exists(path)) return LegalSource.Unreadable("it is a folder, not a file");
        if (!File.Exists(path)) return LegalSource.NotFound;
        byte[] bytes;
        try
        {
            if (SourceDecoder.TooLarge(new FileInfo(path).Length, path) is { } tooLarge) return LegalSource.Unreadable(tooLarge.Message);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return LegalSource.Unreadable(e.Message);
        }
        var (text, error) = SourceDecoder.Decode(bytes, path);
        return text is null ? LegalSource.Unreadable(error!.Message) : LegalSource.Found(text);
    }
}
