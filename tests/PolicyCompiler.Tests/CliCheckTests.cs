using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyCompiler.Cli;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary><c>policyc check</c>, run in-process: exit codes, the three output formats, and unreadable inputs.</summary>
public sealed class CliCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policyc-check-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Error) Run(params string[] args) => Support.Cli.Run(args);

    private const string FiveErrors = """
        policy shop {
          category contact.email ka "ელფოსტა" en "email" cites §1
          purpose order ka "შეკვეთა" en "orders" basis contract cites §1
          proces contact.email for order cites §1
          process contact.email for ordr cites §1
          effective 2021-02-30
          transfer contact.email to any basis concent cites §6.3
          share contact.email with cites §3
        }
        """;

    [Fact]
    public void A_clean_file_exits_zero()
    {
        var path = Write("clean.policy", Compile.Policy("  process contact.email for marketing cites §2"));

        var (exit, output, error) = Run("check", path);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.EndsWith("0 errors, 0 warnings\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Five_unrelated_errors_are_all_printed_in_msbuild_form_with_source_line_caret_and_help()
    {
        var path = Write("five.policy", FiveErrors);

        var (exit, output, _) = Run("check", path);

        Assert.Equal(1, exit);
        var display = path.Replace('\\', '/');
        var headlines = output.Split('\n').Where(l => l.StartsWith(display + "(", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            new[]
            {
                $"{display}(4,3): error PC0010: expected a declaration or statement; found 'proces'",
                $"{display}(5,29): error PC1001: undefined purpose 'ordr'",
                $"{display}(6,13): error PC1003: '2021-02-30' is not a valid date",
                $"{display}(7,39): error PC1006: unknown transfer basis 'concent'",
                $"{display}(8,28): error PC0001: expected recipient name; found keyword 'cites'",
            },
            headlines);
        Assert.Contains(" 5 |   process contact.email for ordr cites §1\n   |                             ^^^^\n   = help: Did you mean 'order'?", output, StringComparison.Ordinal);
        Assert.EndsWith("5 errors, 0 warnings\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_gives_one_object_per_diagnostic_with_its_range()
    {
        var path = Write("five.policy", FiveErrors);

        var (exit, output, _) = Run("check", "--format", "json", path);

        Assert.Equal(1, exit);
        var items = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var first = items[1];
        Assert.Equal("PC1001", first.GetProperty("code").GetString());
        Assert.Equal(5, first.GetProperty("line").GetInt32());
        Assert.Equal(29, first.GetProperty("column").GetInt32());
        Assert.Equal(5, first.GetProperty("endLine").GetInt32());
        Assert.Equal(33, first.GetProperty("endColumn").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("Did you mean 'order'?", first.GetProperty("help").GetString());
    }

    [Fact]
    public void Sarif_format_is_sarif_2_1_0_with_the_catalog_as_rules()
    {
        var path = Write("five.policy", FiveErrors);

        var (exit, output, _) = Run("check", "--format", "sarif", path);

        Assert.Equal(1, exit);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(Diagnostics.DiagnosticCatalog.All.Select(d => d.Code), rules);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(5, results.Count);
        var region = results[4].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal("PC0001", results[4].GetProperty("ruleId").GetString());
        Assert.Equal(rules.IndexOf("PC0001"), results[4].GetProperty("ruleIndex").GetInt32());
        Assert.Equal(8, region.GetProperty("startLine").GetInt32());
        Assert.Equal(28, region.GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exit_two()
    {
        var (exit, output, error) = Run("check", Path.Combine(_directory, "nope.policy"));

        Assert.Equal(2, exit);
        Assert.Equal($"policyc: {Path.Combine(_directory, "nope.policy").Replace('\\', '/')}: no such file or folder\n", error.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x70, 0x6f, 0x00, 0x01 }, "PC0007", "NUL byte at offset 2")]
    [InlineData(new byte[] { 0x70, 0x6f, 0x6c, 0xC3, 0x28 }, "PC0006", "at offset 3)")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "PC0006", "at offset 0)")]
    [InlineData(new byte[] { 0x70, 0xEF, 0xBF, 0xBD }, "PC0006", "the replacement character U+FFFD that stands for one, at offset 1)")]
    public void Binary_and_non_utf8_files_get_a_one_line_diagnostic(byte[] bytes, string code, string detail)
    {
        var path = Path.Combine(_directory, "bad.policy");
        File.WriteAllBytes(path, bytes);

        var (exit, output, error) = Run("check", path);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, error);
        var headline = output.Split('\n')[0];
        Assert.StartsWith($"{path.Replace('\\', '/')}(1,1): error {code}: ", headline, StringComparison.Ordinal);
        Assert.Contains(detail, headline, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_searched_recursively_in_a_stable_order()
    {
        Write("b/second.policy", "policy b { jurisdiction XX }");
        Write("a/first.policy", "policy a { jurisdiction YY }");
        Write("a/notes.txt", "not a policy");

        var (exit, output, _) = Run("check", _directory);

        Assert.Equal(1, exit);
        var headlines = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, headlines.Count);
        Assert.Contains("/a/first.policy(1,25)", headlines[0], StringComparison.Ordinal);
        Assert.Contains("/b/second.policy(1,25)", headlines[1], StringComparison.Ordinal);
        Assert.EndsWith("2 files: 2 errors, 0 warnings\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_policies_is_an_io_problem()
    {
        var (exit, _, error) = Run("check", _directory);

        Assert.Equal(2, exit);
        Assert.Contains("no .policy files in this folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--format", "xml", "x.policy")]
    [InlineData("chek", "x.policy")]
    public void Usage_errors_exit_two_with_a_message(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("policyc: ", error, StringComparison.Ordinal);
    }
}
