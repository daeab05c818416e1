using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyCompiler.Compilation;

namespace PolicyCompiler.Emit;

/// <summary>
/// The guards of several policies built together, as every host builds them: the runtime file once and one
/// file per policy, refusing what would not compile together — two policies whose files, namespaces or
/// classes would collide (names that differ only in case or punctuation), or a namespace that is not a C# name.
/// </summary>
public static class GuardSet
{
    private static readonly Regex DottedIdentifier = new(@"^@?[A-Za-z_][A-Za-z0-9_]*(\.@?[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant);

    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Problems) Emit(IReadOnlyList<CompilationResult> policies, string? ns = null)
    {
        if (policies is null) throw new ArgumentNullException(nameof(policies));
        var problems = new List<string>();
        if (ns is not null && !DottedIdentifier.IsMatch(ns)) problems.Add($"'{ns}' is not a C# namespace name");
        if (ns is not null && policies.Count > 1) problems.Add($"a namespace names the namespace of one policy; {policies.Count} were given");

        foreach (var clash in policies.GroupBy(p => FileName(p.Model!.Id), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"the policies {string.Join(" and ", clash.Select(p => p.Text.Path))} would all generate {clash.Key} (and the same namespace): rename one");
        }
        if (problems.Count > 0) return (Array.Empty<GeneratedFile>(), problems);

        var files = new List<GeneratedFile> { new(RuntimeEmitter.FileName, RuntimeEmitter.Emit()) };
        files.AddRange(policies.Select(p => GuardEmitter.Emit(p, new GuardEmitterOptions(ns))));
        return (files, problems);
    }

    /// <summary>The generated file of a policy: its C# name, which is what must be unique.</summary>
    public static string FileName(string policyId) => CSharpNames.Pascal(policyId) + ".g.cs";
}
