using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Binding;

/// <summary>The words of each kind of group, and the kind of declared name its members are.</summary>
public static class GroupWords
{
    /// <summary>The word after the group's name: <c>categories</c>, <c>purposes</c>, <c>recipients</c>, <c>countries</c>.</summary>
    public static string Of(GroupKind kind) => kind switch
    {
        GroupKind.Categories => "categories",
        GroupKind.Purposes => "purposes",
        GroupKind.Recipients => "recipients",
        GroupKind.Countries => "countries",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of group"),
    };

    /// <summary>The kind of declared name the members are; null for countries, which are codes.</summary>
    public static DeclarationKind? KindOf(GroupKind kind) => kind switch
    {
        GroupKind.Categories => DeclarationKind.Category,
        GroupKind.Purposes => DeclarationKind.Purpose,
        GroupKind.Recipients => DeclarationKind.Recipient,
        GroupKind.Countries => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of group"),
    };

    /// <summary>The kind of group that holds names of a kind, or null when the kind has no groups.</summary>
    public static GroupKind? GroupOf(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Category => GroupKind.Categories,
        DeclarationKind.Purpose => GroupKind.Purposes,
        DeclarationKind.Recipient => GroupKind.Recipients,
        _ => null,
    };
}

/// <summary>
/// The <c>group</c> declarations of a policy: their names (in the one namespace of declared names, and never
/// the parent of a declared name or a country code, which it would hide) and their members, each resolved
/// once, when first used or listed. A group may name groups of its kind; a group that names itself, through
/// others or not, is an error, and so is one that covers nothing.
/// </summary>
internal sealed class NameGroups
{
    private readonly SymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, GroupSyntax> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]?> _resolved = new(StringComparer.Ordinal);
    private readonly List<string> _resolving = new();
    private readonly HashSet<string> _inCycle = new(StringComparer.Ordinal);

    // Uses of a group that did not resolve (counted, so that a group left empty only by them is not reported again).
    private int _failedUses;
    private bool _tooDeepReported;

    public NameGroups(SymbolTable symbols, IEnumerable<GroupSyntax> groups, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
        foreach (var group in groups)
        {
            var name = group.Name.Text;
            if (_symbols.DeclarationOf(name) is { } declaration)
            {
                diagnostics.At(group.Name.Span).DuplicateDeclaration(Keywords.Of(declaration.Kind), name, declaration.Span.Line);
            }
            else if (_groups.TryGetValue(name, out var previous))
            {
                diagnostics.At(group.Name.Span).DuplicateDeclaration("group", name, previous.Span.Line);
            }
            else if (_symbols.HasNamesBelow(name))
            {
                diagnostics.At(group.Name.Span).GroupNameTaken(name, "declared names lie below '" + name + "', and a list naming '" + name + "' means them");
            }
            else if (Countries.IsAssigned(name))
            {
                diagnostics.At(group.Name.Span).GroupNameTaken(name, "it is the country code of a country");
            }
            else if (CountryGroups.IsKnown(name))
            {
                diagnostics.At(group.Name.Span).GroupNameTaken(name, "every policy knows the country group " + name);
            }
            else if (name == "any")
            {
                // 'to any' is every country: a group of that name would mean one thing in a permission, another in 'never'.
                diagnostics.At(group.Name.Span).GroupNameTaken(name, "'any' is a word of the language ('transfer … to any')");
            }
            else if (Model.VerbSchema.Default.Verbs.SelectMany(v => v.Dimensions.Select(d => (Verb: v, Dimension: d))).FirstOrDefault(x => x.Dimension.UnstatedWord == name) is { Verb: { } verb } unstated)
            {
                // 'in unstated' is the jurisdiction's area: a group of that name would mean it in one statement and its members in another.
                diagnostics.At(group.Name.Span).GroupNameTaken(name, "'" + name + "' is a word of the language ('" + verb.Keyword + " … " + unstated.Dimension.Word + " " + name + "')");
            }
            else if (group.Kind == GroupKind.Countries && name.Contains('.'))
            {
                // A list of countries holds single words (codes), so a dotted name could not be used there.
                diagnostics.At(group.Name.Span).GroupNameTaken(name, "a group of countries is named by one word, without dots, as country codes are");
            }
            else
            {
                _groups.Add(name, group);
            }
        }
    }

    public GroupSyntax? Find(string name) => _groups.TryGetValue(name, out var group) ? group : null;

    /// <summary>The names a group already resolved to (null when it has not, or failed): a look-up that reports nothing.</summary>
    public string[]? Resolved(string name) => _resolved.TryGetValue(name, out var names) ? names : null;

    /// <summary>The names of the groups of a kind (for suggestions).</summary>
    public IEnumerable<string> NamesOfKind(GroupKind? kind) =>
        kind is null ? Enumerable.Empty<string>() : _groups.Values.Where(g => g.Kind == kind).Select(g => g.Name.Text);

    /// <summary>Every accepted group with its names, in source order; a group that did not resolve is left out.</summary>
    public IReadOnlyList<(GroupSyntax Syntax, string[] Names)> Resolved()
    {
        var resolved = new List<(GroupSyntax, string[])>();
        foreach (var group in _groups.Values.OrderBy(g => g.Span.Start))
        {
            if (NamesOf(group, group.Name.Span) is { } names) resolved.Add((group, names));
        }
        return resolved;
    }

    /// <summary>
    /// The sorted names a group covers, or null when it does not resolve (its problems are reported once, at
    /// the group; a use of it inside its own members, at <paramref name="usedAt"/>, is the cycle).
    /// </summary>
    public string[]? NamesOf(GroupSyntax group, SourceSpan usedAt)
    {
        var name = group.Name.Text;
        if (_resolved.TryGetValue(name, out var known))
        {
            if (known is null) _failedUses++;
            return known;
        }
        var cycleStart = _resolving.IndexOf(name);
        if (cycleStart >= 0)
        {
            var members = _resolving.Skip(cycleStart).ToList();
            _inCycle.UnionWith(members);
            _diagnostics.At(usedAt).GroupCycle(name, string.Join(" → ", members.Append(name)));
            _failedUses++;
            return null;
        }
        if (_resolving.Count >= PolicyLimits.MaxGroupDepth)
        {
            // Each level is a few frames of recursion: a chain of thousands of groups would overflow the stack.
            if (!_tooDeepReported)
            {
                _tooDeepReported = true;
                _diagnostics.At(usedAt).GroupsTooDeep(_resolving[0], _resolving.Count, string.Join(" → ", _resolving.Take(3)) + " → …", PolicyLimits.MaxGroupDepth);
            }
            _failedUses++;
            return null;
        }
        _resolving.Add(name);
        var reported = _diagnostics.Items.Count;
        var failedUses = _failedUses;
        string[] names;
        try
        {
            names = Members(group);
        }
        finally
        {
            _resolving.RemoveAt(_resolving.Count - 1);
        }
        string[]? result = names.Length == 0 ? null : names;
        // Members that did not resolve were reported where they are written; a group left empty by them is not reported again.
        if (names.Length == 0 && !_inCycle.Contains(name) && _diagnostics.Items.Count == reported && _failedUses == failedUses)
        {
            _diagnostics.At(group.Name.Span).ListCoversNothing("the group '" + name + "'", "no " + GroupWords.Of(group.Kind) + " are left once its members are resolved");
        }
        if (result is null) _failedUses++;
        _resolved[name] = result;
        return result;
    }

    private string[] Members(GroupSyntax group)
    {
        if (group.Kind == GroupKind.Categories) return _symbols.CoveredByAll(group.Members);
        var names = new List<string>();
        foreach (var member in group.Members)
        {
            var written = new NameSyntax(member.Text, member.Span);
            names.AddRange(group.Kind == GroupKind.Countries
                ? _symbols.CountriesOf(written)
                : _symbols.Resolve(new Collections.EquatableArray<NameSyntax>(new[] { written }), GroupWords.KindOf(group.Kind)!.Value));
        }
        return SymbolTable.SortedDistinct(names);
    }
}
