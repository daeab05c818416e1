using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyCompiler.Binding;

namespace PolicyCompiler.Exports;

/// <summary>
/// A mapping from the policy language's words and names to another vocabulary's terms (DPV, the Fides taxonomy),
/// as data: <c>Lint/Packs/&lt;name&gt;.map</c>, whose header says its source and date. Each row maps a kind
/// of name (category, purpose, basis, …) and a pattern to a term, for every law or for one; the longest pattern
/// that matches wins, a law's row before a row for every law.
/// </summary>
public sealed class VocabularyMap
{
    private readonly Dictionary<string, List<Row>> _rows;

    private VocabularyMap(string name, IReadOnlyList<KeyValuePair<string, string>> prefixes, Dictionary<string, List<Row>> rows)
    {
        Name = name;
        Prefixes = prefixes;
        _rows = rows;
    }

    public string Name { get; }

    /// <summary>The prefixes the terms are written with (<c>dpv</c> → <c>https://w3id.org/dpv#</c>), in the file's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Prefixes { get; }

    public static VocabularyMap Dpv { get; } = Load("dpv");

    public static VocabularyMap Fides { get; } = Load("fides");

    /// <summary>Every term a row gives, for the tests that check each one is in the vocabulary's term list.</summary>
    public IEnumerable<(string Kind, string Pattern, string Term)> Rows => _rows.SelectMany(k => k.Value.SelectMany(r => Split(r.Term).Select(t => (k.Key, r.Pattern, t))));

    /// <summary>The term for a name of a kind (the first, where a row gives several), in a policy governed by <paramref name="laws"/>; null where the kind has no row that covers it.</summary>
    public string? Term(string kind, string name, IReadOnlyCollection<string> laws) => Terms(kind, name, laws).FirstOrDefault();

    /// <summary>Every term the best row gives for a name of a kind (a row may give several, joined by " &amp; "); none where no row covers it.</summary>
    public IReadOnlyList<string> Terms(string kind, string name, IReadOnlyCollection<string> laws) =>
        Best(kind, name, laws) is { } row ? Split(row.Term) : Array.Empty<string>();

    /// <summary>A row's terms: a Fides value may hold spaces and commas ("Legal obligations"), so several are joined by " &amp; ".</summary>
    private static string[] Split(string terms) => terms.Split(new[] { " & " }, StringSplitOptions.None);

    private Row? Best(string kind, string name, IReadOnlyCollection<string> laws)
    {
        if (!_rows.TryGetValue(kind, out var rows)) return null;
        Row? best = null;
        foreach (var row in rows)
        {
            if (row.Law is not null && !laws.Contains(row.Law)) continue;
            if (!Matches(row.Pattern, name)) continue;
            if (best is null || Better(row, best)) best = row;
        }
        return best;
    }

    /// <summary>Whether a row other than the kind's '*' row maps the name: the name has a term of its own, not the general one.</summary>
    public bool HasOwnRow(string kind, string name, IReadOnlyCollection<string> laws) =>
        _rows.TryGetValue(kind, out var rows) && rows.Any(r => r.Pattern != "*" && (r.Law is null || laws.Contains(r.Law)) && Matches(r.Pattern, name));

    /// <summary>The full IRI of a term written with a prefix (<c>dpv:Consent</c>).</summary>
    public string Iri(string term)
    {
        var colon = term.IndexOf(':');
        var prefix = colon > 0 ? term.Substring(0, colon) : null;
        return Prefixes.FirstOrDefault(p => p.Key == prefix) is { Value: { } ns } ? ns + term.Substring(colon + 1) : term;
    }

    /// <summary>The laws of the lawful-bases files that govern a jurisdiction (GDPR for DE), for <see cref="Term"/>.</summary>
    public static IReadOnlyCollection<string> LawsOf(string? jurisdiction) =>
        new HashSet<string>(LegalBases.All.Where(e => e.AppliesIn(jurisdiction)).Select(e => e.Law), StringComparer.Ordinal);

    private static bool Better(Row row, Row than) =>
        Specificity(row.Pattern) != Specificity(than.Pattern) ? Specificity(row.Pattern) > Specificity(than.Pattern) : row.Law is not null && than.Law is null;

    /// <summary>A name outranks its prefix, a longer prefix a shorter one, and '*' comes last.</summary>
    private static int Specificity(string pattern) => pattern == "*" ? 0 : pattern.EndsWith("*", StringComparison.Ordinal) ? pattern.Length : int.MaxValue;

    private static bool Matches(string pattern, string name) =>
        pattern == "*" || pattern == name
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal));

    private static VocabularyMap Load(string name)
    {
        var resource = "PolicyCompiler.Exports." + name + ".map";
        using var stream = typeof(VocabularyMap).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException(resource + " is not embedded in the compiler");
        using var reader = new StreamReader(stream);
        var prefixes = new List<KeyValuePair<string, string>>();
        var rows = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields[0] == "prefix" && fields.Length == 3)
            {
                prefixes.Add(new KeyValuePair<string, string>(fields[1], fields[2]));
                continue;
            }
            if (fields.Length is not (3 or 4)) throw new InvalidDataException(resource + ": a row is 'kind<TAB>pattern<TAB>term[<TAB>law]': " + line);
            if (!rows.TryGetValue(fields[0], out var kind)) rows.Add(fields[0], kind = new List<Row>());
            kind.Add(new Row(fields[1], fields[2], fields.Length == 4 ? fields[3] : null));
        }
        return new VocabularyMap(name, prefixes, rows);
    }

    private sealed record Row(string Pattern, string Term, string? Law);
}
