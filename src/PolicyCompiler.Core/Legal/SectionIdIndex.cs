using System;
using System.Collections.Generic;

namespace PolicyCompiler.Legal;

/// <summary>
/// The paragraph ids of a legal text ordered by length, built once per check (a counting sort, without a
/// string per id: a text may have a million paragraphs). A suggestion for a section that does not exist looks
/// first at the ids of the same top section (a typo is mostly in a later part of the number), then at ids of
/// about its length, nearest lengths first, rather than at every id (the suggestion search caps how many it looks at).
/// </summary>
internal sealed class SectionIdIndex
{
    private readonly string[] _ids;
    private readonly int[] _byLength;
    private readonly int[] _lengthStarts;

    public SectionIdIndex(LegalDocument document)
    {
        _ids = new string[document.Paragraphs.Count];
        var longest = 0;
        for (var i = 0; i < _ids.Length; i++)
        {
            _ids[i] = document.Paragraphs[i].Id;
            longest = Math.Max(longest, _ids[i].Length);
        }
        _lengthStarts = new int[longest + 2];
        foreach (var id in _ids) _lengthStarts[id.Length + 1]++;
        for (var length = 1; length < _lengthStarts.Length; length++) _lengthStarts[length] += _lengthStarts[length - 1];
        _byLength = new int[_ids.Length];
        var next = (int[])_lengthStarts.Clone();
        for (var i = 0; i < _ids.Length; i++) _byLength[next[_ids[i].Length]++] = i;
    }

    /// <summary>
    /// The ids of the same top section as <paramref name="section"/> and of a length within <paramref name="within"/>
    /// of it, in text order; then the ids of its length, ±1, ±2, … up to <paramref name="within"/>.
    /// </summary>
    public IEnumerable<string> Near(string section, int within)
    {
        var top = TopSectionLength(section);
        foreach (var id in _ids)
        {
            if (Math.Abs(id.Length - section.Length) <= within && TopSectionLength(id) == top && string.CompareOrdinal(id, 0, section, 0, top) == 0) yield return id;
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

    /// <summary>The length of the id's first number (before its first dot).</summary>
    private static int TopSectionLength(string id)
    {
        var dot = id.IndexOf('.');
        return dot < 0 ? id.Length : dot;
    }
}
