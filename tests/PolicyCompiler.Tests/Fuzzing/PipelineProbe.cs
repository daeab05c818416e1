using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Compilation;
using PolicyCompiler.Docs;
using PolicyCompiler.Emit;
using PolicyCompiler.Evaluation;
using PolicyCompiler.Formatting;
using PolicyCompiler.Legal;
using PolicyCompiler.Lint;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using PolicyCompiler.Text;

namespace PolicyCompiler.Tests.Fuzzing;

/// <summary>What one input did: how far it got, and any broken promise (an exception escapes instead).</summary>
internal sealed record ProbeOutcome(bool Decoded, bool Compiled, string? FirstError, IReadOnlyList<string> Problems)
{
    /// <summary>The consumer's compilation with the generated sources, for <see cref="PipelineProbe.GuardProblems"/>.</summary>
    public Microsoft.CodeAnalysis.Compilation? GeneratorOutput { get; init; }
}

/// <summary>
/// Runs one input through every stage a user can reach: decoding, parse and bind with the seed's legal text,
/// lint, the formatter, and for a policy without errors the guards, the documents and the policy's own tests;
/// then the source generator over the same files, as a build would run it. An exception from any stage
/// escapes to the caller. Broken promises that are not exceptions are returned as problems: the generator
/// failing (CS8785) or its diagnostics disagreeing with the compiler's. Whether the guards compile cleanly is
/// a separate step (<see cref="GuardProblems"/>): it is the consumer's C# build, not the compiler's time.
/// </summary>
internal static class PipelineProbe
{
    private static readonly ConcurrentDictionary<string, LegalSource> LegalTexts = new(StringComparer.Ordinal);

    private static readonly Lazy<Microsoft.CodeAnalysis.CSharp.CSharpCompilation> Consumer = new(() => GeneratorHarness.Compilation("namespace Consumer { internal static class Empty { } }"));

    /// <summary>Runs the input through the compiler's pipeline and the generator.</summary>
    public static ProbeOutcome Run(FuzzInput input)
    {
        var problems = new List<string>();
        var policyPath = input.Folder + "/fuzz.policy";
        var (text, decodeError) = SourceDecoder.Decode(input.Bytes, policyPath);
        if (text is null)
        {
            if (decodeError is null) problems.Add("the decoder returned neither text nor a diagnostic");
            return new ProbeOutcome(false, false, decodeError?.Code, problems);
        }

        var compiled = PolicyCompilation.Compile(text, Legal);
        Linter.Lint(compiled);
        var formatted = PolicyFormatter.Format(text);
        if (formatted.Succeeded && !compiled.HasErrors) CheckFormatterKeepsThePolicy(compiled, formatted.Text!, problems);

        if (!compiled.HasErrors && compiled.Model is not null)
        {
            var (files, collisions) = GuardSet.Emit(new[] { compiled });
            if (collisions.Count > 0 || files.Count != 2) problems.Add("a policy without errors did not emit the runtime and its guards: " + string.Join("; ", collisions));
            PolicyDocuments.Generate(compiled);
            PolicyTestRunner.Run(compiled.Model);
        }

        var output = RunGenerator(input, text.Text, compiled, problems);
        return new ProbeOutcome(true, !compiled.HasErrors, compiled.Diagnostics.FirstOrDefault(d => d.IsError)?.Code, problems) { GeneratorOutput = output };
    }

    /// <summary>The warnings and errors of the consumer's build with the generated guards: there must be none.</summary>
    public static IReadOnlyList<string> GuardProblems(ProbeOutcome outcome)
    {
        var broken = outcome.GeneratorOutput?.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList() ?? new List<Diagnostic>();
        return broken.Select(d => "the generated guards do not compile cleanly: " + d).ToList();
    }

    /// <summary>The seed's legal texts, read once: the fuzzed policies live in the seeds' folders.</summary>
    private static LegalSource Legal(string path) => LegalTexts.GetOrAdd(path, p =>
    {
        var file = Path.Combine(SeedPolicies.Root, p);
        return File.Exists(file) ? LegalSource.Found(new SourceText(File.ReadAllText(file), p)) : LegalSource.NotFound;
    });

    /// <summary>
    /// Formatting a valid policy changes its layout only: the formatted text compiles to the same model
    /// (compared without positions) and formats to itself.
    /// </summary>
    private static void CheckFormatterKeepsThePolicy(CompilationResult original, string formatted, List<string> problems)
    {
        var reformatted = PolicyCompilation.Compile(new SourceText(formatted, original.Text.Path), Legal);
        if (ModelShape.Of(reformatted.Model) != ModelShape.Of(original.Model)) problems.Add("the formatter changed what the policy says");
        if (PolicyFormatter.Format(reformatted.Text).Text != formatted) problems.Add("the formatter is not idempotent on this policy");
    }

    private static Microsoft.CodeAnalysis.Compilation RunGenerator(FuzzInput input, string policyText, CompilationResult compiled, List<string> problems)
    {
        var folder = "/fuzz/" + input.Folder;
        var files = new List<AdditionalText> { new MemoryAdditionalText(folder + "/fuzz.policy", policyText) };
        // The legal texts of the seed's folder, whatever their names (privacy-policy.ka.txt, privacy-policy.txt).
        var seedFolder = Path.Combine(SeedPolicies.Root, input.Folder);
        if (Directory.Exists(seedFolder))
        {
            foreach (var legal in Directory.GetFiles(seedFolder, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(legal);
                files.Add(new MemoryAdditionalText(folder + "/" + name, (LegalTexts.GetOrAdd(input.Folder + "/" + name, Legal).Text?.Text) ?? File.ReadAllText(legal)));
            }
        }

        var driver = GeneratorHarness.Driver(files.ToArray()).RunGeneratorsAndUpdateCompilation(Consumer.Value, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) problems.Add("the generator threw: " + result.Exception);
        if (diagnostics.Any(d => d.Id == "CS8785")) problems.Add("the generator reported CS8785: " + diagnostics.First(d => d.Id == "CS8785").GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var compilerErrors = compiled.Diagnostics.Where(d => d.IsError).Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal).ToList();
        var generatorErrors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("PC", StringComparison.Ordinal)).Select(d => d.Id).OrderBy(c => c, StringComparer.Ordinal).ToList();
        if (!compilerErrors.SequenceEqual(generatorErrors))
        {
            problems.Add($"the generator reported errors [{string.Join(", ", generatorErrors)}] where the compiler reports [{string.Join(", ", compilerErrors)}]");
        }
        if (compilerErrors.Count == 0 && !result.GeneratedSources.Any(s => s.HintName != RuntimeEmitter.FileName))
        {
            problems.Add("a policy without errors generated no guards");
        }
        return output;
    }

    /// <summary>A readable rendering of an input for a failure message.</summary>
    public static string Show(FuzzInput input)
    {
        var text = Encoding.UTF8.GetString(input.Bytes);
        return text.Length <= 2_000 ? text : text.Substring(0, 2_000) + "…";
    }
}
