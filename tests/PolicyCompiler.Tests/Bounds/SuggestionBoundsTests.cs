using System;
using System.Linq;
using System.Text;
using PolicyCompiler.Binding;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Bounds;

/// <summary>The bounded name suggestions still find typos, find nothing for what is hopeless, and keep the exhaustive answer.</summary>
public sealed class SuggestionBoundsTests
{
    [Fact]
    public void A_typo_of_one_of_4096_long_names_is_still_found()
    {
        var names = Enumerable.Range(0, 4_096).Select(LongName).ToList();
        var typo = names[3_999].Remove(60, 1).Insert(70, "q");

        Assert.Equal(names[3_999], Suggestions.Closest(typo, names));
    }

    [Fact]
    public void A_name_like_none_of_them_gets_no_suggestion()
    {
        var names = Enumerable.Range(0, 4_096).Select(LongName).ToList();

        Assert.Null(Suggestions.Closest(new string('z', 128), names));
        Assert.Null(Suggestions.Closest(LongName(1_000_000), names));
    }

    [Fact]
    public void A_word_of_millions_of_letters_is_compared_with_no_keyword()
    {
        Assert.Null(Suggestions.Closest(new string('a', 10_000_000), new[] { "process", "collect", "share" }));
    }

    [Theory]
    [InlineData("proces", "process")]
    [InlineData("colletc", "collect")]
    [InlineData("SHARE", "share")]
    [InlineData("xyz", null)]
    public void Short_vocabularies_get_the_answers_they_always_got(string word, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(word, new[] { "collect", "process", "share", "transfer", "store" }));
    }

    [Fact]
    public void Within_its_bounds_the_search_gives_the_exhaustive_answer()
    {
        var random = new Random(5);
        var words = Enumerable.Range(0, 300).Select(_ => Word(random, random.Next(2, 12))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        for (var i = 0; i < 200; i++)
        {
            var word = Word(random, random.Next(1, 12));
            Assert.Equal(Exhaustive(word, words), Suggestions.Closest(word, words));
        }
    }

    [Fact]
    public void The_banded_distance_is_the_full_distance_within_the_cutoff()
    {
        Assert.Equal(3, Suggestions.Distance("kitten", "sitting", cutoff: 3));
        Assert.Equal(3, Suggestions.Distance("kitten", "sitting"));
        Assert.Equal(int.MaxValue, Suggestions.Distance("kitten", "sitting", cutoff: 2));
        Assert.Equal(1, Suggestions.Distance("contact.email", "contact.emial", cutoff: 1));
    }

    /// <summary>The search as it was before it was bounded: every candidate, the full distance.</summary>
    private static string? Exhaustive(string word, System.Collections.Generic.IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase)) return candidate;
            var distance = Suggestions.Distance(word, candidate);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        var allowed = Math.Max(1, Math.Min(word.Length, best?.Length ?? 0) / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static string Word(Random random, int length)
    {
        var word = new StringBuilder();
        for (var i = 0; i < length; i++) word.Append((char)('a' + random.Next(4)));
        return word.ToString();
    }

    /// <summary>128 letters of a six-letter alphabet: the names share their letters, so only the distance tells them apart.</summary>
    private static string LongName(int i)
    {
        var random = new Random(i);
        return "n" + new string(Enumerable.Range(0, 127).Select(_ => (char)('a' + random.Next(6))).ToArray());
    }
}
