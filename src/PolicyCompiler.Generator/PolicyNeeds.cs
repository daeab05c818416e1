using System.Threading;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Text;

namespace PolicyCompiler.Generator;

/// <summary>The paths of the files a policy's build reads besides the policy (<see cref="PolicyCompilation.FilesRead"/>).</summary>
internal static class PolicyNeeds
{
    public static EquatableArray<string> Of(PolicyFile policy, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return policy.Text is null
            ? new[] { NameNumbers.PathOf(policy.Path) }.ToEquatableArray()
            : PolicyCompilation.FilesRead(new SourceText(policy.Text, policy.Path)).ToEquatableArray();
    }
}
