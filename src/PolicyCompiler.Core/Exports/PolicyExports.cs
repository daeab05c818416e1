using System;
using System.Collections.Generic;
using System.Linq;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;

namespace PolicyCompiler.Exports;

/// <summary>A form privacy teams keep a policy's facts in, outside the policy.</summary>
public enum ExportFormat
{
    /// <summary>The record of processing activities (GDPR Art. 30(1)) as CSV, in each language of the documents.</summary>
    Ropa,

    /// <summary>JSON-LD in W3C's Data Privacy Vocabulary.</summary>
    Dpv,

    /// <summary>A Fides manifest (fideslang YAML): a system and a dataset skeleton.</summary>
    Fides,
}

/// <summary>
/// The exports of a compiled policy, as every host writes them: each built from the same <see cref="PolicyFacts"/>
/// as the documents, so that an export cannot say what the documents do not.
/// </summary>
public static class PolicyExports
{
    /// <summary>The formats by the name the command line gives them, in the order they are written.</summary>
    public static IReadOnlyList<(string Name, ExportFormat Format)> Formats { get; } = new[]
    {
        ("ropa", ExportFormat.Ropa),
        ("dpv", ExportFormat.Dpv),
        ("fides", ExportFormat.Fides),
    };

    public static IReadOnlyList<ExportFormat> All { get; } = Formats.Select(f => f.Format).ToArray();

    public static IReadOnlyList<GeneratedFile> Generate(CompilationResult compilation, IEnumerable<ExportFormat> formats, IReadOnlyList<DocLanguage>? languages = null) =>
        Generate(FactsBuilder.Build(compilation ?? throw new ArgumentNullException(nameof(compilation))), formats, languages);

    /// <param name="facts">The policy's facts.</param>
    /// <param name="formats">The formats to write.</param>
    /// <param name="languages">The languages of the exports written in one (the record's CSV); null: every language of the documents.</param>
    public static IReadOnlyList<GeneratedFile> Generate(PolicyFacts facts, IEnumerable<ExportFormat> formats, IReadOnlyList<DocLanguage>? languages = null)
    {
        if (facts is null) throw new ArgumentNullException(nameof(facts));
        if (formats is null) throw new ArgumentNullException(nameof(formats));
        var id = facts.Model.Id;
        var files = new List<GeneratedFile>();
        foreach (var format in formats.Distinct().OrderBy(f => f))
        {
            switch (format)
            {
                case ExportFormat.Ropa:
                    files.AddRange((languages ?? DocLanguage.All).Select(l => new GeneratedFile(RopaCsv.FileName(id, l), RopaCsv.Render(facts, l))));
                    break;
                case ExportFormat.Dpv:
                    files.Add(new GeneratedFile(DpvJsonLd.FileName(id), DpvJsonLd.Render(facts)));
                    break;
                case ExportFormat.Fides:
                    files.Add(new GeneratedFile(FidesYaml.FileName(id), FidesYaml.Render(facts)));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(formats), format, "no such export format");
            }
        }
        return files;
    }

    /// <summary>
    /// Whether a file is an export policyc wrote, so that a writer may replace it: the JSON-LD and the YAML begin
    /// with their comment; a CSV has no comments, so the record is known by its name (<c>&lt;policy&gt;.ropa.&lt;language&gt;.csv</c>)
    /// and a header row of the record's columns, whatever their words (a heading reworded must not make the file
    /// someone else's).
    /// </summary>
    public static bool IsGenerated(string fileName, string text)
    {
        if (fileName is null) throw new ArgumentNullException(nameof(fileName));
        if (text is null) throw new ArgumentNullException(nameof(text));
        if (text.StartsWith(DpvJsonLd.Marker, StringComparison.Ordinal) || text.StartsWith(FidesYaml.Marker, StringComparison.Ordinal)) return true;
        return DocLanguage.All.Any(l => fileName.EndsWith(".ropa." + l.Code + ".csv", StringComparison.Ordinal)) && RopaCsv.IsRecordHeader(text);
    }
}
