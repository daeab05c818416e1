using System.Collections.Generic;
using PolicyCompiler.Compilation;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli;

/// <summary>One input file compiled: its diagnostics, and the compilation when the file was text.</summary>
internal sealed record CompiledFile(string Path, SourceText? Text, CompilationResult? Compilation, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>The inputs of a command, compiled; <see cref="Problems"/> are I/O and usage problems (exit 2).</summary>
internal sealed record PolicyBatch(IReadOnlyList<CompiledFile> Files, IReadOnlyList<string> Problems)
{
    /// <summary>Finds, reads and compiles the policy files named by <paramref name="paths"/>, with their legal sources.</summary>
    public static PolicyBatch Compile(IEnumerable<string> paths)
    {
        var problems = new List<string>();
        var files = new List<CompiledFile>();
        foreach (var path in PolicyFiles.Expand(paths, problems))
        {
            var file = PolicyFiles.Read(path, problems);
            if (file is null) continue;
            if (file.Text is null)
            {
                files.Add(new CompiledFile(file.DisplayPath, null, null, new[] { file.DecodeError! }));
                continue;
            }
            var compiled = PolicyCompilation.Compile(file.Text, PolicyFiles.ReadLegalSource);
            files.Add(new CompiledFile(file.DisplayPath, file.Text, compiled, compiled.Diagnostics));
        }
        return new PolicyBatch(files, problems);
    }

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
