using System;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// The Markdown document of a policy in one language: header, one table per kind of fact (each fact linked to the
/// paragraphs it cites), the data flow as a Mermaid chart, and the legal text in full with an anchor per paragraph.
/// Every string from the policy or its legal text goes through <see cref="MarkdownText"/> or <see cref="MermaidText"/>.
/// </summary>
public static class MarkdownDocument
{
    public static string FileName(string policyId, DocLanguage language)
    {
        if (language is null) throw new ArgumentNullException(nameof(language));
        return policyId + "." + language.Code + ".md";
    }

    public static string Render(PolicyFacts facts, DocLanguage language)
    {
        if (facts is null) throw new ArgumentNullException(nameof(facts));
        if (language is null) throw new ArgumentNullException(nameof(language));
        var format = new MarkdownPhrases(language);
        var md = new StringBuilder();
        md.Append(DocText.GeneratedHeader);
        md.Append("# ").Append(format.Text(language.LabelOf(facts.Model.Title) ?? facts.Model.Id)).Append("\n\n");
        WriteOtherLanguages(md, facts.Model.Id, language, format);
        md.Append(format.Word("h:generated")).Append("\n\n");
        WriteHeader(md, facts, format);
        foreach (var table in facts.Tables) WriteTable(md, table, format);
        WriteFlow(md, facts.Flow, language);
        WriteAppendix(md, facts, format);
        return md.ToString();
    }

    private static void WriteOtherLanguages(StringBuilder md, string id, DocLanguage language, MarkdownPhrases format)
    {
        var others = DocLanguage.All.Where(l => l != language).Select(l => "[" + MarkdownText.Inline(l.Name) + "](" + FileName(id, l) + ")");
        md.Append(format.Word("h:other-language")).Append(": ").Append(string.Join(" · ", others)).Append("\n\n");
    }

    private static void WriteHeader(StringBuilder md, PolicyFacts facts, MarkdownPhrases format)
    {
        var model = facts.Model;
        void Item(string key, string value) => md.Append("- **").Append(format.Word(key)).Append(":** ").Append(value).Append('\n');

        if (model.Controller is not null) Item("h:controller", format.Text(format.Language.LabelOf(model.Controller.Name) ?? string.Empty));
        if (model.Effective is not null) Item("h:effective", format.Text(model.Effective));
        if (model.Jurisdiction is not null) Item("h:jurisdiction", format.Text(model.Jurisdiction));
        if (model.Source is not null) Item("h:source", facts.Legal is null ? format.Text(model.Source) : "[" + format.Text(model.Source) + "](#appendix)");
        Item("h:policy-hash", "`" + facts.PolicyHash + "`");
        if (facts.LegalHash is not null) Item("h:legal-hash", "`" + facts.LegalHash + "`");
        if (facts.Legal?.Coverage is { } coverage)
        {
            Item("h:coverage", format.Text(DocText.CoverageText(coverage, format.Language)));
        }
        md.Append('\n');
    }

    private static void WriteTable(StringBuilder md, FactTable table, MarkdownPhrases format)
    {
        md.Append("## ").Append(format.Word(table.Heading)).Append("\n\n");
        if (table.Rows.Count == 0)
        {
            md.Append('_').Append(format.Word("h:none")).Append("_\n\n");
            return;
        }
        md.Append("| ").Append(format.Word("c:fact"));
        foreach (var column in table.Columns) md.Append(" | ").Append(format.Word(column));
        md.Append(" | ").Append(format.Word("c:cites")).Append(" |\n|");
        for (var i = 0; i < table.Columns.Count + 2; i++) md.Append(" --- |");
        md.Append('\n');
        foreach (var fact in table.Rows)
        {
            md.Append("| ").Append(fact.Label);
            foreach (var cell in fact.Cells) md.Append(" | ").Append(string.Join("<br>", cell.Lines.Select(format.Line)));
            md.Append(" | ").Append(string.Join(", ", fact.Citations.Select(Citation))).Append(" |\n");
        }
        md.Append('\n');
    }

    private static string Citation(FactCitation citation)
    {
        var written = MarkdownText.Inline(StatementText.Of(citation.Citation));
        if (citation.Passage is null) return written;
        var section = "§" + MarkdownText.Inline(citation.Passage.Paragraph.Id);
        var anchor = DocText.ParagraphAnchor(citation.Passage.Paragraph.Id);
        return citation.Citation.Excerpt is null
            ? "[" + section + "](#" + anchor + ")"
            : "[" + section + "](#" + anchor + " \"" + MarkdownText.LinkTitle(citation.Citation.Excerpt) + "\")";
    }

    private static void WriteFlow(StringBuilder md, DataFlow flow, DocLanguage language)
    {
        if (flow.Edges.Count == 0) return;
        var format = new MermaidPhrases(language);
        md.Append("## ").Append(MarkdownText.Inline(language.Word("h:flow"))).Append("\n\n");
        md.Append(MarkdownText.Inline(language.Word("h:flow-note"))).Append("\n\n");
        md.Append("```mermaid\nflowchart LR\n");
        var columns = flow.Nodes.Select(n => n.Column).Distinct(StringComparer.Ordinal).ToList();
        for (var c = 0; c < columns.Count; c++)
        {
            md.Append("  subgraph g").Append(c.ToString(CultureInfo.InvariantCulture)).Append("[\"").Append(format.Word(columns[c])).Append("\"]\n");
            foreach (var node in flow.Nodes.Where(n => n.Column == columns[c]))
            {
                md.Append("    n").Append(node.Id.ToString(CultureInfo.InvariantCulture)).Append("[\"").Append(format.Format(node.Text)).Append("\"]\n");
            }
            md.Append("  end\n");
        }
        foreach (var edge in flow.Edges)
        {
            md.Append("  n").Append(edge.From.ToString(CultureInfo.InvariantCulture));
            md.Append(edge.Word is null ? " --> " : " -.->|\"" + format.Word(edge.Word) + "\"| ");
            md.Append('n').Append(edge.To.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        md.Append("```\n\n");
    }

    private static void WriteAppendix(StringBuilder md, PolicyFacts facts, MarkdownPhrases format)
    {
        md.Append("<a id=\"appendix\"></a>\n\n## ").Append(format.Word("h:appendix")).Append("\n\n");
        if (facts.Legal is null)
        {
            md.Append('_').Append(format.Word("h:no-legal-text")).Append("_\n");
            return;
        }
        md.Append(format.Word("h:source")).Append(": ").Append(format.Text(facts.Model.Source ?? string.Empty)).Append("\n\n");
        // One Markdown paragraph per legal paragraph, after its anchor and id; the text never starts the line,
        // so that "1." or "- " at its start cannot turn it into a list.
        foreach (var paragraph in facts.Legal.Document.Paragraphs)
        {
            md.Append("<a id=\"").Append(DocText.ParagraphAnchor(paragraph.Id)).Append("\"></a>**§").Append(MarkdownText.Inline(paragraph.Id)).Append("** ")
                .Append(MarkdownText.Inline(paragraph.Text)).Append("\n\n");
        }
    }

    private sealed class MarkdownPhrases : PhraseFormatter
    {
        public MarkdownPhrases(DocLanguage language) : base(language) { }

        public override string Text(string text) => MarkdownText.Inline(text);

        protected override string Name(string name) => MarkdownText.Code(name);
    }

    private sealed class MermaidPhrases : PhraseFormatter
    {
        public MermaidPhrases(DocLanguage language) : base(language) { }

        public override string Text(string text) => MermaidText.Label(text);

        protected override string Name(string name) => MermaidText.Label(name);
    }
}
