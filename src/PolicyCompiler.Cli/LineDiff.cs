using System;
using System.Collections.Generic;
using DiffPlex;

namespace PolicyCompiler.Cli;

/// <summary>A run of old lines replaced by a run of new lines (either may be empty), as line indexes of each text.</summary>
internal readonly record struct DiffBlock(int DeleteStartA, int DeleteCountA, int InsertStartB, int InsertCountB);

/// <summary>
/// The changed blocks between two texts' lines, at a cost bounded by their size. DiffPlex's Myers diff is
/// minimal but costs (lines × differences): a reformatted 10 MiB policy took minutes. Texts of up to
/// <see cref="MaxExactLines"/> lines get it as they always did; larger ones first lose their common first and
/// last lines, and a middle still that large is diffed by <see cref="BoundedLineDiff"/>, which is correct
/// (applying it gives the new text) and linear, though not always minimal.
/// </summary>
internal static class LineDiff
{
    public const int MaxExactLines = 20_000;

    public static IReadOnlyList<DiffBlock> Blocks(string oldText, string newText, string[] oldLines, string[] newLines)
    {
        if (oldLines.Length + newLines.Length <= MaxExactLines) return Exact(oldText, newText, 0, 0);

        var prefix = 0;
        var most = Math.Min(oldLines.Length, newLines.Length);
        while (prefix < most && string.Equals(oldLines[prefix], newLines[prefix], StringComparison.Ordinal)) prefix++;
        var suffix = 0;
        while (suffix < most - prefix && string.Equals(oldLines[oldLines.Length - 1 - suffix], newLines[newLines.Length - 1 - suffix], StringComparison.Ordinal)) suffix++;

        var oldCount = oldLines.Length - prefix - suffix;
        var newCount = newLines.Length - prefix - suffix;
        if (oldCount + newCount <= MaxExactLines)
        {
            return Exact(string.Join("\n", oldLines, prefix, oldCount), string.Join("\n", newLines, prefix, newCount), prefix, prefix, oldCount, newCount);
        }
        return BoundedLineDiff.Blocks(oldLines, newLines, prefix, oldLines.Length - suffix, prefix, newLines.Length - suffix);
    }

    private static List<DiffBlock> Exact(string oldText, string newText, int oldOffset, int newOffset, int oldCount = -1, int newCount = -1)
    {
        var blocks = new List<DiffBlock>();
        // An empty run joins to "", which the differ reads as one empty line: it is a run of no lines here
        // (and two empty runs are texts whose lines are all equal).
        if (oldCount == 0 || newCount == 0)
        {
            if (oldCount != 0 || newCount != 0) blocks.Add(new DiffBlock(oldOffset, Math.Max(oldCount, 0), newOffset, Math.Max(newCount, 0)));
            return blocks;
        }
        foreach (var block in new Differ().CreateLineDiffs(oldText, newText, ignoreWhitespace: false, ignoreCase: false).DiffBlocks)
        {
            blocks.Add(new DiffBlock(block.DeleteStartA + oldOffset, block.DeleteCountA, block.InsertStartB + newOffset, block.InsertCountB));
        }
        return blocks;
    }
}
