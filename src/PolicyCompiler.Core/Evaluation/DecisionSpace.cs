using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Evaluation;

/// <summary>
/// The finite space of questions one or more policies (two, for a diff) can be asked. Names come from all of
/// them: each category with each subject (collect), purpose (process), recipient with or without a purpose
/// (share), country (transfer), and citizenship and location (store). Countries are those the policies name
/// and one they do not, <see cref="OtherCountry"/>, which stands for every other country.
///
/// Decisions grow with the conditions given (a permission needs all of its conditions, a prohibition is lifted
/// by any of its <c>unless</c> conditions), so the condition sets worth asking are those the statements name:
/// none, each single condition, each permission's conditions alone and with each <c>unless</c> condition of
/// the same verb, and all conditions together.
/// </summary>
public sealed class DecisionSpace
{
    private static readonly string[] UnnamedCandidates = { "AQ", "BV", "HM", "UM", "XK" };

    private readonly IReadOnlyList<PolicyModel> _models;
    private readonly Dictionary<Verb, IReadOnlyList<EquatableArray<string>>> _conditionSets = new();

    public DecisionSpace(params PolicyModel[] models)
    {
        _models = models ?? throw new ArgumentNullException(nameof(models));
        Countries = _models.SelectMany(GuardTableSizes.NamedCountries).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
        OtherCountry = UnnamedCandidates.Concat(AllTwoLetterCodes()).First(c => !Countries.Contains(c));
    }

    /// <summary>The countries the policies name, in ordinal order.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>A country no policy names: it stands for all of them.</summary>
    public string OtherCountry { get; }

    /// <summary>Every question, without conditions (see <see cref="ConditionSets"/>).</summary>
    public IEnumerable<Question> Questions()
    {
        var none = EquatableArray<string>.Empty;
        var subjects = Names(m => m.Subjects);
        var purposes = Names(m => m.Purposes);
        var recipients = Names(m => m.Recipients);
        var countries = Countries.Append(OtherCountry).ToList();
        foreach (var category in Names(m => m.Categories))
        {
            foreach (var subject in subjects) yield return new Question(Verb.Collect, category, subject, null, null, null, null, none);
            foreach (var purpose in purposes) yield return new Question(Verb.Process, category, null, purpose, null, null, null, none);
            foreach (var recipient in recipients)
            {
                yield return new Question(Verb.Share, category, null, null, recipient, null, null, none);
                foreach (var purpose in purposes) yield return new Question(Verb.Share, category, null, purpose, recipient, null, null, none);
            }
            foreach (var country in countries) yield return new Question(Verb.Transfer, category, null, null, null, null, country, none);
            foreach (var citizenship in countries.Prepend(null))
            {
                foreach (var location in countries) yield return new Question(Verb.Store, category, null, null, null, citizenship, location, none);
            }
        }
    }

    /// <summary>The condition sets worth asking with a question of <paramref name="verb"/>, each sorted, the empty set first.</summary>
    public IReadOnlyList<EquatableArray<string>> ConditionSets(Verb verb)
    {
        if (!_conditionSets.TryGetValue(verb, out var sets)) _conditionSets.Add(verb, sets = ComputeConditionSets(verb));
        return sets;
    }

    private IReadOnlyList<EquatableArray<string>> ComputeConditionSets(Verb verb)
    {
        var none = new List<string>();
        if (verb is Verb.Collect or Verb.Store) return new[] { EquatableArray<string>.Empty };

        var all = Names(m => m.Conditions);
        var permissions = _models.SelectMany(m => PermissionConditions(m, verb)).Append(none).ToList();
        var unless = _models.SelectMany(m => m.Prohibitions).Where(p => p.Verb == verb).SelectMany(p => p.Unless).Distinct(StringComparer.Ordinal).ToList();

        var sets = new List<IEnumerable<string>> { none };
        sets.AddRange(all.Select(c => new[] { c }));
        foreach (var permission in permissions)
        {
            sets.Add(permission);
            sets.AddRange(unless.Select(u => permission.Append(u)));
        }
        sets.Add(all);
        return sets
            .Select(set => set.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToEquatableArray())
            .Distinct()
            .OrderBy(set => set.Count)
            .ThenBy(set => string.Join(",", set), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every two-letter code, for policies that name all the usual stand-ins (there are more codes than a policy can name).</summary>
    private static IEnumerable<string> AllTwoLetterCodes() =>
        Enumerable.Range('A', 26).SelectMany(a => Enumerable.Range('A', 26).Select(b => new string(new[] { (char)a, (char)b })));

    private List<string> Names(Func<PolicyModel, EquatableArray<Term>> terms) =>
        _models.SelectMany(m => terms(m)).Select(t => t.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();

    private static IEnumerable<IReadOnlyList<string>> PermissionConditions(PolicyModel model, Verb verb) => verb switch
    {
        Verb.Process => model.Processing.Select(r => (IReadOnlyList<string>)r.Conditions),
        Verb.Share => model.Sharing.Select(r => (IReadOnlyList<string>)r.Conditions),
        _ => model.Transfers.Select(r => (IReadOnlyList<string>)r.Conditions),
    };
}
