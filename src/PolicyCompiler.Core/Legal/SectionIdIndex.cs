using System;
using System.Collections.Generic;

namespace PolicyCompiler.Legal;

/// <summary>
/// The paragraph ids of a legal text grouped by their top section number and ordered by length, built once per
/// check without a string per id (a text may have a million paragraphs). A suggestion for a section that does
/// not exist looks first at the ids under the same top section (a typo is mostly in a later part of the
/// number), then at ids of about its length, nearest lengths first, rather than at every id; the suggestion
/// search caps how many it looks at, so one search costs the same whatever the size of the text.
/// </summary>
internal sealed class SectionIdIndex
{
    /// <summary>Top section numbers have at most three digits (see <see cref="LegalDocument"/>).</summary>
    private const int TopSections = 1000;

    private readonly string[] _ids;
    private readonly List<int>?[] _byTopSection = new List<int>?[TopSections];
    private readonly int[] _byLength;
    private readonly int[] _lengthStarts;

    public SectionIdIndex(LegalDocument document)
    {
        _ids = new string[document.Paragraphs.Count];
        var longest = 0;
        for (var i = 0; i < _ids.Length; i++)
        {
            var id = _ids[i] = document.Paragraphs[i].Id;
            longest = Math.Max(longest, id.Length);
            if (TopSection(id) is { } top) (_byTopSection[top] ??= new List<int>()).Add(i);
        }
        _lengthStarts = new int[longest + 2];
        foreach (var id in _ids) _lengthStarts[id.Length + 1]++;
        for (var length = 1; length < _lengthStarts.Length; length++) _lengthStarts[length] += _lengthStarts[length - 1];
        _byLength = new int[_ids.Length];
        var next = (int[])_lengthStarts.Clone();
        for (var i = 0; i < _ids.Length; i++) _byLength[next[_ids[i].Length]++] = i;
    }

    /// <summary>
    /// The ids under the same top section as <paramref name="section"/> and of a length within <paramref name="within"/>
    /// of it, in text order; then the ids of its length, ±1, ±2, … up to <paramref name="within"/>.
    /// </summary>
    public IEnumerable<string> Near(string section, int within)
    {
        if (TopSection(section) is { } top && _byTopSection[top] is { } sameTop)
        {
            foreach (var index in sameTop)
            {
                if (Math.Abs(_ids[index].Length - section.Length) <= within) yield return _ids[index];
            }
        }
        for (var distance = 0; distance <= within; distance++)
        {
            foreach (var id in OfLength(section.Length - distance)) yield return id;
            if (distance > 0)
            {
                foreach (var id in OfLength(section.Length + distance)) yield return id;
            }
        }
    }

    private IEnumerable<string> OfLength(int length)
    {
        if (length < 0 || length + 1 >= _lengthStarts.Length) yield break;
        for (var k = _lengthStarts[length]; k < _lengthStarts[length + 1]; k++) yield return _ids[_byLength[k]];
    }

    /// <summary>The number of the leading digits of an id (its top section), or null when it has none or more than three.</summary>
    private static int? TopSection(string id)
    {
        var value = 0;
        var digits = 0;
        while (digits < id.Length && id[digits] >= '0' && id[digits] <= '9')
        {
            if (++digits > 3) return null;
            value = (value * 10) + (id[digits - 1] - '0');
        }
        return digits == 0 ? null : value;
    }
}
