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
    public bool AllowsWithoutConditions
    {
        get
        {
            if (Prohibits.Count > 0) return false;
            for (var i = 0; i < Permits.Count; i++)
            {
                if (Permits[i].Mask == 0) return true;
            }
            return false;
        }
    }
}

/// <summary>
/// The policy's decisions laid out as tables over dense indexes, for the generated guards: built from the
/// model's rules directly (not by asking the evaluator), so that the differential tests compare two
/// independent implementations of the same rules. Rules are numbered in one list (<see cref="Rules"/>)
/// so that a decision can name its statement.
/// </summary>
internal sealed class DecisionTables
{
    private readonly Positions _conditionBits;

    public DecisionTables(PolicyModel model)
    {
        Model = model;
        Categories = Index(model.Categories.Select(t => t.Name));
        Purposes = Index(model.Purposes.Select(t => t.Name));
        Recipients = Index(model.Recipients.Select(t => t.Name));
        Subjects = Index(model.Subjects.Select(t => t.Name));
        Conditions = Index(model.Conditions.Select(t => t.Name));
        _conditionBits = new Positions(Conditions);
        var countries = GuardTableSizes.NamedCountries(model);
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

        // The tables are filled rule by rule, each rule writing only the cells it names, so that building
        // them costs their cells plus their entries (both bounded by the binder), not cells × rules (a policy
        // of 100,000 statements over a few hundred categories has billions of rule-cell pairs). Rules are
        // visited in order, so each cell lists its rules in the order the policy states them.
        var category = new Positions(Categories);
        var purpose = new Positions(Purposes);
        var recipient = new Positions(Recipients);
        var subject = new Positions(Subjects);
        var countrySlots = NamedCountries.Count + 1;
        var purposeSlots = Purposes.Count + 1;

        var collectCells = new CellBuilder(Categories.Count, Subjects.Count);
        foreach (var (rule, id) in collect)
        {
            foreach (var c in category.Of(rule.Categories))
                foreach (var s in subject.Of(rule.Subjects)) collectCells.Permit(c, s, 0, id);
        }

        var processCells = new CellBuilder(Categories.Count, Purposes.Count);
        foreach (var (rule, id) in process)
        {
            var mask = Mask(rule.Conditions);
            foreach (var c in category.Of(rule.Categories))
                foreach (var p in purpose.Of(rule.Purposes)) processCells.Permit(c, p, mask, id);
        }

        // Share cells: category × (recipient × purpose slot), slot 0 when no purpose is asked, i + 1 for purpose i.
        var shareCells = new CellBuilder(Categories.Count, Recipients.Count * purposeSlots);
        foreach (var (rule, id) in share)
        {
            var mask = Mask(rule.Conditions);
            var slots = rule.Purposes.IsEmpty ? Enumerable.Range(0, purposeSlots).ToList() : purpose.Of(rule.Purposes).Select(p => p + 1).Prepend(0).ToList();
            foreach (var c in category.Of(rule.Categories))
                foreach (var r in recipient.Of(rule.Recipients))
                    foreach (var slot in slots) shareCells.Permit(c, r * purposeSlots + slot, mask, id);
        }

        // Transfer cells: category × country slot, slot 0 for a country the policy does not name.
        var transferCells = new CellBuilder(Categories.Count, countrySlots);
        foreach (var (rule, id) in transfer)
        {
            var mask = Mask(rule.Conditions);
            var slots = rule.AnyCountry ? Enumerable.Range(0, countrySlots).ToList() : rule.Countries.Select(Slot).Distinct().ToList();
            foreach (var c in category.Of(rule.Categories))
                foreach (var slot in slots) transferCells.Permit(c, slot, mask, id);
        }

        // Storage cells: category × (citizenship slot × location slot); storage questions carry no conditions.
        // Where a rule names the citizens of a country, it alone decides for them: the rules without citizens
        // decide only for the citizenships no rule names for that category.
        var storeCells = new CellBuilder(Categories.Count, countrySlots * countrySlots);
        var namedCitizenships = new HashSet<(int Category, int Slot)>(
            store.SelectMany(x => category.Of(x.Rule.Categories).SelectMany(c => x.Rule.Citizenships.Select(citizens => (c, Slot(citizens))))));
        foreach (var (rule, id) in store)
        {
            var locations = rule.Locations.Select(Slot).Distinct().ToList();
            foreach (var c in category.Of(rule.Categories))
            {
                var citizenships = rule.Citizenships.IsEmpty
                    ? Enumerable.Range(0, countrySlots).Where(slot => !namedCitizenships.Contains((c, slot)))
                    : rule.Citizenships.Select(Slot).Distinct();
                foreach (var citizenship in citizenships)
                    foreach (var location in locations) storeCells.Permit(c, citizenship * countrySlots + location, 0, id);
            }
        }

        // Prohibitions are few; each tests the cells of the categories it names.
        foreach (var (rule, id) in never)
        {
            var lifted = Mask(rule.Unless);
            foreach (var c in category.Of(rule.Categories))
            {
                switch (rule.Verb)
                {
                    case Verb.Collect:
                        collectCells.ProhibitWhere(c, s => Covers(rule.Subjects, Subjects[s]), lifted, id);
                        break;
                    case Verb.Process:
                        processCells.ProhibitWhere(c, p => Covers(rule.Purposes, Purposes[p]), lifted, id);
                        break;
                    case Verb.Share:
                        shareCells.ProhibitWhere(c, cell => Covers(rule.Recipients, Recipients[cell / purposeSlots])
                            && Covers(rule.Purposes, cell % purposeSlots == 0 ? null : Purposes[cell % purposeSlots - 1]), lifted, id);
                        break;
                    case Verb.Transfer:
                        transferCells.ProhibitWhere(c, slot => Covers(rule.Countries, Country(slot)), lifted, id);
                        break;
                    case Verb.Store:
                        storeCells.ProhibitWhere(c, cell => Covers(rule.Citizenships, Country(cell / countrySlots)) && Covers(rule.Countries, Country(cell % countrySlots)), lifted, id);
                        break;
                }
            }
        }

        Collect = collectCells.Build();
        Process = processCells.Build();
        Share = shareCells.Build();
        Transfer = transferCells.Build();
        Store = storeCells.Build();
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

    /// <summary>The conditions as bits of the guards' mask: bit i is condition i.</summary>
    private ulong Mask(EquatableArray<string> conditions)
    {
        var mask = 0UL;
        foreach (var bit in _conditionBits.Of(conditions)) mask |= 1UL << bit;
        return mask;
    }

    /// <summary>The country dimension's slot of a country: 0 for one the policy does not name.</summary>
    private int Slot(string country) => CountrySlots.TryGetValue(country, out var slot) ? slot : 0;

    private string? Country(int slot) => slot == 0 ? null : NamedCountries[slot - 1];

    private static bool Covers(EquatableArray<string> qualifier, string? value) => qualifier.IsEmpty || (value is not null && qualifier.Contains(value, StringComparer.Ordinal));

    private static IReadOnlyList<string> Index(IEnumerable<string> names) => names.ToList();
}

/// <summary>The dense index of each name of one dimension; names a rule mentions but the dimension lacks are skipped.</summary>
internal sealed class Positions
{
    private readonly Dictionary<string, int> _index;

    public Positions(IReadOnlyList<string> names)
    {
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) _index[names[i]] = i;
    }

    /// <summary>The positions of the names, each once, in the order given.</summary>
    public IEnumerable<int> Of(EquatableArray<string> names)
    {
        var seen = new HashSet<int>();
        foreach (var name in names)
        {
            if (_index.TryGetValue(name, out var position) && seen.Add(position)) yield return position;
        }
    }
}

/// <summary>
/// A table being filled: one row of cells per category, each cell collecting its permits and prohibitions.
/// Lists are created on first use, as most cells of a large table stay empty.
/// </summary>
internal sealed class CellBuilder
{
    private static readonly List<(ulong Mask, int Rule)> None = new();
    private readonly int _width;
    private readonly List<(ulong Mask, int Rule)>?[] _permits;
    private readonly List<(ulong Mask, int Rule)>?[] _prohibits;

    public CellBuilder(int categories, int width)
    {
        _width = width;
        _permits = new List<(ulong, int)>?[categories * width];
        _prohibits = new List<(ulong, int)>?[categories * width];
    }

    public void Permit(int category, int column, ulong mask, int rule) =>
        (_permits[category * _width + column] ??= new()).Add((mask, rule));

    public void ProhibitWhere(int category, Func<int, bool> covers, ulong lifted, int rule)
    {
        for (var column = 0; column < _width; column++)
        {
            if (covers(column)) (_prohibits[category * _width + column] ??= new()).Add((lifted, rule));
        }
    }

    public IReadOnlyList<Cell> Build() =>
        Enumerable.Range(0, _permits.Length).Select(i => new Cell(_permits[i] ?? None, _prohibits[i] ?? None)).ToList();
}
