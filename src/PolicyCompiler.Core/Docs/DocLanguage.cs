using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// A language the documents are written in: the words of their headings and columns, and of the language's own
/// vocabulary (legal bases, rights, units, …). The policy's labels come from the policy itself.
/// </summary>
public sealed class DocLanguage
{
    private readonly IReadOnlyDictionary<string, string> _words;

    private DocLanguage(string code, string name, IReadOnlyDictionary<string, string> words)
    {
        Code = code;
        Name = name;
        _words = words;
    }

    /// <summary>The BCP 47 code: <c>ka</c>, <c>en</c>.</summary>
    public string Code { get; }

    /// <summary>The language's name in itself, for a link from the other document.</summary>
    public string Name { get; }

    public static DocLanguage English { get; } = new("en", "English", DocWords.English);

    public static DocLanguage Georgian { get; } = new("ka", "ქართული", DocWords.Georgian);

    /// <summary>The languages the documents are written in, Georgian first: it is the language of the legal texts.</summary>
    public static IReadOnlyList<DocLanguage> All { get; } = new[] { Georgian, English };

    /// <summary>The word for a key; a vocabulary word the table lacks is shown as the policy writes it.</summary>
    public string Word(string key)
    {
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (_words.TryGetValue(key, out var word)) return word;
        var colon = key.IndexOf(':');
        return colon < 0 ? key : key.Substring(colon + 1);
    }

    /// <summary>
    /// A term's label in this language; else its language-neutral label, else the first label, else its name.
    /// </summary>
    public string Label(Term term)
    {
        if (term is null) throw new ArgumentNullException(nameof(term));
        return LabelOf(term.Labels.AsEnumerable()) ?? term.Name;
    }

    public string? LabelOf(IEnumerable<Label> labels)
    {
        var list = labels.ToList();
        return (list.FirstOrDefault(l => l.Language == Code) ?? list.FirstOrDefault(l => l.Language.Length == 0) ?? list.FirstOrDefault())?.Text;
    }
}
