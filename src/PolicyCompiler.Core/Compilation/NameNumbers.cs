using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyCompiler.Binding;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Emit;
using PolicyCompiler.Model;
using PolicyCompiler.Text;

namespace PolicyCompiler.Compilation;

/// <summary>One line of a numbers file, or one a build adds: a name of a kind and its number.</summary>
public sealed record NumberLine(string Kind, string Key, int Number);

/// <summary>
/// The number each generated enum gives each name (a condition: its bit), kept in a file beside the policy
/// (<c>eleven.policy</c> → <c>eleven.numbers</c>, lines <c>category 1 contact.email</c>), so that adding,
/// removing or reordering declarations never changes another name's number: code that stored a category or a
/// consent mask reads it back with the meaning it had. A name the file lacks is numbered past the largest number
/// its kind has ever had (the file's lines, those of removed names included), a condition with the lowest bit no
/// line has; without a file every name is numbered by its position, as the guards list it.
/// </summary>
public sealed class NameNumbers
{
    public const string Extension = ".numbers";

    /// <summary>A condition is a bit of a 64-bit mask.</summary>
    public const int MaxConditionBit = 63;

    private readonly Dictionary<string, Dictionary<string, int>> _numbers;
    private readonly Dictionary<string, int> _lengths;

    private NameNumbers(string path, string? fileText, Dictionary<string, Dictionary<string, int>> numbers, Dictionary<string, int> lengths, IReadOnlyList<NumberLine> unpinned, IReadOnlyList<NumberLine> retired)
    {
        Path = path;
        FileText = fileText;
        _numbers = numbers;
        _lengths = lengths;
        Unpinned = unpinned;
        Retired = retired;
    }

    /// <summary>The numbers file's path: beside the policy, its name with <see cref="Extension"/>.</summary>
    public string Path { get; }

    /// <summary>The file as read; null where the policy has none.</summary>
    public string? FileText { get; }

    /// <summary>Whether the policy has a numbers file.</summary>
    public bool Committed => FileText is not null;

    /// <summary>The names this build numbered that no file keeps (every name, where there is no file), in the order of their enums.</summary>
    public IReadOnlyList<NumberLine> Unpinned { get; }

    /// <summary>The file's lines for names the policy no longer has: their numbers stay taken.</summary>
    public IReadOnlyList<NumberLine> Retired { get; }

    /// <summary>
    /// PC1030 where the policy has no numbers file, at its first line: what the source generator says (its guards
    /// are what code keeps values of; <c>policyc verify</c> fails on it too), and <c>check</c> does not, as a policy
    /// being written need not number its names yet.
    /// </summary>
    public Diagnostic? WhenAbsent(SourceText policy) =>
        Committed ? null : DiagnosticBuilder.At(policy ?? throw new ArgumentNullException(nameof(policy)), policy.SpanOf(0, 0)).NoNumbersFile(FileNameOf(policy.Path), FileName);

    /// <summary>The numbers file of the policy at <paramref name="policyPath"/>.</summary>
    public static string PathOf(string policyPath)
    {
        if (policyPath is null) throw new ArgumentNullException(nameof(policyPath));
        policyPath = policyPath.Replace('\\', '/');
        var slash = Math.Max(policyPath.LastIndexOf('/'), policyPath.LastIndexOf('\\'));
        var dot = policyPath.LastIndexOf('.');
        return (dot > slash ? policyPath.Substring(0, dot) : policyPath) + Extension;
    }

    /// <summary>The file's name alone, as messages name it.</summary>
    public string FileName => FileNameOf(Path);

    private static string FileNameOf(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    /// <summary>The number (a condition's bit) of a name of a kind (<see cref="NumberedNames"/>).</summary>
    public int Of(string kind, string key) => _numbers[kind][key];

    /// <summary>One past the largest number of the kind: how long a table indexed by the kind's numbers is.</summary>
    public int Length(string kind) => _lengths.TryGetValue(kind, out var length) ? length : 0;

    /// <summary>The file with a line added for each name it lacks (a new file, with what it is for, where there was none).</summary>
    public string Updated()
    {
        var text = new StringBuilder(FileText ?? Header);
        if (text.Length > 0 && text[text.Length - 1] != '\n') text.Append('\n');
        foreach (var line in Unpinned) text.Append(line.Kind).Append(' ').Append(line.Number.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(line.Key).Append('\n');
        return text.ToString();
    }

    private const string Header =
        "# The numbers the generated C# gives this policy's names (enum values; a condition's bit). Commit this file.\n" +
        "# 'policyc numbers --write' adds a line for each new name. Never change or remove a line: code may have\n" +
        "# stored a number, and a removed name's line keeps its number from being given to another name.\n";

    /// <summary>
    /// Numbers the names of <paramref name="model"/>: by <paramref name="file"/> where there is one (its problems
    /// reported at its lines, a name it lacks at the name's declaration in <paramref name="policy"/>), by position otherwise.
    /// </summary>
    public static NameNumbers Assign(PolicyModel model, SourceText policy, SourceText? file, ICollection<Diagnostic> diagnostics)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        if (policy is null) throw new ArgumentNullException(nameof(policy));
        if (diagnostics is null) throw new ArgumentNullException(nameof(diagnostics));
        // The file is named as the policy is (relative where the policy's path is), whatever path a host read it by.
        var path = PathOf(policy.Path);
        if (file is not null) file = new SourceText(file.Text, path);
        var enums = NumberedNames.Of(model);
        var pinned = file is null ? new List<NumberLine>() : Read(file, enums, diagnostics);

        var numbers = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        var unpinned = new List<NumberLine>();
        var retired = new List<NumberLine>();
        foreach (var numbered in enums)
        {
            var ofKind = pinned.Where(l => l.Kind == numbered.Kind).ToList();
            var given = ofKind.ToDictionary(l => l.Key, l => l.Number, StringComparer.Ordinal);
            var declared = new HashSet<string>(numbered.Names.Select(n => n.Key), StringComparer.Ordinal);
            retired.AddRange(ofKind.Where(l => !declared.Contains(l.Key)));
            var next = ofKind.Count == 0 ? 0 : ofKind.Max(l => l.Number) + 1;
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < numbered.Names.Count; i++)
            {
                var name = numbered.Names[i];
                if (given.TryGetValue(name.Key, out var number))
                {
                    byName[name.Key] = number;
                    continue;
                }
                // Without a file a name's number is its position, which every earlier version of policyc gave it. A
                // condition takes the lowest bit no line has (a mask has 64); any other name the next number.
                if (file is null) number = i;
                else if (numbered.IsFlags) number = LowestFree(ofKind.Select(l => l.Number).Concat(byName.Values));
                else number = next++;
                byName[name.Key] = number;
                unpinned.Add(new NumberLine(numbered.Kind, name.Key, number));
                if (file is null) continue;
                if (numbered.IsFlags && number > MaxConditionBit)
                {
                    // The bits of removed conditions stay taken: the policy needs more bits than a mask has. (With more
                    // conditions than bits, the binder's PC3002 has said so already.)
                    if (numbered.Names.Count <= MaxConditionBit + 1) diagnostics.Add(DiagnosticBuilder.At(policy, name.Span).TooManyConditions(ofKind.Count + numbered.Names.Count(n => !given.ContainsKey(n.Key)), MaxConditionBit + 1));
                    continue;
                }
                diagnostics.Add(DiagnosticBuilder.At(policy, name.Span).NameWithoutNumber(numbered.Kind, name.Key, FileNameOf(path), number));
            }
            numbers[numbered.Kind] = byName;
            lengths[numbered.Kind] = Math.Max(next, byName.Count == 0 ? 0 : byName.Values.Max() + 1);
        }
        return new NameNumbers(path, file?.Text, numbers, lengths, unpinned, retired);
    }

    private static int LowestFree(IEnumerable<int> taken)
    {
        var used = new HashSet<int>(taken);
        var number = 0;
        while (used.Contains(number)) number++;
        return number;
    }

    /// <summary>The lines of a numbers file that read and contradict no earlier line; the others are reported.</summary>
    private static List<NumberLine> Read(SourceText file, IReadOnlyList<NumberedEnum> enums, ICollection<Diagnostic> diagnostics)
    {
        var kinds = string.Join(", ", NumberedNames.Kinds);
        var lines = new List<NumberLine>();
        var byName = new Dictionary<(string Kind, string Key), (int Number, int Line)>();
        var byNumber = new Dictionary<(string Kind, int Number), (string Key, int Line)>();
        var bounds = Bounds(file.Text, enums);
        var text = file.Text;
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.Substring(start, end - start).TrimEnd('\r');
            var lineStart = start;
            start = end + 1;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;

            var at = DiagnosticBuilder.At(file, file.SpanOf(lineStart + (line.Length - line.TrimStart().Length), trimmed.Length));
            var words = trimmed.Split(new[] { ' ', '\t' }, 3, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3)
            {
                diagnostics.Add(at.MalformedNumbersLine("expected '<kind> <number> <name>', found '" + trimmed + "'", kinds));
                continue;
            }
            var kind = words[0];
            var key = words[2].Trim();
            if (!bounds.TryGetValue(kind, out var bound))
            {
                var suggestion = Suggestions.Closest(kind, NumberedNames.Kinds);
                diagnostics.Add(at.MalformedNumbersLine("'" + kind + "' is not a kind of name the guards number" + (suggestion is null ? "" : " (did you mean '" + suggestion + "'?)"), kinds));
                continue;
            }
            if (!int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > bound)
            {
                diagnostics.Add(at.MalformedNumbersLine("'" + words[1] + "' is not a number from 0 to " + bound.ToString(CultureInfo.InvariantCulture) + " for a " + kind, kinds));
                continue;
            }
            var lineNumber = file.LineIndexOf(lineStart) + 1;
            if (byName.TryGetValue((kind, key), out var sameName))
            {
                diagnostics.Add(at.NumberedTwice(kind + " '" + key + "' is numbered again: line " + Number(sameName.Line) + " gives it " + Number(sameName.Number)));
                continue;
            }
            if (byNumber.TryGetValue((kind, number), out var sameNumber))
            {
                diagnostics.Add(at.NumberedTwice(kind + " number " + Number(number) + " is given again, to '" + key + "': line " + Number(sameNumber.Line) + " gives it to '" + sameNumber.Key + "'"));
                continue;
            }
            byName.Add((kind, key), (number, lineNumber));
            byNumber.Add((kind, number), (key, lineNumber));
            lines.Add(new NumberLine(kind, key, number));
        }
        return lines;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The largest number each kind may have. A condition is a bit (0 to 63); any other number stays below the kind's
    /// lines in the file plus its names in the policy, so that a table indexed by the numbers grows with the input
    /// and a hostile file cannot make the guards huge.
    /// </summary>
    private static Dictionary<string, int> Bounds(string text, IReadOnlyList<NumberedEnum> enums)
    {
        var bounds = NumberedNames.Kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var space = start;
            while (space < end && text[space] != ' ' && text[space] != '\t') space++;
            var word = text.Substring(start, space - start);
            if (bounds.ContainsKey(word)) bounds[word]++;
            start = end + 1;
        }
        foreach (var numbered in enums) bounds[numbered.Kind] += numbered.Names.Count;
        bounds[NumberedNames.Condition] = MaxConditionBit;
        return bounds;
    }
}
