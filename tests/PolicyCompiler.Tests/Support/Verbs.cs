using PolicyCompiler.Model;

namespace PolicyCompiler.Tests.Support;

/// <summary>The language's decision verbs by name, for tests that ask about one.</summary>
internal static class Verbs
{
    public static DecisionVerb Collect => VerbSchema.Default["collect"];

    public static DecisionVerb Process => VerbSchema.Default["process"];

    public static DecisionVerb Share => VerbSchema.Default["share"];

    public static DecisionVerb Transfer => VerbSchema.Default["transfer"];

    public static DecisionVerb Store => VerbSchema.Default["store"];
}
