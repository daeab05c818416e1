using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;

namespace PolicyCompiler.Cli;

/// <summary>
/// The files <c>policyc build</c> writes for compiled policies, named relative to the output folder: the guards,
/// the runtime file they share, and the documents in <c>docs/</c>. <c>policyc verify</c> regenerates the same set.
/// </summary>
internal static class BuildOutputs
{
    /// <summary>The documents go beside the guards, in docs/, so that a project compiling the folder's C# sees only C#.</summary>
    public const string DocsFolder = "docs";

    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Problems) Of(IReadOnlyList<CompilationResult> compiled, string? ns)
    {
        var (guards, problems) = GuardSet.Emit(compiled, ns);
        var all = problems.Concat(PolicyDocuments.Collisions(compiled.Select(c => c.Model!.Id))).ToList();
        if (all.Count > 0) return (Array.Empty<GeneratedFile>(), all);
        var documents = compiled.SelectMany(PolicyDocuments.Generate).Select(d => d with { Name = DocsFolder + "/" + d.Name });
        return (guards.Concat(documents).ToList(), all);
    }
}
