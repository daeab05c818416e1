using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using System.Text;
using PolicyCompiler.Compilation;
using PolicyCompiler.Exports;
using PolicyCompiler.Model;

namespace PolicyCompiler.Emit;

/// <summary>
/// What a policy's guards say of its consents: the notice version (<c>PolicyId</c>, <c>ContentHash</c>,
/// <c>Effective</c>), an enum of its consent clauses, <c>RecordConsent</c>, which makes a person's consent record
/// under a clause (<see cref="ConsentRecordRuntime"/>), and <c>CheckConsentRecord</c>, which tells a record given
/// under this version from one given under another.
/// </summary>
internal static class ConsentGuards
{
    private const string Runtime = "global::" + RuntimeEmitter.Namespace;

    public const string ClauseEnum = "ConsentClause";

    /// <summary>
    /// The policy's consent clauses, in the policy's order, each with its C# member (names that would be the same, or
    /// the enum's own, get a suffix): several statements of one topic are one clause, their purposes and citations together.
    /// </summary>
    private static IReadOnlyList<(string Member, string Topic, EquatableArray<string> Purposes, EquatableArray<Citation> Citations)> Clauses(PolicyModel model)
    {
        var topics = model.Consents.GroupBy(c => c.Topic, StringComparer.Ordinal).ToList();
        var members = Members(model);
        return topics.Select(g => (members[g.Key], g.Key,
                g.SelectMany(c => c.Purposes).Distinct(StringComparer.Ordinal).ToEquatableArray(),
                g.SelectMany(c => c.Citations).Distinct().ToEquatableArray()))
            .ToList();
    }

    /// <summary>The C# member of each consent clause (topic) in the clause enum.</summary>
    internal static IReadOnlyDictionary<string, string> Members(PolicyModel model) =>
        CSharpNames.Unique(model.Consents.Select(c => c.Topic).Distinct(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal) { ClauseEnum });

    /// <summary>
    /// The legal bases a consent is, in DPV's terms: consent to processing (GDPR Art. 6(1)(a) where the GDPR governs), and
    /// explicit consent (Art. 9(2)(a)) where a purpose of the clause rests on it for special categories. A clause
    /// that names no purpose (a transfer, the terms) is DPV's consent, with no article.
    /// </summary>
    private static IEnumerable<string> Bases(PolicyModel model, EquatableArray<string> purposes, IReadOnlyCollection<string> laws)
    {
        if (purposes.IsEmpty)
        {
            yield return "dpv:Consent";
            yield break;
        }
        yield return VocabularyMap.Dpv.Term("basis", "consent", laws) ?? "dpv:Consent";
        var explicitConsent = model.Purposes.Where(p => purposes.Contains(p.Name, StringComparer.Ordinal)).Any(p => p.Bases.Contains("explicit-consent"));
        if (explicitConsent && VocabularyMap.Dpv.HasOwnRow("basis", "explicit-consent", laws)) yield return VocabularyMap.Dpv.Term("basis", "explicit-consent", laws)!;
    }

    /// <summary>
    /// A clause's own version: what a person consents to (the purposes and their labels, the form, the ways to withdraw,
    /// the consequences) and the paragraphs it cites, word for word, hashed; its position and comments left out.
    /// </summary>
    private static string Hash((string Member, string Topic, EquatableArray<string> Purposes, EquatableArray<Citation> Citations) clause, CompilationResult compilation)
    {
        var model = compilation.Model!;
        var text = new StringBuilder().Append("consent\n").Append(clause.Topic).Append('\n');
        foreach (var purpose in clause.Purposes)
        {
            text.Append("purpose ").Append(purpose);
            foreach (var label in model.Purposes.Where(p => p.Name == purpose).SelectMany(p => p.Labels)) text.Append(' ').Append(label.Language).Append('=').Append(label.Text);
            text.Append('\n');
        }
        foreach (var statement in model.Consents.Where(c => c.Topic == clause.Topic))
        {
            text.Append("form ").Append(statement.Form).Append("\nwithdraw ").Append(string.Join(",", statement.WithdrawChannels))
                .Append("\nconsequences ").Append(string.Join(",", statement.Consequences)).Append('\n');
        }
        foreach (var citation in clause.Citations)
        {
            text.Append("cites ").Append(citation.Section).Append(" \"").Append(citation.Excerpt).Append("\" ")
                .Append(citation.Section is null || compilation.Legal is null ? null : compilation.Legal.Document.Find(citation.Section)?.Normalized).Append('\n');
        }
        using var sha = System.Security.Cryptography.SHA256.Create();
        return "sha256:" + Text.HashText.Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static void EmitEnum(CodeWriter w, PolicyModel model, Compilation.NameNumbers numbers, Action<string> jsonAttribute)
    {
        if (model.Consents.IsEmpty) return;
        w.Summary("The consent clauses of the policy: what RecordConsent records a person's consent under.");
        jsonAttribute(ClauseEnum);
        w.Open("public enum " + ClauseEnum);
        foreach (var (member, topic, purposes, _) in Clauses(model))
        {
            w.Summary("The consent '" + topic + "'" + (purposes.IsEmpty ? "." : ", for " + string.Join(", ", purposes) + "."));
            w.Line(member + " = " + numbers.Of(NumberedNames.Consent, topic).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
        }
        w.Close();
        w.Line();
    }

    public static void EmitMembers(CodeWriter w, CompilationResult compilation)
    {
        var model = compilation.Model!;
        w.Line();
        w.Summary("The policy's id: with the content hash, the version of the notice a consent is given under.");
        w.Line("public const string PolicyId = " + CodeWriter.Literal(model.Id) + ";");
        w.Line();
        w.Summary("The policy's content hash: its text and the legal text it cites, line endings normalised.");
        w.Line("public const string ContentHash = " + CodeWriter.Literal(GuardEmitter.ContentHash(compilation)) + ";");
        w.Line();
        w.Summary("When the policy takes effect, as it says; null where it does not.");
        w.Line("public const string? Effective = " + CodeWriter.Literal(model.Effective) + ";");
        w.Line();
        w.Summary("Whether a stored consent record was given under this version of this policy, or under another version with the same clause.");
        w.Line("public static " + Runtime + ".ConsentNoticeStatus CheckConsentRecord(" + Runtime + ".ConsentRecord record) =>");
        w.Line("    record is null ? throw new global::System.ArgumentNullException(nameof(record))");
        w.Line("    : record.PolicyId != PolicyId ? " + Runtime + ".ConsentNoticeStatus.OtherPolicy");
        w.Line("    : record.ContentHash == ContentHash ? " + Runtime + ".ConsentNoticeStatus.Current");
        w.Line("    : record.ClauseHash == ClauseHash(record.Consent) ? " + Runtime + ".ConsentNoticeStatus.SameClause : " + Runtime + ".ConsentNoticeStatus.OtherVersion;");
        w.Line();
        w.Summary("The hash of a consent clause of this version (its purposes, form, withdrawal, consequences and cited paragraphs); null for a clause it does not have.");
        w.Open("private static string? ClauseHash(string consent)");
        w.Open("switch (consent)");
        foreach (var clause in Clauses(model))
        {
            w.Line("case " + CodeWriter.Literal(clause.Topic) + ": return " + CodeWriter.Literal(Hash(clause, compilation)) + ";");
        }
        w.Line("default: return null;");
        w.Close();
        w.Close();
        if (model.Consents.IsEmpty) return;

        var laws = VocabularyMap.LawsOf(model.Jurisdiction);
        w.Line();
        w.Summary("A record of the person's consent under the clause, given at the time, bound to this version of the policy.");
        w.Open("public static " + Runtime + ".ConsentRecord RecordConsent(" + ClauseEnum + " consent, string subject, global::System.DateTimeOffset givenAt, global::System.Guid recordId)");
        w.Open("switch (consent)");
        foreach (var clause in Clauses(model))
        {
            w.Line("case " + ClauseEnum + "." + clause.Member + ":");
            w.Line(text =>
            {
                text.Append("    return new " + Runtime + ".ConsentRecord(recordId, subject, givenAt, PolicyId, ContentHash, ");
                CodeWriter.AppendLiteral(text, Hash(clause, compilation)).Append(", Effective, ");
                CodeWriter.AppendLiteral(text, model.Jurisdiction).Append(", ");
                CodeWriter.AppendLiteral(text, model.Controller is null ? null : "pc:controller").Append(", ");
                CodeWriter.AppendLiteral(text, clause.Topic).Append(", new string[] { ");
                text.Append(string.Join(", ", Bases(model, clause.Purposes, laws).Select(b => CodeWriter.Literal(b))));
                text.Append(" }, new " + Runtime + ".ConsentPurpose[] { ");
                text.Append(string.Join(", ", clause.Purposes.Select(p => "new " + Runtime + ".ConsentPurpose(" + CodeWriter.Literal(p) + ", "
                    + CodeWriter.Literal(VocabularyMap.Dpv.Term("purpose", p, laws) ?? "dpv:Purpose") + ")")));
                text.Append(" }, ");
                GuardEmitter.AppendCitationArray(text, clause.Citations, compilation.Legal).Append(");");
            });
        }
        w.Line("default:");
        w.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(consent), consent, \"not a consent clause of the policy\");");
        w.Close();
        w.Close();
    }
}
