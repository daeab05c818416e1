using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    public static IReadOnlyList<GuardTableSize> Of(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var countrySlots = (long)NamedCountries(model).Count + 1;
        long Width(DecisionDimension d) => d.IsCountry ? countrySlots : model.TermsOf(d.Names!.Value).Count + (d.Required ? 0 : 1);

        // Upper bounds of each rule's entries: its names along each dimension (a prohibition may reach every cell of its categories).
        long Reach(DecisionDimension d, DimensionValues values) =>
            values.Any ? Width(d) : values.Names.Count + (d.IsCountry || d.Required ? 0 : 1);

        var categories = (long)model.Categories.Count;
        return model.Verbs.Verbs.Select(verb =>
        {
            var perCategory = verb.Dimensions.Aggregate(1L, (cells, d) => cells * Width(d));
            var entries = model.PermissionsOf(verb).Sum(rule => verb.Dimensions.Select((d, i) => Reach(d, rule.Dimensions[i])).Aggregate((long)rule.Categories.Count, (n, reach) => n * reach))
                + model.ProhibitionsOf(verb).Sum(rule => rule.Categories.Count * perCategory);
            var dimensions = Invariant($"{categories} categories") + string.Concat(verb.Dimensions.Select(d => " × " + Invariant($"{Width(d)} ") + WidthName(d)));
            return new GuardTableSize(verb.Keyword, categories * perCategory, dimensions, entries);
        }).ToList();
    }

    /// <summary>The countries the model names in any country dimension of its rules, each once, in ordinal order.</summary>
    public static IReadOnlyList<string> NamedCountries(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        IEnumerable<string> Named(DecisionVerb verb, IEnumerable<DimensionValues> values) =>
            verb.Dimensions.Zip(values, (d, v) => d.IsCountry ? v.Names : Enumerable.Empty<string>()).SelectMany(n => n);
        return model.Permissions.SelectMany(p => Named(p.Verb, p.Dimensions))
            .Concat(model.Prohibitions.SelectMany(p => Named(p.Verb, p.Dimensions)))
            .Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
    }

    private static string WidthName(DecisionDimension d) =>
        d.IsCountry ? d.Parameter + " slots" : d.Required ? d.Name : Keywords.Of(d.Names!.Value) + " slots";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
