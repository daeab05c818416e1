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
    private readonly DiagnosticBag _diagnostics;

    private SymbolTable(SymbolTable other, DiagnosticBag diagnostics)
    {
        _declarations = other._declarations;
        _sortedNames = other._sortedNames;
        _covered = other._covered;
        _diagnostics = diagnostics;
    }

    /// <summary>The same names, reporting resolution problems to another bag (for text from outside the file).</summary>
    public SymbolTable ReportingTo(DiagnosticBag diagnostics) => new(this, diagnostics);

    public SymbolTable(IEnumerable<DeclarationSyntax> declarations, DiagnosticBag diagnostics)
    {
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
    }

    /// <summary>The declarations that were accepted (first of each name), in source order.</summary>
    public IEnumerable<DeclarationSyntax> Declarations => _declarations.Values.OrderBy(d => d.Span.Start);

    public IReadOnlyList<string> NamesOf(DeclarationKind kind) =>
        _sortedNames.TryGetValue(kind, out var names) ? names : Array.Empty<string>();

    public bool IsDeclared(string name, DeclarationKind kind) =>
        _declarations.TryGetValue(name, out var declaration) && declaration.Kind == kind;

    /// <summary>Resolves category patterns to the sorted, distinct category names they cover.</summary>
    public EquatableArray<string> ResolveCategories(EquatableArray<PatternSyntax> patterns)
    {
        if (patterns.Count == 1) return new EquatableArray<string>(CoveredBy(patterns[0]));
        var result = new List<string>();
        foreach (var pattern in patterns) result.AddRange(CoveredBy(pattern));
        return SortedDistinct(result);
    }

    /// <summary>Resolves names of one kind to the sorted, distinct names they cover (each itself and what is below it).</summary>
    public EquatableArray<string> Resolve(EquatableArray<NameSyntax> names, DeclarationKind kind)
    {
        if (names.IsEmpty) return EquatableArray<string>.Empty;
        if (names.Count == 1) return new EquatableArray<string>(Cover(names[0].Text, kind, descendantsOnly: false, names[0].Span, names[0].Text));
        var result = new List<string>();
        foreach (var name in names) result.AddRange(Cover(name.Text, kind, descendantsOnly: false, name.Span, name.Text));
        return SortedDistinct(result);
    }

    private string[] CoveredBy(PatternSyntax pattern) =>
        pattern.IsAll
            ? _sortedNames.TryGetValue(DeclarationKind.Category, out var all) ? all : Array.Empty<string>()
            : Cover(pattern.Root, DeclarationKind.Category, pattern.Text.EndsWith(".*", StringComparison.Ordinal), pattern.Span, pattern.Text);

    private static EquatableArray<string> SortedDistinct(List<string> names)
    {
        names.Sort(StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < names.Count; i++)
        {
            if (kept == 0 || !string.Equals(names[kept - 1], names[i], StringComparison.Ordinal)) names[kept++] = names[i];
        }
        return new EquatableArray<string>(names.GetRange(0, kept).ToArray());
    }

    /// <summary>Resolves one name that must be declared exactly (as in a test question); null when it is not.</summary>
    public string? ResolveExact(NameSyntax name, DeclarationKind kind)
    {
        if (_declarations.TryGetValue(name.Text, out var declaration))
        {
            if (declaration.Kind == kind) return name.Text;
            _diagnostics.At(name.Span).WrongKindOfName(name.Text, declaration.Kind, kind);
            return null;
        }
        var members = Below(name.Text, kind);
        if (members.Count > 0)
        {
            var help = "A question is about one " + Keywords.Of(kind) + ", and '" + name.Text + "' is a group: name one of "
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
        var candidates = NamesOf(kind).Concat(Groups(kind));
        var suggestion = Suggestions.Closest(written.EndsWith(".*", StringComparison.Ordinal) ? written.Substring(0, written.Length - 2) : written, candidates);
        var help = NamesOf(kind).Count == 0
            ? "The policy declares no " + Keywords.Of(kind) + " yet: declare it with '" + Keywords.FormOf(Keywords.Of(kind)) + "'."
            : "Declare it with '" + Keywords.FormOf(Keywords.Of(kind)) + "'.";
        _diagnostics.At(span).UndefinedName(kind, written, suggestion, help);
    }

    /// <summary>The implicit parents of declared dotted names (<c>contact</c> for <c>contact.email</c>).</summary>
    private IEnumerable<string> Groups(DeclarationKind kind) =>
        NamesOf(kind).Where(n => n.IndexOf('.') > 0).Select(n => n.Substring(0, n.LastIndexOf('.'))).Distinct(StringComparer.Ordinal);

    private static int LowerBound(IReadOnlyList<string> sorted, string value)
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
