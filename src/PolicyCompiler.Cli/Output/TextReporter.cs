using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyCompiler.Diagnostics;

namespace PolicyCompiler.Cli.Output;

/// <summary>For the terminal: each diagnostic with its source line, a caret and the help; then a count.</summary>
internal sealed class TextReporter : DiagnosticReporter
{
    public override void Write(IReadOnlyList<FileDiagnostics> files, TextWriter output)
    {
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                output.Write(DiagnosticFormatter.Format(diagnostic, file.Text));
                output.Write('\n');
            }
        }
        var all = files.SelectMany(f => f.Diagnostics).ToList();
        var errors = all.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = all.Count(d => d.Severity == DiagnosticSeverity.Warning);
        output.Write(string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}, {3} {4}\n",
            files.Count == 1 ? PolicyCompiler.Text.TerminalText.Escape(files[0].Path) : files.Count.ToString(CultureInfo.InvariantCulture) + " files",
            errors, errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings"));
    }
}
