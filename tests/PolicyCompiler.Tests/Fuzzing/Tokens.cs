using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>
/// Splits a policy into rough tokens for mutation: strings, comments, sections, words, numbers, single marks
/// and runs of white space. It need not agree with the parser: a mutation only has to cut at plausible places.
/// </summary>
internal static partial class Tokens
{
    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""?|//[^\n]*|/\*.*?\*/|§[^\s,""]+|[A-Za-z][A-Za-z0-9_.*-]*|\d+(?:-\d+)*|\s+|.", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        foreach (Match match in Token().Matches(text)) tokens.Add(match.Value);
        return tokens;
    }
}
