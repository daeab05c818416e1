using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
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
    /// <summary>
    /// The localisation rule that set aside a permit of this cell (the most specific one that reaches its people:
    /// citizens of RU have their data stored in RU, so a store in DE for everyone is not theirs); -1 for none.
    /// </summary>
    public int RestrictedBy { get; init; } = -1;

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

/// <summary>One verb's decision table: a row of cells per category, the columns the combinations of the verb's dimensions.</summary>
internal sealed record VerbTable(DecisionVerb Verb, IReadOnlyList<Cell> Cells);

/// <summary>
/// The policy's decisions laid out as tables over dense indexes, for the generated guards: built from the
/// model's rules directly (not by asking the evaluator), so that the differential tests compare two
/// independent implementations of the same rules. Rules are numbered in one list (<see cref="Rules"/>)
/// so that a decision can name its statement: the permissions verb by verb, then the prohibitions.
///
/// A cell's column is its dimension values folded in the verb's order (the first varies slowest): a declared
/// name is its index (an optional one is 0 when not asked, index + 1 otherwise), a word of the language (a form
/// of data) its run of words no permission tells apart (<see cref="WordSlots"/>), a country its slot in that
/// dimension (<see cref="Model.CountrySlots"/>: 0 for a country no rule names there).
/// </summary>
internal sealed class DecisionTables
{
    private readonly NameIndex _conditionBits;
    private readonly Dictionary<DeclarationKind, IReadOnlyList<string>> _names = new();
    private readonly Dictionary<DeclarationKind, NameIndex> _positions = new();
    private readonly Dictionary<DecisionDimension, WordSlots> _wordSlots = new();
    private readonly Dictionary<DecisionDimension, CountrySlots> _countrySlots = new();
    private readonly Dictionary<DecisionVerb, int> _firstImplied;

    // Buffers of the localisation's pass: the people (scope slot tuples) a rule reaches, a column's digits.
    private readonly List<int> _people = new();
    private int[] _digits = Array.Empty<int>();

    public DecisionTables(PolicyModel model, NameNumbers numbers)
    {
        Model = model;
        Categories = ByNumber(model.Categories, NumberedNames.KindOf(DeclarationKind.Category), numbers);
        Conditions = ByNumber(model.Conditions, NumberedNames.Condition, numbers);
        _conditionBits = new NameIndex(Conditions);
        foreach (var kind in model.Verbs.DeclaredKinds())
        {
            _names[kind] = ByNumber(model.TermsOf(kind), NumberedNames.KindOf(kind), numbers);
            _positions[kind] = new NameIndex(_names[kind]);
        }
        foreach (var dimension in model.Verbs.Verbs.SelectMany(v => v.Dimensions).Where(d => d.IsCountry).Distinct())
        {
            _countrySlots.Add(dimension, CountrySlots.Of(model, dimension));
        }

        var rules = new List<(string Verb, Text.SourceSpan Span, EquatableArray<Citation> Citations)>();
        int Add(string verb, Text.SourceSpan span, EquatableArray<Citation> citations)
        {
            rules.Add((verb, span, citations));
            return rules.Count - 1;
        }
        var permits = model.Verbs.Verbs.ToDictionary(v => v, v => model.PermissionsOf(v).Select(r => (Rule: r, Id: Add(v.Keyword, r.Span, r.Citations))).ToList());
        // A verb's rules are its stated permissions, then those the policy implies (PolicyModel.DecidingPermissions).
        _firstImplied = model.Verbs.Verbs.ToDictionary(v => v, v => permits[v].Count == 0 ? rules.Count : permits[v][0].Id + model.StatedPermissionsOf(v).Count());
        var never = model.Prohibitions.Select(r => (Rule: r, Id: Add("never " + r.Verb.Keyword, r.Span, r.Citations))).ToList();
        Rules = rules;

        // The tables are filled rule by rule, each rule writing only the cells it names, so that building
        // them costs their cells plus their entries (both bounded by the binder), not cells × rules (a policy
        // of 100,000 statements over a few hundred categories has billions of rule-cell pairs). Rules are
        // visited in order, so each cell lists its rules in the order the policy states them.
        var category = new NameIndex(Categories);
        var tables = new List<VerbTable>();
        foreach (var verb in model.Verbs.Verbs)
        {
            var widths = verb.Dimensions.Select(Width).ToArray();
            var cells = new CellBuilder(Categories.Count, widths.Aggregate(1, (w, d) => w * d));

            // Localisation: a rule that names people (citizens of RU, users in KZ) decides alone for them, so a
            // rule naming fewer of the scopes decides only where no rule naming more of them reaches. Which scope
            // sets reach each category and people (a tuple of scope slots) is gathered first, as bits.
            var localisation = verb.Localisation;
            var scopeAt = localisation?.Scopes.Select(verb.IndexOf).ToArray() ?? Array.Empty<int>();
            var scopeSets = new Dictionary<(int Category, int People), ulong>();
            var scopeSetsOfCategory = new Dictionary<int, ulong>();
            // For each category and people, the rule naming the most scopes that reaches them (the first such): what
            // decides for them where another rule is set aside.
            var mostSpecific = new Dictionary<(int Category, int People), (int Scopes, int Rule)>();
            if (localisation is not null)
            {
                foreach (var (rule, ruleId) in permits[verb])
                {
                    var named = localisation.Named(rule);
                    if (named == 0) continue;
                    var scopes = BitCount(named);
                    var reachedScopes = scopeAt.Select(d => Columns(verb.Dimensions[d], rule.Dimensions[d], widths[d])).ToArray();
                    Combine(reachedScopes, scopeAt.Select(d => widths[d]).ToArray(), _people);
                    foreach (var c in category.Of(rule.Categories))
                    {
                        scopeSetsOfCategory[c] = scopeSetsOfCategory.TryGetValue(c, out var sets) ? sets | (1UL << named) : 1UL << named;
                        foreach (var people in _people)
                        {
                            scopeSets[(c, people)] = scopeSets.TryGetValue((c, people), out var at) ? at | (1UL << named) : 1UL << named;
                            if (!mostSpecific.TryGetValue((c, people), out var known) || known.Scopes < scopes) mostSpecific[(c, people)] = (scopes, ruleId);
                        }
                    }
                }
            }

            var columns = new List<int>();
            foreach (var (rule, id) in permits[verb])
            {
                var mask = Mask(rule.Conditions);
                var reached = verb.Dimensions.Select((d, i) => Columns(d, rule.Dimensions[i], widths[i])).ToArray();
                var named = localisation is null ? 0 : localisation.Named(rule);
                foreach (var c in category.Of(rule.Categories))
                {
                    Combine(reached, widths, columns);
                    var mayBeSetAside = localisation is not null && scopeSetsOfCategory.TryGetValue(c, out var setsHere) && MoreSpecific(setsHere, named);
                    foreach (var column in columns)
                    {
                        if (mayBeSetAside && scopeSets.TryGetValue((c, PeopleOf(column, widths, scopeAt)), out var setsThere) && MoreSpecific(setsThere, named))
                        {
                            cells.Restrict(c, column, mostSpecific[(c, PeopleOf(column, widths, scopeAt))].Rule);
                            continue;
                        }
                        cells.Permit(c, column, mask, id);
                    }
                }
            }

            // Prohibitions are few; each tests the cells of the categories it names.
            foreach (var (rule, id) in never.Where(n => n.Rule.Verb.Equals(verb)))
            {
                var lifted = Mask(rule.Unless);
                foreach (var c in category.Of(rule.Categories))
                {
                    cells.ProhibitWhere(c, column =>
                    {
                        for (var d = widths.Length - 1; d >= 0; d--)
                        {
                            if (!Covers(rule.Dimensions[d], ValueAt(verb.Dimensions[d], column % widths[d]))) return false;
                            column /= widths[d];
                        }
                        return true;
                    }, lifted, id);
                }
            }
            tables.Add(new VerbTable(verb, cells.Build()));
        }
        Tables = tables;
    }

    public PolicyModel Model { get; }

    /// <summary>The number of the verb's first rule that the policy implies rather than states: rules below it (and from the verb's first) are statements.</summary>
    public int FirstImplied(DecisionVerb verb) => _firstImplied[verb];

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<string> Conditions { get; }

    /// <summary>The declared names of a kind a dimension takes, in the order of their enum.</summary>
    public IReadOnlyList<string> NamesOf(DeclarationKind kind) => _names[kind];

    /// <summary>The columns of a country dimension: the countries its rules name, and slot 0 for any other.</summary>
    public CountrySlots CountrySlotsOf(DecisionDimension dimension) => _countrySlots[dimension];

    public IReadOnlyList<(string Verb, Text.SourceSpan Span, EquatableArray<Citation> Citations)> Rules { get; }

    /// <summary>A table per verb, in the schema's order.</summary>
    public IReadOnlyList<VerbTable> Tables { get; }

    /// <summary>The columns a dimension has in a verb's table.</summary>
    public int Width(DecisionDimension dimension) =>
        dimension.Vocabulary is not null ? WordSlotsOf(dimension).Count
        : dimension.IsCountry ? CountrySlotsOf(dimension).Count : _names[dimension.Names!.Value].Count + (dimension.Required ? 0 : 1);

    /// <summary>The columns of a verb's table per category: the product of its dimensions' widths.</summary>
    public int ColumnsOf(DecisionVerb verb) => verb.Dimensions.Aggregate(1, (columns, d) => columns * Width(d));

    /// <summary>The columns of a dimension of the language's words (see <see cref="WordSlots"/>).</summary>
    public WordSlots WordSlotsOf(DecisionDimension dimension)
    {
        if (!_wordSlots.TryGetValue(dimension, out var slots)) _wordSlots.Add(dimension, slots = WordSlots.Of(Model, dimension));
        return slots;
    }

    private static int BitCount(int value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1) count++;
        return count;
    }

    /// <summary>Whether the scope sets (bit <c>m</c> for scope set <c>m</c>) hold one that names every scope of <paramref name="named"/> and more.</summary>
    private static bool MoreSpecific(ulong sets, int named)
    {
        for (var other = 1; other < 64; other++)
        {
            if ((sets & (1UL << other)) != 0 && other != named && (other & named) == named) return true;
        }
        return false;
    }

    /// <summary>A column's scope slots folded into one number, in the order of the localisation's scopes.</summary>
    private int PeopleOf(int column, int[] widths, int[] scopeAt)
    {
        if (_digits.Length < widths.Length) _digits = new int[widths.Length];
        var slots = _digits;
        for (var d = widths.Length - 1; d >= 0; d--)
        {
            slots[d] = column % widths[d];
            column /= widths[d];
        }
        var people = 0;
        foreach (var d in scopeAt) people = people * widths[d] + slots[d];
        return people;
    }

    /// <summary>Every column that takes one of the listed values in each dimension, into <paramref name="columns"/>.</summary>
    private static void Combine(IReadOnlyList<List<int>> lists, int[] widths, List<int> columns)
    {
        columns.Clear();
        foreach (var list in lists)
        {
            if (list.Count == 0) return;
        }
        var at = new int[lists.Count];
        while (true)
        {
            var column = 0;
            for (var d = 0; d < lists.Count; d++) column = column * widths[d] + lists[d][at[d]];
            columns.Add(column);
            var k = lists.Count - 1;
            while (k >= 0 && ++at[k] == lists[k].Count)
            {
                at[k] = 0;
                k--;
            }
            if (k < 0) return;
        }
    }

    /// <summary>The columns of a dimension a rule's values reach.</summary>
    private List<int> Columns(DecisionDimension dimension, DimensionValues values, int width)
    {
        // Any value of a kind of names is each name the policy has, not a removed name's number (see ByNumber).
        if (values.Any && dimension.Names is not null) return Enumerable.Range(0, width).Where(column => ValueAt(dimension, column) != Removed).ToList();
        if (values.Any) return Enumerable.Range(0, width).ToList();
        if (dimension.IsCountry) return values.Names.Select(CountrySlotsOf(dimension).SlotOf).Distinct().ToList();
        if (dimension.Vocabulary is not null) return values.Names.Select(WordSlotsOf(dimension).SlotOf).Distinct().ToList();
        var positions = _positions[dimension.Names!.Value].Of(values.Names);
        return dimension.Required ? positions.ToList() : positions.Select(p => p + 1).Prepend(0).ToList();
    }

    /// <summary>The value a column of a dimension stands for: null for "not asked" or a country the policy does not name.</summary>
    private string? ValueAt(DecisionDimension dimension, int column)
    {
        if (dimension.IsCountry) return CountrySlotsOf(dimension).CountryAt(column);
        if (dimension.Vocabulary is not null) return WordSlotsOf(dimension).WordAt(column);
        var names = _names[dimension.Names!.Value];
        return dimension.Required ? names[column] : column == 0 ? null : names[column - 1];
    }

    /// <summary>
    /// The conditions a verb's decisions can depend on, as a mask: those its permissions hold on and those its
    /// prohibitions are lifted by. Given conditions outside it decide as none.
    /// </summary>
    public ulong ConditionsOf(DecisionVerb verb) =>
        Model.PermissionsOf(verb).Select(p => Mask(p.Conditions))
            .Concat(Model.ProhibitionsOf(verb).Select(p => Mask(p.Unless)))
            .Aggregate(0UL, (all, mask) => all | mask);

    /// <summary>The conditions as bits of the guards' mask: bit i is condition i.</summary>
    private ulong Mask(EquatableArray<string> conditions)
    {
        var mask = 0UL;
        foreach (var bit in _conditionBits.Of(conditions)) mask |= 1UL << bit;
        return mask;
    }

    private static bool Covers(DimensionValues qualifier, string? value) => qualifier.Any || (value is not null && qualifier.Names.Contains(value, StringComparer.Ordinal));

    /// <summary>
    /// The names of a kind at their numbers (<see cref="NameNumbers"/>), so that a table's index of a name is the
    /// enum value the guards give it. A number no name has now (a removed name's) holds <see cref="Removed"/>, which
    /// no statement names: its row or column permits nothing.
    /// </summary>
    private static IReadOnlyList<string> ByNumber(EquatableArray<Term> terms, string kind, NameNumbers numbers)
    {
        var names = Enumerable.Repeat(Removed, numbers.Length(kind)).ToArray();
        foreach (var term in terms) names[numbers.Of(kind, term.Name)] = term.Name;
        return names;
    }

    /// <summary>What stands at a number no name has: empty, which no name of a policy is.</summary>
    public const string Removed = "";
}

/// <summary>The dense index of each name of one dimension; names a rule mentions but the dimension lacks are skipped.</summary>
internal sealed class NameIndex
{
    private readonly Dictionary<string, int> _index;

    // Which positions the current call of Of has given, marked with the call's number: a table of 100,000
    // rules asks this for each rule and dimension, and a set per call would be garbage each time.
    private readonly int[] _seenAt;
    private int _call;

    public NameIndex(IReadOnlyList<string> names)
    {
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) _index[names[i]] = i;
        _seenAt = new int[names.Count];
    }

    /// <summary>The positions of the names, each once, in the order given.</summary>
    public List<int> Of(EquatableArray<string> names)
    {
        var call = ++_call;
        var positions = new List<int>(names.Count);
        foreach (var name in names)
        {
            if (_index.TryGetValue(name, out var position) && _seenAt[position] != call)
            {
                _seenAt[position] = call;
                positions.Add(position);
            }
        }
        return positions;
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
    private Dictionary<int, int>? _restricted;

    public CellBuilder(int categories, int width)
    {
        _width = width;
        _permits = new List<(ulong, int)>?[categories * width];
        _prohibits = new List<(ulong, int)>?[categories * width];
    }

    public void Permit(int category, int column, ulong mask, int rule) =>
        (_permits[category * _width + column] ??= new()).Add((mask, rule));

    /// <summary>Notes the localisation rule that set a permit of the cell aside (the first one noted stays).</summary>
    public void Restrict(int category, int column, int rule)
    {
        _restricted ??= new Dictionary<int, int>();
        if (!_restricted.ContainsKey(category * _width + column)) _restricted.Add(category * _width + column, rule);
    }

    public void ProhibitWhere(int category, Func<int, bool> covers, ulong lifted, int rule)
    {
        for (var column = 0; column < _width; column++)
        {
            if (covers(column)) (_prohibits[category * _width + column] ??= new()).Add((lifted, rule));
        }
    }

    public IReadOnlyList<Cell> Build() =>
        Enumerable.Range(0, _permits.Length).Select(i => new Cell(_permits[i] ?? None, _prohibits[i] ?? None)
        {
            RestrictedBy = _restricted is not null && _restricted.TryGetValue(i, out var rule) ? rule : -1,
        }).ToList();
}
