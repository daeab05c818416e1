using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Collections;
using PolicyCompiler.Emit;

namespace PolicyCompiler.Generator;

/// <summary>
/// What the assemblies a project references already hold of the generated code: the runtime types (another project's
/// generated guards, or a runtime of their own), and the guard classes of policies. A project that references the
/// project owning a policy uses that project's types; generating them again would make two of each (CS0436, CS1503).
/// Value-equatable, so that an edit of the code does not re-run what follows.
/// </summary>
internal sealed record ReferencedGuards(bool HasRuntime, EquatableArray<string> GuardClasses)
{
    /// <summary>
    /// Guard classes the project's own code declares, each with its file: a copy of what policyc build wrote (a
    /// folder of outputs inside the project). The copy is compiled instead of the generator's, and PC1031 says so.
    /// </summary>
    public EquatableArray<CopiedGuard> Copies { get; init; } = EquatableArray<CopiedGuard>.Empty;

    /// <summary>A type of the runtime every generated file uses.</summary>
    private const string RuntimeType = RuntimeEmitter.Namespace + ".PolicyDecision";

    public static ReferencedGuards Of(Microsoft.CodeAnalysis.Compilation compilation)
    {
        var hasRuntime = false;
        var guards = new System.Collections.Generic.List<string>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            // Only an assembly that holds the runtime can hold guards.
            if (assembly.GetTypeByMetadataName(RuntimeType) is null) continue;
            hasRuntime = true;
            var policies = assembly.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == GuardContract.PoliciesNamespace);
            if (policies is null) continue;
            foreach (var ns in policies.GetNamespaceMembers())
            {
                guards.AddRange(ns.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public && t.Name.EndsWith(GuardContract.GuardClassSuffix, StringComparison.Ordinal)).Select(t => t.ToDisplayString()));
            }
        }
        // The project's own files (the compilation the generator is given holds no generated source): a copy of the
        // runtime, or of a policy's guards.
        var copies = new System.Collections.Generic.List<CopiedGuard>();
        if (compilation.Assembly.GetTypeByMetadataName(RuntimeType) is not null) hasRuntime = true;
        var own = compilation.Assembly.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == GuardContract.PoliciesNamespace);
        if (own is not null)
        {
            foreach (var ns in own.GetNamespaceMembers())
            {
                foreach (var type in ns.GetTypeMembers().Where(t => t.Name.EndsWith(GuardContract.GuardClassSuffix, StringComparison.Ordinal)))
                {
                    var location = type.Locations.FirstOrDefault(l => l.IsInSource);
                    if (location is not null) copies.Add(new CopiedGuard(type.ToDisplayString(), location.SourceTree!.FilePath.Replace('\\', '/'), location.SourceSpan.Start, location.SourceSpan.Length, location.GetLineSpan().StartLinePosition.Line, location.GetLineSpan().StartLinePosition.Character));
                }
            }
        }
        return new ReferencedGuards(hasRuntime, guards.OrderBy(g => g, StringComparer.Ordinal).ToEquatableArray())
        {
            Copies = copies.OrderBy(c => c.Type, StringComparer.Ordinal).ToEquatableArray(),
        };
    }
}

/// <summary>A guard class the project's own code declares, and where (plain values, for the pipeline).</summary>
internal sealed record CopiedGuard(string Type, string Path, int Start, int Length, int Line, int Column)
{
}
