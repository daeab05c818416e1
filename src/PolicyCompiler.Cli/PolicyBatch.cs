using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyCompiler.Cli.Output;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli;

/// <summary>One input file compiled: its diagnostics, and the compilation when the file was text.</summary>
internal sealed record CompiledFile(string Path, SourceText? Text, CompilationResult? Compilation, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The inputs of a command, compiled; <see cref="Problems"/> are I/O and usage problems (exit 2).</summary>
internal sealed record PolicyBatch(IReadOnlyList<CompiledFile> Files, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Finds, reads and compiles the policy files named by <paramref name="paths"/>, with their legal sources.
    /// <paramref name="strict"/> is <see cref="PolicyFiles.ReadAll"/>'s.
    /// </summary>
    public static PolicyBatch Compile(IEnumerable<string> paths, bool strict = false)
    {
        var problems = new List<string>();
        var files = new List<CompiledFile>();
        foreach (var file in PolicyFiles.ReadAll(paths, strict, problems))
        {
            if (file.Text is null)
            {
                files.Add(new CompiledFile(file.DisplayPath, null, null, new[] { file.DecodeError! }));
                continue;
            }
            var siblings = PolicyFiles.LegalSources(file.Path);
            var compiled = PolicyCompilation.Compile(file.Text, siblings, numbersFile: siblings);
            files.Add(new CompiledFile(file.DisplayPath, file.Text, compiled, compiled.Diagnostics));
        }
        return new PolicyBatch(files, problems);
    }

    /// <summary>The files that did not compile (not text, or with errors).</summary>
    public IReadOnlyList<CompiledFile> Failed => Files.Where(f => f.Compilation is null || f.Compilation.HasErrors).ToList();

    /// <summary>Writes the I/O and usage problems, one line each; true when there were any (exit 2).</summary>
    public bool WriteProblems(TextWriter error)
    {
        foreach (var problem in Problems) error.WriteLine("policyc: " + problem);
        return Problems.Count > 0;
    }

    /// <summary>Writes the diagnostics of the files that did not compile, as <c>check</c> shows them.</summary>
    public void WriteFailures(TextWriter output) =>
        DiagnosticReporter.For("text").Write(Failed.Select(f => new FileDiagnostics(f.Path, f.Text, f.Diagnostics)).ToList(), output);

    public bool HasErrors
    {
        get
        {
            foreach (var file in Files)
            {
                foreach (var diagnostic in file.Diagnostics)
                {
                    if (diagnostic.IsError) return true;
                }
            }
            return false;
        }
    }
}
