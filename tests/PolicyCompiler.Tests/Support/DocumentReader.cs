using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PolicyCompiler.Tests.Support;

/// <summary>
/// Reads generated documents back as a reader sees them: Markdown through a CommonMark parser with GitHub's
/// tables, HTML as the XML it is also written as. What comes out is text after every escape is undone.
/// </summary>
internal static class DocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

    public static MarkdownDocument ParseMarkdown(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>The legal paragraphs of the Markdown appendix: each one's id (its bold prefix) and its text.</summary>
    public static IReadOnlyList<(string Id, string Text)> MarkdownLegalText(string markdown)
    {
        var document = ParseMarkdown(markdown);
        var paragraphs = new List<(string, string)>();
        var inAppendix = false;
        foreach (var block in document)
        {
            if (block is HeadingBlock heading)
            {
                inAppendix = heading.Level == 2 && PlainText(heading.Inline!).StartsWith("Appendix", StringComparison.Ordinal)
                    || heading.Level == 2 && PlainText(heading.Inline!).StartsWith("დანართი", StringComparison.Ordinal);
                continue;
            }
            if (!inAppendix || block is not ParagraphBlock paragraph) continue;
            var inlines = paragraph.Inline!.ToList();
            var id = inlines.OfType<EmphasisInline>().FirstOrDefault();
            if (id is null) continue;
            var text = string.Concat(inlines.SkipWhile(i => i != id).Skip(1).Select(PlainText));
            paragraphs.Add((PlainText(id).TrimStart('§'), text));
        }
        return paragraphs;
    }

    /// <summary>The text of an inline, with escapes and entities resolved and raw HTML left out.</summary>
    public static string PlainText(Inline inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        LineBreakInline => " ",
        HtmlInline => string.Empty,
        ContainerInline container => string.Concat(container.Select(PlainText)),
        _ => string.Empty,
    };

    /// <summary>Every inline of the document, tables included, depth first.</summary>
    public static IEnumerable<Inline> Inlines(MarkdownDocument document) =>
        document.Descendants<LeafBlock>().Where(b => b.Inline is not null).SelectMany(b => b.Inline!.Descendants<Inline>());

    public static IEnumerable<Table> Tables(MarkdownDocument document) => document.Descendants<Table>();

    public static XDocument ParseHtml(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    /// <summary>The legal paragraphs of the HTML page: each one's element id and the text of its words.</summary>
    public static IReadOnlyList<(string Id, string Text)> HtmlLegalText(string html) =>
        ParseHtml(html).Descendants("div").Where(d => HasClass(d, "para"))
            .Select(d => ((string)d.Attribute("id")!, d.Elements("span").Single(s => HasClass(s, "words")).Value))
            .ToList();

    public static bool HasClass(XElement element, string name) =>
        ((string?)element.Attribute("class") ?? string.Empty).Split(' ').Contains(name);

    /// <summary>White space folded to single spaces, as the fidelity check compares texts.</summary>
    public static string Fold(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
