using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PolicyCompiler.Tests.Formatting;

/// <summary>
/// Random policies as people might lay them out: the random statements of <see cref="Support.RandomPolicies"/>
/// plus a member of every other kind and a test block, with tokens separated by random white space and line
/// breaks, comments of both kinds between and inside members, blank lines, and labels full of escapes.
/// </summary>
internal static class PolicyLayouts
{
    private static readonly string[] Separators = { " ", "  ", "\t", "\n    ", "\n\n  ", " /* inside */ ", " // at the end of a line\n      " };

    private static readonly string[] Lines = { "// a comment line", "/* a block\n   comment */", string.Empty, "// ---- a section ----" };

    /// <summary>Label texts written with escapes: quotes, backslashes, control and bidirectional characters, comment markers.</summary>
    private static readonly string[] Labels =
    {
        "\"plain\"", "\"a \\\"quoted\\\" word\"", "\"back\\\\slash\"", "\"tab\\there\"", "\"line\\nbreak\"", "\"// not a comment\"",
        "\"/* not a comment */\"", "\"\\u202Eevil\\u202C\"", "\"ქართული ტექსტი\"", "\"\\u0000nul\"",
    };

    private static readonly string[] Extras =
    {
        "title ka \"სათაური\" en {0} cites §1",
        "controller {0} website \"www.example.ge\" email \"a@example.ge\" cites §1",
        "effective 2024-01-31 cites §1",
        "jurisdiction GE cites §1",
        "channel ch1 ka \"არხი\" en {0} address \"a@example.ge\" cites §1",
        "tracking t1 ka \"თ\" en {0} kind pixel cites §1",
        // Two retentions of all the data, which end alike (two that ended differently would contradict each other).
        "retain * for 3 years after account-closure or until account-closure whichever later then anonymise cites §2",
        "retain * for 3 years after account-closure or until account-closure whichever later then anonymise cites §2, §1 {0}",
        "right access via ch1 within 10 days cites §2 {0}",
        "right erasure cites §2",
        "consent marketing given checkbox withdraw via ch1 cites §2",
        "amendments take-effect within 10 days after publication without-notice cites §2",
        "informative §3, §4 {0}",
    };

    /// <summary>A valid random policy laid out at random, with a test block.</summary>
    public static Gen<string> Policy { get; } =
        from policy in Support.RandomPolicies.Policy.Select(Support.RandomPolicies.Valid)
        from extras in Gen.SubListOf(Enumerable.Range(0, Extras.Length).ToArray())
        from labels in Gen.ArrayOf(Gen.Elements(Labels), Extras.Length)
        from separators in Gen.ArrayOf(Gen.Elements(Separators), 400)
        from lines in Gen.ArrayOf(Gen.Elements(Lines), 60)
        // Valid again: an extra jurisdiction makes a store abroad a transfer that must be permitted (PC3007).
        select Scramble(Support.RandomPolicies.Valid(WithExtras(policy, extras, labels)), separators, lines);

    private static string WithExtras(string policy, IList<int> extras, string[] labels)
    {
        var body = policy.TrimEnd().TrimEnd('}');
        var subject = policy.Split('\n').First(l => l.TrimStart().StartsWith("subject ", System.StringComparison.Ordinal)).Trim().Split(' ')[1];
        var category = policy.Split('\n').First(l => l.TrimStart().StartsWith("category ", System.StringComparison.Ordinal)).Trim().Split(' ')[1];
        var text = new StringBuilder(body);
        var needsChannel = extras.Select(i => Extras[i]).Any(e => e.Contains("ch1", System.StringComparison.Ordinal) && !e.StartsWith("channel", System.StringComparison.Ordinal));
        var needsTracker = extras.Select(i => Extras[i]).Any(e => e.Contains("via t1", System.StringComparison.Ordinal));
        if (needsChannel && !extras.Contains(4)) extras = extras.Append(4).ToList();
        if (needsTracker && !extras.Contains(5)) extras = extras.Append(5).ToList();
        foreach (var i in extras.OrderBy(i => i))
        {
            // A random policy may have its jurisdiction already, and a second is an error.
            if (Extras[i].StartsWith("jurisdiction ", System.StringComparison.Ordinal) && policy.Contains("\n  jurisdiction ", System.StringComparison.Ordinal)) continue;
            text.Append("  ").Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, Extras[i], labels[i], subject)).Append('\n');
        }
        text.Append("}\n\n// the tests\ntest ").Append(labels[0]).Append(" {\n  allow collect ").Append(category).Append(" from ").Append(subject)
            .Append("\n  deny  store ").Append(category).Append(" of citizen RU in KZ // a trailing comment\n}\n");
        return text.ToString();
    }

    /// <summary>Re-separates the tokens of every member line and adds comment and blank lines between members.</summary>
    private static string Scramble(string policy, string[] separators, string[] lines)
    {
        var output = new StringBuilder();
        var s = 0;
        var l = 0;
        foreach (var line in policy.Split('\n'))
        {
            if (line.StartsWith("  ", System.StringComparison.Ordinal) && !line.Contains("//", System.StringComparison.Ordinal))
            {
                if (l < lines.Length && lines[l].Length > 0 && (l % 3) == 0) output.Append("  ").Append(lines[l]).Append('\n');
                else if (l < lines.Length && lines[l].Length == 0) output.Append('\n');
                l++;
                var tokens = Tokens(line.Trim());
                output.Append("  ").Append(tokens[0]);
                for (var i = 1; i < tokens.Count; i++)
                {
                    output.Append(separators[s++ % separators.Length]).Append(tokens[i]);
                }
                output.Append('\n');
            }
            else
            {
                output.Append(line).Append('\n');
            }
        }
        return output.ToString();
    }

    /// <summary>Splits a line at spaces outside string literals.</summary>
    private static List<string> Tokens(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inString = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString && c == '\\' && i + 1 < line.Length)
            {
                current.Append(c).Append(line[++i]);
                continue;
            }
            if (c == '"') inString = !inString;
            if (c == ' ' && !inString)
            {
                if (current.Length > 0) tokens.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }
}
