using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyCompiler.Binding;

/// <summary>One lawful basis of processing as one law states it: the word a purpose names it by, and where the law says it.</summary>
public sealed record LegalBasisEntry(string Word, string Law, string Article, bool SpecialOnly, string English, string Georgian)
{
    /// <summary>Where the law governs: country codes and known country groups (EEA); see <see cref="AppliesIn"/>.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = Array.Empty<string>();

    /// <summary>Whether the law governs a policy of the jurisdiction (a country code); none for a policy without one.</summary>
    public bool AppliesIn(string? jurisdiction) => Governs(Jurisdictions, jurisdiction);

    /// <summary>Whether a law that governs in <paramref name="jurisdictions"/> (codes, known groups) governs a policy of <paramref name="jurisdiction"/>.</summary>
    internal static bool Governs(IReadOnlyList<string> jurisdictions, string? jurisdiction) =>
        jurisdiction is not null && jurisdictions.Any(j => j == jurisdiction || (CountryGroups.MembersFor(j, jurisdiction)?.Contains(jurisdiction, StringComparer.Ordinal) ?? false));

    /// <summary>The basis's article as the documents cite it: <c>GDPR Art. 6(1)(a)</c>.</summary>
    public string Citation => Law + " " + Article;
}

/// <summary>
/// The lawful bases of processing, as data: a file per law beside the law packs (<c>Lint/Packs/*.bases</c>), so that
/// a new law adds a file, not code. A file starts with <c>law &lt;name&gt; &lt;order&gt; &lt;jurisdictions&gt;</c> (the
/// order its words are listed in; the countries or known country groups where it governs, comma-separated); then each line, tab-separated, is a word, the article, <c>any</c> or <c>special</c> (a basis for
/// the special categories only), and the documents' labels in English and Georgian. A word several laws state
/// (consent) is one word of the language with each law's article.
/// </summary>
public static class LegalBases
{
    private const string Prefix = "PolicyCompiler.Lint.";
    private const string Suffix = ".bases";

    /// <summary>Every entry, law by law in their order, each law's in its file's order.</summary>
    public static IReadOnlyList<LegalBasisEntry> All { get; } = Load();

    /// <summary>The distinct words, in the order of their first entry.</summary>
    public static IReadOnlyList<string> Words { get; } = All.Select(e => e.Word).Distinct(StringComparer.Ordinal).ToArray();

    private static readonly ILookup<string, LegalBasisEntry> ByWord = All.ToLookup(e => e.Word, StringComparer.Ordinal);

    /// <summary>What each law says of a word: its entries, in the laws' order; none for a word no law has.</summary>
    public static IReadOnlyList<LegalBasisEntry> Of(string word) => ByWord[word].ToList();

    /// <summary>
    /// What the laws that govern a policy of <paramref name="jurisdiction"/> say of a word: a Georgian policy's
    /// "consent" is not the GDPR's Art. 6(1)(a), and a law without a file here gives no article.
    /// </summary>
    public static IReadOnlyList<LegalBasisEntry> Of(string word, string? jurisdiction) => ByWord[word].Where(e => e.AppliesIn(jurisdiction)).ToList();

    /// <summary>The articles the documents and the guards cite for a word in a policy of <paramref name="jurisdiction"/>: "GDPR Art. 6(1)(a); BDSG § 26(1)", or null.</summary>
    public static string? Citations(string word, string? jurisdiction)
    {
        var entries = Of(word, jurisdiction);
        return entries.Count == 0 ? null : string.Join("; ", entries.Select(e => e.Citation));
    }

    private static IReadOnlyList<LegalBasisEntry> Load()
    {
        var assembly = typeof(LegalBases).Assembly;
        var laws = new List<(int Order, List<LegalBasisEntry> Entries)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            string? law = null;
            var order = 0;
            var jurisdictions = Array.Empty<string>();
            var entries = new List<LegalBasisEntry>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var fields = line.Split('\t');
                if (law is null)
                {
                    if (fields.Length != 4 || fields[0] != "law" || !int.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out order))
                    {
                        throw new InvalidDataException(resource + " starts with 'law<TAB>name<TAB>order<TAB>jurisdictions': " + line);
                    }
                    law = fields[1];
                    jurisdictions = fields[3].Split(',');
                    continue;
                }
                if (fields.Length != 5 || fields[2] is not ("any" or "special")) throw new InvalidDataException(resource + ": a basis line has 5 tab-separated fields (word, article, any|special, English, Georgian): " + line);
                entries.Add(new LegalBasisEntry(fields[0], law, fields[1], fields[2] == "special", fields[3], fields[4]) { Jurisdictions = jurisdictions });
            }
            laws.Add((order, entries));
        }
        return laws.OrderBy(l => l.Order).SelectMany(l => l.Entries).ToArray();
    }
}
