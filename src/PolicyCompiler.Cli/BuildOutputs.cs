using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Exports;

namespace PolicyCompiler.Cli;

/// <summary>
/// The files <c>policyc build</c> writes for compiled policies, named relative to the output folder: the guards,
/// the runtime file they share, the documents in <c>docs/</c> and the exports in <c>exports/</c>. <c>policyc verify</c> regenerates the same set.
/// </summary>
internal static class BuildOutputs
{
    /// <summary>The documents go beside the guards, in docs/, so that a project compiling the folder's C# sees only C#.</summary>
    public const string DocsFolder = "docs";

    /// <summary>The exports (record of processing, …) go in their own folder: they are for privacy teams, not for the build.</summary>
    public const string ExportsFolder = "exports";

    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Problems) Of(IReadOnlyList<CompilationResult> compiled, string? ns)
    {
        var (guards, guardProblems) = GuardSet.Emit(compiled, ns);
        var collisions = PolicyDocuments.Collisions(compiled.Select(c => c.Model!.Id));
        var problems = guardProblems.Concat(collisions).ToList();
        if (problems.Count > 0) return (Array.Empty<GeneratedFile>(), problems);
        // Each policy's facts once, for its documents and its exports.
        var files = guards.ToList();
        foreach (var facts in compiled.Select(FactsBuilder.Build).ToList())
        {
            files.AddRange(PolicyDocuments.Generate(facts).Select(d => d with { Name = DocsFolder + "/" + d.Name }));
            files.AddRange(PolicyExports.Generate(facts, PolicyExports.All).Select(e => e with { Name = ExportsFolder + "/" + e.Name }));
        }
        // The guards, then the documents of every policy, then their exports: the order the files are reported in.
        return (files.OrderBy(f => f.Name.StartsWith(DocsFolder + "/", StringComparison.Ordinal) ? 1 : f.Name.StartsWith(ExportsFolder + "/", StringComparison.Ordinal) ? 2 : 0).ToList(), problems);
    }

    /// <summary>Each policy's documents (named as in their own folder), or the id clashes that stop them.</summary>
    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Problems) Documents(IReadOnlyList<CompilationResult> compiled)
    {
        var collisions = PolicyDocuments.Collisions(compiled.Select(c => c.Model!.Id));
        return collisions.Count > 0
            ? (Array.Empty<GeneratedFile>(), collisions)
            : (compiled.SelectMany(PolicyDocuments.Generate).ToList(), collisions);
    }
}
