using System;
using System.Collections.Generic;
using System.IO;
using PolicyCompiler.Diagnostics;
using PolicyCompiler.Text;

namespace PolicyCompiler.Cli.Output;

/// <summary>The diagnostics of one input file, with its text when it could be read as text.</summary>
internal sealed record FileDiagnostics(string Path, SourceText? Text, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Writes the diagnostics of a run in one output format.</summary>
internal abstract class DiagnosticReporter
{
    public static DiagnosticReporter For(string format) => format switch
    {
        "json" => new JsonReporter(),
        "sarif" => new SarifReporter(),
        "text" => new TextReporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };

    public abstract void Write(IReadOnlyList<FileDiagnostics> files, TextWriter output);
}
