using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// Category names grouped by their first part (<c>contact.email</c> is in <c>contact</c>), as the policy's own
/// patterns group them: a list that holds every category of a group of two or more is shown as <c>contact.*</c>.
/// Built once per policy; each list is then compressed in time proportional to its length.
/// </summary>
public sealed class CategoryNames
{
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _groupSizes = new(StringComparer.Ordinal);

    /// <param name="declared">The categories in the order the documents list them.</param>
    public CategoryNames(IReadOnlyList<Term> declared)
    {
        if (declared is null) throw new ArgumentNullException(nameof(declared));
        foreach (var category in declared)
        {
            if (_order.ContainsKey(category.Name)) continue;
            _order.Add(category.Name, _order.Count);
            // Only dotted names form a group: a pattern "x.*" does not cover a category named "x".
            if (category.Name.IndexOf('.') < 0) continue;
            var group = GroupOf(category.Name);
            _groupSizes[group] = _groupSizes.TryGetValue(group, out var size) ? size + 1 : 1;
        }
    }

    public static string GroupOf(string name)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name.Substring(0, dot);
    }

    /// <summary>The names in declaration order, each complete group of two or more replaced by its pattern.</summary>
    public IReadOnlyList<string> Compress(IEnumerable<string> names)
    {
        if (names is null) throw new ArgumentNullException(nameof(names));
        var listed = names.Distinct(StringComparer.Ordinal).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in listed)
        {
            if (name.IndexOf('.') < 0 || !_order.ContainsKey(name)) continue;
            var group = GroupOf(name);
            counts[group] = counts.TryGetValue(group, out var n) ? n + 1 : 1;
        }
        var result = new List<string>(listed.Count);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        // Declared names in declaration order; names the policy did not declare (a model built by hand) after them.
        foreach (var name in listed.OrderBy(n => _order.TryGetValue(n, out var i) ? i : int.MaxValue).ThenBy(n => n, StringComparer.Ordinal))
        {
            var group = GroupOf(name);
            var complete = name.IndexOf('.') > 0 && _groupSizes.TryGetValue(group, out var size) && size > 1
                && counts.TryGetValue(group, out var count) && count == size;
            if (!complete) result.Add(name);
            else if (shown.Add(group)) result.Add(group + ".*");
        }
        return result;
    }
}
