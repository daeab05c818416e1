using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace PolicyCompiler.Tests.Support;

/// <summary>
/// Compiles generated C# in memory against the .NET 8 reference assemblies, the way a consumer would
/// (nullable enabled, warnings as errors, latest language version), and loads the result.
/// </summary>
internal static class GeneratedAssembly
{
    public static (Assembly? Assembly, string[] Problems) Compile(params string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, "generated" + i + ".cs")).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999,
            deterministic: true);
        var compilation = CSharpCompilation.Create("Generated" + Guid.NewGuid().ToString("N"), trees, Basic.Reference.Assemblies.Net80.References.All, options);
        using var stream = new MemoryStream();
        using var documentation = new MemoryStream();
        var result = compilation.Emit(stream, xmlDocumentationStream: documentation);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).Select(d => d.ToString()).ToArray();
        if (!result.Success) return (null, problems);
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        stream.Position = 0;
        return (context.LoadFromStream(stream), problems);
    }

    public static Assembly CompileClean(params string[] sources)
    {
        var (assembly, problems) = Compile(sources);
        Assert.True(problems.Length == 0, string.Join("\n", problems.Take(20)));
        return assembly!;
    }
}
