using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyCompiler.Model;

/// <summary>
/// The columns the decision tables give a dimension of the language's words (the form of data). Words that no
/// permission of the policy tells apart share a column, as the countries a policy does not name share one: a
/// permission naming a word covers it and every later word, so the words a policy names cut the list into runs,
/// and a run is a column. A policy that limits nothing to a form has one column, and its tables are no larger
/// for the dimension being there.
/// </summary>
public sealed class WordSlots
{
    private readonly int[] _slots;

    private WordSlots(DimensionVocabulary words, int[] slots, int count)
    {
        Words = words;
        _slots = slots;
        Count = count;
    }

    public DimensionVocabulary Words { get; }

    /// <summary>The number of columns.</summary>
    public int Count { get; }

    /// <summary>The column of each word, by its position in the vocabulary.</summary>
    public IReadOnlyList<int> Slots => _slots;

    /// <summary>The column of a word.</summary>
    public int SlotOf(string word) => _slots[Words.IndexOf(word)];

    /// <summary>The first word of a column: the one it stands for.</summary>
    public string WordAt(int slot) => Words.Words[Array.IndexOf(_slots, slot)];

    /// <summary>The columns of a dimension, from the words its permissions name across every verb that has it.</summary>
    public static WordSlots Of(PolicyModel model, DecisionDimension dimension)
    {
        var words = dimension?.Vocabulary ?? throw new ArgumentException("not a dimension of the language's words", nameof(dimension));
        var starts = Starts(model, dimension);
        var slots = new int[words.Words.Count];
        for (var i = 0; i < slots.Length; i++) slots[i] = starts.Count(s => s <= i);
        return new WordSlots(words, slots, starts.Count + 1);
    }

    /// <summary>
    /// Where the runs of a dimension start besides the first word: the most identifying word each permission
    /// covers (a permission naming the first covers everything, as "any" does). The decision space asks the word
    /// each run starts with, of one policy or of two.
    /// </summary>
    public static SortedSet<int> Starts(PolicyModel model, DecisionDimension dimension)
    {
        if (model is null) throw new ArgumentNullException(nameof(model));
        var words = dimension?.Vocabulary ?? throw new ArgumentException("not a dimension of the language's words", nameof(dimension));
        var starts = new SortedSet<int>();
        foreach (var verb in model.Verbs.Verbs)
        {
            if (!verb.Dimensions.Contains(dimension)) continue;
            var at = verb.IndexOf(dimension);
            foreach (var rule in model.PermissionsOf(verb))
            {
                var values = rule.Dimensions[at];
                if (values.Any || values.Names.IsEmpty) continue;
                var start = words.IndexOf(words.MostIdentifying(values.Names));
                if (start > 0) starts.Add(start);
            }
        }
        return starts;
    }
}
