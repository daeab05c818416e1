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
/// A table has a cell per combination of its dimensions, and each cell lists the rules that decide it: a rule
/// over '*' and many purposes is listed in thousands of cells, so entries are bounded as well as cells.
/// </summary>
public static class GuardTableSizes
{
    public static IReadOnlyList<GuardTableSize> Of(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        long categories = model.Categories.Count, purposes = model.Purposes.Count, recipients = model.Recipients.Count;
        long subjects = model.Subjects.Count, countrySlots = NamedCountries(model).Count + 1;
        var never = model.Prohibitions.ToLookup(p => p.Verb);

        // Upper bounds of each rule's entries: its names along each dimension (a prohibition may reach every cell of its categories).
        long Prohibited(Verb verb, long cellsPerCategory) => never[verb].Sum(p => (long)p.Categories.Count * cellsPerCategory);
        var collect = model.Collections.Sum(r => (long)r.Categories.Count * r.Subjects.Count) + Prohibited(Verb.Collect, subjects);
        var process = model.Processing.Sum(r => (long)r.Categories.Count * r.Purposes.Count) + Prohibited(Verb.Process, purposes);
        var share = model.Sharing.Sum(r => (long)r.Categories.Count * r.Recipients.Count * (r.Purposes.IsEmpty ? purposes + 1 : r.Purposes.Count + 1))
            + Prohibited(Verb.Share, recipients * (purposes + 1));
        var transfer = model.Transfers.Sum(r => (long)r.Categories.Count * (r.AnyCountry ? countrySlots : r.Countries.Count)) + Prohibited(Verb.Transfer, countrySlots);
        var store = model.Storage.Sum(r => (long)r.Categories.Count * (r.Citizenships.IsEmpty ? countrySlots : r.Citizenships.Count) * r.Locations.Count)
            + Prohibited(Verb.Store, countrySlots * countrySlots);

        return new[]
        {
            new GuardTableSize("collect", categories * subjects, Invariant($"{categories} categories × {subjects} subjects"), collect),
            new GuardTableSize("process", categories * purposes, Invariant($"{categories} categories × {purposes} purposes"), process),
            new GuardTableSize("share", categories * recipients * (purposes + 1), Invariant($"{categories} categories × {recipients} recipients × {purposes + 1} purpose slots"), share),
            new GuardTableSize("transfer", categories * countrySlots, Invariant($"{categories} categories × {countrySlots} country slots"), transfer),
            new GuardTableSize("store", categories * countrySlots * countrySlots, Invariant($"{categories} categories × {countrySlots} citizenship slots × {countrySlots} location slots"), store),
        };
    }

    /// <summary>The countries the model names in its transfers, storage and prohibitions, each once, in ordinal order.</summary>
    public static IReadOnlyList<string> NamedCountries(PolicyModel model)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        return model.Transfers.SelectMany(t => t.Countries)
            .Concat(model.Storage.SelectMany(s => s.Citizenships.Concat(s.Locations)))
            .Concat(model.Prohibitions.SelectMany(p => p.Citizenships.Concat(p.Countries)))
            .Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
