using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Evaluation;

/// <summary>
/// The reference interpreter: answers a question straight from the model, by the rules the README states
/// ("What a decision means"), and says which statements decided. Generated guards must agree with it.
/// Nothing is allowed unless a statement permits it and no prohibition applies.
/// </summary>
public sealed class Evaluator
{
    private readonly PolicyModel _model;

    public Evaluator(PolicyModel model) => _model = model ?? throw new ArgumentNullException(nameof(model));

    public Decision Decide(Question question)
    {
        if (question is null) throw new ArgumentNullException(nameof(question));
        var conditions = new HashSet<string>(question.Conditions, StringComparer.Ordinal);
        var prohibiting = _model.Prohibitions
            .Where(p => p.Verb == question.Verb && Prohibits(p, question, conditions))
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
        switch (q.Verb)
        {
            case Verb.Collect:
                foreach (var rule in _model.Collections)
                {
                    if (Has(rule.Categories, q.Category) && Has(rule.Subjects, q.Subject)) permitting.Add(new Reason(Role.Permits, rule.Span, rule.Citations));
                }
                break;
            case Verb.Process:
                foreach (var rule in _model.Processing)
                {
                    if (Has(rule.Categories, q.Category) && Has(rule.Purposes, q.Purpose) && Hold(rule.Conditions, conditions))
                    {
                        permitting.Add(new Reason(Role.Permits, rule.Span, rule.Citations));
                    }
                }
                break;
            case Verb.Share:
                foreach (var rule in _model.Sharing)
                {
                    if (Has(rule.Categories, q.Category) && Has(rule.Recipients, q.Recipient)
                        && (rule.Purposes.IsEmpty || q.Purpose is null || Has(rule.Purposes, q.Purpose)) && Hold(rule.Conditions, conditions))
                    {
                        permitting.Add(new Reason(Role.Permits, rule.Span, rule.Citations));
                    }
                }
                break;
            case Verb.Transfer:
                foreach (var rule in _model.Transfers)
                {
                    if (Has(rule.Categories, q.Category) && (rule.AnyCountry || Has(rule.Countries, q.Country)) && Hold(rule.Conditions, conditions))
                    {
                        permitting.Add(new Reason(Role.Permits, rule.Span, rule.Citations));
                    }
                }
                break;
            case Verb.Store:
                // A localisation rule for the person's citizenship is specific and decides alone; otherwise the
                // rules that name no citizenship do.
                var applicable = _model.Storage.Where(r => Has(r.Categories, q.Category)).ToList();
                var specific = q.Citizenship is null ? new List<StorageRule>() : applicable.Where(r => Has(r.Citizenships, q.Citizenship)).ToList();
                var deciding = specific.Count > 0 ? specific : applicable.Where(r => r.Citizenships.IsEmpty).ToList();
                foreach (var rule in deciding)
                {
                    var reason = new Reason(Has(rule.Locations, q.Country) ? Role.Permits : Role.Restricts, rule.Span, rule.Citations);
                    (reason.Role == Role.Permits ? permitting : restricting).Add(reason);
                }
                break;
        }
        return (permitting, restricting);
    }

    /// <summary>A prohibition applies when it covers the question in every dimension it names and none of its exceptions hold.</summary>
    private static bool Prohibits(Prohibition p, Question q, HashSet<string> conditions)
    {
        if (!Has(p.Categories, q.Category)) return false;
        if (p.Unless.Any(conditions.Contains)) return false;
        return q.Verb switch
        {
            Verb.Collect => Covers(p.Subjects, q.Subject),
            Verb.Process => Covers(p.Purposes, q.Purpose),
            Verb.Share => Covers(p.Recipients, q.Recipient) && Covers(p.Purposes, q.Purpose),
            Verb.Transfer => Covers(p.Countries, q.Country),
            _ => Covers(p.Citizenships, q.Citizenship) && Covers(p.Countries, q.Country),
        };
    }

    /// <summary>An empty qualifier covers anything; a named one covers only what the question names.</summary>
    private static bool Covers(EquatableArray<string> qualifier, string? value) => qualifier.IsEmpty || Has(qualifier, value);

    private static bool Hold(EquatableArray<string> required, HashSet<string> conditions) => required.All(conditions.Contains);

    /// <summary>Whether a sorted list of names holds the value.</summary>
    private static bool Has(EquatableArray<string> sorted, string? value)
    {
        if (value is null) return false;
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >> 1;
            var order = string.CompareOrdinal(sorted[mid], value);
            if (order == 0) return true;
            if (order < 0) low = mid + 1;
            else high = mid - 1;
        }
        return false;
    }
}
