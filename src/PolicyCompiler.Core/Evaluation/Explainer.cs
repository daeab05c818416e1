using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Binding;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Model;
using PolicyCompiler.Parsing;
using PolicyCompiler.Text;

namespace PolicyCompiler.Evaluation;

/// <summary>A question asked of a compiled policy, its decision, and the decision in words.</summary>
public sealed record Explanation(Question Question, Decision Decision, string Text);

/// <summary>
/// Answers a question written as in a test block (<c>process contact.email for marketing</c>) and explains the
/// answer with the statements behind it, their citations and the legal text they cite.
/// </summary>
public static class Explainer
{
    public static (Explanation? Explanation, IReadOnlyList<Diagnostic> Diagnostics) Ask(CompilationResult policy, string question)
    {
        if (policy?.Model is null) throw new ArgumentException("the policy did not compile", nameof(policy));
        var text = new SourceText(question ?? string.Empty, "question");
        var verbs = policy.Model.Verbs;
        var parsed = PolicyParser.ParseProduction(DecisionGrammar.For(verbs).Question, text, out var lexical);
        if (lexical.Count > 0) return (null, lexical);
        if (!parsed.WasSuccessful || !parsed.Remainder.AtEnd)
        {
            var at = parsed.Remainder.Position;
            var expected = parsed.WasSuccessful ? "end of the question" : string.Join(" or ", parsed.Expectations.Distinct());
            var error = DiagnosticBuilder.At(text, text.SpanOf(at, 0)).SyntaxError(expected, Tokens.Describe(text.Text, at),
                "Ask as a test block does: " + string.Join(" | ", verbs.Verbs.Select(v => v.QuestionForm())));
            return (null, new[] { error });
        }
        var (bound, diagnostics) = Binder.BindQuestion(policy.Syntax, parsed.Value, text);
        if (diagnostics.Count > 0) return (null, diagnostics);
        var decision = new Evaluator(policy.Model).Decide(bound);
        return (new Explanation(bound, decision, Format(policy, question!.Trim(), bound, decision)), Array.Empty<Diagnostic>());
    }

    /// <summary>
    /// A decision in words: the question as written, the answer, and the statements and legal text behind it;
    /// for a question no statement permits, the nearest statements and what they lack.
    /// </summary>
    public static string Format(CompilationResult policy, string written, Question question, Decision decision)
    {
        if (policy?.Model is null) throw new ArgumentException("the policy did not compile", nameof(policy));
        if (question is null) throw new ArgumentNullException(nameof(question));
        if (decision is null) throw new ArgumentNullException(nameof(decision));
        var text = new StringBuilder();
        text.Append(written).Append(": ").Append(decision.Allowed ? "allowed" : "denied").Append('\n');
        if (decision.DeniedByDefault)
        {
            text.Append("  no statement of the policy permits it (what is not permitted is refused)\n");
            foreach (var near in NearestStatements.Of(policy.Model, question))
            {
                text.Append("  nearest, line ").Append(Line(near.Statement)).Append(": ").Append(StatementText.Of(policy.Text, near.Statement.Span, near.Statement.Citations)).Append('\n');
                foreach (var missing in near.Missing) text.Append("    ").Append(missing).Append('\n');
            }
        }
        foreach (var reason in decision.Reasons)
        {
            text.Append("  ").Append(RoleWords(reason.Role)).Append(" line ").Append(reason.Span.Line.ToString(CultureInfo.InvariantCulture)).Append(": ")
                .Append(StatementText.Of(policy.Text, reason.Span, reason.Citations)).Append('\n');
            foreach (var citation in reason.Citations)
            {
                text.Append("    cites ").Append(StatementText.Of(citation)).Append('\n');
                var paragraph = citation.Section is null ? null : policy.Legal?.Document.Find(citation.Section);
                if (paragraph is not null) text.Append("      §").Append(paragraph.Id).Append(": ").Append(paragraph.Normalized).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// A decision's reasons on one line, for a diagnostic message: the statements, where they stand, and what they
    /// cite; for a question no statement permits, the nearest statement and what it lacks.
    /// </summary>
    public static string Summarize(CompilationResult policy, Question question, Decision decision)
    {
        if (policy?.Model is null) throw new ArgumentException("the policy did not compile", nameof(policy));
        if (question is null) throw new ArgumentNullException(nameof(question));
        if (decision is null) throw new ArgumentNullException(nameof(decision));
        if (decision.DeniedByDefault)
        {
            var nearest = NearestStatements.Of(policy.Model, question).FirstOrDefault();
            var none = "no statement of " + FileName(policy.Text.Path) + " permits it";
            return nearest is null ? none : none + "; nearest, line " + Line(nearest.Statement) + ": "
                + StatementText.Of(policy.Text, nearest.Statement.Span, nearest.Statement.Citations) + " (" + string.Join("; ", nearest.Missing) + ")";
        }
        return string.Join("; ", decision.Reasons.Select(reason =>
        {
            var cites = reason.Citations.IsEmpty ? string.Empty : " (cites " + string.Join(", ", reason.Citations.Select(StatementText.Of)) + ")";
            return RoleWords(reason.Role) + " " + FileName(policy.Text.Path) + " line " + reason.Span.Line.ToString(CultureInfo.InvariantCulture) + ": "
                + StatementText.Of(policy.Text, reason.Span, reason.Citations) + cites;
        }));
    }

    private static string Line(Permission statement) => statement.Span.Line.ToString(CultureInfo.InvariantCulture);

    private static string RoleWords(Role role) => role switch
    {
        Role.Permits => "permitted by",
        Role.Prohibits => "prohibited by",
        // Only a localisation rule restricts (see Localisation): it governs the question and names other locations.
        Role.Restricts => "not among the locations of",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role"),
    };

    private static string FileName(string path) => path.Substring(path.Replace('\\', '/').LastIndexOf('/') + 1);
}
