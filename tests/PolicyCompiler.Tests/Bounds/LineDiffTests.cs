using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Cli;
using Xunit;

namespace PolicyCompiler.Tests.Bounds;

/// <summary>The diff past the exact differ's size: still a correct diff, small where the change is small.</summary>
public sealed class LineDiffTests
{
    [Fact]
    public void A_large_text_with_scattered_changes_gets_a_diff_that_turns_the_old_text_into_the_new()
    {
        var old = Lines(30_000, i => "  process item" + i.ToString(CultureInfo.InvariantCulture) + " for service cites §4.1");
        var changed = old.ToList();
        for (var i = 100; i < changed.Count; i += 997) changed[i] = changed[i].Replace("  process", "    process", StringComparison.Ordinal);
        changed.Insert(20_000, "  // a new line");
        changed.RemoveAt(5_000);
        var oldText = string.Join("\n", old) + "\n";
        var newText = string.Join("\n", changed) + "\n";

        var diff = UnifiedDiff.Create(oldText, newText, "a", "b");

        Assert.Equal(newText, UnifiedPatch.Apply(oldText, diff));
        // 30 replaced lines, one insertion, one deletion: the hunks stay near the changes, not one huge hunk.
        Assert.True(diff.Split('\n').Count(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)) <= 32, diff);
    }

    [Fact]
    public void A_large_text_changed_everywhere_gets_a_correct_diff()
    {
        var old = Lines(25_000, i => "line " + i.ToString(CultureInfo.InvariantCulture));
        var changed = Lines(25_000, i => i % 3 == 0 ? "other " + i.ToString(CultureInfo.InvariantCulture) : "line " + i.ToString(CultureInfo.InvariantCulture)).AsEnumerable().Reverse().ToList();
        var oldText = string.Join("\n", old) + "\n";
        var newText = string.Join("\n", changed) + "\n";

        Assert.Equal(newText, UnifiedPatch.Apply(oldText, UnifiedDiff.Create(oldText, newText, "a", "b")));
    }

    [Fact]
    public void Large_texts_that_differ_only_in_line_endings_are_said_to()
    {
        var lines = Lines(30_000, i => "line " + i.ToString(CultureInfo.InvariantCulture));

        var diff = UnifiedDiff.Create(string.Join("\r\n", lines) + "\r\n", string.Join("\n", lines) + "\n", "a", "b");

        Assert.Equal("--- a\n+++ b\n(the texts differ only in their line endings)\n", diff);
    }

    [Fact]
    public void A_large_text_with_lines_only_added_at_its_end_gets_one_hunk_of_them()
    {
        var old = Lines(30_000, i => "line " + i.ToString(CultureInfo.InvariantCulture));
        var oldText = string.Join("\n", old) + "\n";
        var newText = oldText + "added 1\nadded 2\n";

        var diff = UnifiedDiff.Create(oldText, newText, "a", "b");

        Assert.Equal(newText, UnifiedPatch.Apply(oldText, diff));
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_bounded_diff_reports_no_block_for_equal_lines_and_one_for_each_change()
    {
        var old = new[] { "a", "b", "c", "d", "e" };
        var changed = new[] { "a", "x", "c", "d", "e", "f" };

        var blocks = BoundedLineDiff.Blocks(old, changed, 0, old.Length, 0, changed.Length);

        Assert.Equal(new[] { new DiffBlock(1, 1, 1, 1), new DiffBlock(5, 0, 5, 1) }, blocks);
    }

    private static List<string> Lines(int count, Func<int, string> line) => Enumerable.Range(0, count).Select(line).ToList();
}

/// <summary>Applies a unified diff of <see cref="UnifiedDiff"/>'s form, to check that it is a correct one.</summary>
internal static class UnifiedPatch
{
    public static string Apply(string oldText, string diff)
    {
        var old = oldText.Split('\n');
        var result = new List<string>();
        var next = 0;
        foreach (var line in diff.Split('\n').Skip(2))
        {
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                var start = int.Parse(line.Split(' ')[1].TrimStart('-').Split(',')[0], CultureInfo.InvariantCulture) - 1;
                while (next < start) result.Add(old[next++]);
            }
            else if (line.StartsWith(' '))
            {
                Assert.Equal(old[next], line.Substring(1));
                result.Add(old[next++]);
            }
            else if (line.StartsWith('-'))
            {
                Assert.Equal(old[next], line.Substring(1));
                next++;
            }
            else if (line.StartsWith('+'))
            {
                result.Add(line.Substring(1));
            }
        }
        while (next < old.Length) result.Add(old[next++]);
        return string.Join("\n", result);
    }
}
