using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Text;

namespace PolicyCompiler.Legal;

public enum ParagraphKind
{
    /// <summary>A numbered section: <c>5.2.1. …</c>; its id is the number.</summary>
    Numbered,

    /// <summary>An enumerated heading: <c>1) …</c>; its id is the number.</summary>
    Enumerated,

    /// <summary>
    /// A bulleted item, or an enumerated item (<c>1) …</c>) on the line right after a paragraph, with no blank
    /// line between: a list inside that paragraph, not a heading; its id is <c>&lt;section&gt;.b&lt;n&gt;</c>.
    /// </summary>
    Bullet,

    /// <summary>Any other paragraph; its id is <c>&lt;section&gt;.p&lt;n&gt;</c> (or <c>p&lt;n&gt;</c> before the first section).</summary>
    Plain,
}

/// <summary>One addressable paragraph of a legal text: its id, kind, text as written and normalised, and span.</summary>
public sealed record Paragraph(string Id, ParagraphKind Kind, string Text, string Normalized, SourceSpan Span);

/// <summary>
/// A legal text segmented into addressable paragraphs. A paragraph is a non-blank line. Numbered sections
/// (<c>5.2.1.</c>) and enumerated headings (<c>1)</c>) are addressed by their number; bullets and plain
/// paragraphs by their position under the last section: <c>3.1.b2</c> is the second bullet after section 3.1,
/// an enumerated item that continues a paragraph (<c>…help you:</c> and <c>1) the US site</c> on the next line) is
/// a bullet too, so a list in a text without sections does not start sections of its own;
/// <c>6.3.p1</c> the first plain paragraph after it, <c>p1</c> the first paragraph before any section. A number
/// the text gives twice is told apart by its occurrence: the second <c>§5</c> is <c>§5#2</c>.
/// Ids are stable as long as the text before them within their section does not change.
/// </summary>
public sealed class LegalDocument
{
    private readonly ShardedDictionary<string, Paragraph> _byId;

    private LegalDocument(SourceText text, EquatableArray<Paragraph> paragraphs)
    {
        Text = text;
        Paragraphs = paragraphs;
        // Sized once and in shards: a long text's table grown by doubling, or made as one, puts large arrays on
        // the large-object heap, and they set off full collections.
        _byId = ShardedDictionary<string, Paragraph>.Sized(paragraphs.Count, StringComparer.Ordinal);
        foreach (var paragraph in paragraphs) _byId.TryAdd(paragraph.Id, paragraph);
    }

    public SourceText Text { get; }

    public EquatableArray<Paragraph> Paragraphs { get; }

    public Paragraph? Find(string id) => _byId.TryGetValue(id, out var paragraph) ? paragraph : null;

    public static LegalDocument Segment(SourceText text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        // Built in chunks: a text of 200,000 lines would need one array on the large-object heap (see ArrayBuilder).
        var paragraphs = new ArrayBuilder<Paragraph>();
        // In shards for the same reason as the ids (a text of distinct numbers has one count per line).
        var occurrences = ShardedDictionary<string, int>.UpTo(text.LineCount, StringComparer.Ordinal);
        var section = string.Empty;
        var bullets = 0;
        var plains = 0;
        var previousLineBlank = true;
        for (var line = 1; line <= text.LineCount; line++)
        {
            // The line without its surrounding white space, cut from the text once: a long text's paragraphs
            // live through the check, and every string made per line on the way is garbage among them.
            var start = text.LineStart(line);
            var end = line < text.LineCount ? text.LineStart(line + 1) : text.Text.Length;
            while (start < end && char.IsWhiteSpace(text.Text[start])) start++;
            while (end > start && char.IsWhiteSpace(text.Text[end - 1])) end--;
            var content = text.Text.Substring(start, end - start);
            var normalized = LegalText.Normalize(content);
            var continuesParagraph = !previousLineBlank;
            previousLineBlank = normalized.Length == 0;
            if (normalized.Length == 0) continue;
            var span = text.SpanOf(start, end - start);

            string id;
            ParagraphKind kind;
            var numbered = TryNumber(content, out var number, out var enumerated);
            if (numbered && enumerated && continuesParagraph)
            {
                // "…these two sites to help you:" then "1) the US site": an item of the list the paragraph opens.
                kind = ParagraphKind.Bullet;
                id = Prefix(section) + "b" + (++bullets).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (numbered)
            {
                kind = enumerated ? ParagraphKind.Enumerated : ParagraphKind.Numbered;
                id = number;
                section = number;
                bullets = 0;
                plains = 0;
            }
            else if (LegalText.IsBulletGlyph(content[0]) || LegalText.IsDashBullet(content))
            {
                kind = ParagraphKind.Bullet;
                id = Prefix(section) + "b" + (++bullets).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                kind = ParagraphKind.Plain;
                id = Prefix(section) + "p" + (++plains).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            // A text that numbers two paragraphs alike gets distinct ids: the second §5 is §5#2. The count of
            // each id is kept rather than probing #2, #3, … (a text of 200,000 lines "1." would probe 2·10¹⁰ times);
            // ids before the '#' never hold one, so the next free suffix is always the count plus one.
            if (occurrences.TryGetValue(id, out var count))
            {
                occurrences.Set(id, count + 1);
                id += "#" + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                occurrences.Set(id, 1);
            }
            paragraphs.Add(new Paragraph(id, kind, content, normalized, span));
        }
        return new LegalDocument(text, paragraphs.ToEquatableArray());
    }

    private static string Prefix(string section) => section.Length == 0 ? string.Empty : section + ".";

    /// <summary>
    /// <c>5.2.1. text</c>, <c>5.2 text</c> (parts of digits joined by dots, then a dot or a space) or <c>1) text</c>. A date such as
    /// <c>22.11.2021 წელი</c> is not a section: a section number's parts are at most three digits.
    /// </summary>
    private static bool TryNumber(string content, out string number, out bool enumerated)
    {
        number = string.Empty;
        enumerated = false;
        var i = 0;
        var parts = 0;
        while (true)
        {
            var digits = i;
            while (i < content.Length && content[i] >= '0' && content[i] <= '9') i++;
            if (i == digits || i - digits > 3) return false;
            parts++;
            if (i < content.Length && content[i] == ')' && parts == 1)
            {
                if (i + 1 < content.Length && !char.IsWhiteSpace(content[i + 1])) return false;
                number = content.Substring(0, i);
                enumerated = true;
                return true;
            }
            if (i >= content.Length) return false;
            if (char.IsWhiteSpace(content[i]) && parts > 1)
            {
                // "5.2 text": a number of several parts needs no final dot.
                number = content.Substring(0, i);
                return true;
            }
            if (content[i] != '.') return false;
            i++;
            if (i >= content.Length || char.IsWhiteSpace(content[i]))
            {
                // The parts with the dots between them, without the final dot: the text as written.
                number = content.Substring(0, i - 1);
                return true;
            }
        }
    }
}
