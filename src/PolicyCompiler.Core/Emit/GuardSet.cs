using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;

namespace PolicyCompiler.Emit;

/// <summary>
/// The guards of several policies built together, as every host builds them: the runtime file once and one
/// file per policy, refusing what would not compile together — two policies whose files, namespaces or
/// classes would collide (names that differ only in case or punctuation), or a namespace that is not a C# name.
/// </summary>
public static class GuardSet
{
    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Problems) Emit(IReadOnlyList<CompilationResult> policies, string? ns = null)
    {
        if (policies is null) throw new ArgumentNullException(nameof(policies));
        var problems = new List<string>();
        if (ns is not null && NamespaceName.Problem(ns) is { } invalid) problems.Add(invalid);
        if (ns is not null && policies.Count > 1) problems.Add($"a namespace names the namespace of one policy; {policies.Count} were given");

        problems.AddRange(Collisions(policies.Select(GuardTarget.Of).ToList()).Select(DiagnosticFormatter.Headline));
        if (problems.Count > 0) return (Array.Empty<GeneratedFile>(), problems);

        var files = new List<GeneratedFile> { new(RuntimeEmitter.FileName, RuntimeEmitter.Emit()) };
        files.AddRange(policies.Select(p => GuardEmitter.Emit(p, new GuardEmitterOptions(ns))));
        return (files, problems);
    }

    /// <summary>
    /// PC1009 at each policy whose generated file (and so namespace and class) would be another's: C# names
    /// differ where policy names differ only in case or punctuation.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Collisions(IReadOnlyList<GuardTarget> targets)
    {
        if (targets is null) throw new ArgumentNullException(nameof(targets));
        var diagnostics = new List<Diagnostic>();
        foreach (var clash in targets.GroupBy(t => FileName(t.PolicyId), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var target in clash)
            {
                var other = clash.First(t => !ReferenceEquals(t, target));
                diagnostics.Add(DiagnosticBuilder.At(target.Path, target.NameSpan).GuardNameCollision(target.PolicyId, clash.Key, other.PolicyId, other.Path));
            }
        }
        return diagnostics;
    }

    /// <summary>The generated file of a policy: its C# name, which is what must be unique.</summary>
    public static string FileName(string policyId) => CSharpNames.Pascal(policyId) + ".g.cs";
}

/// <summary>What the collision check needs of a policy; value-equatable, so that the source generator can carry it between steps.</summary>
public sealed record GuardTarget(string Path, string PolicyId, SourceSpan NameSpan)
{
    public static GuardTarget Of(CompilationResult compilation)
    {
        if (compilation?.Model is null) throw new ArgumentException("only a compiled policy has guards", nameof(compilation));
        return new GuardTarget(compilation.Text.Path, compilation.Model.Id, compilation.Syntax.Id?.Span ?? compilation.Syntax.Span);
    }
}
