using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Legal;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Compilation;

/// <summary>
/// An estimate, in characters, of the C# guards a compiled policy would emit, computed from the model and the
/// legal text before anything is emitted. The guards repeat what the model holds: each statement's text with
/// the paragraphs it cites (once per statement: a thousand statements citing one long paragraph quote it a
/// thousand times), a line per name, and the decision tables' cells and rule entries. The weights are the
/// lengths the emitter writes per item, fitted on the benchmark's synthetic policies (within 3% of the true
/// size from 10,000 to 130,000 statements) and on table-heavy ones (within 10%, above); small policies are
/// overestimated, which matters only far below the limit.
/// </summary>
public sealed record GuardCodeSize(long Statements, long Tables, long Rest)
{
    // The fixed part holds the runtime-free members, the JSON converters of up to a dozen enums (some 3,000
    // characters each) and the country slot arrays (one byte per ISO numeric code, up to 894, per country dimension).
    private const long Fixed = 60_000;
    // A name's enum member and summary, its ToPolicyName and TryParse lines (NameHelpers): the name and its member,
    // about as long, are written three and four times.
    private const long PerName = 330;
    private const long PerStatement = 135;
    private const long PerCitation = 70;
    private const long PerCell = 16;
    private const long PerEntry = 9;
    private const long PerRetainedCategory = 20;

    public long Total => Statements + Tables + Rest;

    /// <summary>The estimate for a policy of <paramref name="policyChars"/> characters: its text is carried in the guards for the analyzers of other projects, up to a megabyte.</summary>
    public static GuardCodeSize Of(PolicyModel model, LegalAnchoring? legal, int policyChars = 0)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var names = new[] { model.Subjects, model.Categories, model.Purposes, model.Recipients, model.Trackers, model.Channels, model.Conditions }
            .SelectMany(kind => kind)
            .Sum(term => PerName + (7L * term.Name.Length) + term.Labels.Sum(l => (long)l.Text.Length) + Citations(term.Citations, legal));
        var statements = QuotedStatements(model).Sum(s => PerStatement + s.Span.Length + Citations(s.Citations, legal));
        var tables = GuardTableSizes.Of(model).Sum(t => (t.Cells * PerCell) + (t.Entries * PerEntry));
        var retention = model.Retention.Sum(r => (long)r.Categories.Count * PerRetainedCategory);
        // Quotes and line breaks are escaped: a tenth more than the text.
        var embedded = policyChars <= Emit.GuardEmitter.MaxEmbeddedPolicyChars ? policyChars + (policyChars / 10) : 0;
        return new GuardCodeSize(statements, tables, Fixed + names + retention + embedded);
    }

    /// <summary>The statements whose text (and cited paragraphs) the guards quote: each decision rule, retention and right.</summary>
    private static IEnumerable<(SourceSpan Span, EquatableArray<Citation> Citations)> QuotedStatements(PolicyModel model) =>
        model.DecidingPermissions.Select(r => (r.Span, r.Citations))
            .Concat(model.Prohibitions.Select(r => (r.Span, r.Citations)))
            .Concat(model.Retention.Select(r => (r.Span, r.Citations)))
            .Concat(model.Rights.Select(r => (r.Span, r.Citations)));

    // A loop, not a Sum over a lambda: this runs once per statement, and the closure, the delegate and the boxed
    // enumerator per call were a tenth of what a compile of many short statements allocated.
    private static long Citations(EquatableArray<Citation> citations, LegalAnchoring? legal)
    {
        var length = 0L;
        foreach (var citation in citations)
        {
            length += PerCitation + (citation.Section?.Length ?? 0) + (citation.Excerpt?.Length ?? 0) + ParagraphLength(citation, legal);
        }
        return length;
    }

    private static long ParagraphLength(Citation citation, LegalAnchoring? legal) =>
        citation.Section is null || legal is null ? 0 : legal.Document.Find(citation.Section)?.Normalized.Length ?? 0;
}
