using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Syntax;

/// <summary>
/// The words that start a member of a policy, with the one-line form of each (used in help texts).
/// Member keywords are reserved: a name cannot start with one, so that a statement cut short at the
/// end of a line is not silently continued by the keyword of the next one.
/// </summary>
public static class Keywords
{
    private static readonly (string Keyword, string Form)[] MemberForms =
    {
        ("title", "title ka \"…\" en \"…\" [cites …]"),
        ("controller", "controller (\"…\" | ka \"…\" en \"…\") [website \"…\"] [email \"…\"] [phone \"…\"] [address \"…\"] [dpo \"…\"] [cites …]"),
        ("effective", "effective YYYY-MM-DD [cites …]"),
        ("source", "source \"legal-text.txt\""),
        ("jurisdiction", "jurisdiction CC [cites …]"),
        ("subject", "subject <name> ka \"…\" en \"…\" cites …"),
        ("category", "category <name> ka \"…\" en \"…\" [special] cites …"),
        ("purpose", "purpose <name> ka \"…\" en \"…\" basis <legal basis> cites …"),
        ("recipient", "recipient <name> ka \"…\" en \"…\" kind <recipient kind> cites …"),
        ("tracking", "tracking <name> ka \"…\" en \"…\" kind <tracking kind> cites …"),
        ("channel", "channel <name> ka \"…\" en \"…\" [address \"…\"] cites …"),
        ("condition", "condition <name> ka \"…\" en \"…\" cites …"),
        ("collect", "collect <categories> from <subjects> [at <occasion>] [automatically] [via <trackers>] [required <requirement> [consequence <effect>] | optional] cites …"),
        ("process", "process <categories> for <purposes> [on <conditions>] cites …"),
        ("share", "share <categories> with <recipients> [for <purposes>] [on <conditions>] cites …"),
        ("transfer", "transfer <categories> to (any | CC, …) basis <transfer basis> [on <conditions>] cites …"),
        ("store", "store <categories> [of citizens CC, …] in CC, … cites …"),
        ("never", "never <verb> <categories> [from …|for …|with …|to …|of citizens …|in …] [unless <conditions>] cites …"),
        ("retain", "retain <categories> (for <duration> [after <event>] | until <event>) cites …"),
        ("right", "right <right> [for <purposes>] [via <channels>] [within <duration>] [consequence <effect>] cites …"),
        ("consent", "consent <topic> [for <purposes>] [given <form>] [withdraw via <channels>] cites …"),
        ("amendments", "amendments take-effect <duration> after <event> [notify via <channels>] cites …"),
        ("informative", "informative §<section>, … \"why it states nothing to encode\""),
    };

    private static readonly Dictionary<string, string> FormByKeyword = MemberForms.ToDictionary(f => f.Keyword, f => f.Form);

    /// <summary>Words that start a member, in the order the grammar lists them.</summary>
    public static IReadOnlyList<string> Members { get; } = MemberForms.Select(f => f.Keyword).ToArray();

    /// <summary>
    /// Words that introduce a clause after a list of names. They are reserved too, so that a list cut short
    /// (<c>process x for</c> followed by <c>cites …</c>) is an error at the gap, not a purpose named "cites".
    /// No vocabulary uses them, so they are never a word of a closed vocabulary either.
    /// </summary>
    public static ISet<string> ClauseWords { get; } = new HashSet<string>(new[]
    {
        "cites", "from", "for", "with", "on", "to", "via", "at", "in", "of", "unless", "until", "after", "within",
        "basis", "consequence", "given", "withdraw", "notify", "required", "optional",
    }, System.StringComparer.Ordinal);

    /// <summary>Words no name may start with: member keywords, clause words, and the words of the file structure.</summary>
    public static ISet<string> Reserved { get; } = new HashSet<string>(Members.Concat(ClauseWords).Concat(new[] { "policy", "test", "allow", "deny" }), System.StringComparer.Ordinal);

    public static string FormOf(string keyword) => FormByKeyword.TryGetValue(keyword, out var form) ? form : keyword;

    public static bool IsMember(string word) => FormByKeyword.ContainsKey(word);

    public static string Of(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Subject => "subject",
        DeclarationKind.Category => "category",
        DeclarationKind.Purpose => "purpose",
        DeclarationKind.Recipient => "recipient",
        DeclarationKind.Tracking => "tracking",
        DeclarationKind.Channel => "channel",
        _ => "condition",
    };

    public static string Of(Verb verb) => verb switch
    {
        Verb.Collect => "collect",
        Verb.Process => "process",
        Verb.Share => "share",
        Verb.Transfer => "transfer",
        _ => "store",
    };
}
