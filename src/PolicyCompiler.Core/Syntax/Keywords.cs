using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Model;

namespace PolicyCompiler.Syntax;

/// <summary>
/// The words that start a member of a policy, with the one-line form of each (used in help texts).
/// Member keywords are reserved: a name cannot start with one, so that a statement cut short at the
/// end of a line is not silently continued by the keyword of the next one.
/// </summary>
public static class Keywords
{
    // The members before the decision statements (header and declarations) and after them (descriptive
    // statements); the decision statements and their forms come from the verb schema.
    private static readonly (string Keyword, string Form)[] LeadingForms =
    {
        ("title", "title ka \"…\" en \"…\" [cites …]"),
        ("controller", "controller (\"…\" | ka \"…\" en \"…\") [website \"…\"] [email \"…\"] [phone \"…\"] [address \"…\"] [dpo \"…\"] [cites …]"),
        ("supervisory-authority", "supervisory-authority (\"…\" | ka \"…\" en \"…\") [website \"…\"] [email \"…\"] [phone \"…\"] [address \"…\"] [cites …]"),
        ("effective", "effective YYYY-MM-DD [cites …]"),
        ("source", "source \"legal-text.txt\""),
        ("jurisdiction", "jurisdiction CC [cites …]"),
        ("laws", "laws <law>, … [cites …]"),
        ("subject", "subject <name> ka \"…\" en \"…\" cites …"),
        ("category", "category <name> ka \"…\" en \"…\" [special] cites …"),
        ("purpose", "purpose <name> ka \"…\" en \"…\" [kind direct-marketing, profiling] [basis <legal basis>, …] cites …"),
        ("recipient", "recipient <name> ka \"…\" en \"…\" kind <recipient kind> cites …"),
        ("tracking", "tracking <name> ka \"…\" en \"…\" kind <tracking kind> cites …"),
        ("channel", "channel <name> ka \"…\" en \"…\" [address \"…\"] cites …"),
        ("condition", "condition <name> ka \"…\" en \"…\" cites …"),
        ("event", "event <name> ka \"…\" en \"…\" [cites …]"),
        ("effect", "effect <name> ka \"…\" en \"…\" [cites …]"),
        ("group", "group <name> categories|purposes|recipients|countries <list> [ka \"…\" en \"…\"] [cites …]"),
    };

    private static readonly (string Keyword, string Form)[] TrailingForms =
    {
        ("retain", "retain <categories> [for <purposes>] (for <duration> [after <event>] | until <event>) [or …] [whichever (first | later)] [then (delete | anonymise)] [on <conditions>] cites …"),
        ("right", "right <right> [for <purposes>] [via <channels> [else <channels>] …] [at-any-time | within <duration>] [requires <conditions>] [consequence <effects>] [on <conditions>] cites …"),
        ("consent", "consent <topic> [for <purposes>] [given <form>] [withdraw via <channels>] [consequence <effects>] cites …"),
        ("duty", "duty <duty> [by <subject>] [ka \"…\" en \"…\"] cites …"),
        ("amendments", "amendments take-effect [within] <duration> after <event> [notify via <channels> | without-notice] cites …"),
        ("informative", "informative §<section>, … \"why it states nothing to encode\""),
        ("note", "note (\"…\" | ka \"…\" en \"…\") cites …"),
        ("acknowledge", "acknowledge [<law>:]<check>, … \"why the text gives no such information\""),
    };

    /// <summary>The member keywords of a schema in the order the grammar lists them: header, declarations, the verbs and <c>never</c>, the rest.</summary>
    internal static IReadOnlyList<string> MembersOf(VerbSchema schema) =>
        LeadingForms.Select(f => f.Keyword).Concat(schema.Verbs.Select(v => v.Keyword)).Append("never").Concat(TrailingForms.Select(f => f.Keyword)).ToArray();

    /// <summary>The one-line form of each member of a schema, by keyword.</summary>
    internal static IReadOnlyDictionary<string, string> FormsOf(VerbSchema schema)
    {
        var forms = LeadingForms.Concat(TrailingForms).ToDictionary(f => f.Keyword, f => f.Form, System.StringComparer.Ordinal);
        foreach (var verb in schema.Verbs) forms.Add(verb.Keyword, verb.Form());
        forms.Add("never", "never <verb> <categories> [" + string.Join("|", schema.DimensionWords().Select(w => w + " …")) + "] [unless <conditions>] cites …");
        return forms;
    }

    private static readonly IReadOnlyDictionary<string, string> FormByKeyword = FormsOf(VerbSchema.Default);

    /// <summary>Words that start a member, in the order the grammar lists them.</summary>
    public static IReadOnlyList<string> Members { get; } = MembersOf(VerbSchema.Default);

    /// <summary>
    /// Words that introduce a clause after a list of names. They are reserved too, so that a list cut short
    /// (<c>process x for</c> followed by <c>cites …</c>) is an error at the gap, not a purpose named "cites".
    /// No vocabulary uses them, so they are never a word of a closed vocabulary either.
    /// </summary>
    private static readonly HashSet<string> ClauseWordSet = new(new[]
    {
        "cites", "from", "for", "with", "on", "to", "via", "at", "in", "of", "unless", "until", "after", "within",
        "basis", "safeguard", "consequence", "given", "withdraw", "notify", "required", "optional", "except", "by", "origin",
        "or", "whichever", "then", "without-notice", "else", "requires", "at-any-time", "such-as",
    }.Concat(VerbSchema.Default.DimensionWords().Select(w => w.Split(' ')[0])), System.StringComparer.Ordinal);

    private static readonly HashSet<string> ReservedSet = new(Members.Concat(ClauseWordSet).Concat(new[] { "policy", "test", "allow", "deny", "expect" }), System.StringComparer.Ordinal);

    /// <summary>The clause words, in ordinal order.</summary>
    public static IReadOnlyList<string> ClauseWords { get; } = ClauseWordSet.OrderBy(w => w, System.StringComparer.Ordinal).ToArray();

    /// <summary>Words no name may start with: member keywords, clause words, and the words of the file structure; in ordinal order.</summary>
    public static IReadOnlyList<string> Reserved { get; } = ReservedSet.OrderBy(w => w, System.StringComparer.Ordinal).ToArray();

    public static bool IsClauseWord(string word) => ClauseWordSet.Contains(word);

    public static bool IsReserved(string word) => ReservedSet.Contains(word);

    public static string FormOf(string keyword) => FormByKeyword.TryGetValue(keyword, out var form) ? form : keyword;

    public static string Of(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Subject => "subject",
        DeclarationKind.Category => "category",
        DeclarationKind.Purpose => "purpose",
        DeclarationKind.Recipient => "recipient",
        DeclarationKind.Tracking => "tracking",
        DeclarationKind.Channel => "channel",
        DeclarationKind.Condition => "condition",
        DeclarationKind.Event => "event",
        DeclarationKind.Effect => "effect",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "not a declaration kind"),
    };
}
