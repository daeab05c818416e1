using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Diffing;

/// <summary>
/// Compares what two versions of a policy declare and state, member by member, as the formatter writes them,
/// and their legal texts paragraph by paragraph.
/// <list type="bullet">
/// <item>A member has an identity: the header clause by its keyword, a declaration by its kind and name, a right by
/// the right and its purposes, a consent by its topic, a duty by the duty and whose it is, a retention rule by its categories, the amendments clause as such. When one member of an identity is
/// on each side and they are written differently, it changed; otherwise members are added or removed.</item>
/// <item>Any other statement is its own identity, so that it is added or removed (its effect on decisions is
/// what the decision diff shows).</item>
/// <item>A member (the same, or changed) whose citations differ is also a change of citations. Members are matched by
/// their text and their citations together, so two statements written alike that cite differently are two members,
/// not one seen twice.</item>
/// </list>
/// </summary>
internal static class StructureDiff
{
    public static EquatableArray<StructuralChange> Compare(CompilationResult old, CompilationResult @new)
    {
        var changes = new List<StructuralChange>();
        var before = Members(old);
        var after = Members(@new);
        foreach (var identity in before.Keys.Union(after.Keys).OrderBy(k => k.Area, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            var olds = before.TryGetValue(identity, out var o) ? o : new List<Written>();
            var news = after.TryGetValue(identity, out var n) ? n : new List<Written>();
            if (olds.Count == 1 && news.Count == 1 && olds[0].Head != news[0].Head)
            {
                changes.Add(new StructuralChange(identity.Area, ChangeKind.Changed, identity.Name, olds[0].Head, news[0].Head));
                if (olds[0].Citations != news[0].Citations) changes.Add(new StructuralChange("cites", ChangeKind.Changed, news[0].Head, olds[0].Citations, news[0].Citations));
                continue;
            }
            changes.AddRange(Matched(identity, olds, news));
        }
        changes.AddRange(LegalText(old, @new));
        return changes.ToEquatableArray();
    }

    /// <summary>
    /// The changes among members of one identity, matched as multisets: a member written the same with the same
    /// citations on both sides is unchanged (however many there are, in whatever order); then members written the
    /// same are paired in order as changes of citations; what is left is removed or added.
    /// </summary>
    private static IEnumerable<StructuralChange> Matched(Identity identity, List<Written> olds, List<Written> news)
    {
        // Counted, not searched: a policy may repeat one statement thousands of times, and each pass is linear.
        var unmatchedNew = news.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var oldLeft = new List<Written>();
        foreach (var member in olds)
        {
            if (unmatchedNew.TryGetValue(member, out var count) && count > 0) unmatchedNew[member] = count - 1;
            else oldLeft.Add(member);
        }
        // The new members not matched: of each, the last ones written (the first ones matched the old side).
        var matchedNew = news.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count() - unmatchedNew[g.Key]);
        var newLeft = new List<Written>();
        foreach (var member in news)
        {
            if (matchedNew[member] > 0) matchedNew[member]--;
            else newLeft.Add(member);
        }
        // Then members written alike are paired in order, as changes of their citations.
        var recitedByHead = Enumerable.Range(0, newLeft.Count).GroupBy(i => newLeft[i].Head, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<int>(g), StringComparer.Ordinal);
        var recited = new bool[newLeft.Count];
        var removed = new List<Written>();
        foreach (var member in oldLeft)
        {
            if (recitedByHead.TryGetValue(member.Head, out var queue) && queue.Count > 0)
            {
                var index = queue.Dequeue();
                recited[index] = true;
                yield return new StructuralChange("cites", ChangeKind.Changed, member.Head, member.Citations, newLeft[index].Citations);
            }
            else
            {
                removed.Add(member);
            }
        }
        foreach (var member in removed) yield return new StructuralChange(identity.Area, ChangeKind.Removed, identity.Name, member.Head, null);
        for (var i = 0; i < newLeft.Count; i++)
        {
            if (!recited[i]) yield return new StructuralChange(identity.Area, ChangeKind.Added, identity.Name, null, newLeft[i].Head);
        }
    }

    private sealed record Identity(string Area, string Name);

    private sealed record Written(string Head, string Citations);

    private static Dictionary<Identity, List<Written>> Members(CompilationResult compilation)
    {
        var members = new Dictionary<Identity, List<Written>>();
        foreach (var member in compilation.Syntax.Members)
        {
            var head = SyntaxPrinter.Head(member);
            var identity = IdentityOf(member, head);
            if (!members.TryGetValue(identity, out var list)) members.Add(identity, list = new List<Written>());
            list.Add(new Written(head, string.Join(", ", member.Citations.Select(SyntaxPrinter.Citation))));
        }
        return members;
    }

    private static Identity IdentityOf(MemberSyntax member, string head) => member switch
    {
        TitleSyntax or ControllerSyntax or AuthoritySyntax or EffectiveSyntax or SourceSyntax or JurisdictionSyntax or LawsSyntax or AmendmentsSyntax => new Identity(member.Keyword, member.Keyword),
        DeclarationSyntax declaration => new Identity(member.Keyword, declaration.Name.Text),
        // A right is known by the right and its purposes (one member of the rights interface each): new channels,
        // timing or consequences are a change of it.
        RightSyntax right => new Identity(member.Keyword, right.Right.Text
            + (right.Purposes.IsEmpty ? string.Empty : " for " + string.Join(", ", right.Purposes.Select(p => p.Text).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal)))),
        ConsentSyntax consent => new Identity(member.Keyword, consent.Topic.Text),
        DutySyntax duty => new Identity(member.Keyword, duty.Duty.Text + (duty.By is null ? string.Empty : " by " + duty.By.Text)),
        GroupSyntax group => new Identity(member.Keyword, group.Name.Text),
        // A retention is known by what it answers for (its data, purposes and conditions): a new end is a change of it.
        RetainSyntax retain => new Identity(member.Keyword, SyntaxPrinter.Patterns(retain.Categories)
            + (retain.Purposes.IsEmpty ? string.Empty : " for " + string.Join(", ", retain.Purposes.Select(p => p.Text).OrderBy(p => p, StringComparer.Ordinal)))
            + (retain.Conditions.IsEmpty ? string.Empty : " on " + string.Join(", ", retain.Conditions.Select(c => c.Text).OrderBy(c => c, StringComparer.Ordinal)))),
        _ => new Identity(member.Keyword, head),
    };

    /// <summary>Paragraphs added, removed or changed, by id; a changed legal source is a change of its own.</summary>
    private static IEnumerable<StructuralChange> LegalText(CompilationResult old, CompilationResult @new)
    {
        var before = old.Legal?.Document.Paragraphs.ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal) ?? new Dictionary<string, string>();
        var after = @new.Legal?.Document.Paragraphs.ToDictionary(p => p.Id, p => p.Text, StringComparer.Ordinal) ?? new Dictionary<string, string>();
        var ids = (old.Legal?.Document.Paragraphs.Select(p => p.Id) ?? Enumerable.Empty<string>())
            .Concat(@new.Legal?.Document.Paragraphs.Select(p => p.Id) ?? Enumerable.Empty<string>())
            .Distinct(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var had = before.TryGetValue(id, out var was);
            var has = after.TryGetValue(id, out var now);
            if (had && has && was != now) yield return new StructuralChange("legal text", ChangeKind.Changed, "§" + id, was, now);
            else if (had && !has) yield return new StructuralChange("legal text", ChangeKind.Removed, "§" + id, was, null);
            else if (!had && has) yield return new StructuralChange("legal text", ChangeKind.Added, "§" + id, null, now);
        }
    }
}
