using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Collections;
using PolicyCompiler.Model;

namespace PolicyCompiler.Tests.Support;

/// <summary>Every question worth asking of a policy: the core's decision space, each question under each condition set worth asking.</summary>
internal static class DecisionPoints
{
    public static IEnumerable<Question> Of(PolicyModel model)
    {
        var space = new Evaluation.DecisionSpace(model);
        return space.Questions().SelectMany(q => space.ConditionSets(q.Verb).Select(given => q with { Conditions = given }));
    }

    /// <summary>
    /// <see cref="Of"/> with every word of a dimension of the language's words (each form of data), not only the
    /// first of each run the decision space asks: what checks that the guards' runs merge no words that differ.
    /// </summary>
    public static IEnumerable<Question> WithEveryWord(PolicyModel model) =>
        Of(model).Where(q => q.Verb.Dimensions.Select((d, i) => d.Vocabulary is null || q.Values[i] == d.Vocabulary.Default).All(x => x))
            .SelectMany(q => Words(q, 0));

    private static IEnumerable<Question> Words(Question q, int from)
    {
        for (var i = from; i < q.Verb.Dimensions.Count; i++)
        {
            if (q.Verb.Dimensions[i].Vocabulary is not { } words) continue;
            var at = i;
            return words.Words.SelectMany(w => Words(q with { Values = q.Values.Select((v, k) => k == at ? w : v).ToEquatableArray() }, at + 1));
        }
        return new[] { q };
    }
}
