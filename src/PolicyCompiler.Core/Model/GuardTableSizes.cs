using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Model;

/// <summary>The size of one of the guards' decision tables: its cells, and the rule entries its cells hold.</summary>
public sealed record GuardTableSize(string Table, long Cells, string Dimensions, long Entries);

/// <summary>
/// How large the generated guards' decision tables of a model are, computed from the model alone (the binder
/// checks them against the limits before anything is built; the emitter lays the tables out the same way).
/// A table has a cell per combination of its verb's dimensions, and each cell lists the rules that decide it:
/// a rule over '*' and many purposes is listed in thousands of cells, so entries are bounded as well as cells.
/// </summary>
public static class GuardTableSizes
{
    /// <summary>
    /// The sizes of the guards' tables; with <paramref name="lengths"/>, a kind of names is as long as its numbers run
    /// (<see cref="Compilation.NameNumbers.Length"/>: a removed name's number keeps its row or column).
    /// </summary>
    public static IReadOnlyList<GuardTableSize> Of(PolicyModel model, Func<DeclarationKind, int>? lengths = null)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        // Each country dimension has its own slots (CountrySlots), counted once as the runs are.
        var countrySlots = model.Verbs.Verbs.SelectMany(v => v.Dimensions).Where(d => d.IsCountry).Distinct().ToDictionary(d => d, d => CountrySlots.Of(model, d));
        // The runs of a dimension of the language's words are counted once: the widths are asked per rule.
        var runs = model.Verbs.Verbs.SelectMany(v => v.Dimensions).Where(d => d.Vocabulary is not null).Distinct().ToDictionary(d => d, d => (long)WordSlots.Of(model, d).Count);
        long Width(DecisionDimension d) =>
            d.Vocabulary is not null ? runs[d] : d.IsCountry ? countrySlots[d].Count : Count(d.Names!.Value) + (d.Required ? 0 : 1);
        long Count(DeclarationKind kind) => Math.Max(model.TermsOf(kind).Count, lengths?.Invoke(kind) ?? 0);

        // Upper bounds of each rule's entries: its names along each dimension (a prohibition may reach every cell of its categories).
        // A rule's countries reach the slots they fall in: THIRD-COUNTRIES is some 230 names and one slot.
        long Reach(DecisionDimension d, DimensionValues values) =>
            values.Any ? Width(d) : d.IsCountry ? DistinctSlots(countrySlots[d], values.Names) : values.Names.Count + (d.MayBeUnasked ? 1 : 0);

        var verbs = model.Verbs.Verbs;
        var entries = new long[verbs.Count];
        var perCategory = new long[verbs.Count];
        var index = new Dictionary<DecisionVerb, int>();
        for (var v = 0; v < verbs.Count; v++)
        {
            index[verbs[v]] = v;
            perCategory[v] = 1;
            foreach (var d in verbs[v].Dimensions) perCategory[v] *= Width(d);
        }
        // Plain loops: this runs on every compile, over every statement.
        foreach (var rule in model.DecidingPermissions)
        {
            long reach = rule.Categories.Count;
            for (var d = 0; d < rule.Dimensions.Count; d++) reach *= Reach(rule.Verb.Dimensions[d], rule.Dimensions[d]);
            entries[index[rule.Verb]] += reach;
        }
        foreach (var rule in model.Prohibitions) entries[index[rule.Verb]] += rule.Categories.Count * perCategory[index[rule.Verb]];

        var categories = Count(DeclarationKind.Category);
        var sizes = new List<GuardTableSize>(verbs.Count);
        for (var v = 0; v < verbs.Count; v++)
        {
            var dimensions = Invariant($"{categories} categories") + string.Concat(verbs[v].Dimensions.Select(d => " × " + Invariant($"{Width(d)} ") + WidthName(d)));
            sizes.Add(new GuardTableSize(verbs[v].Keyword, categories * perCategory[v], dimensions, entries[v]));
        }
        return sizes;
    }

    /// <summary>The countries the model names in any country dimension of its rules, each once, in ordinal order.</summary>
    public static IReadOnlyList<string> NamedCountries(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var named = new HashSet<string>(StringComparer.Ordinal);
        void Add(DecisionVerb verb, EquatableArray<DimensionValues> values)
        {
            for (var d = 0; d < values.Count; d++)
            {
                if (!verb.Dimensions[d].IsCountry) continue;
                foreach (var country in values[d].Names) named.Add(country);
            }
        }
        foreach (var rule in model.DecidingPermissions) Add(rule.Verb, rule.Dimensions);
        foreach (var rule in model.Prohibitions) Add(rule.Verb, rule.Dimensions);
        return named.OrderBy(c => c, StringComparer.Ordinal).ToList();
    }

    private static long DistinctSlots(CountrySlots slots, EquatableArray<string> countries)
    {
        if (countries.Count <= 1) return countries.Count;
        var reached = new HashSet<int>();
        foreach (var country in countries) reached.Add(slots.SlotOf(country));
        return reached.Count;
    }

    private static string WidthName(DecisionDimension d) =>
        d.IsCountry ? d.Parameter + " slots" : d.Required ? d.Name : d.Vocabulary is not null ? d.Name.TrimEnd('s') + " slots" : Keywords.Of(d.Names!.Value) + " slots";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
