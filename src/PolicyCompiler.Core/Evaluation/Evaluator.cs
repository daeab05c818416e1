using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;

namespace PolicyCompiler.Evaluation;

/// <summary>
/// The reference interpreter: answers a question straight from the model, by the rules the README states
/// ("What a decision means"), and says which statements decided. Generated guards must agree with it.
/// Nothing is allowed unless a statement permits it and no prohibition applies. It knows the verbs only
/// through their descriptors: their dimensions, and the localisation hook.
/// </summary>
public sealed class Evaluator
{
    private readonly PolicyModel _model;

    public Evaluator(PolicyModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    public Decision Decide(Question question)
    {
        if (question is null) throw new ArgumentNullException(nameof(question));
        var conditions = new HashSet<string>(question.Conditions, StringComparer.Ordinal);
        var prohibiting = _model.ProhibitionsOf(question.Verb)
            .Where(p => Prohibits(p, question, conditions))
            .Select(p => new Reason(Role.Prohibits, p.Span, p.Citations))
            .ToList();
        var (permitting, restricting) = Permitting(question, conditions);

        if (prohibiting.Count > 0) return new Decision(false, prohibiting.ToEquatableArray());
        if (permitting.Count > 0) return new Decision(true, permitting.ToEquatableArray());
        return new Decision(false, restricting.ToEquatableArray());
    }

    private (List<Reason> Permitting, List<Reason> Restricting) Permitting(Question q, HashSet<string> conditions)
    {
        var permitting = new List<Reason>();
        var restricting = new List<Reason>();
        var verb = q.Verb;
        var candidates = _model.PermissionsOf(verb).Where(r => SortedNames.Contains(r.Categories, q.Category));
        if (verb.Localisation is { } localisation)
        {
            // The most specific rules that govern the person decide alone (a rule for KZ citizens, not the one
            // for everyone). A deciding rule that names other places restricts; one that names the place but
            // holds on conditions not given neither permits nor restricts (the nearest statements say what it lacks).
            var deciding = LocalisedRules.Deciding(localisation, candidates.ToList(), q);
            var anyCovers = false;
            foreach (var rule in deciding)
            {
                var covers = PermissionCovers(localisation.Decides, rule[localisation.Decides], q[localisation.Decides]);
                anyCovers |= covers;
                if (covers && Hold(rule.Conditions, conditions)) permitting.Add(new Reason(Role.Permits, rule.Span, rule.Citations));
                else if (!covers) restricting.Add(new Reason(Role.Restricts, rule.Span, rule.Citations));
            }
            // Where a deciding rule names the place, what is missing is its condition, not another place.
            if (anyCovers) restricting.Clear();
            return (permitting, restricting);
        }
        foreach (var rule in candidates)
        {
            if (verb.Dimensions.All(d => PermissionCovers(d, rule[d], q[d])) && Hold(rule.Conditions, conditions))
            {
                permitting.Add(new Reason(Role.Permits, rule.Span, rule.Citations));
            }
        }
        return (permitting, restricting);
    }

    /// <summary>
    /// Whether a permission covers a question's value in one dimension: "any" covers everything; an optional
    /// declared name the question does not ask (a sharing purpose) is not restricted by the permission; a country
    /// the question does not name, or a required value it lacks, is covered by "any" alone. A question that
    /// leaves out a dimension of the language's words asks its first (identified data).
    /// </summary>
    internal static bool PermissionCovers(DecisionDimension dimension, DimensionValues values, string? value)
    {
        if (values.Any) return true;
        value ??= dimension.Vocabulary?.Default;
        return value is null ? dimension.MayBeUnasked && !dimension.IsCountry : SortedNames.Contains(values.Names, value);
    }

    /// <summary>A prohibition applies when it covers the question in every dimension it names and none of its exceptions hold.</summary>
    private static bool Prohibits(Prohibition p, Question q, HashSet<string> conditions)
    {
        if (!SortedNames.Contains(p.Categories, q.Category)) return false;
        if (p.Unless.Any(conditions.Contains)) return false;
        for (var i = 0; i < p.Dimensions.Count; i++)
        {
            if (!p.Dimensions[i].Covers(q.Values[i])) return false;
        }
        return true;
    }

    private static bool Hold(EquatableArray<string> required, HashSet<string> conditions) => required.All(conditions.Contains);
}
