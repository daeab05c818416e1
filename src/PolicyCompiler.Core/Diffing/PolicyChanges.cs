using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Diffing;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// A change to what a policy declares or states, or to its legal text. <see cref="Area"/> is the member's keyword
/// (<c>purpose</c>, <c>right</c>, <c>retain</c>, …), <c>cites</c> for a member whose citations alone changed, or
/// <c>legal text</c>; <see cref="Name"/> says which one. <see cref="Old"/> and <see cref="New"/> are as written.
/// </summary>
public sealed record StructuralChange(string Area, ChangeKind Kind, string Name, string? Old, string? New);

/// <summary>How a decision changed: it became allowed, became denied, or is allowed under other conditions.</summary>
public enum DecisionShift
{
    BecameAllowed,
    BecameDenied,
    ConditionsChanged,
}

/// <summary>A statement quoted from one side of the diff: as written (without its citations), with its citations.</summary>
public sealed record QuotedStatement(bool InNewPolicy, string Text, EquatableArray<string> Citations);

/// <summary>
/// Why a group of decisions changed: the statement of the new policy that now permits or prohibits them, or
/// the statement of the old policy that permitted them and no longer does.
/// </summary>
public sealed record ChangeCause(Evaluation.Role Role, QuotedStatement Statement);

/// <summary>One question (without conditions) whose answer changed, with when it was and is allowed.</summary>
public sealed record DecisionChange(Question Question, AllowedWhen Old, AllowedWhen New);

/// <summary>Decisions of one verb that changed the same way for the same cause.</summary>
public sealed record DecisionGroup(DecisionVerb Verb, DecisionShift Shift, ChangeCause? Cause, EquatableArray<DecisionChange> Changes);

/// <summary>Everything that differs between two versions of a policy. Empty when they say the same.</summary>
public sealed record PolicyChanges(
    string OldPath,
    string NewPath,
    string? OtherCountry,
    EquatableArray<StructuralChange> Structure,
    EquatableArray<DecisionGroup> Decisions)
{
    public bool IsEmpty => Structure.IsEmpty && Decisions.IsEmpty;

    public int Count(DecisionShift shift) => Decisions.Where(g => g.Shift == shift).Sum(g => g.Changes.Count);
}
