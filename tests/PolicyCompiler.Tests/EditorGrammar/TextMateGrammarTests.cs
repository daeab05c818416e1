using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;
using Xunit;

namespace PolicyCompiler.Tests.EditorGrammar;

/// <summary>
/// The editor grammar (grammar/policy.tmLanguage.json) tokenizes the seed policies as the compiler's parser reads
/// them: the tokens are those of vscode-textmate with vscode-oniguruma, as VS Code runs them (grammar/test, whose
/// npm packages .ci/run installs), and every position is checked against the parser's syntax tree.
/// </summary>
public sealed class TextMateGrammarTests
{
    private static readonly string Repository = Support.Repository.Root;

    /// <summary>The seeds, and the formatter's snapshot, which has a statement of every other kind and comments everywhere.</summary>
    public static TheoryData<string> Seeds() => new(
        "policies/eleven/eleven.policy",
        "policies/hetzner/hetzner.policy",
        "policies/spar-online/spar-online.policy",
        "tests/PolicyCompiler.Tests/Formatting/Snapshots/FormatterTests.A_messy_policy_is_laid_out_canonically.verified.policy");

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Keywords_names_strings_citations_and_comments_get_their_scopes(string file)
    {
        var text = new SourceText(File.ReadAllText(Path.Combine(Repository, file)).Replace("\r\n", "\n", StringComparison.Ordinal), file);
        var syntax = PolicyParser.Parse(text).Syntax;
        var scopes = ScopesByPosition(text, Tokenize(file));
        var nodes = Descendants(syntax).ToList();

        void AllHave(SourceSpan span, string scope, string what)
        {
            for (var i = span.Start; i < span.End; i++)
            {
                if (text.Text[i] is '\n' or ' ' && scope.StartsWith("comment", StringComparison.Ordinal)) continue;
                Assert.True(scopes[i].Any(s => s.StartsWith(scope, StringComparison.Ordinal)),
                    $"{file}:{span.Line}:{span.Column}: {what} {text.Text.Substring(span.Start, span.Length)} has '{string.Join(" ", scopes[i])}' at '{text.Text[i]}', not {scope}");
            }
        }

        foreach (var comment in syntax.Comments) AllHave(comment.Span, "comment.", "the comment");
        foreach (var literal in nodes.OfType<StringSyntax>()) AllHave(literal.Span, "string.quoted.double.policy", "the string");
        foreach (var citation in nodes.OfType<CitationSyntax>().Where(c => c.Section is not null))
        {
            AllHave(new SourceSpan(citation.Section!.Span.Start, 1 + citation.Section.Text.Length, citation.Section.Span.Line, citation.Section.Span.Column), "markup.underline.link.section.policy", "the section");
        }
        foreach (var member in syntax.Members)
        {
            AllHave(new SourceSpan(member.Span.Start, member.Keyword.Length, member.Span.Line, member.Span.Column), "keyword.other.member.policy", "the keyword");
        }
        foreach (var declared in nodes.OfType<DeclarationSyntax>()) AllHave(declared.Name.Span, "entity.name", "the declared name");
        foreach (var group in nodes.OfType<GroupSyntax>()) AllHave(group.Name.Span, "entity.name", "the group's name");
        foreach (var pattern in nodes.OfType<PatternSyntax>()) AllHave(pattern.Span, "entity.name", "the pattern");
        foreach (var test in syntax.Tests)
        {
            AllHave(new SourceSpan(test.Span.Start, 4, test.Span.Line, test.Span.Column), "keyword.other.structure.policy", "'test'");
            foreach (var expectation in test.Expectations)
            {
                AllHave(new SourceSpan(expectation.Span.Start, expectation.Allow ? 5 : 4, expectation.Span.Line, expectation.Span.Column), "keyword.other.expectation.policy", "the expectation");
            }
        }

        // Nothing inside a string or a comment is a keyword or a name: the scopes of text are the text's.
        foreach (var span in nodes.OfType<StringSyntax>().Select(s => s.Span).Concat(syntax.Comments.Select(c => c.Span)))
        {
            for (var i = span.Start; i < span.End; i++)
            {
                Assert.DoesNotContain(scopes[i], s => s.StartsWith("keyword", StringComparison.Ordinal) || s.StartsWith("entity", StringComparison.Ordinal));
            }
        }
        Assert.DoesNotContain(scopes, s => s.Any(x => x.StartsWith("invalid", StringComparison.Ordinal)));
    }

    /// <summary>Runs the tokenizer; fails with the install command when its packages are not there.</summary>
    private static List<JsonElement> Tokenize(string file)
    {
        var tokenizer = Path.Combine(Repository, "grammar", "test", "tokenize.js");
        Assert.True(Directory.Exists(Path.Combine(Repository, "grammar", "test", "node_modules")),
            "The grammar test needs vscode-textmate and vscode-oniguruma: run 'npm ci --prefix grammar/test' (.ci/run does).");
        var start = new ProcessStartInfo("node") { WorkingDirectory = Repository, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tokenizer);
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var lines = new List<JsonElement>();
        while (process.StandardOutput.ReadLine() is { } line) lines.Add(JsonDocument.Parse(line).RootElement.Clone());
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "tokenize.js failed: " + error.Result);
        Assert.NotEmpty(lines);
        return lines;
    }

    /// <summary>The scopes of each character of the text (white space between tokens has none).</summary>
    private static string[][] ScopesByPosition(SourceText text, List<JsonElement> tokens)
    {
        var scopes = Enumerable.Repeat(Array.Empty<string>(), text.Length).ToArray();
        foreach (var token in tokens)
        {
            var lineStart = text.LineStart(token.GetProperty("line").GetInt32());
            var tokenScopes = token.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray();
            for (var i = token.GetProperty("start").GetInt32(); i < token.GetProperty("end").GetInt32(); i++) scopes[lineStart + i] = tokenScopes;
        }
        return scopes;
    }

    /// <summary>Every node of the tree, found through the records' properties.</summary>
    private static IEnumerable<SyntaxNode> Descendants(SyntaxNode node)
    {
        yield return node;
        foreach (var property in node.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var value = property.GetValue(node);
            var children = value switch
            {
                SyntaxNode child => new[] { child },
                IEnumerable items and not string => items.OfType<SyntaxNode>(),
                _ => Enumerable.Empty<SyntaxNode>(),
            };
            foreach (var child in children.SelectMany(Descendants)) yield return child;
        }
    }
}
