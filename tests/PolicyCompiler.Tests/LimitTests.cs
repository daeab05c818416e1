using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary>
/// The limits of <see cref="PolicyLimits"/>: a policy just inside each compiles (and its guards compile as C#),
/// one just past it gets the limit's diagnostic, from the CLI and from the source generator alike.
/// </summary>
public sealed class LimitTests
{
    private static string Declarations(string kind, string prefix, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"  {kind} {prefix}{i} ka \"კ\" en \"{kind} {i}\" cites §1\n")));

    private static string[] ErrorCodes(string text) => Compile.Text(text).Diagnostics.Where(d => d.IsError).Select(d => d.Code).Distinct().ToArray();

    [Fact]
    public void The_longest_and_deepest_names_compile_and_their_guards_compile_as_csharp()
    {
        // 16 parts and 128 characters: the longest C# identifiers the guards can get from a name.
        var deepest = string.Join(".", Enumerable.Range(0, PolicyLimits.MaxNameParts).Select(i => "p" + i.ToString("00", CultureInfo.InvariantCulture)));
        var longest = deepest + new string('y', PolicyLimits.MaxNameLength - deepest.Length);
        Assert.Equal(PolicyLimits.MaxNameLength, longest.Length);
        var purpose = "q" + longest.Substring(1);
        var id = "p" + new string('a', PolicyLimits.MaxNameLength - 1);
        var text = $"policy {id} {{\n  category {longest} ka \"კ\" en \"long\" cites §1\n  category {deepest} ka \"კ\" en \"deep\" cites §1\n"
            + $"  purpose {purpose} ka \"მ\" en \"long\" cites §1\n  process * for {purpose} cites §1\n}}\n";

        var result = Compile.Text(text);
        Assert.True(!result.HasErrors, Compile.Render(result));
        var (files, problems) = GuardSet.Emit(new[] { result });
        Assert.Empty(problems);
        GeneratedAssembly.CompileClean(files.Select(f => f.Text).ToArray());
    }

    [Fact]
    public void A_name_one_character_or_one_part_past_the_limit_is_an_error()
    {
        var tooLong = "a" + new string('b', PolicyLimits.MaxNameLength);
        var tooDeep = string.Join(".", Enumerable.Range(0, PolicyLimits.MaxNameParts + 1).Select(i => "n" + i.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(new[] { "PC1010" }, ErrorCodes(Compile.Policy($"category {tooLong} ka \"კ\" en \"x\" cites §1")));
        Assert.Equal(new[] { "PC1011" }, ErrorCodes(Compile.Policy($"category {tooDeep} ka \"კ\" en \"x\" cites §1")));
        Assert.Equal(new[] { "PC1010" }, ErrorCodes($"policy {tooLong} {{ }}"));
    }

    [Fact]
    public void A_table_listing_rules_up_to_the_limit_compiles_and_one_statement_more_is_an_error()
    {
        var purposes = "policy p {\n" + Declarations("category", "c", 200) + Declarations("purpose", "p", 100);
        var statement = "  process * for " + string.Join(", ", Enumerable.Range(0, 100).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture))) + " cites §1\n";
        // Each statement is 200 × 100 entries of the process table.
        var atLimit = purposes + string.Concat(Enumerable.Repeat(statement, PolicyLimits.MaxTableEntries / 20_000)) + "}\n";
        var past = purposes + string.Concat(Enumerable.Repeat(statement, PolicyLimits.MaxTableEntries / 20_000 + 1)) + "}\n";

        Assert.Empty(ErrorCodes(atLimit));
        Assert.Equal(new[] { "PC3005" }, ErrorCodes(past));
    }

    [Fact]
    public void The_most_names_of_a_kind_compile_and_one_more_is_an_error()
    {
        var most = "policy p {\n" + Declarations("category", "c", PolicyLimits.MaxNamesPerKind) + "}\n";
        var past = "policy p {\n" + Declarations("category", "c", PolicyLimits.MaxNamesPerKind + 1) + "}\n";
        Assert.Empty(ErrorCodes(most));
        Assert.Equal(new[] { "PC3003" }, ErrorCodes(past));
        Assert.Equal(new[] { "PC3002" }, ErrorCodes("policy p {\n" + Declarations("condition", "c", PolicyLimits.MaxConditions + 1) + "}\n"));
    }

    [Fact]
    public void A_table_at_the_limit_compiles_and_one_row_more_is_an_error_naming_the_table_and_its_dimensions()
    {
        // The process table is categories × purposes: 1,024 × 1,024 cells is the limit exactly.
        var atLimit = "policy p {\n" + Declarations("category", "c", 1_024) + Declarations("purpose", "p", 1_024) + "}\n";
        var past = "policy p {\n" + Declarations("category", "c", 1_024) + Declarations("purpose", "p", 1_025) + "}\n";
        Assert.Empty(ErrorCodes(atLimit));

        var diagnostic = Assert.Single(Compile.Text(past).Diagnostics, d => d.IsError);
        Assert.Equal("PC3004", diagnostic.Code);
        Assert.Contains("process table would have 1,049,600 cells (1024 categories × 1025 purposes × 1 form slots)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_past_the_size_limit_is_refused_by_the_cli_without_reading_it()
    {
        var folder = Directory.CreateTempSubdirectory("policyc-limit-").FullName;
        try
        {
            // A sparse file of 3 GiB: reading it would fail (a byte array holds at most 2 GiB) with "cannot read
            // the file" and exit code 2, so PC0011 shows that its length was checked before reading it.
            var path = Path.Combine(folder, "huge.policy");
            using (var file = File.Create(path)) file.SetLength(3L << 30);

            var (exit, output, error) = Support.Cli.Run("check", path);

            Assert.Equal(1, exit);
            Assert.Contains("error PC0011: the file has 3,221,225,472 bytes; a policy or legal text may have at most 10,485,760 bytes", output, StringComparison.Ordinal);
            Assert.DoesNotContain("cannot read", output + error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_text_past_the_size_limit_is_refused_before_parsing_and_a_text_at_it_is_parsed()
    {
        var policy = Compile.Policy("process contact.email for order cites §1");
        var atLimit = policy + new string(' ', PolicyLimits.MaxFileBytes - Encoding.UTF8.GetByteCount(policy));
        Assert.Empty(Compile.Text(atLimit).Diagnostics);

        var past = Compile.Text(atLimit + " ");
        var diagnostic = Assert.Single(past.Diagnostics);
        Assert.Equal("PC0011", diagnostic.Code);
        Assert.Contains("10,485,761 bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(past.Model);

        // The limit is in UTF-8 bytes whoever reads the file: Georgian letters take three each.
        var georgian = policy + "// " + new string('ა', (PolicyLimits.MaxFileBytes - policy.Length) / 3);
        Assert.Equal("PC0011", Assert.Single(Compile.Text(georgian).Diagnostics).Code);
    }

    [Fact]
    public void The_generator_reports_the_size_limits_of_a_policy_and_of_its_legal_text()
    {
        var policy = Compile.Policy("process contact.email for order cites §1").Replace("policy shop {", "policy shop {\n  source \"law.txt\"", StringComparison.Ordinal);
        var hugeLegal = "§1 " + new string('a', PolicyLimits.MaxFileBytes);
        var hugePolicy = policy + new string(' ', PolicyLimits.MaxFileBytes);

        var (_, legalDiagnostics, _) = GeneratorHarness.Analyze(GeneratorHarness.Compilation(),
            new MemoryAdditionalText("/p/shop.policy", policy), new MemoryAdditionalText("/p/law.txt", hugeLegal));
        var (_, policyDiagnostics, _) = GeneratorHarness.Analyze(GeneratorHarness.Compilation(), new MemoryAdditionalText("/p/shop.policy", hugePolicy));

        Assert.Contains(legalDiagnostics, d => d.Id == "PC2008" && d.GetMessage(CultureInfo.InvariantCulture).Contains("cannot be read: the file has 10,485,764 bytes; a policy or legal text may have at most 10,485,760 bytes", StringComparison.Ordinal));
        Assert.Contains(policyDiagnostics, d => d.Id == "PC0011");
        Assert.DoesNotContain(legalDiagnostics.Concat(policyDiagnostics), d => d.Id == "CS8785");
    }
}
