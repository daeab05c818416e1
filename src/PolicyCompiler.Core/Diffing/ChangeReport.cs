using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Docs;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Diffing;

/// <summary>
/// Writes a <see cref="PolicyChanges"/> for people: plain text for a terminal, or Markdown for a pull-request
/// comment. Both say the same in the same order; only the markup differs, and Markdown escapes everything
/// that comes from the policies.
/// </summary>
public static class ChangeReport
{
    public static string Text(PolicyChanges changes) => Write(changes, new PlainMarkup());

    public static string Markdown(PolicyChanges changes) => Write(changes, new MarkdownMarkup());

    private static string Write(PolicyChanges changes, Markup markup)
    {
        markup.Title($"Policy diff: {changes.OldPath} → {changes.NewPath}");
        if (changes.IsEmpty)
        {
            markup.Line("No changes: both versions declare, state and decide the same.");
            return markup.ToString();
        }

        markup.Heading(changes.Structure.IsEmpty ? "Declarations and statements: unchanged" : $"Declarations and statements: {changes.Structure.Count} change(s)");
        foreach (var change in changes.Structure) markup.Item(Describe(change, markup));

        markup.Heading(string.Format(CultureInfo.InvariantCulture, "Decisions: {0} became allowed, {1} became denied, {2} allowed under other conditions",
            changes.Count(DecisionShift.BecameAllowed), changes.Count(DecisionShift.BecameDenied), changes.Count(DecisionShift.ConditionsChanged)));
        foreach (var group in changes.Decisions)
        {
            markup.Subheading($"{group.Verb.Keyword}: {Shift(group.Shift)} ({group.Changes.Count}){Cause(group.Cause, markup)}");
            foreach (var line in Merge(group, changes.OtherCountry, markup)) markup.Item(line);
        }
        return markup.ToString();
    }

    private static string Describe(StructuralChange change, Markup markup)
    {
        var sign = markup.Sign(change.Kind);
        // A statement that is its own identity (see StructureDiff) is named by quoting it.
        if (change.Kind != ChangeKind.Changed && change.Name == (change.New ?? change.Old)) return $"{sign} {markup.Quote(change.Name)}";
        var what = change.Area switch
        {
            "cites" => "citations of " + markup.Quote(change.Name),
            "legal text" => "legal text " + markup.Text(change.Name),
            _ => markup.Text(change.Area + " " + change.Name),
        };
        var detail = change.Kind switch
        {
            ChangeKind.Added => markup.Quote(change.New!),
            ChangeKind.Removed => markup.Quote(change.Old!),
            ChangeKind.Changed => markup.Quote(change.Old!) + " → " + markup.Quote(change.New!),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "not a kind of change"),
        };
        return $"{sign} {what}: {detail}";
    }

    private static string Shift(DecisionShift shift) => shift switch
    {
        DecisionShift.BecameAllowed => "became allowed",
        DecisionShift.BecameDenied => "became denied",
        DecisionShift.ConditionsChanged => "allowed under other conditions",
        _ => throw new ArgumentOutOfRangeException(nameof(shift), shift, "not a shift"),
    };

    private static string Cause(ChangeCause? cause, Markup markup)
    {
        if (cause is null) return string.Empty;
        var statement = cause.Statement;
        var how = (cause.Role, statement.InNewPolicy) switch
        {
            (Evaluation.Role.Prohibits, _) => "prohibited by",
            (Evaluation.Role.Restricts, _) => "restricted by",
            (Evaluation.Role.Permits, true) => "permitted by",
            (Evaluation.Role.Permits, false) => "no longer permitted by the old policy's",
            _ => throw new ArgumentOutOfRangeException(nameof(cause), cause.Role, "not a role"),
        };
        var cites = statement.Citations.IsEmpty ? string.Empty : " (" + markup.Text(string.Join(", ", statement.Citations)) + ")";
        return ", " + how + " " + markup.Quote(statement.Text) + cites;
    }

    /// <summary>The group's questions, one line per question that differs only in its category, with the categories listed.</summary>
    private static IEnumerable<string> Merge(DecisionGroup group, string? otherCountry, Markup markup) =>
        group.Changes
            .GroupBy(c => (Qualifiers: Question(c.Question, otherCountry), When: When(c)))
            .Select(g => markup.Text(group.Verb.Keyword + " " + string.Join(", ", g.Select(c => c.Question.Category)) + g.Key.Qualifiers + g.Key.When));

    private static string Question(Model.Question q, string? otherCountry)
    {
        var text = new System.Text.StringBuilder();
        for (var d = 0; d < q.Verb.Dimensions.Count; d++)
        {
            var dimension = q.Verb.Dimensions[d];
            if (q.Values[d] is not { } value)
            {
                // A required dimension is always asked; an optional one not asked is left out.
                if (dimension.Required) throw new ArgumentException("a question of '" + q.Verb.Keyword + "' without its " + dimension.Name, nameof(q));
                continue;
            }
            // Identified data is what a question without 'as' asks: it reads as the question without it.
            if (value == dimension.Vocabulary?.Default) continue;
            text.Append(' ').Append(dimension.Word).Append(' ').Append(dimension.IsCountry && value == otherCountry ? "any other country" : value);
        }
        return text.ToString();
    }

    /// <summary>When the conditions matter: what they were and are; nothing for a plain never/always flip.</summary>
    private static string When(DecisionChange change)
    {
        if ((change.Old.Never && change.New.Always) || (change.Old.Always && change.New.Never)) return string.Empty;
        return $" (was: {change.Old}; now: {change.New})";
    }

    private abstract class Markup
    {
        protected StringBuilder Output { get; } = new();

        public abstract void Title(string text);

        public abstract void Heading(string text);

        public abstract void Subheading(string text);

        public abstract void Item(string formatted);

        /// <summary>How an item says it was added, removed or changed.</summary>
        public abstract string Sign(ChangeKind kind);

        public void Line(string text) => Output.Append(Text(text)).Append('\n');

        /// <summary>Text from a policy, made safe for the format.</summary>
        public abstract string Text(string text);

        /// <summary>Policy text quoted as written (a statement, a citation, a paragraph).</summary>
        public abstract string Quote(string text);

        public override string ToString() => Output.ToString();
    }

    private sealed class PlainMarkup : Markup
    {
        public override void Title(string text) => Output.Append(text).Append('\n');

        public override void Heading(string text) => Output.Append('\n').Append(text).Append('\n');

        public override void Subheading(string text) => Output.Append("  ").Append(text).Append('\n');

        public override void Item(string formatted) => Output.Append("    ").Append(formatted).Append('\n');

        public override string Sign(ChangeKind kind) => kind switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", ChangeKind.Changed => "~", _ => throw new ArgumentOutOfRangeException(nameof(kind)) };

        public override string Text(string text) => text;

        public override string Quote(string text) => "`" + text + "`";
    }

    private sealed class MarkdownMarkup : Markup
    {
        public override void Title(string text) => Output.Append("## ").Append(MarkdownText.Inline(text)).Append('\n');

        public override void Heading(string text) => Output.Append("\n### ").Append(MarkdownText.Inline(text)).Append("\n\n");

        public override void Subheading(string text) => Output.Append("\n**").Append(text).Append("**\n\n");

        public override void Item(string formatted) => Output.Append("- ").Append(formatted).Append('\n');

        /// <summary>Words, since a leading + or - would start a nested list.</summary>
        public override string Sign(ChangeKind kind) => kind switch { ChangeKind.Added => "**added**", ChangeKind.Removed => "**removed**", ChangeKind.Changed => "**changed**", _ => throw new ArgumentOutOfRangeException(nameof(kind)) };

        public override string Text(string text) => MarkdownText.Inline(text);

        /// <summary>A code span, which shows any text as it is, unless the text has a backtick that would end it.</summary>
        public override string Quote(string text) => text.IndexOf('`') < 0 ? "`" + text + "`" : MarkdownText.Inline(text);
    }
}
