using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// Turns the phrases of the fact model into text of one format and language. A format says only how it escapes
/// text and shows a name; the phrases mean the same in every format.
/// </summary>
internal abstract class PhraseFormatter
{
    protected PhraseFormatter(DocLanguage language) => Language = language;

    public DocLanguage Language { get; }

    public string Format(Phrase phrase) => phrase switch
    {
        TermPhrase term => Term(term.Term, term.Defined),
        LabelsPhrase labels => Labels(labels.Labels, labels.Fallback),
        WordPhrase word => Text(Language.Word(word.Key)),
        NamePhrase name => Name(name.Name),
        LiteralPhrase literal => Text(literal.Text),
        ListPhrase list => string.Join(", ", list.Items.Select(Format)),
        SequencePhrase sequence => string.Join(" ", sequence.Items.Select(Format)),
        _ => throw new ArgumentOutOfRangeException(nameof(phrase), phrase, "unknown phrase"),
    };

    public string Line(FactLine line) => string.Join(" ", line.Phrases.Select(Format));

    /// <summary>A word of the documents' vocabulary, escaped.</summary>
    public string Word(string key) => Text(Language.Word(key));

    /// <summary>Text from the policy or the vocabulary, escaped for the format.</summary>
    public abstract string Text(string text);

    protected abstract string Name(string name);

    public virtual string Labels(IReadOnlyList<Label> labels, string fallback) => Text(Language.LabelOf(labels) ?? fallback);

    protected virtual string Term(Term term, bool defined) => Text(Language.Label(term));
}
