using System;
using System.Collections.Generic;

namespace PolicyCompiler.Legal;

/// <summary>
/// The paragraph ids of a legal text grouped by length, built once per check: a suggestion for a section
/// that does not exist looks at the ids of about its length, nearest lengths first, instead of every id of
/// a text that may have a million paragraphs (the suggestion search itself caps how many it looks at).
/// </summary>
internal sealed class SectionIdIndex
{
    private readonly Dictionary<int, List<string>> _byLength = new();
    private readonly int _longest;

    public SectionIdIndex(LegalDocument document)
    {
        foreach (var paragraph in document.Paragraphs)
        {
            if (!_byLength.TryGetValue(paragraph.Id.Length, out var ids)) _byLength.Add(paragraph.Id.Length, ids = new List<string>());
            ids.Add(paragraph.Id);
            _longest = Math.Max(_longest, paragraph.Id.Length);
        }
    }

    /// <summary>The ids of length <paramref name="length"/>, then ±1, ±2, … up to <paramref name="within"/>, each group in text order.</summary>
    public IEnumerable<string> Near(int length, int within)
    {
        for (var distance = 0; distance <= within; distance++)
        {
            foreach (var ids in Groups(length, distance))
            {
                foreach (var id in ids) yield return id;
            }
            if (length - distance < 0 && length + distance > _longest) yield break;
        }
    }

    private IEnumerable<List<string>> Groups(int length, int distance)
    {
        if (_byLength.TryGetValue(length - distance, out var shorter)) yield return shorter;
        if (distance > 0 && _byLength.TryGetValue(length + distance, out var longer)) yield return longer;
    }
}
