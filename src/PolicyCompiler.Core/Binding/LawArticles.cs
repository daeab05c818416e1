using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyCompiler.Binding;

/// <summary>
/// The articles of a law behind the language's words of transfers and rights (<c>Lint/Packs/*.articles</c>, beside
/// the law packs): as data, so that a law adds a file, not code. Like the lawful bases (<see cref="LegalBases"/>),
/// an article is cited only in a policy whose jurisdiction the law governs.
/// </summary>
public static class LawArticles
{
    private const string Prefix = "PolicyCompiler.Lint.";
    private const string Suffix = ".articles";

    private static readonly IReadOnlyList<Entry> All = Load();

    /// <summary>The articles that state a word of a kind (<c>transfer-basis</c>, <c>safeguard</c>, <c>right</c>) in a policy of the jurisdiction: "GDPR Art. 49(1)(b)", or null.</summary>
    public static string? Of(string kind, string word, string? jurisdiction)
    {
        var entries = All.Where(e => e.Kind == kind && e.Word == word && LegalBasisEntry.Governs(e.Jurisdictions, jurisdiction)).ToList();
        return entries.Count == 0 ? null : string.Join("; ", entries.Select(e => e.Law + " " + e.Article));
    }

    private sealed record Entry(string Kind, string Word, string Article, string Law, IReadOnlyList<string> Jurisdictions);

    private static IReadOnlyList<Entry> Load()
    {
        var assembly = typeof(LawArticles).Assembly;
        var entries = new List<Entry>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            string? law = null;
            var jurisdictions = Array.Empty<string>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var fields = line.Split('\t');
                if (law is null)
                {
                    if (fields.Length != 3 || fields[0] != "law") throw new InvalidDataException(resource + " starts with 'law<TAB>name<TAB>jurisdictions': " + line);
                    law = fields[1];
                    jurisdictions = fields[2].Split(',');
                    continue;
                }
                if (fields.Length != 3) throw new InvalidDataException(resource + ": an article line has 3 tab-separated fields (kind, word, article): " + line);
                entries.Add(new Entry(fields[0], fields[1], fields[2], law, jurisdictions));
            }
        }
        return entries;
    }
}
