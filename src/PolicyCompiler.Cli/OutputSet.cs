using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace PolicyCompiler.Cli;

/// <summary>
/// The file operations outputs are written with. The disk's by default; a test injects one that fails midway
/// (a full disk, a write error) to show that the previous outputs survive.
/// </summary>
internal class OutputFileSystem
{
    public static OutputFileSystem Disk { get; } = new();

    /// <summary>Creates a new file, failing if anything (a file, a link) is already at the path: it never writes through a link.</summary>
    public virtual Stream CreateNew(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <summary>Renames a file over another (atomic within a folder); a link at <paramref name="to"/> is replaced, not followed.</summary>
    public virtual void Move(string from, string to) => File.Move(from, to, overwrite: true);

    public virtual void Delete(string path) => File.Delete(path);
}

/// <summary>
/// Replaces a set of files as a whole or not at all. Every new text is first written to a temporary file beside its
/// target, created exclusively under a name no one can guess; only when all of them are written are they renamed into
/// place, each previous file kept aside until the last rename has succeeded. Any failure removes what was staged and
/// puts back what was moved aside, so a failed run leaves the previous outputs byte for byte as they were, and no
/// empty or partial file behind.
/// </summary>
internal sealed class OutputSet
{
    private readonly OutputFileSystem _fileSystem;
    private readonly List<(string Target, string Text, UnixFileMode? Mode)> _files = new();

    public OutputSet(OutputFileSystem? fileSystem = null) => _fileSystem = fileSystem ?? OutputFileSystem.Disk;

    /// <summary>Adds a file to replace; <paramref name="mode"/> is the Unix mode to give it (null: the default).</summary>
    public void Add(string target, string text, UnixFileMode? mode = null) => _files.Add((target, text, mode));

    /// <summary>Writes the set; false with a one-line problem (naming the file) when it could not, and nothing changed.</summary>
    public bool Commit(out string? problem)
    {
        var staged = new List<(string Temporary, string Target)>();
        var current = string.Empty;
        try
        {
            foreach (var (target, text, mode) in _files)
            {
                current = target;
                var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
                Directory.CreateDirectory(folder);
                if (Directory.Exists(target)) throw new IOException("a folder is in the way");
                var temporary = TemporaryName(target);
                staged.Add((temporary, target));
                using (var stream = _fileSystem.CreateNew(temporary))
                {
                    var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                    stream.Write(bytes, 0, bytes.Length);
                    if (stream is FileStream file) file.Flush(flushToDisk: true);
                }
                if (mode is { } unixMode && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, unixMode);
            }
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            foreach (var (temporary, _) in staged) TryDelete(temporary);
            problem = $"{PolicyFiles.Shown(current)}: cannot write the file: {Text.TerminalText.Escape(e.Message)}";
            return false;
        }

        var moved = new List<(string Temporary, string Target, string? Previous)>();
        try
        {
            foreach (var (temporary, target) in staged)
            {
                current = target;
                string? previous = null;
                if (File.Exists(target) || new FileInfo(target).LinkTarget is not null)
                {
                    previous = TemporaryName(target);
                    _fileSystem.Move(target, previous);
                }
                moved.Add((temporary, target, previous));
                _fileSystem.Move(temporary, target);
            }
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            RollBack(moved, staged);
            problem = $"{PolicyFiles.Shown(current)}: cannot write the file: {Text.TerminalText.Escape(e.Message)}";
            return false;
        }
        foreach (var (_, _, previous) in moved)
        {
            if (previous is not null) TryDelete(previous);
        }
        problem = null;
        return true;
    }

    /// <summary>Puts every moved-aside file back and removes the new ones, in reverse order.</summary>
    private void RollBack(List<(string Temporary, string Target, string? Previous)> moved, List<(string Temporary, string Target)> staged)
    {
        for (var i = moved.Count - 1; i >= 0; i--)
        {
            var (temporary, target, previous) = moved[i];
            try
            {
                if (File.Exists(temporary)) _fileSystem.Delete(temporary);
                if (previous is not null) _fileSystem.Move(previous, target);
                else if (File.Exists(target)) _fileSystem.Delete(target);
            }
            catch (Exception e) when (IsIoFailure(e))
            {
                // The previous file is still at its temporary name; nothing more can be done here.
            }
        }
        foreach (var (temporary, _) in staged) TryDelete(temporary);
    }

    private void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null) _fileSystem.Delete(path);
        }
        catch (Exception e) when (IsIoFailure(e))
        {
            // Best effort: the outputs themselves are intact.
        }
    }

    /// <summary>A hidden name beside the target, with 64 random bits: created exclusively, it cannot be planted in advance.</summary>
    private static string TemporaryName(string target)
    {
        var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, "." + Path.GetFileName(target) + "." + random + ".policyc-tmp");
    }

    private static bool IsIoFailure(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;
}
