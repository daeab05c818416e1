using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary>
/// No input makes parsing or binding throw or hang: each ends in diagnostics. The timeouts only turn a
/// hang into a failure; they are generous and assert nothing about speed (the benchmarks do that).
/// </summary>
public sealed class RobustnessTests
{
    private const int HangTimeout = 60_000;

    private static CompilationResult CompileSafely(string text)
    {
        var result = PolicyCompilation.Compile(text, "input.policy");
        Assert.NotNull(result.Syntax);
        Assert.True(result.Diagnostics.Count <= DiagnosticLimit.MaxErrors + 1);
        return result;
    }

    private static void AssertEndsInErrors(string text)
    {
        var result = CompileSafely(text);
        Assert.Contains(result.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\r\n\r\n   ")]
    [InlineData("\uFEFF")]
    [InlineData("}")]
    [InlineData("policy")]
    [InlineData("policy p")]
    [InlineData("policy p {")]
    [InlineData("\"")]
    [InlineData("/*")]
    [InlineData("§")]
    [InlineData("policy p { process")]
    [InlineData("policy p { } test")]
    [InlineData("policy p { } test \"t\" { allow")]
    [InlineData("\ud800")]
    public void Degenerate_inputs_end_in_diagnostics(string text) => AssertEndsInErrors(text);

    [Fact(Timeout = HangTimeout)]
    public async Task A_megabyte_of_random_bytes_ends_in_diagnostics()
    {
        await Task.Run(() =>
        {
            var random = new Random(20261122);
            var bytes = new byte[1 << 20];
            random.NextBytes(bytes);

            // As bytes, they are rejected before parsing; as text (each byte a character) they must still parse.
            var (text, error) = SourceDecoder.Decode(bytes, "random.policy");
            Assert.Null(text);
            Assert.NotNull(error);
            AssertEndsInErrors(Encoding.Latin1.GetString(bytes));
        });
    }

    [Fact(Timeout = HangTimeout)]
    public async Task Ten_thousand_nested_braces_end_in_diagnostics()
    {
        await Task.Run(() =>
        {
            AssertEndsInErrors("policy p " + new string('{', 10_000) + new string('}', 10_000));
            AssertEndsInErrors("policy p {\n" + string.Concat(Enumerable.Repeat("{\n", 10_000)) + string.Concat(Enumerable.Repeat("}\n", 10_000)));
        });
    }

    [Fact(Timeout = HangTimeout)]
    public async Task A_five_megabyte_single_line_ends_in_diagnostics()
    {
        await Task.Run(() =>
        {
            const int size = 5 << 20;
            AssertEndsInErrors(new string('a', size));
            AssertEndsInErrors("policy p { category " + new string('a', size) + " }");
            AssertEndsInErrors("policy p { source \"" + new string('ა', size));
            var manyStatements = string.Concat(Enumerable.Repeat("process a for b cites §1 ", size / 25));
            AssertEndsInErrors("policy p { " + manyStatements + "}");
        });
    }

    [Fact(Timeout = HangTimeout)]
    public async Task Every_truncation_of_a_valid_policy_at_every_97th_offset_ends_in_diagnostics()
    {
        await Task.Run(() =>
        {
            var text = Compile.Policy("""
                  process contact.* for order, marketing on law cites §1 "excerpt", §2
                  share contact.email with courier for order cites §3
                  transfer * to any basis consent cites §6.3
                  store * of citizens RU in RU cites §8.1 "რუსეთის ფედერაციის ტერიტორიაზე"
                  never process special.* unless law cites §5.3
                  retain * until purpose-fulfilled cites §8.4
                  right withdraw-consent via email consequence block-account cites §9.3.2
                  consent marketing for marketing given electronic withdraw via email cites §6.2
                  amendments take-effect 10 days after publication cites §10.2
                """) + "test \"t\" {\n  deny process special.health for marketing\n}\n";
            Assert.Empty(PolicyCompilation.Compile(text, "valid.policy").Diagnostics);

            for (var length = 0; length < text.Length; length += 97)
            {
                AssertEndsInErrors(text.Substring(0, length));
            }
        });
    }

    [Fact(Timeout = HangTimeout)]
    public async Task Random_token_soup_never_throws()
    {
        await Task.Run(() =>
        {
            var tokens = new[]
            {
                "policy", "p", "{", "}", "test", "\"t\"", "allow", "deny", "category", "contact.email", "ka", "en", "\"x\"",
                "process", "for", "order", "share", "with", "transfer", "to", "any", "basis", "consent", "store", "of",
                "citizens", "RU", "in", "never", "unless", "retain", "until", "right", "via", "cites", "§1", ",", "*",
                "\n", "//c\n", "/*", "*/", "10", "days", "\\", "\"", "§", ".", "-",
            };
            var random = new Random(7);
            for (var i = 0; i < 2_000; i++)
            {
                var count = random.Next(1, 60);
                var text = string.Join(" ", Enumerable.Range(0, count).Select(_ => tokens[random.Next(tokens.Length)]));
                CompileSafely(text);
            }
        });
    }
}
