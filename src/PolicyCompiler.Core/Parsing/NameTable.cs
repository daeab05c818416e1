using System;

namespace PolicyCompiler.Parsing;

/// <summary>
/// Interns the names of one file: a policy repeats the same few hundred names thousands of times, and
/// one string per occurrence would make the syntax tree (which lives through the whole compile) several
/// times larger. Looks up a range of the source text without allocating; allocates a name once.
/// </summary>
internal sealed class NameTable
{
    private string?[] _slots = new string?[256];
    private int _count;

    public string Intern(string source, int start, int length)
    {
        var hash = Hash(source, start, length);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] is { } candidate)
        {
            if (candidate.Length == length && string.CompareOrdinal(candidate, 0, source, start, length) == 0) return candidate;
            slot = (slot + 1) & mask;
        }
        var name = source.Substring(start, length);
        _slots[slot] = name;
        if (++_count * 2 > _slots.Length) Grow();
        return name;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new string?[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var name in old)
        {
            if (name is null) continue;
            var slot = Hash(name, 0, name.Length) & mask;
            while (_slots[slot] is not null) slot = (slot + 1) & mask;
            _slots[slot] = name;
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units, made non-negative.</summary>
    private static int Hash(string source, int start, int length)
    {
        unchecked
        {
            var hash = (int)2166136261;
            for (var i = start; i < start + length; i++) hash = (hash ^ source[i]) * 16777619;
            return hash & int.MaxValue;
        }
    }
}
