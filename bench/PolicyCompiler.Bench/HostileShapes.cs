using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyCompiler.Bench;

/// <summary>A policy and the legal text it names (null when it names none).</summary>
public sealed record HostileInput(string Name, string Policy, string? Legal);

/// <summary>
/// The inputs whose cost once grew faster than their size, each built at a given size: the benchmarks run
/// them at three sizes to show the growth, the fuzzer at random sizes under the limits to show none is slow.
/// Deterministic; every input is under the file-size limit at the sizes the benchmarks use.
/// </summary>
public static class HostileShapes
{
    public const string LegalPath = "legal.txt";

    /// <summary>
    /// Each shape at a scale: ×1 is the benchmarks' smallest size, ×100 their largest, which is still under
    /// every limit (the file sizes, the names per kind); the fuzzer picks scales in between.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, Func<int, HostileInput> AtScale)> Scaled = new (string, Func<int, HostileInput>)[]
    {
        ("same-number", s => SameNumberEverywhere(2_000 * s)),
        ("missing-sections", s => MissingSections(5_000 * s, 20 * s)),
        ("excerpt-not-in-paragraph", s => ExcerptNotInParagraph(10_000 * s)),
        // The references stay at 100: one suggestion search each, and a file gets no more (the diagnostics past
        // the first hundred are not shown); the names they are compared with grow.
        ("long-names", s => LongNamesAndTypos(40 * s, 100)),
        ("excerpt-citations", s => ExcerptCitations(1_000 * s, 100 * s)),
        ("huge-identifier", s => HugeIdentifier(100_000 * s)),
        ("short-statements", s => ManyShortStatements(3_500 * s)),
        ("unformatted", s => new HostileInput("unformatted", Unformatted(1_000 * s), null)),
    };

    public const int LargestScale = 100;

    public static HostileInput At(string name, int scale) => Scaled.Single(s => s.Name == name).AtScale(scale);

    /// <summary>A legal text of <paramref name="lines"/> lines all numbered "1." (each a repeated id: §1, §1#2, …).</summary>
    public static HostileInput SameNumberEverywhere(int lines) => new(
        "same-number",
        Policy("  category c ka \"კ\" en \"c\" cites §1\n", legal: true),
        Repeat(lines, i => "1. paragraph " + Number(i)));

    /// <summary>A legal text of <paramref name="paragraphs"/> numbered sections and <paramref name="citations"/> citations of sections it lacks.</summary>
    public static HostileInput MissingSections(int paragraphs, int citations) => new(
        "missing-sections",
        Policy(Repeat(citations, i => "  category c" + Number(i) + " ka \"კ\" en \"c\" cites §" + Number(7 + (i % 89)) + "." + Number(i % 997) + ".9" + Number(i % 13)), legal: true),
        Repeat(paragraphs, i => Number(1 + (i / 1000)) + "." + Number(1 + (i % 1000)) + ". t"));

    /// <summary>One paragraph of <paramref name="words"/> words and a citation of it with a 200-word excerpt it does not hold.</summary>
    public static HostileInput ExcerptNotInParagraph(int words)
    {
        var paragraph = new StringBuilder("1. ");
        for (var i = 0; i < words; i++) paragraph.Append(Word(i)).Append(' ');
        var excerpt = string.Join(" ", Enumerable.Range(0, 200).Select(i => Word((i * 7) + 3) + (i % 10 == 0 ? "x" : string.Empty)));
        return new("excerpt-not-in-paragraph", Policy("  category c ka \"კ\" en \"c\" cites §1 \"" + excerpt + "\"\n", legal: true), paragraph.Append('\n').ToString());
    }

    /// <summary><paramref name="citations"/> citations by excerpt alone (no section) of a legal text of <paramref name="paragraphs"/> paragraphs.</summary>
    public static HostileInput ExcerptCitations(int paragraphs, int citations) => new(
        "excerpt-citations",
        Policy(Repeat(citations, i => "  category c" + Number(i) + " ka \"კ\" en \"c\" cites \"text number " + Number(i * 7 % paragraphs) + " of the\""), legal: true),
        Repeat(paragraphs, i => Number(1 + (i / 1000)) + "." + Number(1 + (i % 1000)) + ". text number " + Number(i) + " of the section"));

    /// <summary><paramref name="names"/> declared 128-character names and <paramref name="references"/> references to names never declared.</summary>
    public static HostileInput LongNamesAndTypos(int names, int references) => new(
        "long-names",
        Policy(Repeat(names, i => "  category " + LongName(i) + " ka \"კ\" en \"c\" cites §1")
            + Repeat(references, i => "  process " + LongName(i + 1_000_000) + " for p cites §1")
            + "  purpose p ka \"მ\" en \"p\" basis contract cites §1\n", legal: false),
        null);

    /// <summary>An identifier of <paramref name="characters"/> letters where a statement should start.</summary>
    public static HostileInput HugeIdentifier(int characters) => new("huge-identifier", Policy("  " + new string('a', characters) + "\n", legal: false), null);

    /// <summary>A valid policy of <paramref name="statements"/> statements in one short form (about 30 bytes each).</summary>
    public static HostileInput ManyShortStatements(int statements) => new(
        "short-statements",
        Policy("  category c ka \"კ\" en \"c\" cites §1\n  purpose p ka \"მ\" en \"p\" basis contract cites §1\n"
            + Repeat(statements, i => "  process c for p cites §" + Number(i % 100)), legal: false),
        null);

    /// <summary>A valid policy whose every statement is indented wrongly, so that formatting changes every line.</summary>
    public static string Unformatted(int statements) => SyntheticPolicy.Create(statements).Replace("\n  ", "\n   ", StringComparison.Ordinal);

    /// <summary>A name of 128 characters, unique to <paramref name="i"/>, from a small alphabet so that names share their letters.</summary>
    private static string LongName(int i)
    {
        var name = new StringBuilder("n");
        var state = (uint)i * 2654435761u + 1;
        while (name.Length < 128)
        {
            state = (state * 1103515245u) + 12345u;
            name.Append((char)('a' + ((state >> 16) % 6)));
        }
        return name.ToString();
    }

    private static string Word(int i) => "w" + Number(i % 50);

    private static string Policy(string members, bool legal) =>
        "policy hostile {\n" + (legal ? "  source \"" + LegalPath + "\"\n" : string.Empty) + members + (members.EndsWith('\n') ? string.Empty : "\n") + "}\n";

    private static string Repeat(int count, Func<int, string> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++) text.Append(line(i)).Append('\n');
        return text.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
