using System.Collections.Generic;
using System.Linq;
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
}
