using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Legal;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

// The facts of a policy as the documents show them, independent of language and format: the Markdown and the
// HTML renderers both read this model, so the two formats cannot disagree about what the policy says.

/// <summary>A piece of a table cell; each renderer shows it in its language and format.</summary>
public abstract record Phrase;

/// <summary>
/// A declared term, shown by its label. Where it is <paramref name="Defined"/> (its own row), a bilingual page
/// shows all its labels; elsewhere one, to keep the cells readable.
/// </summary>
public sealed record TermPhrase(Term Term, bool Defined = false) : Phrase;

/// <summary>Labels in several languages, shown in the document's language (the fallback when there is none).</summary>
public sealed record LabelsPhrase(IReadOnlyList<Label> Labels, string Fallback) : Phrase;

/// <summary>A word of the documents' own vocabulary (see <see cref="DocLanguage.Word"/>), translated.</summary>
public sealed record WordPhrase(string Key) : Phrase;

/// <summary>A name from the policy (a category, an event), shown as code.</summary>
public sealed record NamePhrase(string Name) : Phrase;

/// <summary>Text from the policy shown as written: a country code, an address, a number.</summary>
public sealed record LiteralPhrase(string Text) : Phrase;

/// <summary>Phrases shown as a comma-separated list.</summary>
public sealed record ListPhrase(IReadOnlyList<Phrase> Items) : Phrase;

/// <summary>Phrases shown one after the other: "10 days after publication".</summary>
public sealed record SequencePhrase(IReadOnlyList<Phrase> Items) : Phrase;

/// <summary>One line of a cell: phrases shown one after the other.</summary>
public sealed record FactLine(IReadOnlyList<Phrase> Phrases);

/// <summary>A table cell: its lines (none for an empty cell).</summary>
public sealed record FactCell(IReadOnlyList<FactLine> Lines);

/// <summary>A citation of a fact, with what it points at in the legal text (null when it does not resolve).</summary>
public sealed record FactCitation(Citation Citation, CitedPassage? Passage);

/// <summary>A row of a fact table: numbered across the document (F1, F2, …), so that the legal text can link to it.</summary>
public sealed record Fact(int Number, IReadOnlyList<FactCell> Cells, IReadOnlyList<FactCitation> Citations)
{
    public string Label => "F" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Anchor => "fact-" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A table of facts: its heading and column keys (words of <see cref="DocLanguage"/>), and its rows. The rows of a
/// table of <paramref name="Notes"/> cite paragraphs to say why they encode nothing: they do not make them cited.
/// </summary>
public sealed record FactTable(string Heading, IReadOnlyList<string> Columns, IReadOnlyList<Fact> Rows, bool Notes = false);

/// <summary>An arrow of the data-flow chart, between two nodes; dotted for storage and transfers.</summary>
public sealed record FlowEdge(int From, int To, string? Word);

/// <summary>A node of the data-flow chart, in one of its columns (categories, purposes, recipients, countries).</summary>
public sealed record FlowNode(int Id, string Column, Phrase Text);

/// <summary>A cell of the record of processing: what it says, and the citations of the statements it says it from.</summary>
public sealed record RecordCell(FactCell Content, IReadOnlyList<FactCitation> Citations);

/// <summary>
/// A processing activity of the record: a purpose (null for the data the policy collects, shares or transfers for
/// no purpose it states), one cell per column of the record, and what the cells are read from.
/// </summary>
public sealed record ProcessingActivity(Term? Purpose, IReadOnlyList<RecordCell> Cells)
{
    /// <summary>The names and rules the cells show, for the exports that give them as data rather than text.</summary>
    public ActivityScope Scope { get; init; } = ActivityScope.Empty;

    /// <summary>The cell of a column of the record (<c>ropa:retention</c>).</summary>
    public RecordCell Cell(string column)
    {
        var index = FactsBuilder.RecordColumns.ToList().IndexOf(column);
        return index >= 0 ? Cells[index] : throw new ArgumentException("the record has no column '" + column + "'", nameof(column));
    }
}

/// <summary>
/// What one purpose covers, by name: the categories processed for it, the subjects they are collected from, the
/// recipients they are shared with for it (or for any purpose), and the transfers, retention and processing rules
/// that name them.
/// </summary>
public sealed record ActivityScope(
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<Model.Permission> Processing,
    IReadOnlyList<Model.Permission> Collections,
    IReadOnlyList<Model.Permission> Shares,
    IReadOnlyList<Model.Permission> Transfers,
    IReadOnlyList<Model.RetentionRule> Retention)
{
    public static ActivityScope Empty { get; } = new(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(),
        Array.Empty<Model.Permission>(), Array.Empty<Model.Permission>(), Array.Empty<Model.Permission>(), Array.Empty<Model.Permission>(), Array.Empty<Model.RetentionRule>());
}

/// <summary>
/// The record of processing activities of GDPR Art. 30(1), as the policy states it: its column keys (words of
/// <see cref="DocLanguage"/>) and one activity per purpose, in the policy's order.
/// </summary>
public sealed record ProcessingRecord(IReadOnlyList<string> Columns, IReadOnlyList<ProcessingActivity> Activities)
{
    public static ProcessingRecord Empty { get; } = new(Array.Empty<string>(), Array.Empty<ProcessingActivity>());
}

public sealed record DataFlow(IReadOnlyList<FlowNode> Nodes, IReadOnlyList<FlowEdge> Edges);

/// <summary>
/// Everything the documents of one policy show: header, fact tables, data flow, and the legal text with the
/// passages the facts cite.
/// </summary>
public sealed record PolicyFacts(
    CompilationResult Compilation,
    PolicyModel Model,
    string PolicyHash,
    string? LegalHash,
    IReadOnlyList<FactTable> Tables,
    DataFlow Flow)
{
    public LegalAnchoring? Legal => Compilation.Legal;

    /// <summary>The record of processing activities (GDPR Art. 30(1)): a row per purpose, from the same statements as the tables.</summary>
    public ProcessingRecord Record { get; init; } = ProcessingRecord.Empty;

    /// <summary>The guards' content hash (the policy and its legal text): the notice version the exports and consent records name.</summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>Every fact citation that resolves, with the fact that makes it, in document order.</summary>
    public IEnumerable<(Fact Fact, CitedPassage Passage)> Passages
    {
        get
        {
            foreach (var table in Tables)
            {
                foreach (var fact in table.Rows)
                {
                    foreach (var citation in fact.Citations)
                    {
                        if (citation.Passage is not null) yield return (fact, citation.Passage);
                    }
                }
            }
        }
    }
}
