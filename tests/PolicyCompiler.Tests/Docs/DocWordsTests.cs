using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PolicyCompiler.Binding;
using PolicyCompiler.Docs;
using PolicyCompiler.Model;
using PolicyCompiler.Syntax;
using Xunit;

namespace PolicyCompiler.Tests.Docs;

/// <summary>Every word the documents use exists in both languages: a missing one would show as its key.</summary>
public sealed class DocWordsTests
{
    [Fact]
    public void Both_languages_have_the_same_words()
    {
        Assert.Equal(DocWords.English.Keys.OrderBy(k => k, StringComparer.Ordinal), DocWords.Georgian.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(DocWords.Georgian, w => Assert.False(string.IsNullOrWhiteSpace(w.Value), w.Key));
    }

    [Fact]
    public void Every_key_the_documents_name_has_a_word()
    {
        var used = Directory.EnumerateFiles(DocsSourceFolder(), "*.cs")
            .Where(f => Path.GetFileName(f) != "DocWords.cs")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"((?:h|c|w):[a-z-]+)\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.Contains("h:inventory", used);
        Assert.All(used, key => Assert.True(DocWords.English.ContainsKey(key), key));
    }

    [Fact]
    public void Every_word_of_the_language_vocabularies_has_a_translation()
    {
        var keys = Vocabulary.LegalBasis.Words.Concat(Vocabulary.TransferBasis.Words).Select(w => "basis:" + w)
            .Concat(Vocabulary.RecipientKind.Words.Concat(Vocabulary.TrackingKind.Words).Select(w => "kind:" + w))
            .Concat(Vocabulary.Right.Words.Select(w => "right:" + w))
            .Concat(Vocabulary.Requirement.Words.Select(w => "requirement:" + w))
            .Concat(Vocabulary.ConsentForm.Words.Select(w => "form:" + w))
            .Concat(Vocabulary.DurationUnit.Words.Select(w => "unit:" + w))
            .Concat(VerbSchema.Default.Verbs.SelectMany(DocumentWordsOf))
            .Concat(new[] { "website", "email", "phone", "address", "dpo" }.Select(k => "contact:" + k));
        Assert.All(keys, key => Assert.True(DocWords.English.ContainsKey(key), key));
    }

    /// <summary>The document words a verb's descriptor names: its own, its table's, its dimensions', its inventory column's and arrows'.</summary>
    private static IEnumerable<string> DocumentWordsOf(DecisionVerb verb)
    {
        var documentation = verb.Documentation;
        yield return "verb:" + verb.Keyword;
        foreach (var dimension in verb.Dimensions)
        {
            yield return dimension.DocumentWord;
            if (dimension.AnyWord is not null) yield return dimension.AnyWord;
            foreach (var word in dimension.Vocabulary?.Words ?? Array.Empty<string>()) yield return dimension.Vocabulary!.DocumentKey(word);
            if (documentation.Table is not null) yield return dimension.DocumentColumn;
        }
        if (documentation.Table is not null) yield return documentation.Table;
        if (documentation.Inventory is not null) yield return documentation.Inventory.Column;
        if (documentation.Flow?.Word is not null) yield return documentation.Flow.Word;
    }

    private static string DocsSourceFolder([CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "..", "..", "src", "PolicyCompiler.Core", "Docs"));
}
