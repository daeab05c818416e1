using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyCompiler.Model;
using PolicyCompiler.Parsing;
using PolicyCompiler.Text;
using Sprache;
using Xunit;

namespace PolicyCompiler.Tests;

/// <summary>
/// Keeps grammar/policy.ebnf and the parser in step: every production has a parser and at least one
/// example, every example parses in full with its production's parser, and every parser has a production.
/// </summary>
public sealed partial class GrammarTests
{
    private static readonly string GrammarPath = Path.Combine(AppContext.BaseDirectory, "grammar", "policy.ebnf");

    /// <summary>The parser of each production, as a function from text to "" (parsed in full) or an error.</summary>
    private static readonly Dictionary<string, Func<string, string>> Parsers = new(StringComparer.Ordinal)
    {
        ["comment"] = text => Tokens.SkipTrivia(text, 0) == text.Length ? string.Empty : "not consumed as trivia",
        ["identifier"] = Whole(Tokens.VocabularyWord("identifier")),
        ["name"] = Whole(Tokens.Name("name")),
        ["pattern"] = Whole(Tokens.Pattern("pattern")),
        ["patterns"] = Whole(Grammar.CategoryPatterns),
        ["word"] = Whole(Tokens.VocabularyWord("word")),
        ["country"] = Whole(Tokens.VocabularyWord("country")),
        ["string"] = Whole(Tokens.String),
        ["escape"] = text => Whole(Tokens.String)("\"" + text + "\""),
        ["section"] = Whole(Tokens.Section),
        ["date"] = Whole(Tokens.Date),
        ["number"] = Whole(Tokens.Number),
        ["label"] = Whole(Grammar.Label),
        ["labels"] = Whole(Grammar.Labels),
        ["text"] = Whole(Grammar.Text),
        ["citation"] = Whole(Grammar.Citation),
        ["citations"] = Whole(Grammar.Citations),
        ["duration"] = Whole(Grammar.Duration),
        ["file"] = WholeFile,
        ["policy"] = WholeFile,
        ["member"] = text => Whole(DecisionGrammar.Default.Members[text.Split(' ')[0]])(text),
        ["title"] = Whole(Grammar.Title),
        ["controller"] = Whole(Grammar.Controller),
        ["supervisory_authority"] = Whole(Grammar.Authority),
        ["contact_detail"] = Whole(Grammar.ContactDetail),
        ["effective"] = Whole(Grammar.Effective),
        ["source"] = Whole(Grammar.Source),
        ["jurisdiction"] = Whole(Grammar.Jurisdiction),
        ["laws"] = Whole(Grammar.Laws),
        ["subject_decl"] = Whole(Grammar.Subject),
        ["category_decl"] = Whole(Grammar.Category),
        ["purpose_decl"] = Whole(Grammar.Purpose),
        ["recipient_decl"] = Whole(Grammar.Recipient),
        ["tracking_decl"] = Whole(Grammar.Tracking),
        ["channel_decl"] = Whole(Grammar.Channel),
        ["condition_decl"] = Whole(Grammar.Condition),
        ["event_decl"] = Whole(Grammar.Event),
        ["effect_decl"] = Whole(Grammar.Effect),
        ["group_decl"] = Whole(Grammar.Group),
        ["group_kind"] = text => Whole(Grammar.Group)("group g " + text + " x"),
        ["collect_stmt"] = Whole(DecisionGrammar.Default.Members["collect"]),
        ["provision"] = Whole(Grammar.Provision),
        ["process_stmt"] = Whole(DecisionGrammar.Default.Members["process"]),
        ["on_clause"] = Whole(Grammar.OnConditions),
        ["forms"] = Whole(DecisionGrammar.DimensionClause(VerbSchema.Default["process"], VerbSchema.Default["process"].Dimensions[1], inPermission: true)),
        ["share_stmt"] = Whole(DecisionGrammar.Default.Members["share"]),
        ["transfer_stmt"] = Whole(DecisionGrammar.Default.Members["transfer"]),
        ["store_stmt"] = Whole(DecisionGrammar.Default.Members["store"]),
        ["citizens"] = Whole(DecisionGrammar.DimensionClause(VerbSchema.Default["store"], VerbSchema.Default["store"].Dimensions[0], inPermission: true)),
        ["users_in"] = Whole(DecisionGrammar.DimensionClause(VerbSchema.Default["store"], VerbSchema.Default["store"].Dimensions[1], inPermission: true)),
        ["never_stmt"] = Whole(DecisionGrammar.Default.Members["never"]),
        ["prohibited"] = Whole(DecisionGrammar.Default.NeverBody),
        ["retain_stmt"] = Whole(Grammar.Retain),
        ["retention_end"] = text => Whole(Grammar.Retain)("retain x " + text),
        ["right_stmt"] = Whole(Grammar.Right),
        ["consent_stmt"] = Whole(Grammar.Consent),
        ["duty_stmt"] = Whole(Grammar.Duty),
        ["amendments_stmt"] = Whole(Grammar.Amendments),
        ["informative_stmt"] = Whole(Grammar.Informative),
        ["acknowledge_stmt"] = Whole(Grammar.Acknowledge),
        ["note_stmt"] = Whole(Grammar.Note),
        ["finding"] = Whole(Tokens.FindingName),
        ["test_block"] = text => WholeFile("policy p { }\n" + text),
        ["expectation"] = text => text.StartsWith("expect ", StringComparison.Ordinal) ? Whole(Grammar.FactExpectation)(text) : Whole(DecisionGrammar.Default.Expectation)(text),
        ["fact_expectation"] = Whole(Grammar.FactExpectation),
        ["question"] = Whole(DecisionGrammar.Default.Question),
    };

    private sealed record Production(string Name, string Body, List<string> Examples, List<string> Invalid);

    /// <summary>
    /// Reads the productions of the grammar file and the example comments before each. A production is
    /// "name = body ;" starting a line; its body may span lines, and ';' inside terminals or comments
    /// does not end it.
    /// </summary>
    private static List<Production> ReadGrammar()
    {
        var text = File.ReadAllText(GrammarPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        var productions = new List<Production>();
        var pending = new List<string>();
        var invalid = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, "(*", 0, 2) == 0)
            {
                var end = text.IndexOf("*)", i + 2, StringComparison.Ordinal);
                var content = text.Substring(i + 2, end - i - 2).Trim();
                if (content.StartsWith("example:", StringComparison.Ordinal)) pending.Add(content.Substring("example:".Length).Trim());
                if (content.StartsWith("invalid:", StringComparison.Ordinal)) invalid.Add(content.Substring("invalid:".Length).Trim());
                i = end + 2;
                continue;
            }
            var header = (i == 0 || text[i - 1] == '\n') ? ProductionHeader().Match(text, i) : Match.Empty;
            if (header.Success && header.Index == i)
            {
                var bodyStart = i + header.Length;
                var j = bodyStart;
                while (text[j] != ';')
                {
                    if (text[j] is '"' or '\'') j = text.IndexOf(text[j], j + 1);
                    else if (string.CompareOrdinal(text, j, "(*", 0, 2) == 0) j = text.IndexOf("*)", j + 2, StringComparison.Ordinal) + 1;
                    j++;
                }
                productions.Add(new Production(header.Groups[1].Value, text.Substring(bodyStart, j - bodyStart), pending, invalid));
                pending = new List<string>();
                invalid = new List<string>();
                i = j + 1;
                continue;
            }
            i++;
        }
        return productions;
    }

    [GeneratedRegex(@"([a-z_-]+)\s*=")]
    private static partial Regex ProductionHeader();

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var production in ReadGrammar())
        {
            foreach (var example in production.Examples) data.Add(production.Name, example);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_parses_in_full_with_its_production(string production, string example)
    {
        Assert.True(Parsers.ContainsKey(production), $"no parser is mapped for production '{production}'");
        Assert.Equal(string.Empty, Parsers[production](example));
    }

    public static TheoryData<string, string> InvalidExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var production in ReadGrammar())
        {
            foreach (var example in production.Invalid) data.Add(production.Name, example);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Every_invalid_example_is_rejected_by_its_production(string production, string example)
    {
        Assert.True(Parsers.ContainsKey(production), $"no parser is mapped for production '{production}'");
        Assert.NotEqual(string.Empty, Parsers[production](example));
    }

    [Fact]
    public void Every_production_has_a_parser_and_an_example()
    {
        var productions = ReadGrammar();
        Assert.True(productions.Count > 40, $"read only {productions.Count} productions: is the grammar file there?");
        foreach (var production in productions.Where(p => !IsCharacterClass(p)))
        {
            Assert.True(Parsers.ContainsKey(production.Name), $"production '{production.Name}' has no parser");
            Assert.True(production.Examples.Count > 0, $"production '{production.Name}' has no example");
            Assert.True(production.Invalid.Count > 0, $"production '{production.Name}' has no invalid example");
        }
    }

    [Fact]
    public void Every_parser_has_a_production()
    {
        var names = ReadGrammar().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unmapped = Parsers.Keys.Where(k => !names.Contains(k)).ToList();
        Assert.True(unmapped.Count == 0, "parsers without a production: " + string.Join(", ", unmapped));
    }

    [Fact]
    public void Every_member_keyword_has_a_production()
    {
        var bodies = string.Join("\n", ReadGrammar().Select(p => p.Body));
        foreach (var keyword in Syntax.Keywords.Members)
        {
            Assert.Contains("\"" + keyword + "\"", bodies, StringComparison.Ordinal);
        }
    }

    /// <summary>Productions that only name a character class (letter, digit) have no parser of their own.</summary>
    private static bool IsCharacterClass(Production production) => Regex.IsMatch(production.Body, @"^\s*\?[^?]*\?\s*$");

    private static Func<string, string> Whole<T>(Parser<T> parser) => text =>
    {
        var result = PolicyParser.ParseProduction(parser, new SourceText(text, "example"), out var lexical);
        if (!result.WasSuccessful) return $"failed at {result.Remainder.Position}: expected {string.Join(", ", result.Expectations)}";
        if (!result.Remainder.AtEnd) return $"stopped at {result.Remainder.Position} of {text.Length}";
        return lexical.Count == 0 ? string.Empty : lexical[0].Message;
    };

    private static string WholeFile(string text)
    {
        var result = Support.Compile.Text(text);
        var syntaxErrors = result.Diagnostics.Where(d => string.CompareOrdinal(d.Code, "PC1000") < 0).ToList();
        return syntaxErrors.Count == 0 ? string.Empty : syntaxErrors[0].Message;
    }
}
