using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Legal;

/// <summary>
/// The words of a normalised excerpt, each numbered by its first occurrence: a paragraph's words are turned
/// into these numbers once (-1 for a word the excerpt lacks), so that comparing words is comparing ints.
/// Words are compared by <see cref="Key"/>, so that the closest text of "email address" is the text's "e-mail
/// address", not another run that shares only "address": what a reader takes for the same word costs nothing.
/// </summary>
internal sealed class ExcerptWords
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly int[] _needed;

    public ExcerptWords(string normalizedExcerpt)
    {
        var words = LegalText.Words(normalizedExcerpt).ToArray();
        Own = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var key = Key(words[i]);
            if (!_numbers.TryGetValue(key, out var number)) _numbers.Add(key, number = _numbers.Count);
            Own[i] = number;
        }
        _needed = new int[_numbers.Count];
        foreach (var number in Own) _needed[number]++;
    }

    /// <summary>The excerpt as word numbers.</summary>
    public int[] Own { get; }

    public int Count => Own.Length;

    public int Distinct => _needed.Length;

    /// <summary>
    /// A word as a reader compares it: without hyphens ("e-mail", "email"), in lower case ("E-Mail") and without the
    /// punctuation around it ("email." at the end of a sentence). A word that is nothing else keeps itself.
    /// </summary>
    internal static string Key(string word)
    {
        if (IsOwnKey(word)) return word;   // most words: no allocation
        var key = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (c is '-' or '\u2010' or '\u2011') continue;
            key.Append(char.ToLowerInvariant(c));
        }
        var trimmed = key.ToString().Trim(Punctuation);
        return trimmed.Length == 0 ? word : trimmed;
    }

    private static bool IsOwnKey(string word)
    {
        foreach (var c in word)
        {
            if (c is '-' or '\u2010' or '\u2011' || char.ToLowerInvariant(c) != c || Array.IndexOf(Punctuation, c) >= 0) return false;
        }
        return true;
    }

    private static readonly char[] Punctuation = { '.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '«', '»', '„', '“', '”' };

    /// <summary>How often the excerpt has the word numbered <paramref name="number"/>.</summary>
    public int Needed(int number) => _needed[number];

    /// <summary>A paragraph's words, given as their <see cref="Key"/>s (computed once per paragraph), as the excerpt's numbers.</summary>
    public int[] Codes(string[] keys)
    {
        var codes = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++) codes[i] = _numbers.TryGetValue(keys[i], out var number) ? number : -1;
        return codes;
    }

    /// <summary>How many of the excerpt's words (counted with repetition) occur in <paramref name="codes"/>[start..start+length).</summary>
    public int SharedWords(int[] codes, int start, int length)
    {
        var have = new int[Distinct];
        var shared = 0;
        for (var i = start; i < start + length; i++)
        {
            if (codes[i] >= 0 && have[codes[i]]++ < _needed[codes[i]]) shared++;
        }
        return shared;
    }
}
