using System;
using System.Linq;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Constructs;

/// <summary>
/// A collection that holds only where its conditions do (issue 19, finding 13): Eleven §5.3 collects special categories
/// only in the cases the law provides, so 'never collect special.* unless law' has a case to yield to.
/// </summary>
public sealed class CollectionConditionTests
{
    private const string Members = """
          collect special.health from customer on law cites §5.3
          never collect special.* unless law cites §5.3
        """;

    [Theory]
    [InlineData("allow collect special.health from customer on law", true)]
    [InlineData("deny collect special.health from customer", true)]
    [InlineData("allow collect special.health from customer on law, marketing-consent", true)]
    [InlineData("allow collect special.health from customer on marketing-consent", false)]
    public void A_collection_on_a_condition_is_allowed_only_where_it_holds(string line, bool passes)
    {
        var result = Compile.Text(Compile.Policy(Members + "\n  condition marketing-consent ka \"თ\" en \"consent\" cites §2\n") + "test \"t\" {\n  " + line + "\n}\n");
        Assert.False(result.HasErrors, Compile.Render(result));
        Assert.Equal(passes, PolicyTestRunner.RunAll(result.Model!).Single().Passed);
    }

    [Fact]
    public void The_generated_guard_takes_the_conditions_that_hold()
    {
        var guards = Emit.GuardEmitter.Emit(Compile.Text(Compile.Policy(Members)), new Emit.GuardEmitterOptions("Shop")).Text;
        Assert.Contains("public static bool MayCollect(Category category, Subject subject, Conditions given = Conditions.None)", guards, StringComparison.Ordinal);
    }
}
