using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace PolicyCompiler.Lint;

/// <summary>One piece of information a law requires a privacy notice to give, and the check that looks for it.</summary>
public sealed record Requirement(string Check, string Article, string Description);

/// <summary>
/// When a law applies to a policy, as its pack states it: <c>established</c> (the policy's jurisdiction is in the
/// area), <c>persons</c> (a statement is about people located in it) or <c>storage</c> (a statement keeps data
/// there); the area is a country code or a known group; the article, or "-".
/// </summary>
public sealed record LawScope(string Trigger, string Area, string Article)
{
    public static readonly IReadOnlyList<string> Triggers = new[] { "established", "persons", "storage" };
}

/// <summary>
/// A law's requirements, kept as a data file (<c>Lint/Packs/*.lawpack</c>, embedded in the compiler) so that
/// lawyers can read and amend them without reading code. The checks they name are code (<see cref="LintChecks"/>).
/// </summary>
public sealed record LawPack(string Id, string Name, IReadOnlyList<Requirement> Requirements)
{
    /// <summary>When the law applies to a policy; a pack without one applies only where it is named.</summary>
    public IReadOnlyList<LawScope> Scopes { get; init; } = Array.Empty<LawScope>();

    private const string ResourceSuffix = ".lawpack";

    /// <summary>The packs embedded in the compiler, in a stable order.</summary>
    public static IReadOnlyList<LawPack> BuiltIn { get; } = LoadBuiltIn();

    public static LawPack Parse(string text, string name)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        string? id = null, title = null;
        var requirements = new List<Requirement>();
        var scopes = new List<LawScope>();
        var number = 0;
        foreach (var rawLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = Fields(line, name, number);
            switch (fields[0])
            {
                case "law" when fields.Count == 3:
                    id = fields[1];
                    title = fields[2];
                    break;
                case "require" when fields.Count == 4:
                    requirements.Add(new Requirement(fields[1], fields[2], fields[3]));
                    break;
                case "applies" when fields.Count == 4 && LawScope.Triggers.Contains(fields[1]):
                    scopes.Add(new LawScope(fields[1], fields[2], fields[3]));
                    break;
                default:
                    throw new FormatException($"{name}({number}): expected 'law <id> \"<name>\"', 'applies (established|persons|storage) <area> \"<article>\"' or 'require <check> \"<article>\" \"<what>\"'");
            }
        }
        if (id is null || title is null) throw new FormatException($"{name}: no 'law' line");
        return new LawPack(id, title, requirements) { Scopes = scopes };
    }

    /// <summary>Splits a line into words and double-quoted strings.</summary>
    private static List<string> Fields(string line, string name, int number)
    {
        var fields = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                i++;
                continue;
            }
            if (line[i] == '"')
            {
                var close = line.IndexOf('"', i + 1);
                if (close < 0) throw new FormatException($"{name}({number}): unterminated string");
                fields.Add(line.Substring(i + 1, close - i - 1));
                i = close + 1;
                continue;
            }
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            fields.Add(line.Substring(start, i - start));
        }
        return fields;
    }

    private static IReadOnlyList<LawPack> LoadBuiltIn()
    {
        var assembly = typeof(LawPack).GetTypeInfo().Assembly;
        var packs = new List<LawPack>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            packs.Add(Parse(reader.ReadToEnd(), resource));
        }
        return packs;
    }
}
