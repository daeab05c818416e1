using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Evaluation;

/// <summary>What a statement did in a decision.</summary>
public enum Role
{
    /// <summary>The statement permits what was asked.</summary>
    Permits,

    /// <summary>The statement prohibits what was asked (a <c>never</c>).</summary>
    Prohibits,

    /// <summary>The statement governs what was asked but does not permit it (a storage rule that names other locations).</summary>
    Restricts,
}

/// <summary>A statement behind a decision: its role, where it stands in the policy, and what it cites.</summary>
public sealed record Reason(Role Role, SourceSpan Span, EquatableArray<Citation> Citations);

/// <summary>
/// The answer to a question, with the statements that decided it. A denial with no reasons means that no
/// statement permits what was asked (the default).
/// </summary>
public sealed record Decision(bool Allowed, EquatableArray<Reason> Reasons)
{
    public bool DeniedByDefault => !Allowed && Reasons.IsEmpty;
}
