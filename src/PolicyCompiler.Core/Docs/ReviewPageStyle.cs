namespace PolicyCompiler.Docs;

/// <summary>
/// The review page's style sheet, inline so the page is one file. Fonts are local only: serif faces that cover
/// Georgian (Noto, BPG, Sylfaen, DejaVu) for the legal text; Georgian has no capitals, so nothing is upper-cased or
/// letter-spaced, and its tall glyphs get generous line height. It holds no '&lt;', '&gt;' or '&amp;', so the page stays XML.
/// </summary>
internal static class ReviewPageStyle
{
    public const string Css = @"
:root {
  --ink: #1d232b; --muted: #5b6672; --rule: #d9dee4; --paper: #fbfaf7; --panel: #ffffff;
  --accent: #1f4e79; --cite: #fff0b3; --cite-edge: #d9a400; --warn: #a4262c; --ok: #2e6b30;
  --serif: ""Noto Serif Georgian"", ""Noto Serif"", ""BPG Nino Mtavruli"", ""Sylfaen"", ""DejaVu Serif"", Georgia, serif;
  --sans: ""Noto Sans Georgian"", ""Noto Sans"", ""Segoe UI"", ""DejaVu Sans"", system-ui, sans-serif;
  --mono: ""DejaVu Sans Mono"", ""Consolas"", monospace;
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body { margin: 0; font: 15px/1.6 var(--sans); }
:lang(ka) { line-height: 1.75; }
code { font-family: var(--mono); font-size: 0.88em; }
a { color: var(--accent); }
.masthead { padding: 1.5rem 2rem 1rem; border-bottom: 1px solid var(--rule); background: var(--panel); }
.kicker { margin: 0; color: var(--muted); font-size: 0.85rem; }
h1 { margin: 0.3rem 0 0; font: 600 1.7rem/1.35 var(--serif); }
.subtitle { margin: 0.1rem 0 0.8rem; color: var(--muted); font-size: 1.05rem; }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.4rem 1.5rem; margin: 0.6rem 0; }
.meta div { min-width: 0; }
.meta dt { color: var(--muted); font-size: 0.8rem; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.hash { font-size: 0.75rem; }
.ka { color: var(--muted); font-weight: normal; }
.toc { display: flex; flex-wrap: wrap; gap: 0.2rem 0.9rem; font-size: 0.85rem; margin-top: 0.6rem; }
.review { display: grid; grid-template-columns: minmax(0, 4fr) minmax(0, 6fr); align-items: start; }
.legal { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 1rem 1.5rem 3rem 2rem; border-right: 1px solid var(--rule); background: var(--panel); }
.legal h2, .facts h2 { font: 600 1.15rem/1.4 var(--serif); margin: 1.2rem 0 0.5rem; }
.source { color: var(--muted); margin: 0 0 0.8rem; }
.text { font-family: var(--serif); font-size: 1rem; }
.para { margin: 0 0 0.55rem; padding: 0.1rem 0.5rem 0.1rem 0.6rem; border-left: 3px solid transparent; }
.para.heading { margin-top: 1.1rem; font-weight: 600; }
.para.numbered { margin-top: 0.5rem; }
.para.bullet { margin-left: 1.2rem; }
.para.cited { border-left-color: var(--cite-edge); }
.para.informative { color: var(--muted); border-left-color: var(--rule); }
.para.uncovered { border-left: 3px dashed var(--warn); }
.para:target, tr:target { background: #e8f1fb; outline: 2px solid var(--accent); }
.pid { font: 0.75rem var(--mono); color: var(--muted); text-decoration: none; margin-right: 0.3rem; }
.excerpt { background: var(--cite); color: inherit; text-decoration: none; border-bottom: 2px solid var(--cite-edge); border-radius: 2px; }
.refs { font: 0.72rem var(--sans); white-space: nowrap; }
.refs a { text-decoration: none; padding: 0 0.2rem; border: 1px solid var(--rule); border-radius: 3px; background: var(--paper); }
.note { display: block; font: italic 0.8rem var(--sans); color: var(--muted); }
.para.uncovered .note { color: var(--warn); }
.facts { padding: 0.5rem 2rem 3rem 1.5rem; min-width: 0; }
table { width: 100%; border-collapse: collapse; margin: 0.3rem 0 1rem; background: var(--panel); font-size: 0.86rem; }
/* Bidirectional controls in a cell or a paragraph cannot reorder anything outside it. */
td, .words, dd { unicode-bidi: isolate; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; hyphens: auto; }
.table-scroll { overflow-x: auto; }
th { font-weight: 600; background: #f1f3f5; }
td.fid, th.fid { width: 3rem; white-space: nowrap; }
td.fid a { text-decoration: none; font-family: var(--mono); font-size: 0.8rem; }
.line + .line { margin-top: 0.25rem; }
.en { display: block; color: var(--muted); font-size: 0.92em; }
.cites { min-width: 10rem; max-width: 22rem; }
.cite { display: block; }
.cite q { color: var(--muted); font-family: var(--serif); font-size: 0.92em; }
.unresolved { color: var(--warn); }
.empty { color: var(--muted); font-style: italic; }
.findings li { margin-bottom: 0.5rem; }
.findings li.warning code { color: #8a5a00; }
.help { color: var(--muted); font-size: 0.85em; }
.summary { font-weight: 600; }
tr.pass td:last-child { color: var(--ok); }
tr.fail td:last-child { color: var(--warn); font-weight: 600; }
@media (max-width: 60rem) {
  .review { display: block; }
  .legal { position: static; max-height: none; border-right: 0; }
}
@media print {
  @page { margin: 16mm 14mm; }
  html, body, .legal, .masthead, table { background: #fff; }
  body { font-size: 10.5pt; }
  .review { display: block; }
  .legal { position: static; max-height: none; overflow: visible; border: 0; padding: 0; }
  .facts { padding: 0; }
  .toc { display: none; }
  a { color: inherit; text-decoration: none; }
  .excerpt { background: none; border-bottom: 1.5px solid #000; }
  tr, .para { break-inside: avoid; }
  h2 { break-after: avoid; }
  .facts { break-before: page; }
}
";
}
