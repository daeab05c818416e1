using System.Linq;
using System.Threading;
using PolicyCompiler.Collections;
using PolicyCompiler.Compilation;
using PolicyCompiler.Emit;
using PolicyCompiler.Text;

namespace PolicyCompiler.Generator;

/// <summary>
/// What the generator makes of one policy: its guards (when it compiled without errors) and its diagnostics.
/// Plain, value-equatable data, so that an unchanged policy stops the pipeline here.
/// </summary>
internal sealed record PolicyBuild(string Path, GuardTarget? Target, string? HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The full name of the guard class the source declares (<c>Policies.Eleven.ElevenPolicy</c>): a referenced assembly may hold it already.</summary>
    public string? GuardType { get; init; }

    private static string GuardTypeOf(CompilationResult result)
    {
        var names = GuardNames.Of(result.Model!);
        return names.DefaultNamespace + "." + names.GuardClass;
    }

    /// <summary>Compiles and emits through the core calls <c>policyc build</c> makes, so both write the same bytes.</summary>
    public static PolicyBuild Run(PolicyFile policy, EquatableArray<PolicyFile> legalSources, bool jsonConverters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // An additional file the compiler could not read is its own error to report (CS2001 and the like); one
        // whose content is not policy text gets the diagnostic policyc gives it.
        if (policy.NotText is not null) return new PolicyBuild(policy.Path, null, null, null, new[] { policy.NotText }.ToEquatableArray());
        if (policy.Text is null) return new PolicyBuild(policy.Path, null, null, null, EquatableArray<DiagnosticInfo>.Empty);

        var files = PolicyFile.Resolver(legalSources);
        var result = PolicyCompilation.Compile(new SourceText(policy.Text, policy.Path), files, numbersFile: files);
        var absent = result.Numbers?.WhenAbsent(result.Text);
        var diagnostics = result.Diagnostics.Concat(absent is null ? Enumerable.Empty<Diagnostics.Diagnostic>() : new[] { absent })
            .Select(d => DiagnosticInfo.From(d, d.Path == result.Text.Path ? result.Text : null)).ToEquatableArray();
        var options = new GuardEmitterOptions(JsonConverters: jsonConverters);
        if (result.HasErrors || result.Model is null)
        {
            // The policy's errors fail the build; guards that deny everything keep the code that uses its types
            // compiling, so that they are the only errors (no CS0246 for every use of Category).
            var denying = GuardEmitter.EmitDenying(result, options);
            return denying is null
                ? new PolicyBuild(policy.Path, null, null, null, diagnostics)
                : new PolicyBuild(policy.Path, GuardTarget.Of(result), denying.Name, denying.Text, diagnostics) { GuardType = GuardTypeOf(result) };
        }

        var guards = GuardEmitter.Emit(result, options);
        return new PolicyBuild(policy.Path, GuardTarget.Of(result), guards.Name, guards.Text, diagnostics) { GuardType = GuardTypeOf(result) };
    }
}
