using System;
using PolicyCompiler.Compilation;
using PolicyCompiler.Evaluation;

namespace PolicyCompiler.Diffing;

/// <summary>
/// The semantic diff of two versions of a policy: what they declare and state (<see cref="StructureDiff"/>), and
/// every decision of their common decision space that changed (<see cref="DecisionDiff"/>). Both must have
/// compiled without errors.
/// </summary>
public static class PolicyDiff
{
    public static PolicyChanges Compare(CompilationResult old, CompilationResult @new)
    {
        if (old?.Model is null || old.HasErrors) throw new ArgumentException("the old policy must compile without errors", nameof(old));
        if (@new?.Model is null || @new.HasErrors) throw new ArgumentException("the new policy must compile without errors", nameof(@new));
        var space = new DecisionSpace(old.Model, @new.Model);
        return new PolicyChanges(
            old.Text.Path,
            @new.Text.Path,
            space.OtherCountry,
            StructureDiff.Compare(old, @new),
            DecisionDiff.Compare(old, @new, space));
    }
}
