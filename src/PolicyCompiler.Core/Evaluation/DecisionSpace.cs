using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Evaluation;

/// <summary>
/// The finite space of questions one or more policies (two, for a diff) can be asked. Names come from all of
/// them: each category with every combination of the values of its verb's dimensions — each declared name of
/// a dimension's kind (and "not asked" where the dimension is optional), the first word of each run of a dimension of
/// the language's words that the policies do not tell apart, each country. The countries of a dimension are
/// those the policies' rules name in it (<see cref="CountrySlots"/>) and one no policy names,
/// <see cref="OtherCountry"/>, which stands for every other country; an optional country dimension is also
/// asked without a country. A country named only as a transfer's destination decides storage as any other
/// country does, so a policy that transfers to THIRD-COUNTRIES does not ask its storage 230² places.
///
/// Decisions grow with the conditions given (a permission needs all of its conditions, a prohibition is lifted
/// by any of its <c>unless</c> conditions), so the condition sets worth asking are those the statements name:
/// none, each single condition, each permission's conditions alone and with each <c>unless</c> condition of
/// the same verb, and all conditions together.
/// </summary>
public sealed class DecisionSpace
{
    private static readonly string[] UnnamedCandidates = { "AQ", "BV", "HM", "UM" };

    private readonly IReadOnlyList<PolicyModel> _models;
    private readonly IReadOnlyDictionary<DecisionVerb, IReadOnlyList<EquatableArray<string>>> _conditionSets;
    private readonly IReadOnlyDictionary<DecisionDimension, List<string?>> _countries;

    public DecisionSpace(params PolicyModel[] models)
    {
        _models = models ?? throw new ArgumentNullException(nameof(models));
        Verbs = _models.Select(m => m.Verbs).FirstOrDefault() ?? VerbSchema.Default;
        if (_models.Any(m => !m.Verbs.Equals(Verbs))) throw new ArgumentException("the policies of one decision space have the same verbs", nameof(models));
        Countries = _models.SelectMany(GuardTableSizes.NamedCountries).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
        // An assigned code, as only those are countries of the guards; none when the policies name every one
        // (THIRD-COUNTRIES and the home area together).
        OtherCountry = UnnamedCandidates.Concat(Binding.Countries.All).FirstOrDefault(c => !Countries.Contains(c));
        // Computed up front: the space is shared by the threads of a parallel diff or test.
        _conditionSets = Verbs.Verbs.ToDictionary(v => v, ComputeConditionSets);
        _countries = Verbs.Verbs.SelectMany(v => v.Dimensions).Where(d => d.IsCountry).Distinct().ToDictionary(d => d, ComputeCountries);
    }

    /// <summary>The decision verbs of the policies.</summary>
    public VerbSchema Verbs { get; }

    /// <summary>The countries the policies name, in ordinal order.</summary>
    public IReadOnlyList<string> Countries { get; }

    /// <summary>A country no policy names: it stands for all of them; null when they name every country.</summary>
    public string? OtherCountry { get; }

    /// <summary>Every question, without conditions (see <see cref="ConditionSets"/>): by category, then verb, then each dimension in turn.</summary>
    public IEnumerable<Question> Questions()
    {
        var valuesByVerb = Verbs.Verbs.Select(verb => (Verb: verb, Values: Combinations(verb.Dimensions.Select(Values).ToList()).ToList())).ToList();
        foreach (var category in Names(DeclarationKind.Category))
        {
            foreach (var (verb, combinations) in valuesByVerb)
            {
                foreach (var values in combinations) yield return new Question(verb, category, values, EquatableArray<string>.Empty);
            }
        }
    }

    /// <summary>The condition sets worth asking with a question of <paramref name="verb"/>, each sorted, the empty set first.</summary>
    public IReadOnlyList<EquatableArray<string>> ConditionSets(DecisionVerb verb) => _conditionSets[verb];

    private IReadOnlyList<EquatableArray<string>> ComputeConditionSets(DecisionVerb verb)
    {
        var none = new List<string>();
        if (!verb.TakesConditions) return new[] { EquatableArray<string>.Empty };

        var all = Names(DeclarationKind.Condition);
        var permissions = _models.SelectMany(m => m.PermissionsOf(verb)).Select(r => (IReadOnlyList<string>)r.Conditions).Append(none).ToList();
        var unless = _models.SelectMany(m => m.ProhibitionsOf(verb)).SelectMany(p => p.Unless).Distinct(StringComparer.Ordinal).ToList();

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

    /// <summary>The values a question may give in one dimension: "not asked" first where the dimension may be left unasked.</summary>
    private List<string?> Values(DecisionDimension dimension)
    {
        var values = dimension.Vocabulary is { } words ? RunStarts(dimension, words)
            : dimension.Names is { } kind ? Names(kind).Cast<string?>().ToList()
            : CountriesIn(dimension).ToList();
        if (dimension.MayBeUnasked) values.Insert(0, null);
        return values;
    }

    /// <summary>
    /// The words of a dimension of the language's words worth asking: the first of each run that no permission of
    /// the policies tells apart (<see cref="WordSlots"/>); identified data alone where no permission names a form.
    /// </summary>
    private List<string?> RunStarts(DecisionDimension dimension, DimensionVocabulary words)
    {
        var starts = new SortedSet<int> { 0 };
        foreach (var model in _models) starts.UnionWith(WordSlots.Starts(model, dimension));
        return starts.Select(i => (string?)words.Words[i]).ToList();
    }

    /// <summary>The countries worth asking in a country dimension: those a policy names in it, then the other country.</summary>
    public IReadOnlyList<string?> CountriesIn(DecisionDimension dimension) =>
        dimension is not null && _countries.TryGetValue(dimension, out var countries) ? countries : throw new ArgumentException("not a country dimension of the space's verbs", nameof(dimension));

    private List<string?> ComputeCountries(DecisionDimension dimension)
    {
        var named = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var model in _models) named.UnionWith(CountrySlots.Of(model, dimension).Named);
        var countries = named.Cast<string?>().ToList();
        if (OtherCountry is not null) countries.Add(OtherCountry);
        return countries;
    }

    /// <summary>Every combination of one value per dimension, the first dimension varying slowest.</summary>
    private static IEnumerable<EquatableArray<string?>> Combinations(IReadOnlyList<List<string?>> dimensions)
    {
        IEnumerable<IEnumerable<string?>> combinations = new[] { Enumerable.Empty<string?>() };
        foreach (var values in dimensions)
        {
            var current = combinations;
            combinations = current.SelectMany(prefix => values.Select(v => prefix.Append(v)));
        }
        return combinations.Select(c => c.ToEquatableArray());
    }

    private List<string> Names(DeclarationKind kind) =>
        _models.SelectMany(m => m.TermsOf(kind)).Select(t => t.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
}
