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
        return new ReferencedGuards(hasRuntime, guards.OrderBy(g => g, StringComparer.Ordinal).ToEquatableArray());
    }
}
