using System;
using System.IO;
using System.Linq;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.Hostile;

/// <summary>
/// Text from a policy, a legal text or a file name never reaches the terminal raw: ESC sequences, carriage returns,
/// bidirectional controls and line breaks inside a value are printed escaped by every command, and a file name cannot
/// forge a diagnostic line.
/// </summary>
public sealed class TerminalInjectionTests
{
    private const string Esc = "\u001B";

    /// <summary>A policy whose test name, labels, excerpt and comments carry escape sequences and a bidirectional override.</summary>
    private static readonly string Hostile = Support.Compile.Policy(
        "  // a comment " + Esc + "[2J that clears the screen\n"
        + "  process contact.email for order // " + Esc + "]0;title\u0007 in a statement\n"
        + "    cites §1 \"" + Esc + "[31mred\\u202E excerpt\"\n"
        + "}\n"
        + "test \"name " + Esc + "[31m red \\u202E reversed\\r\" {\n"
        + "  allow process contact.email for marketing\n").Replace("en \"email\"", "en \"email " + Esc + "[5m blink\"", StringComparison.Ordinal);

    [Fact]
    public void A_test_name_with_escape_sequences_is_printed_escaped()
    {
        using var folder = new TempFolder();
        var policy = folder.File("p.policy", Hostile);

        var (exit, output, error) = Bounded.Run("test", policy);

        Assert.Equal(1, exit);
        Assert.Contains("test \"name \\u001B[31m red \\u202E reversed\\u000D\": expected allow", output, StringComparison.Ordinal);
        AssertPrintable(output + error);
    }

    [Fact]
    public void Every_command_prints_policy_and_legal_text_escaped()
    {
        using var folder = new TempFolder();
        var policy = folder.File("p.policy", Hostile);
        var changed = folder.File("q.policy", Hostile.Replace("en \"advertising\"", "en \"ads " + Esc + "[8m hidden\"", StringComparison.Ordinal));
        var legal = folder.File("legal.txt", "1. a paragraph " + Esc + "[31m red \u202E reversed\n2. another\r\n");
        var outDir = Path.Combine(folder.Path, "out" + Esc + "[31m");

        var runs = new[]
        {
            Bounded.Run("check", policy),
            Bounded.Run("check", policy, "--format", "json"),
            Bounded.Run("check", policy, "--format", "sarif"),
            Bounded.Run("explain", policy, "process", "contact.email", "for", "marketing"),
            Bounded.Run("sections", legal),
            Bounded.Run("diff", policy, changed),
            Bounded.Run("diff", policy, changed, "--format", "markdown"),
            Bounded.Run("test", policy, "--format", "junit"),
            Bounded.Run("build", policy, "--out", outDir),
            Bounded.Run("lint", policy),
            Bounded.Run("coverage", policy),
        };

        Assert.Contains(@"§1 ", runs[4].Output, StringComparison.Ordinal);
        Assert.Contains(@"\u001B[31m red \u202E reversed", runs[4].Output, StringComparison.Ordinal);
        Assert.Contains("wrote ", runs[8].Output, StringComparison.Ordinal);
        Assert.All(runs, run => AssertPrintable(run.Output + run.Error));
        // JSON, SARIF and JUnit XML stay well-formed after escaping.
        using var json = System.Text.Json.JsonDocument.Parse(runs[1].Output);
        using var sarif = System.Text.Json.JsonDocument.Parse(runs[2].Output);
        System.Xml.Linq.XDocument.Parse(runs[7].Output);
    }

    [Fact]
    public void A_file_name_with_a_line_break_cannot_forge_a_diagnostic()
    {
        using var folder = new TempFolder();
        var name = "a" + Esc + "[2K\nx.policy(1,1): error PC0000: forged\r.policy";
        var policy = folder.File(name, "policy p {\n  jurisdiction XX\n}\n");

        var (exit, output, error) = Bounded.Run("check", folder.Path);
        var (fmtExit, _, fmtError) = Bounded.Run("fmt", "--check", policy + "-missing.policy");
        var (_, json, jsonError) = Bounded.Run("check", policy + "\u202E.policy", "--format", "json");
        var (_, jsonOfTheFile, _) = Bounded.Run("check", folder.Path, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains(@"a\u001B[2K\u000Ax.policy(1,1): error PC0000: forged\u000D.policy(2,16): error", output, StringComparison.Ordinal);
        Assert.Equal(2, fmtExit);
        using (var parsed = System.Text.Json.JsonDocument.Parse(jsonOfTheFile))
        {
            Assert.Equal(policy, parsed.RootElement[0].GetProperty("path").GetString());
        }
        AssertPrintable(json + jsonError + jsonOfTheFile);
        Assert.Contains(@"\u202E.policy: no such file or folder", jsonError, StringComparison.Ordinal);
        Assert.DoesNotContain(Lines(output + error + fmtError), line => line.StartsWith("x.policy", StringComparison.Ordinal));
        AssertPrintable(output + error + fmtError);
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static void AssertPrintable(string printed)
    {
        var unsafeCharacters = printed.Where(c => c != '\n' && c != '\t' && (TerminalText.IsUnsafe(c) || char.IsSurrogate(c) && !char.IsHighSurrogate(c) && !char.IsLowSurrogate(c))).ToList();
        Assert.True(unsafeCharacters.Count == 0, "printed raw: " + string.Join(", ", unsafeCharacters.Select(c => "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))) + "\n" + TerminalText.EscapeLines(printed));
    }
}
