using System;
using System.Collections.Generic;
using PolicyCompiler.Collections;

namespace PolicyCompiler.Legal;

/// <summary>
/// Which paragraphs of a legal text hold an excerpt, without reading every paragraph for every citation. The
/// words of the normalised paragraphs are indexed once per check (by a hash of each word, so without a string
/// per word): a normalised excerpt of three words or more has its inner words whole in any paragraph that
/// holds it, so only the paragraphs of its rarest inner word are read. An excerpt of one or two words, or one
/// whose inner words are in nearly every paragraph, is looked for in every paragraph, as before. The answer is
/// always that of reading every paragraph: a hash that collides only adds paragraphs to read. The first
/// <see cref="LookupsBeforeIndexing"/> look-ups read every paragraph: a policy with a few excerpts does not
/// pay for indexing a long text.
/// </summary>
internal sealed class ExcerptIndex
{
    public const int LookupsBeforeIndexing = 8;

    /// <summary>
    /// Paragraphs a word's list holds at most: a word in more of them ("the", "of") narrows no search, and its
    /// list, grown by doubling past 21,250 entries, would put arrays on the large-object heap, which set off
    /// full collections. Past it the word is common: a search passes over it to the excerpt's other inner words.
    /// </summary>
    public const int MaxParagraphsPerWord = 16_384;

    private readonly LegalDocument _document;
    // A common word's list is null (see MaxParagraphsPerWord).
    private ShardedDictionary<ulong, List<int>?>? _paragraphsByWord;
    private int _lookups;

    public ExcerptIndex(LegalDocument document) => _document = document;

    private static ShardedDictionary<ulong, List<int>?> IndexWords(LegalDocument document)
    {
        // A text has about as many distinct words as paragraphs (a few common ones, and a number or a name per
        // paragraph); sized so and in shards, the table puts no array on the large-object heap.
        var paragraphsByWord = ShardedDictionary<ulong, List<int>?>.Sized(document.Paragraphs.Count * 2, EqualityComparer<ulong>.Default);
        for (var index = 0; index < document.Paragraphs.Count; index++)
        {
            var text = document.Paragraphs[index].Normalized;
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf(' ', start);
                if (end < 0) end = text.Length;
                var hash = Hash(text, start, end - start);
                if (!paragraphsByWord.TryGetValue(hash, out var paragraphs)) paragraphsByWord.Set(hash, paragraphs = new List<int>());
                // Paragraphs are added in order: a word repeated in one paragraph lists it once.
                if (paragraphs is not null && (paragraphs.Count == 0 || paragraphs[paragraphs.Count - 1] != index))
                {
                    if (paragraphs.Count == MaxParagraphsPerWord) paragraphsByWord.Set(hash, null);
                    else paragraphs.Add(index);
                }
                start = end + 1;
            }
        }
        return paragraphsByWord;
    }

    /// <summary>The paragraphs that hold the normalised excerpt, in text order.</summary>
    public IEnumerable<Paragraph> Containing(string normalizedExcerpt)
    {
        if (normalizedExcerpt.Length == 0) yield break;
        if (++_lookups > LookupsBeforeIndexing) _paragraphsByWord ??= IndexWords(_document);
        foreach (var index in _paragraphsByWord is null ? Every() : Candidates(normalizedExcerpt, _paragraphsByWord))
        {
            var paragraph = _document.Paragraphs[index];
            if (ExcerptMatcher.Occurs(normalizedExcerpt, paragraph)) yield return paragraph;
        }
    }

    /// <summary>The paragraphs of the excerpt's rarest inner word, or every paragraph when it has none but common ones.</summary>
    private IEnumerable<int> Candidates(string excerpt, ShardedDictionary<ulong, List<int>?> paragraphsByWord)
    {
        var first = excerpt.IndexOf(' ');
        var last = excerpt.LastIndexOf(' ');
        List<int>? rarest = null;
        var start = first + 1;
        while (first >= 0 && start < last)
        {
            var end = excerpt.IndexOf(' ', start);
            // A word in no paragraph: none holds the excerpt. A common word (null) narrows nothing.
            if (!paragraphsByWord.TryGetValue(Hash(excerpt, start, end - start), out var paragraphs)) return Array.Empty<int>();
            if (paragraphs is not null && (rarest is null || paragraphs.Count < rarest.Count)) rarest = paragraphs;
            start = end + 1;
        }
        return rarest ?? Every();
    }

    private IEnumerable<int> Every()
    {
        for (var index = 0; index < _document.Paragraphs.Count; index++) yield return index;
    }

    /// <summary>FNV-1a over the characters of text[start..start+length).</summary>
    private static ulong Hash(string text, int start, int length)
    {
        var hash = 14695981039346656037UL;
        for (var i = start; i < start + length; i++)
        {
            hash ^= text[i];
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
