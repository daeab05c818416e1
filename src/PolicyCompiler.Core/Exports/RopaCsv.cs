using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyCompiler.Docs;

namespace PolicyCompiler.Exports;

/// <summary>
/// The record of processing activities (GDPR Art. 30(1)) as a spreadsheet: RFC 4180 CSV in UTF-8 with a byte-order
/// mark (without it, spreadsheets read the Georgian text as another code page), a header row of the record's
/// columns in one language, then a row per purpose; each cell's lines, then the paragraphs it cites.
/// </summary>
public static class RopaCsv
{
    /// <summary>Where the byte-order mark goes: first in the file, as a character, so that the text is the file.</summary>
    public const char ByteOrderMark = '\uFEFF';

    public static string FileName(string policyId, DocLanguage language) => policyId + ".ropa." + language.Code + ".csv";

    public static string Render(PolicyFacts facts, DocLanguage language)
    {
        if (facts is null) throw new ArgumentNullException(nameof(facts));
        if (language is null) throw new ArgumentNullException(nameof(language));
        var format = new PlainPhrases(language);
        var csv = new StringBuilder().Append(ByteOrderMark);
        CsvText.AppendRecord(csv, facts.Record.Columns.Select(language.Word).ToArray());
        foreach (var activity in facts.Record.Activities)
        {
            CsvText.AppendRecord(csv, activity.Cells.Select(c => Cell(c, format)).ToArray());
        }
        return csv.ToString();
    }

    /// <summary>
    /// Whether a text (its byte-order mark read away or not) begins with a header row of the record: as many cells
    /// as the record has columns, none quoted (no heading holds a comma, a quote or a line break).
    /// </summary>
    internal static bool IsRecordHeader(string text)
    {
        var start = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        var end = text.IndexOf('\n', start);
        if (end < 0) return false;
        var header = text.Substring(start, end - start).TrimEnd('\r');
        return header.IndexOf('"') < 0 && header.Split(',').Length == FactsBuilder.RecordColumns.Count && header.Split(',').All(c => c.Length > 0);
    }

    private static string Cell(RecordCell cell, PlainPhrases format)
    {
        var lines = cell.Content.Lines.Select(format.Line).ToList();
        if (cell.Citations.Count > 0) lines.Add("(" + string.Join(", ", cell.Citations.Select(CitationLabel.Of).Distinct(StringComparer.Ordinal)) + ")");
        return string.Join("\n", lines);
    }
}

/// <summary>Phrases as plain text: every string folded onto one line, since a line break is the export's own structure.</summary>
internal sealed class PlainPhrases : PhraseFormatter
{
    public PlainPhrases(DocLanguage language) : base(language) { }

    public static PlainPhrases English { get; } = new(DocLanguage.English);

    public override string Text(string text) => DocText.Fold(text);

    protected override string Name(string name) => DocText.Fold(name);
}

/// <summary>How the exports name a citation: the paragraph alone (<c>§4.3.6</c>), or as the policy writes it, with its excerpt.</summary>
internal static class CitationLabel
{
    /// <summary>The paragraph (<c>§4.3.6</c>), found through the excerpt where the citation gives no section; else the excerpt.</summary>
    public static string Of(FactCitation citation)
    {
        var section = citation.Citation.Section ?? citation.Passage?.Paragraph.Id;
        return section is not null ? "§" + DocText.Fold(section) : "\"" + DocText.Fold(citation.Citation.Excerpt ?? string.Empty) + "\"";
    }

    /// <summary>The paragraph alone, or the excerpt where no section is given (<c>§4.3.6</c>).</summary>
    public static string Section(Model.Citation citation) =>
        citation.Section is not null ? "§" + citation.Section : "\"" + citation.Excerpt + "\"";

    /// <summary>The citation as the policy writes it (<c>§p25 "Art. 6 (1) lit. a"</c>), as the guards' PolicyCitation prints it too.</summary>
    public static string Written(Model.Citation citation) => Model.StatementText.Of(citation);
}
