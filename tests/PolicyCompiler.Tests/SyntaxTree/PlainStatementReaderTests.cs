using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck.Fluent;
using PolicyCompiler.Model;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.SyntaxTree;

/// <summary>
/// The reader of plain decision statements (the parser's fast path) accepts exactly what the combinators accept
/// and makes the same tree: every file the project has, every member cut short at every character and with any
/// one character left out, and random policies parse to equal trees and diagnostics with it and without it.
/// </summary>
public sealed class PlainStatementReaderTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "policies", "samples", Path.Combine("tests", "PolicyCompiler.Tests", "Cases") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.policy", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Repository.Root, file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_file_parses_the_same_with_the_reader_and_without(string file) =>
        AssertSameParse(File.ReadAllText(Path.Combine(Repository.Root, file)));

    [Fact]
    public void Members_cut_short_or_missing_a_character_parse_the_same()
    {
        var checkedVariants = 0;
        foreach (var member in IncompleteMemberTests.Members.Cast<object[]>().Select(row => (string)row[0]))
        {
            for (var cut = 1; cut <= member.Length; cut++)
            {
                AssertSameParse(InPolicy(member.Substring(0, cut)));
                AssertSameParse(InPolicy(member.Remove(cut - 1, 1)));
                checkedVariants += 2;
            }
        }
        Assert.True(checkedVariants > 2_000, checkedVariants.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Random_policies_parse_the_same()
    {
        foreach (var policy in Gen.Sample(RandomPolicies.Policy, numberOfSamples: 100, size: 10)) AssertSameParse(policy);
    }

    [Theory]
    [InlineData("process c for p")]
    [InlineData("process c, d.* except d.e for p, q on law cites §1, §2 \"x\", \"y\"")]
    [InlineData("share * with r for q cites §1")]
    [InlineData("transfer c to any basis consent cites §1")]
    [InlineData("transfer c to DE, FR basis adequacy cites §1")]
    [InlineData("store c of citizen RU in RU")]
    [InlineData("collect c from s at signup automatically required contractual cites §1")]
    public void The_reader_reads_plain_statements_itself(string statement)
    {
        var text = new SourceText(statement + "\n", "p.policy");
        var verb = VerbSchema.Default.Verbs.Single(v => statement.StartsWith(v.Keyword + " ", System.StringComparison.Ordinal));
        var read = new PlainStatementReader(verb).TryRead(new SourceInput(text, new ParseContext(text), 0, 0));

        Assert.NotNull(read);
        Assert.Equal(statement.Length, read!.Value.Span.Length);
    }

    [Theory]
    [InlineData("process c for")]
    [InlineData("process c, for p")]
    [InlineData("process for p")]
    [InlineData("process c for p cites")]
    [InlineData("process c for p cites §")]
    [InlineData("store c of citizens in RU")]
    public void The_reader_leaves_a_statement_with_an_error_to_the_combinators(string statement)
    {
        var text = new SourceText(statement + "\n", "p.policy");
        var verb = VerbSchema.Default.Verbs.Single(v => statement.StartsWith(v.Keyword + " ", System.StringComparison.Ordinal));

        Assert.Null(new PlainStatementReader(verb).TryRead(new SourceInput(text, new ParseContext(text), 0, 0)));
    }

    private static string InPolicy(string member) => "policy p {\n  " + member + "\n}\n";

    private static void AssertSameParse(string policy)
    {
        var text = new SourceText(policy, "p.policy");
        var withReader = PolicyParser.Parse(text, null, readsPlainStatements: true);
        var without = PolicyParser.Parse(text, null, readsPlainStatements: false);

        Assert.True(without.Syntax.Equals(withReader.Syntax), "the trees differ for:\n" + policy);
        Assert.Equal(Describe(without.Diagnostics), Describe(withReader.Diagnostics));
        Assert.Equal(without.Stopped, withReader.Stopped);
    }

    private static IEnumerable<string> Describe(IEnumerable<PolicyCompiler.Diagnostics.Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Code + " " + d.Span + " " + d.Message + " | " + d.Help);
}
