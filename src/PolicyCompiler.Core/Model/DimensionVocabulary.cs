using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Model;

/// <summary>
/// The values of a dimension the language fixes, not the policy: words ordered from the most to the least
/// identifying, each covering the ones after it, so that a permission naming a word permits it and every later
/// one. The first word is what a question asks when it leaves the dimension out. The guards take the words as a
/// runtime enum whose value the caller asserts, as the guards cannot see the data.
/// </summary>
public sealed class DimensionVocabulary
{
    private readonly Dictionary<string, int> _order;

    public DimensionVocabulary(string description, string documentPrefix, string enumName, string enumSummary, IReadOnlyList<(string Word, string Summary)> words)
    {
        DocumentPrefix = documentPrefix ?? throw new ArgumentNullException(nameof(documentPrefix));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        EnumName = enumName ?? throw new ArgumentNullException(nameof(enumName));
        EnumSummary = enumSummary ?? throw new ArgumentNullException(nameof(enumSummary));
        if (words is null || words.Count == 0) throw new ArgumentException("a vocabulary has words", nameof(words));
        Words = words.Select(w => w.Word).ToArray();
        Summaries = words.Select(w => w.Summary).ToArray();
        _order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Words.Count; i++) _order.Add(Words[i], i);
    }

    /// <summary>The GDPR's forms of data (Art. 4(1), 4(5); recitals 26 and 162), from identified to aggregated.</summary>
    public static DimensionVocabulary DataForms { get; } = new(
        "form of data", "data-form", "DataForm",
        "The form the caller asserts the data is in. The guards cannot see the data: the caller answers for the assertion, and asserting nothing means identified data.",
        new[]
        {
            ("identified", "Data that identifies the person, or can identify them (GDPR Art. 4(1)): the form a question asks about when it names none."),
            ("pseudonymised", "Data that can no longer be attributed to the person without additional information kept separately (GDPR Art. 4(5)); still personal data (recital 26)."),
            ("anonymised", "Data that no longer relates to an identifiable person by any means reasonably likely to be used (GDPR recital 26)."),
            ("aggregated", "Statistics about groups, from which no person can be singled out (GDPR recital 162): the least identifying form."),
        });

    /// <summary>What a word is, as messages call it: "form of data".</summary>
    public string Description { get; }

    /// <summary>The documents' prefix of the words: <c>data-form</c> (the key of a word is <c>data-form:anonymised</c>).</summary>
    public string DocumentPrefix { get; }

    /// <summary>The documents' key of a word: <c>data-form:anonymised</c>.</summary>
    public string DocumentKey(string word) => DocumentPrefix + ":" + word;

    /// <summary>The runtime enum of the guards: <c>DataForm</c>.</summary>
    public string EnumName { get; }

    public string EnumSummary { get; }

    /// <summary>The words, from the most to the least identifying; their positions are the enum's values.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The documentation of each word, in the order of <see cref="Words"/>.</summary>
    public IReadOnlyList<string> Summaries { get; }

    /// <summary>What a question asks when it leaves the dimension out.</summary>
    public string Default => Words[0];

    public bool Contains(string word) => _order.ContainsKey(word);

    /// <summary>A word's position: its value in the guards' enum.</summary>
    public int IndexOf(string word) => _order.TryGetValue(word, out var i) ? i : throw new ArgumentException("'" + word + "' is not a " + Description, nameof(word));

    /// <summary>The words a permission naming <paramref name="word"/> covers: it and every later one.</summary>
    public IEnumerable<string> Covered(string word) => Words.Skip(_order[word]);

    /// <summary>The most identifying of <paramref name="words"/>: what a permission covering them states.</summary>
    public string MostIdentifying(IEnumerable<string> words) => words.OrderBy(w => _order.TryGetValue(w, out var i) ? i : int.MaxValue).First();

    /// <summary>The enum member of a word in the guards: <c>Anonymised</c>. The words are single lower-case words.</summary>
    public string MemberOf(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

    /// <summary>The word of an enum member, or null when it is none.</summary>
    public string? WordOf(string member) => Words.FirstOrDefault(w => MemberOf(w) == member);

    /// <summary>The words as a form shows them: <c>identified | pseudonymised | …</c>.</summary>
    public string Listed() => string.Join(" | ", Words);
}
