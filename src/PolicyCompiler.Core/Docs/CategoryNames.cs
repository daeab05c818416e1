using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// Category names grouped by their first part (<c>contact.email</c> is in <c>contact</c>), as the policy's own
/// patterns group them: a list that holds every category of a group of two or more is shown as <c>contact.*</c>.
/// </summary>
public static class CategoryNames
{
    public static string GroupOf(string name)
    {
        if (name is null) throw new ArgumentNullException(nameof(name));
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name.Substring(0, dot);
    }

    /// <summary>The names, in declaration order, with each complete group of two or more replaced by its pattern.</summary>
    public static IReadOnlyList<string> Compress(IEnumerable<string> names, IReadOnlyList<Term> declared)
    {
        if (names is null) throw new ArgumentNullException(nameof(names));
        if (declared is null) throw new ArgumentNullException(nameof(declared));
        var listed = new HashSet<string>(names, StringComparer.Ordinal);
        var groups = declared.GroupBy(c => GroupOf(c.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(c => c.Name).ToList(), StringComparer.Ordinal);
        var result = new List<string>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in declared)
        {
            if (!listed.Contains(category.Name)) continue;
            var group = GroupOf(category.Name);
            var members = groups[group];
            if (members.Count > 1 && members.All(m => m.IndexOf('.') > 0 && listed.Contains(m)))
            {
                if (shown.Add(group + ".*")) result.Add(group + ".*");
            }
            else
            {
                result.Add(category.Name);
            }
        }
        // Names the policy did not declare (a model built by hand) are kept rather than dropped.
        var known = new HashSet<string>(declared.Select(c => c.Name), StringComparer.Ordinal);
        result.AddRange(listed.Where(n => !known.Contains(n)).OrderBy(n => n, StringComparer.Ordinal));
        return result;
    }
}
