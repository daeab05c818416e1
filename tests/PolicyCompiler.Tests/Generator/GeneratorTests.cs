using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyCompiler.Emit;
using PolicyCompiler.Generator;
using PolicyCompiler.Tests.Seeds;
using PolicyCompiler.Tests.Support;
using Xunit;

namespace PolicyCompiler.Tests.Generator;

/// <summary>The incremental generator: same bytes as policyc build, diagnostics in the policy file, and caching.</summary>
public sealed class GeneratorTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("policyc-gen-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Theory]
    [InlineData("eleven/eleven.policy")]
    [InlineData("spar-online/spar-online.policy")]
    public void Generator_emits_exactly_what_policyc_build_writes(string policy)
    {
        var (exit, _, error) = Support.Cli.Run("build", SeedPolicies.PathOf(policy), "--out", _out);
        Assert.True(exit == 0, error);

        var result = GeneratorHarness.Driver(GeneratorHarness.Seed(policy)).RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.Empty(result.Diagnostics);
        var generated = result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var written = Directory.GetFiles(_out).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(written.Keys.OrderBy(k => k, StringComparer.Ordinal), generated.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, text) in written) Assert.True(text == generated[name], name + " differs between policyc build and the generator");
    }

    [Fact]
    public void Generated_guards_of_the_policies_compile_without_warnings()
    {
        var files = SeedPolicies.All.SelectMany(GeneratorHarness.Seed).ToArray();
        GeneratorHarness.Driver(files).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        // The runtime and the guards of each policy.
        Assert.Equal(1 + SeedPolicies.All.Length, output.SyntaxTrees.Count());
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }

    [Fact]
    public void A_second_run_on_a_cloned_compilation_changes_no_step()
    {
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.Driver(GeneratorHarness.Seed("eleven/eleven.policy")).RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        var steps = TrackedSteps(second);
        Assert.NotEmpty(steps);
        foreach (var (step, reason) in steps) Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
    }

    [Fact]
    public void An_unrelated_cs_file_leaves_the_policy_steps_cached()
    {
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.Driver(GeneratorHarness.Seed("eleven/eleven.policy")).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.Parse));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var steps = TrackedSteps(second);
        Assert.Contains(steps, s => s.Step == PolicyGenerator.Steps.Builds);
        // Whether the project has System.Text.Json, and what its references hold of generated code, are asked of each
        // compilation; the answers are the same, so the builds after them stay cached.
        var asked = new[] { PolicyGenerator.Steps.JsonConverters, PolicyGenerator.Steps.Referenced };
        foreach (var step in asked) Assert.Contains((step, IncrementalStepRunReason.Unchanged), steps);
        foreach (var (step, reason) in steps.Where(s => !asked.Contains(s.Step))) Assert.True(reason == IncrementalStepRunReason.Cached, $"{step}: {reason}");
    }

    [Fact]
    public void Guards_policyc_wrote_into_the_project_are_compiled_once_with_a_warning()
    {
        var files = GeneratorHarness.Seed("eleven/eleven.policy");
        var generated = Path.Combine(Repository.Root, "policies", "generated");
        // The committed outputs of policyc build, copied into the project's folder as a consumer might.
        var copies = new[] { "Eleven.g.cs", RuntimeEmitter.FileName }
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(generated, f)), GeneratorHarness.Parse, "/repo/policies/generated/" + f))
            .ToArray();
        var compilation = GeneratorHarness.Compilation("class Program { }").AddSyntaxTrees(copies);

        GeneratorHarness.Driver(files).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal("PC1031", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("/repo/policies/generated/Eleven.g.cs", warning.Location.GetLineSpan().Path);
        Assert.StartsWith("/repo/policies/generated/Eleven.g.cs declares Policies.Eleven.ElevenPolicy, the guards of the policy 'eleven'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(copies.Length + 1, output.SyntaxTrees.Count());
    }

    [Fact]
    public void Editing_one_policys_legal_text_rebuilds_that_policy_alone()
    {
        var files = SeedPolicies.All.SelectMany(GeneratorHarness.Seed).ToArray();
        var compilation = GeneratorHarness.Compilation("class Program { }");
        var driver = GeneratorHarness.Driver(files).RunGenerators(compilation);

        var legal = files.Single(f => f.Path.EndsWith("spar-online/privacy-policy.ka.txt", StringComparison.Ordinal));
        var edited = new MemoryAdditionalText(legal.Path, legal.GetText()!.ToString() + "\n");
        var result = driver.ReplaceAdditionalText(legal, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        var builds = result.TrackedSteps[PolicyGenerator.Steps.Builds].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(3, builds.Count);
        var rebuilt = builds.Where(o => o.Reason != IncrementalStepRunReason.Cached).Select(o => (string)o.Value.GetType().GetProperty("Path")!.GetValue(o.Value)!).ToList();
        Assert.Equal(new[] { files.Single(f => f.Path.EndsWith("spar-online.policy", StringComparison.Ordinal)).Path.Replace('\\', '/') }, rebuilt);
    }

    [Fact]
    public void Editing_a_policy_regenerates_its_guards()
    {
        var files = GeneratorHarness.Seed("eleven/eleven.policy");
        var policy = files.Single(f => f.Path.EndsWith(".policy", StringComparison.Ordinal));
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(files).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "Eleven.g.cs").SourceText.ToString();

        var text = policy.GetText()!.ToString();
        // A second purpose declared like the first one, with the same citation.
        var first = text.IndexOf("  purpose service-operation ", StringComparison.Ordinal);
        var declaration = text.Substring(first, text.IndexOf("\n  purpose ", first + 1, StringComparison.Ordinal) - first + 1);
        var changed = text.Insert(first, declaration.Replace("service-operation", "newsletter", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(policy, new MemoryAdditionalText(policy.Path, changed)).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[PolicyGenerator.Steps.Builds].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var after = result.GeneratedSources.Single(s => s.HintName == "Eleven.g.cs").SourceText.ToString();
        Assert.DoesNotContain("Newsletter", before, StringComparison.Ordinal);
        Assert.Contains("Newsletter = ", after, StringComparison.Ordinal);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_compilation_or_source_text()
    {
        var files = SeedPolicies.All.SelectMany(GeneratorHarness.Seed).ToArray();
        var result = GeneratorHarness.Driver(files).RunGenerators(GeneratorHarness.Compilation("class Program { }")).GetRunResult().Results.Single();

        foreach (var (name, runs) in result.TrackedSteps.Where(s => IsPipelineStep(s.Key)))
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                var offender = ForbiddenObject(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance));
                Assert.True(offender is null, $"the step {name} holds a {offender}");
            }
        }
    }

    [Fact]
    public void A_malformed_policy_is_reported_at_its_file_line_and_column_and_generates_guards_that_deny()
    {
        const string text = "policy shop {\n  category contact.email ka \"ელფოსტა\" en \"email\" cites §1\n  process contact.email for\n  purpose ads ka \"რეკლამა\" en \"ads\" basis consnt cites §2\n}\n";
        var result = GeneratorHarness.Driver(new MemoryAdditionalText("/repo/policies/shop.policy", text)).RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.Null(result.Results.Single().Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
        var rendered = result.Diagnostics.Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Severity} {d.Id}").ToList();
        Assert.Contains("/repo/policies/shop.policy(3,28): Error PC0001", rendered);
        Assert.Contains("/repo/policies/shop.policy(4,43): Error PC1006", rendered);
        // Its types, so that code using them compiles, with guards that permit nothing.
        Assert.Equal(new[] { RuntimeEmitter.FileName, "Shop.g.cs" }, result.Results.Single().GeneratedSources.Select(s => s.HintName));
        Assert.Contains("permit nothing", result.Results.Single().GeneratedSources[1].SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_whose_guards_would_collide_are_both_refused_with_PC1009()
    {
        var one = new MemoryAdditionalText("/repo/policies/one.policy", "policy shop-online { }\n");
        var two = new MemoryAdditionalText("/repo/policies/two.policy", "policy shop.online { }\n");

        var result = GeneratorHarness.Driver(one, two).RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.Null(result.Results.Single().Exception);
        var collisions = result.Diagnostics.Where(d => d.Id == "PC1009").Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(new[] { one.Path, two.Path }, collisions);
        Assert.Equal(new[] { RuntimeEmitter.FileName }, result.Results.Single().GeneratedSources.Select(s => s.HintName));
    }

    [Fact]
    public void A_legal_source_missing_from_the_additional_files_is_reported_not_read_from_disk()
    {
        var policy = GeneratorHarness.Seed("eleven/eleven.policy").Single(f => f.Path.EndsWith(".policy", StringComparison.Ordinal));

        var result = GeneratorHarness.Driver(policy).RunGenerators(GeneratorHarness.Compilation()).GetRunResult();

        Assert.Contains(result.Diagnostics, d => d.Id == "PC2002" && d.Location.GetLineSpan().Path == policy.Path);
    }

    [Fact]
    public void The_generator_numbers_names_by_the_policys_numbers_file_and_warns_where_there_is_none()
    {
        var policy = new MemoryAdditionalText("/repo/policies/shop.policy", Support.Compile.Policy(""));
        var numbers = new MemoryAdditionalText("/repo/policies/shop.numbers",
            "category 7 contact.email\ncategory 3 contact.phone\ncategory 0 payment.card\ncategory 1 special.health\n" +
            "purpose 4 order\npurpose 2 marketing\nsubject 0 customer\nrecipient 0 courier\ncondition 9 law\n");

        GeneratorHarness.Driver(policy, numbers).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var guards = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Shop.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("ContactEmail = 7,", guards, StringComparison.Ordinal);
        Assert.Contains("Order = 4,", guards, StringComparison.Ordinal);
        Assert.Contains("Law = 1UL << 9,", guards, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        GeneratorHarness.Driver(policy).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out _, out var without);
        var warning = Assert.Single(without);
        Assert.Equal("PC1030", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("/repo/policies/shop.policy", warning.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_line_of_the_numbers_file_that_does_not_read_is_an_error_at_that_line()
    {
        var policy = new MemoryAdditionalText("/repo/policies/shop.policy", Support.Compile.Policy(""));
        var numbers = new MemoryAdditionalText("/repo/policies/shop.numbers", "# numbers\ncategory 0 contact.email\ncategory zero contact.phone\n");

        GeneratorHarness.Driver(policy, numbers).RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(), out var output, out var diagnostics);

        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("PC1027", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal("/repo/policies/shop.numbers", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Contains("permit nothing", output.SyntaxTrees.Single(t => t.FilePath.EndsWith("Shop.g.cs", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
    }

    private static List<(string Step, IncrementalStepRunReason Reason)> TrackedSteps(GeneratorRunResult result) =>
        result.TrackedSteps
            .Where(s => IsPipelineStep(s.Key))
            .SelectMany(s => s.Value.SelectMany(run => run.Outputs.Select(o => (s.Key, o.Reason))))
            .ToList();

    /// <summary>A step of the generator's pipeline (Roslyn tracks its own output steps too).</summary>
    private static bool IsPipelineStep(string name) =>
        typeof(PolicyGenerator.Steps).GetFields().Any(f => (string)f.GetRawConstantValue()! == name);

    /// <summary>The type name of the first forbidden object reachable from <paramref name="value"/>, or null.</summary>
    private static string? ForbiddenObject(object? value, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return null;
        if (value is ISymbol or SyntaxNode or Microsoft.CodeAnalysis.Compilation or Microsoft.CodeAnalysis.Text.SourceText or Text.SourceText or SemanticModel) return value.GetType().FullName;
        if (!value.GetType().IsValueType && !seen.Add(value)) return null;
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                var found = ForbiddenObject(item, seen);
                if (found is not null) return found;
            }
            return null;
        }
        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var found = ForbiddenObject(field.GetValue(value), seen);
            if (found is not null) return found;
        }
        return null;
    }
}
