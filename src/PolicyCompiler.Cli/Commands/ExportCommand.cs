using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyCompiler.Docs;
using PolicyCompiler.Exports;

namespace PolicyCompiler.Cli.Commands;

/// <summary>
/// <c>policyc export &lt;policies&gt; --format ropa|… [--out &lt;dir&gt;]</c>: writes each policy's facts in the forms
/// privacy teams keep them in. Without <c>--out</c>, the one file asked for is printed as it would be written.
/// A policy with errors is reported and not exported.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter raw, TextWriter output, TextWriter error)
    {
        var paths = CommonArguments.Paths();
        var formats = new Option<string[]>("--format")
        {
            Description = "What to export: " + string.Join(", ", PolicyExports.Formats.Select(f => f.Name)) + " (repeat it for several).",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        formats.AcceptOnlyFromAmong(PolicyExports.Formats.Select(f => f.Name).ToArray());
        var languages = new Option<string[]>("--language") { Description = "The language of the record's CSV: " + string.Join(", ", DocLanguage.All.Select(l => l.Code)) + " (default: each)." };
        languages.AcceptOnlyFromAmong(DocLanguage.All.Select(l => l.Code).ToArray());
        var outDir = new Option<string?>("--out") { Description = "The folder to write the exports to; without it, the one export asked for is printed." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that policyc did not generate." };
        var command = new Command("export", "Export each policy's facts: the record of processing activities (ropa, CSV), W3C DPV (dpv, JSON-LD), a Fides manifest (fides, YAML).") { paths, formats, languages, outDir, force };
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(formats)!, parse.GetValue(languages) ?? Array.Empty<string>(), parse.GetValue(outDir), parse.GetValue(force), raw, output, error));
        return command;
    }

    public static int Run(string[] paths, string[] formats, string[] languages, string? outDir, bool force, TextWriter raw, TextWriter output, TextWriter error)
    {
        var batch = PolicyBatch.Compile(paths);
        if (batch.WriteProblems(error)) return ExitCodes.UsageOrIo;
        var failed = batch.Failed;
        // Printed, the export is the standard output: a policy's errors go to the error stream, so that they cannot
        // end up in the file the output is redirected to.
        if (failed.Count > 0) batch.WriteFailures(outDir is null ? error : output);

        var chosen = PolicyExports.Formats.Where(f => formats.Contains(f.Name, StringComparer.Ordinal)).Select(f => f.Format).ToList();
        IReadOnlyList<DocLanguage>? inLanguages = languages.Length == 0 ? null : DocLanguage.All.Where(l => languages.Contains(l.Code, StringComparer.Ordinal)).ToList();
        var compiled = batch.Files.Where(f => f.Compilation is { HasErrors: false }).Select(f => f.Compilation!).ToList();
        var collisions = PolicyDocuments.Collisions(compiled.Select(c => c.Model!.Id));
        foreach (var problem in collisions) error.WriteLine("policyc: " + problem);
        if (collisions.Count > 0) return ExitCodes.UsageOrIo;
        var files = compiled.SelectMany(c => PolicyExports.Generate(c, chosen, inLanguages)).ToList();

        if (outDir is null)
        {
            if (files.Count == 0 && failed.Count > 0) return ExitCodes.ErrorsFound;
            if (files.Count != 1)
            {
                error.WriteLine($"policyc: this export is {files.Count} files ({string.Join(", ", files.Select(f => f.Name))}); give --out <dir>, or one policy, one --format and one --language to print it");
                return ExitCodes.UsageOrIo;
            }
            // The file's own text, as --out would write it: its line ends and byte-order mark are part of the format.
            raw.Write(files[0].Text);
            raw.Flush();
        }
        else if (!GeneratedOutput.WriteAll(files, outDir, force, output, error))
        {
            return ExitCodes.UsageOrIo;
        }
        return failed.Count > 0 ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }
}
