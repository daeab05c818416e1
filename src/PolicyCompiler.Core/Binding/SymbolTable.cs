using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Syntax;

namespace PolicyCompiler.Binding;

/// <summary>
/// The declared names of a policy, in one namespace, and their resolution: a name covers itself and every
/// declared name below it of the same kind (<c>contact</c> covers <c>contact.email</c>), <c>x.*</c> covers
/// the names below <c>x</c>, and <c>*</c> covers every category. Names of a kind are kept sorted, so the
/// names below a prefix are one contiguous range found by binary search.
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<string, DeclarationSyntax> _declarations;
    private readonly Dictionary<DeclarationKind, string[]> _sortedNames;
    private readonly Dictionary<(string Root, DeclarationKind Kind, bool DescendantsOnly), string[]> _covered;
    private readonly NameGroups _groups;
    private readonly DiagnosticBag _diagnostics;

    // The policy's jurisdiction as written (or null): THIRD-COUNTRIES are the countries outside its area.
    private readonly string? _jurisdiction;

    private SymbolTable(SymbolTable other, DiagnosticBag diagnostics)
    {
        _jurisdiction = other._jurisdiction;
        _declarations = other._declarations;
        _sortedNames = other._sortedNames;
        _covered = other._covered;
        _groups = other._groups;
        _diagnostics = diagnostics;
    }

    /// <summary>The same names, reporting resolution problems to another bag (for text from outside the file).</summary>
    public SymbolTable ReportingTo(DiagnosticBag diagnostics) => new(this, diagnostics);

    public SymbolTable(IEnumerable<DeclarationSyntax> declarations, IEnumerable<GroupSyntax> groups, string? jurisdiction, DiagnosticBag diagnostics)
    {
        _jurisdiction = jurisdiction;
        _declarations = new Dictionary<string, DeclarationSyntax>(StringComparer.Ordinal);
        _sortedNames = new Dictionary<DeclarationKind, string[]>();
        _covered = new Dictionary<(string, DeclarationKind, bool), string[]>();
        _diagnostics = diagnostics;
        foreach (var declaration in declarations)
        {
            var name = declaration.Name.Text;
            if (_declarations.TryGetValue(name, out var previous))
            {
                diagnostics.At(declaration.Name.Span).DuplicateDeclaration(Keywords.Of(previous.Kind), name, previous.Span.Line);
                continue;
            }
            _declarations.Add(name, declaration);
        }
        foreach (var group in _declarations.Values.GroupBy(d => d.Kind))
        {
            var names = group.Select(d => d.Name.Text).ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            _sortedNames[group.Key] = names;
        }
        _groups = new NameGroups(this, groups, diagnostics);
    }

    /// <summary>The groups of the policy, resolved (each once, in source order); those that did not resolve are left out.</summary>
    public IReadOnlyList<(GroupSyntax Syntax, string[] Names)> Groups => _groups.Resolved();

    /// <summary>The declaration of a name, if it is declared.</summary>
    internal DeclarationSyntax? DeclarationOf(string name) => _declarations.TryGetValue(name, out var declaration) ? declaration : null;

    /// <summary>Whether declared names of any kind lie below <paramref name="root"/> (<c>contact</c> for <c>contact.email</c>).</summary>
    internal bool HasNamesBelow(string root)
    {
        var prefix = root + ".";
        foreach (var names in _sortedNames.Values)
        {
            var index = LowerBound(names, prefix);
            if (index < names.Length && names[index].StartsWith(prefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>The declarations that were accepted (first of each name), in source order.</summary>
    public IEnumerable<DeclarationSyntax> Declarations => _declarations.Values.OrderBy(d => d.Span.Start);

    public IReadOnlyList<string> NamesOf(DeclarationKind kind) =>
        _sortedNames.TryGetValue(kind, out var names) ? names : Array.Empty<string>();

    public bool IsDeclared(string name, DeclarationKind kind) =>
        _declarations.TryGetValue(name, out var declaration) && declaration.Kind == kind;

    /// <summary>Resolves category patterns to the sorted, distinct category names they cover.</summary>
    public EquatableArray<string> ResolveCategories(EquatableArray<PatternSyntax> patterns) => new(CoveredByAll(patterns));

    /// <summary>
    /// The categories a list of patterns covers: what its included patterns cover, less what its excluded ones
    /// (after <c>except</c>) cover. An exclusion that removes nothing is a warning; one that leaves nothing, an error.
    /// </summary>
    internal string[] CoveredByAll(EquatableArray<PatternSyntax> patterns)
    {
        if (patterns.Count == 1) return CoveredBy(patterns[0]);
        var included = new List<string>();
        List<(PatternSyntax Pattern, string[] Names)>? excluded = null;
        foreach (var pattern in patterns)
        {
            if (pattern.Excluded) (excluded ??= new()).Add((pattern, CoveredBy(pattern)));
            else included.AddRange(CoveredBy(pattern));
        }
        var result = SortedDistinct(included);
        if (excluded is null) return result;
        var kept = new HashSet<string>(result, StringComparer.Ordinal);
        var anyIncluded = kept.Count > 0;
        foreach (var (pattern, names) in excluded)
        {
            var removed = 0;
            foreach (var name in names) if (kept.Remove(name)) removed++;
            if (removed == 0 && names.Length > 0 && anyIncluded) _diagnostics.At(pattern.Span).ExclusionRemovesNothing(pattern.Text);
        }
        if (kept.Count == 0 && anyIncluded)
        {
            var first = patterns[0].Span;
            var list = new Text.SourceSpan(first.Start, patterns[patterns.Count - 1].Span.End - first.Start, first.Line, first.Column);
            _diagnostics.At(list).ListCoversNothing("the list", "its 'except' removes every category the rest of it covers");
            return Array.Empty<string>();
        }
        return result.Where(kept.Contains).ToArray();
    }

    /// <summary>Resolves names of one kind to the sorted, distinct names they cover (each itself and what is below it).</summary>
    public EquatableArray<string> Resolve(EquatableArray<NameSyntax> names, DeclarationKind kind) =>
        Union(names, (Table: this, Kind: kind), static (state, name) => state.Table.Cover(name.Text, state.Kind, descendantsOnly: false, name.Span, name.Text));

    /// <summary>Resolves country codes and groups of countries to the sorted, distinct codes they stand for; an unknown code is reported and kept.</summary>
    public EquatableArray<string> ResolveCountries(EquatableArray<NameSyntax> codes) => Union(codes, this, static (table, code) => table.CountriesOf(code));

    /// <summary>
    /// The sorted, distinct union of what each name covers; one name's (already sorted) array is shared as it is.
    /// The cover takes its state as an argument so that a statement's resolution allocates no closure.
    /// </summary>
    private static EquatableArray<string> Union<TState>(EquatableArray<NameSyntax> names, TState state, Func<TState, NameSyntax, string[]> cover)
    {
        if (names.IsEmpty) return EquatableArray<string>.Empty;
        if (names.Count == 1) return new EquatableArray<string>(cover(state, names[0]));
        var result = new List<string>();
        foreach (var name in names) result.AddRange(cover(state, name));
        return new EquatableArray<string>(SortedDistinct(result));
    }

    /// <summary>One country: a code that must be assigned (a group is not one country); the code as written either way.</summary>
    public string ResolveOneCountry(NameSyntax code)
    {
        if (GroupKindOf(code.Text) is { } kind) ReportGroup(code.Text, kind, code.Span, "country");
        else CheckCountry(code);
        return code.Text;
    }

    /// <summary>
    /// The codes a country name of a statement stood for, reporting nothing (its resolution reported what was
    /// wrong): a policy's group as resolved, a known group's members, or the code itself.
    /// </summary>
    internal string[] CountriesAsResolved(string name) =>
        _groups.Find(name) is { Kind: GroupKind.Countries } ? _groups.Resolved(name) ?? Array.Empty<string>()
        : CountryGroups.MembersFor(name, _jurisdiction) is { } known ? known.ToArray()
        : GroupKindOf(name) is null ? new[] { name } : Array.Empty<string>();

    internal string[] CountriesOf(NameSyntax code)
    {
        if (_groups.Find(code.Text) is { Kind: GroupKind.Countries } group) return _groups.NamesOf(group, code.Span) ?? Array.Empty<string>();
        if (CountryGroups.MembersFor(code.Text, _jurisdiction) is { } known)
        {
            // The one known group that can be empty: THIRD-COUNTRIES of a policy with no jurisdiction to be relative to.
            if (known.Count == 0 && code.Text == CountryGroups.ThirdCountries) _diagnostics.At(code.Span).ThirdCountriesWithoutJurisdiction(code.Text);
            return known.ToArray();
        }
        if (GroupKindOf(code.Text) is { } kind)
        {
            ReportGroup(code.Text, kind, code.Span, "country");
            return Array.Empty<string>();
        }
        CheckCountry(code);
        return new[] { code.Text };
    }

    /// <summary>The kind of the group a name is (the policy's, or one every policy knows), or null when it names no group.</summary>
    private GroupKind? GroupKindOf(string name) =>
        _groups.Find(name)?.Kind ?? (CountryGroups.IsKnown(name) ? GroupKind.Countries : null);

    /// <summary>PC1005 for a group where another kind of list, or one value, is expected.</summary>
    private void ReportGroup(string name, GroupKind kind, Text.SourceSpan span, string expected) =>
        _diagnostics.At(span).WrongKindOfName(name, "group of " + GroupWords.Of(kind), expected);

    private void CheckCountry(NameSyntax code)
    {
        if (!Countries.IsAssigned(code.Text))
        {
            var groups = CountryGroups.Names.Concat(_groups.NamesOfKind(GroupKind.Countries)).ToList();
            _diagnostics.At(code.Span).UnknownCountry(code.Text, Suggestions.Closest(code.Text, Countries.All.Concat(groups)), groups);
        }
    }

    internal string[] CoveredBy(PatternSyntax pattern) =>
        pattern.IsAll
            ? _sortedNames.TryGetValue(DeclarationKind.Category, out var all) ? all : Array.Empty<string>()
            : Cover(pattern.Root, DeclarationKind.Category, pattern.Text.EndsWith(".*", StringComparison.Ordinal), pattern.Span, pattern.Text);

    internal static string[] SortedDistinct(List<string> names)
    {
        names.Sort(StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < names.Count; i++)
        {
            if (kept == 0 || !string.Equals(names[kept - 1], names[i], StringComparison.Ordinal)) names[kept++] = names[i];
        }
        return names.GetRange(0, kept).ToArray();
    }

    /// <summary>
    /// Resolves one name that must be declared exactly (as in a test question); null when it is not. <paramref name="one"/>
    /// says what names one value, for the help when the name covers several ("A question is about one").
    /// </summary>
    public string? ResolveExact(NameSyntax name, DeclarationKind kind, string one = "A question is about one")
    {
        if (_groups.Find(name.Text) is { } group)
        {
            if (GroupWords.KindOf(group.Kind) != kind)
            {
                ReportGroup(name.Text, group.Kind, name.Span, Keywords.Of(kind));
                return null;
            }
            var inGroup = _groups.NamesOf(group, name.Span) ?? Array.Empty<string>();
            var help = one + " " + Keywords.Of(kind) + ", and '" + name.Text + "' is a group: name one of "
                + string.Join(", ", inGroup.Take(8)) + (inGroup.Length > 8 ? ", …" : string.Empty) + ".";
            _diagnostics.At(name.Span).UndefinedName(kind, name.Text, suggestion: null, help);
            return null;
        }
        if (_declarations.TryGetValue(name.Text, out var declaration))
        {
            if (declaration.Kind == kind) return name.Text;
            _diagnostics.At(name.Span).WrongKindOfName(name.Text, declaration.Kind, kind);
            return null;
        }
        var members = Below(name.Text, kind);
        if (members.Count > 0)
        {
            var help = one + " " + Keywords.Of(kind) + ", and '" + name.Text + "' is a group: name one of "
                + string.Join(", ", members.Take(8)) + (members.Count > 8 ? ", …" : string.Empty) + ".";
            _diagnostics.At(name.Span).UndefinedName(kind, name.Text, suggestion: null, help);
            return null;
        }
        ReportUndefined(name.Text, kind, name.Span);
        return null;
    }

    /// <summary>The declared names of a kind below <paramref name="root"/>, in order.</summary>
    private List<string> Below(string root, DeclarationKind kind)
    {
        var names = NamesOf(kind);
        var prefix = root + ".";
        var below = new List<string>();
        for (var index = LowerBound(names, prefix); index < names.Count && names[index].StartsWith(prefix, StringComparison.Ordinal); index++)
        {
            below.Add(names[index]);
        }
        return below;
    }

    /// <summary>
    /// The declared names of a kind that one name or pattern covers, sorted (a name sorts before the names below
    /// it). Remembered per name: a policy of thousands of statements names a few hundred, and the arrays are
    /// shared (never written to once made). A name that covers nothing is reported at each use, so not remembered.
    /// </summary>
    private string[] Cover(string root, DeclarationKind kind, bool descendantsOnly, Text.SourceSpan span, string written)
    {
        if (_covered.TryGetValue((root, kind, descendantsOnly), out var known)) return known;
        if (_groups.Find(root) is { } group) return CoverGroup(group, kind, descendantsOnly, span, written);
        var names = NamesOf(kind);
        var result = new List<string>();
        if (!descendantsOnly && _declarations.TryGetValue(root, out var exact))
        {
            if (exact.Kind != kind)
            {
                _diagnostics.At(span).WrongKindOfName(root, exact.Kind, kind);
                return Array.Empty<string>();
            }
            result.Add(root);
        }
        var prefix = root + ".";
        for (var index = LowerBound(names, prefix); index < names.Count && names[index].StartsWith(prefix, StringComparison.Ordinal); index++)
        {
            result.Add(names[index]);
        }
        if (result.Count == 0)
        {
            ReportUndefined(written, kind, span);
            return Array.Empty<string>();
        }
        var covered = result.ToArray();
        _covered.Add((root, kind, descendantsOnly), covered);
        return covered;
    }

    /// <summary>A group's names where a list of <paramref name="kind"/> is: its kind must match, and it has no names below it.</summary>
    private string[] CoverGroup(GroupSyntax group, DeclarationKind kind, bool descendantsOnly, Text.SourceSpan span, string written)
    {
        if (GroupWords.KindOf(group.Kind) != kind)
        {
            ReportGroup(group.Name.Text, group.Kind, span, Keywords.Of(kind));
            return Array.Empty<string>();
        }
        if (descendantsOnly)
        {
            _diagnostics.At(span).UndefinedName(kind, written, suggestion: null, "'" + group.Name.Text + "' is a group, with no names below it: write '" + group.Name.Text + "' for its members.");
            return Array.Empty<string>();
        }
        return _groups.NamesOf(group, span) ?? Array.Empty<string>();
    }

    private void ReportUndefined(string written, DeclarationKind kind, Text.SourceSpan span)
    {
        if (written.Length > PolicyLimits.MaxNameLength)
        {
            // No declaration can be this long (PC1010): quote the start and spend no edit-distance search on it.
            _diagnostics.At(span).UndefinedName(kind, PolicyLimits.Quoted(written), suggestion: null, "Names have at most " + PolicyLimits.MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters.");
            return;
        }
        if (_diagnostics.Items.Count >= DiagnosticLimit.MaxErrors)
        {
            // Past the cap these are not shown; do not spend an edit-distance search on each.
            _diagnostics.At(span).UndefinedName(kind, written, suggestion: null, string.Empty);
            return;
        }
        var candidates = NamesOf(kind).Concat(ImplicitParents(kind)).Concat(_groups.NamesOfKind(GroupWords.GroupOf(kind)));
        var suggestion = Suggestions.Closest(written.EndsWith(".*", StringComparison.Ordinal) ? written.Substring(0, written.Length - 2) : written, candidates);
        var help = NamesOf(kind).Count == 0
            ? "The policy declares no " + Keywords.Of(kind) + " yet: declare it with '" + Keywords.FormOf(Keywords.Of(kind)) + "'."
            : "Declare it with '" + Keywords.FormOf(Keywords.Of(kind)) + "'.";
        _diagnostics.At(span).UndefinedName(kind, written, suggestion, help);
    }

    /// <summary>The implicit parents of declared dotted names (<c>contact</c> for <c>contact.email</c>).</summary>
    private IEnumerable<string> ImplicitParents(DeclarationKind kind) =>
        NamesOf(kind).Where(n => n.IndexOf('.') > 0).Select(n => n.Substring(0, n.LastIndexOf('.'))).Distinct(StringComparer.Ordinal);

    internal static int LowerBound(IReadOnlyList<string> sorted, string value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) >> 1;
            if (string.CompareOrdinal(sorted[mid], value) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
