using System.Linq;
using System.Threading;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Legal;
using PolicyCompiler.Parsing;
using PolicyCompiler.Syntax;
using PolicyCompiler.Text;

namespace PolicyCompiler.Generator;

/// <summary>The paths of the files a policy's build reads besides the policy: the legal text its <c>source</c> names, and its numbers file.</summary>
internal static class PolicyNeeds
{
    public static EquatableArray<string> Of(PolicyFile policy, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var numbers = NameNumbers.PathOf(policy.Path);
        if (policy.Text is null) return new[] { numbers }.ToEquatableArray();
        var text = new SourceText(policy.Text, policy.Path);
        // A file past the size limit is refused before it is parsed, here as in the build.
        if (SourceDecoder.TooLarge(text) is not null) return new[] { numbers }.ToEquatableArray();
        // The parse the build does again: the header's 'source' is what the policy's text says it reads.
        var source = PolicyParser.Parse(text).Syntax.Members.OfType<SourceSyntax>().FirstOrDefault();
        var legal = source is null ? null : LegalSourcePath.Resolve(policy.Path, source.Path.Value);
        return (legal is null ? new[] { numbers } : new[] { legal, numbers }).ToEquatableArray();
    }
}
