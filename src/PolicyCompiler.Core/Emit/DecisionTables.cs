using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Emit;

/// <summary>
/// One cell of a decision table: the rules that may permit (each with the conditions it needs, as a bit
/// mask) and the prohibitions that may apply (each with the conditions that lift it). For a set of given
/// conditions G the cell allows when some permit mask P has P ⊆ G and no prohibition mask U has U ∩ G = ∅.
/// </summary>
internal sealed record Cell(IReadOnlyList<(ulong Mask, int Rule)> Permits, IReadOnlyList<(ulong Mask, int Rule)> Prohibits)
{
    public bool AllowsWithoutConditions => Permits.Any(p => p.Mask == 0) && Prohibits.Count == 0;
}

/// <summary>
/// The policy's decisions laid out as tables over dense indexes, for the generated guards: built from the
/// model's rules directly (not by asking the evaluator), so that the differential tests compare two
/// independent implementations of the same rules. Rules are numbered in one list (<see cref="Rules"/>)
/// so that a decision can name its statement.
/// </summary>
internal sealed class DecisionTables
{
    public DecisionTables(PolicyModel model)
    {
        Model = model;
        Categories = Index(model.Categories.Select(t => t.Name));
        Purposes = Index(model.Purposes.Select(t => t.Name));
        Recipients = Index(model.Recipients.Select(t => t.Name));
        Subjects = Index(model.Subjects.Select(t => t.Name));
        Conditions = Index(model.Conditions.Select(t => t.Name));
        var countries = model.Transfers.SelectMany(t => t.Countries)
            .Concat(model.Storage.SelectMany(s => s.Citizenships.Concat(s.Locations)))
            .Concat(model.Prohibitions.SelectMany(p => p.Citizenships.Concat(p.Countries)))
            .Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
        NamedCountries = countries;
        CountrySlots = countries.Select((c, i) => (c, i + 1)).ToDictionary(p => p.c, p => p.Item2, StringComparer.Ordinal);

        var rules = new List<(string Verb, Text.SourceSpan Span, EquatableArray<Citation> Citations)>();
        int Add(string verb, Text.SourceSpan span, EquatableArray<Citation> citations)
        {
            rules.Add((verb, span, citations));
            return rules.Count - 1;
        }
        var collect = model.Collections.Select(r => (Rule: r, Id: Add("collect", r.Span, r.Citations))).ToList();
        var process = model.Processing.Select(r => (Rule: r, Id: Add("process", r.Span, r.Citations))).ToList();
        var share = model.Sharing.Select(r => (Rule: r, Id: Add("share", r.Span, r.Citations))).ToList();
        var transfer = model.Transfers.Select(r => (Rule: r, Id: Add("transfer", r.Span, r.Citations))).ToList();
        var store = model.Storage.Select(r => (Rule: r, Id: Add("store", r.Span, r.Citations))).ToList();
        var never = model.Prohibitions.Select(r => (Rule: r, Id: Add("never " + Keywords.Of(r.Verb), r.Span, r.Citations))).ToList();
        Rules = rules;

        Collect = Build(Categories.Count * Subjects.Count, cell =>
        {
            var (c, s) = (cell / Subjects.Count, cell % Subjects.Count);
            var category = Categories[c];
            var subject = Subjects[s];
            return new Cell(
                collect.Where(x => Has(x.Rule.Categories, category) && Has(x.Rule.Subjects, subject)).Select(x => (0UL, x.Id)).ToList(),
                Prohibitions(never, Verb.Collect, category, p => Covers(p.Subjects, subject)));
        });
        Process = Build(Categories.Count * Purposes.Count, cell =>
        {
            var category = Categories[cell / Purposes.Count];
            var purpose = Purposes[cell % Purposes.Count];
            return new Cell(
                process.Where(x => Has(x.Rule.Categories, category) && Has(x.Rule.Purposes, purpose)).Select(x => (Mask(x.Rule.Conditions), x.Id)).ToList(),
                Prohibitions(never, Verb.Process, category, p => Covers(p.Purposes, purpose)));
        });
        // Share cells: category × recipient × purpose slot (0: no purpose asked, i + 1: purpose i).
        var purposeSlots = Purposes.Count + 1;
        Share = Build(Categories.Count * Recipients.Count * purposeSlots, cell =>
        {
            var category = Categories[cell / (Recipients.Count * purposeSlots)];
            var recipient = Recipients[cell / purposeSlots % Recipients.Count];
            var slot = cell % purposeSlots;
            var purpose = slot == 0 ? null : Purposes[slot - 1];
            return new Cell(
                share.Where(x => Has(x.Rule.Categories, category) && Has(x.Rule.Recipients, recipient)
                    && (x.Rule.Purposes.IsEmpty || purpose is null || Has(x.Rule.Purposes, purpose))).Select(x => (Mask(x.Rule.Conditions), x.Id)).ToList(),
                Prohibitions(never, Verb.Share, category, p => Covers(p.Recipients, recipient) && Covers(p.Purposes, purpose)));
        });
        // Transfer cells: category × country slot (0: a country the policy does not name).
        var countrySlots = NamedCountries.Count + 1;
        Transfer = Build(Categories.Count * countrySlots, cell =>
        {
            var category = Categories[cell / countrySlots];
            var slot = cell % countrySlots;
            var country = slot == 0 ? null : NamedCountries[slot - 1];
            return new Cell(
                transfer.Where(x => Has(x.Rule.Categories, category) && (x.Rule.AnyCountry || Has(x.Rule.Countries, country)))
                    .Select(x => (Mask(x.Rule.Conditions), x.Id)).ToList(),
                Prohibitions(never, Verb.Transfer, category, p => Covers(p.Countries, country)));
        });
        // Storage cells: category × citizenship slot × location slot; storage questions carry no conditions.
        Store = Build(Categories.Count * countrySlots * countrySlots, cell =>
        {
            var category = Categories[cell / (countrySlots * countrySlots)];
            var citizenshipSlot = cell / countrySlots % countrySlots;
            var locationSlot = cell % countrySlots;
            var citizenship = citizenshipSlot == 0 ? null : NamedCountries[citizenshipSlot - 1];
            var location = locationSlot == 0 ? null : NamedCountries[locationSlot - 1];
            var applicable = store.Where(x => Has(x.Rule.Categories, category)).ToList();
            var specific = applicable.Where(x => Has(x.Rule.Citizenships, citizenship)).ToList();
            var deciding = specific.Count > 0 ? specific : applicable.Where(x => x.Rule.Citizenships.IsEmpty).ToList();
            return new Cell(
                deciding.Where(x => Has(x.Rule.Locations, location)).Select(x => (0UL, x.Id)).ToList(),
                Prohibitions(never, Verb.Store, category, p => Covers(p.Citizenships, citizenship) && Covers(p.Countries, location)));
        });
    }

    public PolicyModel Model { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<string> Purposes { get; }

    public IReadOnlyList<string> Recipients { get; }

    public IReadOnlyList<string> Subjects { get; }

    public IReadOnlyList<string> Conditions { get; }

    /// <summary>The countries the policy names, in order; slot i + 1 of a country dimension. Slot 0 is any other country.</summary>
    public IReadOnlyList<string> NamedCountries { get; }

    public IReadOnlyDictionary<string, int> CountrySlots { get; }

    public IReadOnlyList<(string Verb, Text.SourceSpan Span, EquatableArray<Citation> Citations)> Rules { get; }

    public IReadOnlyList<Cell> Collect { get; }

    public IReadOnlyList<Cell> Process { get; }

    public IReadOnlyList<Cell> Share { get; }

    public IReadOnlyList<Cell> Transfer { get; }

    public IReadOnlyList<Cell> Store { get; }

    private ulong Mask(EquatableArray<string> conditions)
    {
        var mask = 0UL;
        foreach (var condition in conditions)
        {
            var bit = IndexOf(Conditions, condition);
            if (bit >= 0) mask |= 1UL << bit;
        }
        return mask;
    }

    private List<(ulong, int)> Prohibitions(List<(Prohibition Rule, int Id)> never, Verb verb, string category, Func<Prohibition, bool> covers) =>
        never.Where(x => x.Rule.Verb == verb && Has(x.Rule.Categories, category) && covers(x.Rule)).Select(x => (Mask(x.Rule.Unless), x.Id)).ToList();

    private static IReadOnlyList<Cell> Build(int count, Func<int, Cell> cell) => Enumerable.Range(0, count).Select(cell).ToList();

    private static IReadOnlyList<string> Index(IEnumerable<string> names) => names.ToList();

    private static int IndexOf(IReadOnlyList<string> sorted, string value)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            if (string.Equals(sorted[i], value, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static bool Covers(EquatableArray<string> qualifier, string? value) => qualifier.IsEmpty || Has(qualifier, value);

    private static bool Has(EquatableArray<string> names, string? value) => value is not null && names.Contains(value, StringComparer.Ordinal);
}
