using System;
using System.Collections.Generic;

namespace PolicyCompiler.Cli;

/// <summary>
/// A line diff in time linear in the lines: walking both texts, equal lines are kept; at a difference the
/// next occurrence of either current line within <see cref="Lookahead"/> lines of the other text is the
/// place to resynchronise (the nearer one wins), and when neither occurs the two lines are one replaced by
/// the other. Every block it returns is a true difference and the blocks turn the old lines into the new.
/// </summary>
internal static class BoundedLineDiff
{
    public const int Lookahead = 256;

    public static List<DiffBlock> Blocks(string[] oldLines, string[] newLines, int a, int oldEnd, int b, int newEnd)
    {
        var blocks = new List<DiffBlock>();
        var startA = -1;
        var startB = -1;
        while (a < oldEnd || b < newEnd)
        {
            if (a < oldEnd && b < newEnd && string.Equals(oldLines[a], newLines[b], StringComparison.Ordinal))
            {
                Close(blocks, ref startA, ref startB, a, b);
                a++;
                b++;
                continue;
            }
            if (startA < 0) { startA = a; startB = b; }
            if (a >= oldEnd) { b = newEnd; continue; }
            if (b >= newEnd) { a = oldEnd; continue; }

            var inserted = Find(newLines, oldLines[a], b + 1, newEnd);
            var deleted = Find(oldLines, newLines[b], a + 1, oldEnd);
            if (inserted >= 0 && (deleted < 0 || inserted - b <= deleted - a)) b = inserted;
            else if (deleted >= 0) a = deleted;
            else { a++; b++; }
        }
        Close(blocks, ref startA, ref startB, a, b);
        return blocks;
    }

    /// <summary>The first index of <paramref name="line"/> in lines[from..end), looking no further than <see cref="Lookahead"/>; -1 if not there.</summary>
    private static int Find(string[] lines, string line, int from, int end)
    {
        var last = Math.Min(end, from + Lookahead);
        for (var i = from; i < last; i++)
        {
            if (string.Equals(lines[i], line, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static void Close(List<DiffBlock> blocks, ref int startA, ref int startB, int a, int b)
    {
        if (startA < 0) return;
        blocks.Add(new DiffBlock(startA, a - startA, startB, b - startB));
        startA = -1;
        startB = -1;
    }
}
