using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyCompiler.Cli;

/// <summary>A unified diff (three lines of context) of two texts, built on the blocks of <see cref="LineDiff"/>.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>
    /// The diff of the lines of two texts. Lines are compared without their line endings (as the line differ
    /// reads them); when the texts differ only in line endings, the diff says so in one line.
    /// </summary>
    public static string Create(string oldText, string newText, string oldName, string newName)
    {
        oldText = NormalizeLineEndings(oldText);
        newText = NormalizeLineEndings(newText);
        var oldLines = oldText.Split('\n');
        var newLines = newText.Split('\n');
        var output = new StringBuilder().Append("--- ").Append(oldName).Append('\n').Append("+++ ").Append(newName).Append('\n');

        var blocks = LineDiff.Blocks(oldText, newText, oldLines, newLines);
        if (blocks.Count == 0) output.Append("(the texts differ only in their line endings)\n");
        var index = 0;
        while (index < blocks.Count)
        {
            // Merge blocks whose context would touch into one hunk.
            var last = index;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context) last++;

            var startA = Math.Max(0, blocks[index].DeleteStartA - Context);
            var startB = Math.Max(0, blocks[index].InsertStartB - Context);
            var endA = Math.Min(oldLines.Length, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var lines = new List<string>();
            var a = startA;
            var b = startB;
            for (var k = index; k <= last; k++)
            {
                var block = blocks[k];
                while (a < block.DeleteStartA) { lines.Add(" " + oldLines[a]); a++; b++; }
                for (var i = 0; i < block.DeleteCountA; i++) lines.Add("-" + oldLines[a++]);
                for (var i = 0; i < block.InsertCountB; i++) lines.Add("+" + newLines[b++]);
            }
            while (a < endA) { lines.Add(" " + oldLines[a]); a++; b++; }

            output.Append(string.Format(CultureInfo.InvariantCulture, "@@ -{0},{1} +{2},{3} @@\n", startA + 1, a - startA, startB + 1, b - startB));
            foreach (var line in lines) output.Append(line).Append('\n');
            index = last + 1;
        }
        return output.ToString();
    }

    private static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
