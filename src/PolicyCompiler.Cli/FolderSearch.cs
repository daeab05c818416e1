using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyCompiler.Cli;

/// <summary>
/// Lists the files below a folder without following links to folders: .NET's recursive enumeration follows them,
/// so a link to <c>..</c> walks out of the folder and two such links never end. A link to a file is listed (the
/// reader checks where it leads). A folder that cannot be listed is a one-line problem, and the search goes on.
/// </summary>
internal static class FolderSearch
{
    /// <summary>The files whose name ends in <paramref name="extension"/> (any case) below <paramref name="folder"/>, in ordinal order.</summary>
    public static List<string> Files(string folder, string extension, List<string> problems)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var entry in Entries(current, problems))
            {
                if (entry.IsLink && entry.IsFolder) continue;
                if (entry.IsFolder) pending.Push(entry.Path);
                else if (entry.Path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) found.Add(entry.Path);
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(PolicyFiles.Display(a), PolicyFiles.Display(b)));
        return found;
    }

    /// <summary>The entries of one folder (not below it), each with whether it is a folder and whether it is a link.</summary>
    public static List<(string Path, bool IsFolder, bool IsLink)> Entries(string folder, List<string> problems)
    {
        var entries = new List<(string, bool, bool)>();
        try
        {
            foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                var isLink = info.LinkTarget is not null;
                entries.Add((Path.Combine(folder, info.Name), (info.Attributes & FileAttributes.Directory) != 0, isLink));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problems.Add($"{PolicyFiles.Shown(folder)}: cannot search the folder: {Text.TerminalText.Escape(e.Message)}");
        }
        return entries;
    }
}
