using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Legal;
using PolicyCompiler.Model;

namespace PolicyCompiler.Docs;

/// <summary>
/// The review page of a policy: one self-contained HTML file, no script and no request. The legal text on one
/// side, every cited excerpt highlighted and linked to the facts that cite it; the facts on the other, each
/// linked back to its paragraphs; then the completeness findings and the policy tests. The markup is also
/// well-formed XML, so tests can read it back exactly. Every string from the policy goes through <see cref="HtmlText"/>.
/// </summary>
public static class HtmlReviewPage
{
    public static string FileName(string policyId) => policyId + ".html";

    /// <summary>The page, with the results of the policy's test lines (<see cref="PolicyTestRunner.RunAll"/>).</summary>
    public static string Render(PolicyFacts facts, IReadOnlyList<Diagnostic> findings, IReadOnlyList<TestLineResult> tests)
    {
        if (facts is null) throw new ArgumentNullException(nameof(facts));
        if (findings is null) throw new ArgumentNullException(nameof(findings));
        if (tests is null) throw new ArgumentNullException(nameof(tests));
        var page = new PageWriter(facts);
        page.Write(findings, tests);
        return page.ToString();
    }

    private sealed class PageWriter
    {
        private static readonly DocLanguage English = DocLanguage.English;
        private static readonly DocLanguage Georgian = DocLanguage.Georgian;

        private readonly PolicyFacts _facts;
        private readonly HtmlPhrases _format = new();
        private readonly StringBuilder _html = new();

        private readonly HashSet<Fact> _informativeFacts;

        public PageWriter(PolicyFacts facts)
        {
            _facts = facts;
            _informativeFacts = new HashSet<Fact>(facts.Tables.Where(t => t.Notes).SelectMany(t => t.Rows));
        }

        public override string ToString() => _html.ToString();

        public void Write(IReadOnlyList<Diagnostic> findings, IReadOnlyList<TestLineResult> tests)
        {
            var model = _facts.Model;
            var title = English.LabelOf(model.Title) ?? model.Id;
            Append("<!DOCTYPE html>\n");
            Append(DocText.GeneratedHeader);
            Append("<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
            // No request of any kind: styles are inline, and the icon is an empty data URL, so the browser does not ask for /favicon.ico.
            Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n");
            Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
            Append("<link rel=\"icon\" href=\"data:,\"/>\n");
            Append("<title>").Append(Escape(title)).Append(" — ").Append(Escape(model.Id)).Append("</title>\n");
            Append("<style>").Append(ReviewPageStyle.Css).Append("</style>\n</head>\n<body>\n");
            WriteMasthead();
            Append("<main class=\"review\">\n");
            WriteLegalText();
            Append("<div class=\"facts\">\n");
            foreach (var table in _facts.Tables) WriteTable(table);
            WriteRecord();
            WriteFindings(findings);
            WriteTests(tests);
            Append("</div>\n</main>\n</body>\n</html>\n");
        }

        private void WriteMasthead()
        {
            var model = _facts.Model;
            Append("<header class=\"masthead\">\n<p class=\"kicker\">Privacy policy review · კონფიდენციალურობის პოლიტიკის განხილვა · <code>")
                .Append(Escape(model.Id)).Append("</code></p>\n");
            var ka = Georgian.LabelOf(model.Title.Where(l => l.Language == "ka"));
            var en = English.LabelOf(model.Title.Where(l => l.Language != "ka")) ?? model.Id;
            if (ka is not null) Append("<h1 lang=\"ka\">").Append(Escape(ka)).Append("</h1>\n<p class=\"subtitle\">").Append(Escape(en)).Append("</p>\n");
            else Append("<h1>").Append(Escape(en)).Append("</h1>\n");

            Append("<dl class=\"meta\">\n");
            void Item(string key, string html) => Append("<div><dt>").Append(Bilingual(key)).Append("</dt><dd>").Append(html).Append("</dd></div>\n");
            if (model.Controller is not null) Item("h:controller", _format.Labels(model.Controller.Name, string.Empty));
            if (model.Effective is not null) Item("h:effective", Escape(model.Effective));
            if (model.Jurisdiction is not null) Item("h:jurisdiction", Escape(model.Jurisdiction));
            if (model.Source is not null) Item("h:source", "<code>" + Escape(model.Source) + "</code>");
            if (_facts.Legal?.Coverage is { } coverage)
            {
                Item("h:coverage", Escape(DocText.CoverageText(coverage, English)));
            }
            Item("h:policy-hash", "<code class=\"hash\">" + _facts.PolicyHash + "</code>");
            if (_facts.LegalHash is not null) Item("h:legal-hash", "<code class=\"hash\">" + _facts.LegalHash + "</code>");
            Append("</dl>\n<nav class=\"toc\" aria-label=\"Contents\">");
            Append("<a href=\"#legal\">").Append(Escape(English.Word("h:source"))).Append("</a>");
            foreach (var table in _facts.Tables) Append(" <a href=\"#").Append(SectionId(table)).Append("\">").Append(Escape(English.Word(table.Heading))).Append("</a>");
            Append(" <a href=\"#ropa\">").Append(Escape(English.Word("h:ropa"))).Append("</a>");
            Append(" <a href=\"#findings\">").Append(Escape(English.Word("h:lint"))).Append("</a> <a href=\"#tests\">").Append(Escape(English.Word("h:tests"))).Append("</a>");
            Append("</nav>\n</header>\n");
        }

        private void WriteLegalText()
        {
            Append("<section class=\"legal\" id=\"legal\" aria-labelledby=\"legal-heading\">\n<h2 id=\"legal-heading\">").Append(Bilingual("h:source")).Append("</h2>\n");
            var legal = _facts.Legal;
            if (legal is null)
            {
                Append("<p class=\"empty\">").Append(Escape(English.Word("h:no-legal-text"))).Append("</p>\n</section>\n");
                return;
            }
            Append("<p class=\"source\"><code>").Append(Escape(_facts.Model.Source ?? string.Empty)).Append("</code></p>\n<div class=\"text\" lang=\"ka\">\n");
            var passages = _facts.Passages.ToLookup(p => p.Passage.Paragraph.Id, StringComparer.Ordinal);
            var informative = _facts.Model.Informative.SelectMany(n => n.Sections.Select(s => (Section: s, n.Reason)))
                .GroupBy(n => n.Section, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reason, StringComparer.Ordinal);
            var uncovered = new HashSet<string>(legal.Coverage.Uncovered, StringComparer.Ordinal);
            foreach (var paragraph in legal.Document.Paragraphs)
            {
                WriteParagraph(paragraph, passages[paragraph.Id].ToList(), informative.TryGetValue(paragraph.Id, out var reason) ? reason : null, uncovered.Contains(paragraph.Id));
            }
            Append("</div>\n</section>\n");
        }

        private void WriteParagraph(Paragraph paragraph, IReadOnlyList<(Fact Fact, CitedPassage Passage)> citing, string? informative, bool uncovered)
        {
            // A section number without a dot ("1.") heads a part of the text.
            var kind = paragraph.Kind switch
            {
                ParagraphKind.Numbered or ParagraphKind.Enumerated => paragraph.Id.IndexOf('.') < 0 ? "heading" : "numbered",
                ParagraphKind.Bullet => "bullet",
                _ => "plain",
            };
            // A paragraph marked informative is linked to its note, but it is cited only if a statement cites it.
            var state = citing.Any(c => !_informativeFacts.Contains(c.Fact)) ? " cited" : informative is not null ? " informative" : uncovered ? " uncovered" : string.Empty;
            Append("<div class=\"para ").Append(kind).Append(state).Append("\" id=\"").Append(DocText.ParagraphAnchor(paragraph.Id)).Append("\">");
            Append("<a class=\"pid\" href=\"#").Append(DocText.ParagraphAnchor(paragraph.Id)).Append("\">§").Append(Escape(paragraph.Id)).Append("</a> ");
            Append("<span class=\"words\">");
            var text = paragraph.Text;
            var position = 0;
            foreach (var run in Highlights(citing))
            {
                Append(Escape(text.Substring(position, run.Start - position)));
                var labels = string.Join(", ", run.Facts.Select(f => f.Label));
                Append("<a class=\"excerpt\" href=\"#").Append(run.Facts[0].Anchor).Append("\" title=\"").Append(Escape(English.Word("h:cited-by"))).Append(' ').Append(labels).Append("\">")
                    .Append(Escape(text.Substring(run.Start, run.End - run.Start))).Append("</a>");
                position = run.End;
            }
            Append(Escape(text.Substring(position))).Append("</span>");
            var facts = citing.Select(c => c.Fact).Distinct().OrderBy(f => f.Number).ToList();
            if (facts.Count > 0)
            {
                Append(" <span class=\"refs\">");
                Append(string.Join(" ", facts.Select(f => "<a href=\"#" + f.Anchor + "\">" + f.Label + "</a>")));
                Append("</span>");
            }
            if (informative is not null) Append(" <span class=\"note\">").Append(Escape(informative)).Append("</span>");
            else if (uncovered) Append(" <span class=\"note\">").Append(Escape(English.Word("h:not-accounted"))).Append("</span>");
            Append("</div>\n");
        }

        /// <summary>The cited excerpts of a paragraph as disjoint runs: overlapping excerpts merge, with all the facts that cite them.</summary>
        private static IEnumerable<(int Start, int End, IReadOnlyList<Fact> Facts)> Highlights(IReadOnlyList<(Fact Fact, CitedPassage Passage)> citing)
        {
            var excerpts = citing.Where(c => !c.Passage.Whole && c.Passage.Length > 0).OrderBy(c => c.Passage.Start).ToList();
            var i = 0;
            while (i < excerpts.Count)
            {
                var start = excerpts[i].Passage.Start;
                var end = start + excerpts[i].Passage.Length;
                var facts = new List<Fact> { excerpts[i].Fact };
                for (i++; i < excerpts.Count && excerpts[i].Passage.Start < end; i++)
                {
                    end = Math.Max(end, excerpts[i].Passage.Start + excerpts[i].Passage.Length);
                    facts.Add(excerpts[i].Fact);
                }
                yield return (start, end, facts.Distinct().OrderBy(f => f.Number).ToList());
            }
        }

        private void WriteTable(FactTable table)
        {
            Append("<section class=\"table\" id=\"").Append(SectionId(table)).Append("\">\n<h2>").Append(Bilingual(table.Heading)).Append("</h2>\n");
            if (table.Rows.Count == 0)
            {
                Append("<p class=\"empty\">").Append(Escape(English.Word("h:none"))).Append("</p>\n</section>\n");
                return;
            }
            Append("<div class=\"table-scroll\"><table>\n<thead><tr><th class=\"fid\">").Append(Escape(English.Word("c:fact"))).Append("</th>");
            foreach (var column in table.Columns) Append("<th>").Append(Bilingual(column, "<br/>")).Append("</th>");
            Append("<th>").Append(Bilingual("c:cites", "<br/>")).Append("</th></tr></thead>\n<tbody>\n");
            foreach (var fact in table.Rows)
            {
                Append("<tr id=\"").Append(fact.Anchor).Append("\"><td class=\"fid\"><a href=\"#").Append(fact.Anchor).Append("\">").Append(fact.Label).Append("</a></td>");
                foreach (var cell in fact.Cells)
                {
                    Append("<td>");
                    Append(string.Join(string.Empty, cell.Lines.Select(l => "<div class=\"line\">" + _format.Line(l) + "</div>")));
                    Append("</td>");
                }
                Append("<td class=\"cites\">").Append(string.Join(" ", fact.Citations.Select(Citation))).Append("</td></tr>\n");
            }
            Append("</tbody>\n</table></div>\n</section>\n");
        }

        /// <summary>The record of processing activities as a sheet: a row per purpose, each cell with the paragraphs it cites.</summary>
        private void WriteRecord()
        {
            var record = _facts.Record;
            Append("<section class=\"table ropa\" id=\"ropa\">\n<h2>").Append(Bilingual("h:ropa")).Append("</h2>\n");
            if (record.Activities.Count == 0)
            {
                Append("<p class=\"empty\">").Append(Escape(English.Word("h:none"))).Append("</p>\n</section>\n");
                return;
            }
            Append("<div class=\"table-scroll\"><table>\n<thead><tr>");
            foreach (var column in record.Columns) Append("<th>").Append(Bilingual(column, "<br/>")).Append("</th>");
            Append("</tr></thead>\n<tbody>\n");
            foreach (var activity in record.Activities)
            {
                Append("<tr>");
                foreach (var cell in activity.Cells)
                {
                    Append("<td>");
                    Append(string.Join(string.Empty, cell.Content.Lines.Select(l => "<div class=\"line\">" + _format.Line(l) + "</div>")));
                    if (cell.Citations.Count > 0) Append("<div class=\"cites\">").Append(string.Join(" ", cell.Citations.Select(Citation))).Append("</div>");
                    Append("</td>");
                }
                Append("</tr>\n");
            }
            Append("</tbody>\n</table></div>\n</section>\n");
        }

        private static string Citation(FactCitation citation)
        {
            var written = Escape(StatementText.Of(citation.Citation));
            if (citation.Passage is null) return "<span class=\"unresolved\">" + written + "</span>";
            var anchor = DocText.ParagraphAnchor(citation.Passage.Paragraph.Id);
            var title = citation.Citation.Excerpt is null ? string.Empty : " title=\"" + Escape(DocText.Fold(citation.Citation.Excerpt)) + "\"";
            var excerpt = citation.Citation.Excerpt is null ? string.Empty : " <q lang=\"ka\">" + Escape(DocText.Fold(citation.Citation.Excerpt)) + "</q>";
            return "<span class=\"cite\"><a href=\"#" + anchor + "\"" + title + ">§" + Escape(citation.Passage.Paragraph.Id) + "</a>" + excerpt + "</span>";
        }

        private void WriteFindings(IReadOnlyList<Diagnostic> findings)
        {
            Append("<section class=\"findings\" id=\"findings\">\n<h2>").Append(Bilingual("h:lint")).Append("</h2>\n");
            if (findings.Count == 0)
            {
                Append("<p class=\"empty\">").Append(Escape(English.Word("h:no-findings"))).Append("</p>\n</section>\n");
                return;
            }
            Append("<ul>\n");
            foreach (var finding in findings)
            {
                Append("<li class=\"").Append(finding.Severity.ToString().ToLowerInvariant()).Append("\"><code>").Append(Escape(finding.Code)).Append("</code> ")
                    .Append(Escape(finding.Message));
                if (finding.Help.Length > 0) Append("<div class=\"help\">").Append(Escape(finding.Help)).Append("</div>");
                Append("</li>\n");
            }
            Append("</ul>\n</section>\n");
        }

        private void WriteTests(IReadOnlyList<TestLineResult> tests)
        {
            var rows = tests.Select(t => (t.Test, t.Span, t.Passed, Result: t.Passed ? English.Word("w:passed") : English.Word("w:failed") + ": " + English.Word(Outcome(t)), Help: t.Passed ? null : Help(t))).ToList();
            var passed = rows.Count(t => t.Passed);
            Append("<section class=\"tests\" id=\"tests\">\n<h2>").Append(Bilingual("h:tests")).Append("</h2>\n");
            Append("<p class=\"summary\">").Append(passed.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(English.Word("w:passed")).Append(", ")
                .Append((rows.Count - passed).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(English.Word("w:failed")).Append("</p>\n");
            if (rows.Count == 0)
            {
                Append("</section>\n");
                return;
            }
            Append("<table>\n<thead><tr><th>").Append(Bilingual("c:test", "<br/>")).Append("</th><th>").Append(Bilingual("c:expectation", "<br/>"))
                .Append("</th><th>").Append(Bilingual("c:result", "<br/>")).Append("</th></tr></thead>\n<tbody>\n");
            string? previous = null;
            foreach (var row in rows)
            {
                var expectation = _facts.Compilation.Text.Text.Substring(row.Span.Start, row.Span.Length);
                Append("<tr class=\"").Append(row.Passed ? "pass" : "fail").Append("\"><td>");
                if (row.Test != previous) Append(Escape(row.Test));
                previous = row.Test;
                Append("</td><td><code>").Append(Escape(DocText.Fold(expectation))).Append("</code></td><td>");
                Append(Escape(row.Result));
                if (row.Help is not null) Append("<div class=\"help\">").Append(Escape(row.Help)).Append("</div>");
                Append("</td></tr>\n");
            }
            Append("</tbody>\n</table>\n</section>\n");
        }

        /// <summary>What came out of a line: the decision, or whether the policy states it.</summary>
        private static string Outcome(TestLineResult result) => result switch
        {
            ExpectationResult e => e.Decision.Allowed ? "w:allowed" : "w:denied",
            FactResult f => f.Stated ? "w:stated" : "w:not-stated",
            _ => throw new ArgumentException("no outcome for " + result.GetType().Name, nameof(result)),
        };

        private string Help(TestLineResult result) => result switch
        {
            ExpectationResult e => Explainer.Summarize(_facts.Compilation, e.Expectation.Question, e.Decision),
            FactResult f => StatedFacts.Explain(_facts.Compilation, f.Expectation.Fact).TrimEnd('\n'),
            _ => throw new ArgumentException("no explanation for " + result.GetType().Name, nameof(result)),
        };

        private static string SectionId(FactTable table) => "facts-" + table.Heading.Substring(table.Heading.IndexOf(':') + 1);

        private static string Bilingual(string key, string separator = " ") =>
            Escape(English.Word(key)) + separator + "<span class=\"ka\" lang=\"ka\">" + Escape(Georgian.Word(key)) + "</span>";

        private static string Escape(string text) => HtmlText.Escape(text);

        private StringBuilder Append(string text) => _html.Append(text);
    }

    /// <summary>Phrases in English, with each term's Georgian label first: the legal text is Georgian, so are its terms.</summary>
    private sealed class HtmlPhrases : PhraseFormatter
    {
        public HtmlPhrases() : base(DocLanguage.English) { }

        public override string Text(string text) => HtmlText.Escape(text);

        protected override string Name(string name) => "<code>" + HtmlText.Escape(name) + "</code>";

        /// <summary>A reference shows the Georgian label, with the other on hover; a term's own row shows both.</summary>
        protected override string Term(Term term, bool defined) => Show(term.Labels, term.Name, both: defined);

        public override string Labels(IReadOnlyList<Label> labels, string fallback) => Show(labels, fallback, both: true);

        private static string Show(IReadOnlyList<Label> labels, string fallback, bool both)
        {
            var ka = labels.FirstOrDefault(l => l.Language == "ka")?.Text;
            var other = DocLanguage.English.LabelOf(labels.Where(l => l.Language != "ka"));
            if (ka is null) return HtmlText.Escape(other ?? fallback);
            if (other is null) return "<span lang=\"ka\">" + HtmlText.Escape(ka) + "</span>";
            return both
                ? "<span lang=\"ka\">" + HtmlText.Escape(ka) + "</span> <span class=\"en\">" + HtmlText.Escape(other) + "</span>"
                : "<span lang=\"ka\" title=\"" + HtmlText.Escape(DocText.Fold(other)) + "\">" + HtmlText.Escape(ka) + "</span>";
        }
    }
}
