using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyCompiler.Collections;
using PolicyCompiler.Emit;

namespace PolicyCompiler.Generator;

/// <summary>
/// Compiles the project's <c>*.policy</c> additional files into C# guards at build time, and reports their
/// diagnostics at the policy's file, line and column. The legal texts the policies cite are additional files
/// too; the generator reads no file itself. The runtime types the guards share are added once, after
/// initialization, whether or not there are policies.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PolicyGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline's steps, for the incrementality tests.</summary>
    public static class Steps
    {
        public const string PolicyFiles = nameof(PolicyFiles);
        public const string Needs = nameof(Needs);
        public const string Inputs = nameof(Inputs);
        public const string LegalFiles = nameof(LegalFiles);
        public const string LegalFileSet = nameof(LegalFileSet);
        public const string JsonConverters = nameof(JsonConverters);
        public const string Referenced = nameof(Referenced);
        public const string Builds = nameof(Builds);
        public const string Targets = nameof(Targets);
        public const string Collisions = nameof(Collisions);
        public const string Outputs = nameof(Outputs);
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The runtime types, unless a referenced assembly has them (another project's guards): one copy in a solution.
        var referenced = context.CompilationProvider
            .Select(static (compilation, _) => ReferencedGuards.Of(compilation))
            .WithTrackingName(Steps.Referenced);
        context.RegisterSourceOutput(referenced, static (output, guards) =>
        {
            if (!guards.HasRuntime) output.AddSource(RuntimeEmitter.FileName, RuntimeEmitter.Emit());
        });

        var policies = context.AdditionalTextsProvider
            .Where(static file => PolicyFile.IsPolicy(file))
            .Select(static (file, cancellationToken) => PolicyFile.Read(file, cancellationToken))
            .WithTrackingName(Steps.PolicyFiles);

        var legalSources = context.AdditionalTextsProvider
            .Where(static file => !PolicyFile.IsPolicy(file))
            .Select(static (file, cancellationToken) => PolicyFile.Read(file, cancellationToken))
            .WithTrackingName(Steps.LegalFiles)
            .Collect()
            .Select(static (files, _) => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(Steps.LegalFileSet);

        // The enums get System.Text.Json converters where the project has System.Text.Json (6 or later: the converters
        // read and write dictionary keys too). A bool, so that an edit of the code does not re-run the builds.
        var json = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverter`1") is { } converter
                && converter.GetMembers("WriteAsPropertyName").Length > 0)
            .WithTrackingName(Steps.JsonConverters);

        // A policy's build reads only the files it names (its legal text and its numbers file): which ones is known from
        // its text alone, and picking them out of every file is cheap, so that an edit of one policy's legal text
        // leaves every other policy's build cached.
        var inputs = policies
            .Select(static (policy, cancellationToken) => (Policy: policy, Needs: PolicyNeeds.Of(policy, cancellationToken)))
            .WithTrackingName(Steps.Needs)
            .Combine(legalSources)
            .Select(static (input, _) => (input.Left.Policy, Files: input.Right.Where(f => input.Left.Needs.Contains(f.Path)).ToEquatableArray()))
            .WithTrackingName(Steps.Inputs);

        var builds = inputs
            .Combine(json)
            .Select(static (input, cancellationToken) => PolicyBuild.Run(input.Left.Policy, input.Left.Files, input.Right, cancellationToken))
            .WithTrackingName(Steps.Builds);

        // Two policies whose guards would have the same names: neither is emitted (AddSource would throw on the
        // duplicate file name, and the code would not compile), and both are told why.
        var collisions = builds
            .Where(static build => build.Target is not null)
            .Select(static (build, _) => build.Target!)
            .WithTrackingName(Steps.Targets)
            .Collect()
            .Select(static (targets, _) => Collisions(targets))
            .WithTrackingName(Steps.Collisions);

        var outputs = builds.Combine(collisions).Combine(referenced).WithTrackingName(Steps.Outputs);
        context.RegisterSourceOutput(outputs, static (output, input) => Emit(output, input.Left.Left, input.Left.Right, input.Right));
    }

    private static EquatableArray<DiagnosticInfo> Collisions(ImmutableArray<GuardTarget> targets) =>
        GuardSet.Collisions(targets.OrderBy(t => t.Path, StringComparer.Ordinal).ToList())
            .Select(d => DiagnosticInfo.From(d, null))
            .ToEquatableArray();

    private static void Emit(SourceProductionContext output, PolicyBuild build, EquatableArray<DiagnosticInfo> collisions, ReferencedGuards referenced)
    {
        foreach (var diagnostic in build.Diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        var collision = collisions.FirstOrDefault(d => d.Path == build.Path);
        if (collision is not null)
        {
            output.ReportDiagnostic(collision.ToDiagnostic());
            return;
        }
        // A policy whose guards a referenced project generates (its file is in both projects): that project's are used.
        if (build.GuardType is not null && referenced.GuardClasses.Contains(build.GuardType)) return;
        // A copy of the guards in the project's own files (policyc build's output inside it): compiled instead of the
        // generator's, which would declare every type twice; PC1031 says the copy does not follow the policy.
        if (referenced.Copies.FirstOrDefault(c => c.Type == build.GuardType) is { } copy)
        {
            var at = new Text.SourceSpan(copy.Start, copy.Length, copy.Line + 1, copy.Column + 1);
            var warning = Diagnostics.DiagnosticBuilder.At(copy.Path, at).GuardsCompiledFromACopy(copy.Path, copy.Type, build.Target?.PolicyId ?? string.Empty);
            output.ReportDiagnostic(DiagnosticInfo.From(warning, null).ToDiagnostic());
            return;
        }
        if (build.HintName is not null && build.Source is not null) output.AddSource(build.HintName, build.Source);
    }
}
