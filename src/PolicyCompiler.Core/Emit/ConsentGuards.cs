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
        var members = CSharpNames.Unique(topics.Select(g => g.Key), new HashSet<string>(StringComparer.Ordinal) { ClauseEnum });
        return topics.Select(g => (members[g.Key], g.Key,
                g.SelectMany(c => c.Purposes).Distinct(StringComparer.Ordinal).ToEquatableArray(),
                g.SelectMany(c => c.Citations).Distinct().ToEquatableArray()))
            .ToList();
    }

    public static void EmitEnum(CodeWriter w, PolicyModel model)
    {
        if (model.Consents.IsEmpty) return;
        w.Summary("The consent clauses of the policy: what RecordConsent records a person's consent under.");
        w.Open("public enum " + ClauseEnum);
        var value = 0;
        foreach (var (member, topic, purposes, _) in Clauses(model))
        {
            w.Summary("The consent '" + topic + "'" + (purposes.IsEmpty ? "." : ", for " + string.Join(", ", purposes) + "."));
            w.Line(member + " = " + (value++).ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
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
        w.Summary("Whether a stored consent record was given under this version of this policy.");
        w.Line("public static " + Runtime + ".ConsentNoticeStatus CheckConsentRecord(" + Runtime + ".ConsentRecord record) =>");
        w.Line("    record is null ? throw new global::System.ArgumentNullException(nameof(record))");
        w.Line("    : record.PolicyId != PolicyId ? " + Runtime + ".ConsentNoticeStatus.OtherPolicy");
        w.Line("    : record.ContentHash == ContentHash ? " + Runtime + ".ConsentNoticeStatus.Current : " + Runtime + ".ConsentNoticeStatus.OtherVersion;");
        if (model.Consents.IsEmpty) return;

        var laws = VocabularyMap.LawsOf(model.Jurisdiction);
        var basis = VocabularyMap.Dpv.Term("basis", "consent", laws) ?? "dpv:Consent";
        w.Line();
        w.Summary("A record of the person's consent under the clause, given at the time, bound to this version of the policy.");
        w.Open("public static " + Runtime + ".ConsentRecord RecordConsent(" + ClauseEnum + " consent, string subject, global::System.DateTimeOffset givenAt, global::System.Guid recordId)");
        w.Open("switch (consent)");
        foreach (var (member, topic, purposes, citations) in Clauses(model))
        {
            w.Line("case " + ClauseEnum + "." + member + ":");
            w.Line(text =>
            {
                text.Append("    return new " + Runtime + ".ConsentRecord(recordId, subject, givenAt, PolicyId, ContentHash, Effective, ");
                CodeWriter.AppendLiteral(text, model.Jurisdiction).Append(", ");
                CodeWriter.AppendLiteral(text, topic).Append(", ");
                CodeWriter.AppendLiteral(text, basis).Append(", new " + Runtime + ".ConsentPurpose[] { ");
                text.Append(string.Join(", ", purposes.Select(p => "new " + Runtime + ".ConsentPurpose(" + CodeWriter.Literal(p) + ", "
                    + CodeWriter.Literal(VocabularyMap.Dpv.Term("purpose", p, laws) ?? "dpv:Purpose") + ")")));
                text.Append(" }, ");
                GuardEmitter.AppendCitationArray(text, citations, compilation.Legal).Append(");");
            });
        }
        w.Line("default:");
        w.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(consent), consent, \"not a consent clause of the policy\");");
        w.Close();
        w.Close();
    }
}
