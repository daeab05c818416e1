using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Diffing;

/// <summary>
/// Asks both versions of a policy every question of their common <see cref="DecisionSpace"/>, under every
/// condition set worth asking, and groups the questions whose answers differ by verb, by how they changed and by
/// the statement that made the difference.
/// </summary>
internal static class DecisionDiff
{
    public static EquatableArray<DecisionGroup> Compare(CompilationResult old, CompilationResult @new, DecisionSpace space)
    {
        var oldSide = new Side(old, inNewPolicy: false);
        var newSide = new Side(@new, inNewPolicy: true);
        var groups = new Dictionary<(DecisionVerb, DecisionShift, ChangeCause?), List<DecisionChange>>();
        var order = new List<(DecisionVerb, DecisionShift, ChangeCause?)>();

        foreach (var question in space.Questions())
        {
            var sets = space.ConditionSets(question.Verb);
            var oldAllowing = new List<EquatableArray<string>>();
            var newAllowing = new List<EquatableArray<string>>();
            Decision? oldWitness = null, newWitness = null;
            foreach (var given in sets)
            {
                var asked = question with { Conditions = given };
                var before = oldSide.Evaluator.Decide(asked);
                var after = newSide.Evaluator.Decide(asked);
                if (before.Allowed) oldAllowing.Add(given);
                if (after.Allowed) newAllowing.Add(given);
                if (before.Allowed != after.Allowed && oldWitness is null)
                {
                    oldWitness = before;
                    newWitness = after;
                }
            }
            if (oldWitness is null) continue;

            var change = new DecisionChange(question, AllowedWhen.Of(oldAllowing), AllowedWhen.Of(newAllowing));
            var shift = change.Old.Never ? DecisionShift.BecameAllowed : change.New.Never ? DecisionShift.BecameDenied : DecisionShift.ConditionsChanged;
            var cause = Cause(oldWitness, newWitness!, oldSide, newSide);
            var key = (question.Verb, shift, cause);
            if (!groups.TryGetValue(key, out var changes))
            {
                groups.Add(key, changes = new List<DecisionChange>());
                order.Add(key);
            }
            changes.Add(change);
        }

        // By verb in the schema's order, then by shift; groups of one verb and shift keep the order they were met in.
        var verbOrder = space.Verbs.Verbs.Select((verb, index) => (verb, index)).ToDictionary(p => p.verb, p => p.index);
        return order
            .OrderBy(k => verbOrder[k.Item1])
            .ThenBy(k => k.Item2)
            .Select(k => new DecisionGroup(k.Item1, k.Item2, k.Item3, groups[k].ToEquatableArray()))
            .ToEquatableArray();
    }

    /// <summary>
    /// At the first condition set where the answers differ: the new statement that permits; or else the new
    /// prohibition that denies, or the new storage rule that restricts (localisation); or else the old statement
    /// that permitted.
    /// </summary>
    private static ChangeCause? Cause(Decision old, Decision @new, Side oldSide, Side newSide)
    {
        if (@new.Allowed) return newSide.Quote(Role.Permits, @new.Reasons);
        return newSide.Quote(Role.Prohibits, @new.Reasons) ?? newSide.Quote(Role.Restricts, @new.Reasons) ?? oldSide.Quote(Role.Permits, old.Reasons);
    }

    /// <summary>One version of the policy: its evaluator, and its members by where they start, to quote them.</summary>
    private sealed class Side
    {
        private readonly Dictionary<int, MemberSyntax> _members;
        private readonly bool _inNewPolicy;

        public Side(CompilationResult compilation, bool inNewPolicy)
        {
            Evaluator = new Evaluator(compilation.Model!);
            _members = compilation.Syntax.Members.GroupBy(m => m.Span.Start).ToDictionary(g => g.Key, g => g.First());
            _inNewPolicy = inNewPolicy;
        }

        public Evaluator Evaluator { get; }

        public ChangeCause? Quote(Role role, EquatableArray<Reason> reasons)
        {
            var reason = reasons.Where(r => r.Role == role).OrderBy(r => r.Span.Start).FirstOrDefault();
            if (reason is null || !_members.TryGetValue(reason.Span.Start, out var member)) return null;
            var statement = new QuotedStatement(_inNewPolicy, SyntaxPrinter.Head(member), member.Citations.Select(SyntaxPrinter.Citation).ToEquatableArray());
            return new ChangeCause(role, statement);
        }
    }
}
