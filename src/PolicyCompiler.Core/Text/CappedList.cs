using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PolicyCompiler.Text;

/// <summary>A list a message shows in part: its first items, then how many more there are ("and 4 more").</summary>
internal static class CappedList
{
    /// <summary>The first <paramref name="listed"/> items, and "and N more" for the rest.</summary>
    public static IEnumerable<string> Of(IReadOnlyList<string> items, int listed) =>
        items.Count <= listed ? items : items.Take(listed).Concat(new[] { "and " + (items.Count - listed).ToString(CultureInfo.InvariantCulture) + " more" });
}
